import {
  ComparePlansByThemeDocument,
  CompareOutcomesDocument,
  type ComparedCareSeriesFragment,
  type ComparedSeriesFragment,
  type ComparisonPartsFragment,
  type StatisticalNeighbourSet,
} from "./generated/graphql";
import { execute } from "./request";
import { ATTRIBUTION } from "./attribution";
import { csv, markdownText, type CsvValue } from "./safe-export";

export interface ThemeComparisonRequest {
  theme: string;
  /** ONS codes; none = every authority (slow: one column each) */
  codes: string[];
  neighbours: StatisticalNeighbourSet;
  /** measures to add to those the authorities' indicators map to */
  extraMeasures?: { education: string[]; care: string[] };
  /** leave out the links the documents do not state (inferred by the extractor; see seeds/README.md) */
  statedOnly?: boolean;
}

export interface AuthorityColumn {
  code: string;
  name: string;
  /** null: the authority runs no plan subgraph, so nothing is known of its plans */
  priorities: Array<{ title: string; plan: string; source: string }> | null;
  leadGroups: string[] | null;
}

export interface MeasureRow {
  code: string;
  name: string;
  domain: "education" | "care";
  unit: string | null;
  polarity: string | null;
  /** authority code → its comparison (null: no figure held) */
  byAuthority: Record<string, (ComparisonPartsFragment & { localFigures: Array<{ label: string | null; value: number | null; period: string; source: string }> }) | null>;
}

export interface ThemeComparison {
  theme: { id: string; name: string };
  /** true: inferred links were left out (lead groups and indicators reached only through stated links) */
  statedOnly?: boolean;
  neighbours: StatisticalNeighbourSet;
  authorities: AuthorityColumn[];
  measures: MeasureRow[];
  /** partial answers: e.g. one authority's plan subgraph down */
  errors: string[];
}

type Series = ComparedSeriesFragment | ComparedCareSeriesFragment;

/** Fetches, through the typed client, everything `npm run compare` prints. */
export async function compareTheme(gatewayUrl: string, request: ThemeComparisonRequest): Promise<ThemeComparison> {
  const codes = request.codes.length ? request.codes : null;
  const plans = await execute(gatewayUrl, ComparePlansByThemeDocument, { codes, theme: request.theme, includeInferred: !request.statedOnly });
  if (!plans.data.theme) throw new Error(`no theme "${request.theme}"`);

  const measures = new Map<string, { domain: "education" | "care"; name: string }>();
  for (const authority of plans.data.authorities) {
    for (const priority of authority.priorities ?? []) {
      for (const indicator of priority.indicators) {
        const outcome = indicator.outcome;
        if (!outcome?.measure) continue;
        measures.set(outcome.measure.code, { domain: outcome.__typename === "EducationIndicatorOutcome" ? "education" : "care", name: outcome.measure.name });
      }
    }
  }
  const byDomain = (domain: "education" | "care") => [
    ...new Set([...[...measures].filter(([, m]) => m.domain === domain).map(([code]) => code), ...(request.extraMeasures?.[domain] ?? [])]),
  ];

  const outcomes = await execute(gatewayUrl, CompareOutcomesDocument, {
    codes,
    education: byDomain("education"),
    care: byDomain("care"),
    neighbours: request.neighbours,
  });

  const rows = new Map<string, MeasureRow>();
  for (const authority of outcomes.data.authorities) {
    const series: Array<[Series, "education" | "care"]> = [
      ...(authority.education?.measures ?? []).map((s): [Series, "education"] => [s, "education"]),
      ...(authority.care?.measures ?? []).map((s): [Series, "care"] => [s, "care"]),
    ];
    for (const [s, domain] of series) {
      const row = rows.get(s.measure.code) ?? { code: s.measure.code, name: s.measure.name, domain, unit: s.measure.unit ?? null, polarity: s.measure.polarity ?? null, byAuthority: {} };
      row.byAuthority[authority.code] = {
        ...s.comparison,
        localFigures: s.figures
          .filter((f) => f.kind === "LOCAL")
          .map((f) => ({ label: f.label ?? null, value: f.value ?? null, period: f.period.label, source: `${f.source.document.title}, ${f.source.section}` })),
      };
      rows.set(s.measure.code, row);
    }
  }

  return {
    theme: plans.data.theme,
    statedOnly: request.statedOnly ?? false,
    neighbours: request.neighbours,
    // columns in the order asked for (the registry answers in name order)
    authorities: [...plans.data.authorities].sort((a, b) => (codes ? codes.indexOf(a.code) - codes.indexOf(b.code) : 0)).map((a) => ({
      code: a.code,
      name: a.name,
      priorities: a.priorities ? a.priorities.map((p) => ({ title: p.title, plan: `${p.plan.title} (${p.plan.period.label})`, source: `${p.source.document.title}, ${p.source.section}` })) : null,
      leadGroups: a.priorities ? [...new Set(a.priorities.flatMap((p) => p.actions.flatMap((x) => x.leadGroups.map((g) => g.canonicalName))))].sort() : null,
    })),
    measures: [...rows.values()].sort((a, b) => a.domain.localeCompare(b.domain) || a.code.localeCompare(b.code)),
    errors: [...plans.errors, ...outcomes.errors],
  };
}

const number = (value: number | null | undefined) => (value === null || value === undefined ? "–" : String(Number(value.toFixed(2))));

/** One table cell: latest value and period, rank and band, trend; "no figure" said plainly. */
export function describeComparison(c: MeasureRow["byAuthority"][string]): string {
  if (!c) return "no figure held";
  if (!c.latest) return c.unavailable ?? "no published figure";
  const parts = [`${number(c.latest.value)} (${c.latest.period.label})`];
  if (c.rank) parts.push(`rank ${c.rank.position}/${c.rank.outOf}${c.rank.band ? ` band ${c.rank.band}` : ""}${c.rank.national ? "" : " (extract)"}`);
  if (c.neighbours) parts.push(`SN mean ${number(c.neighbours.mean)}`);
  parts.push(c.trend.direction ? c.trend.direction.toLowerCase().replace(/_/g, " ") : "no trend");
  return parts.join(", ");
}

/** every piece of data in the Markdown goes through markdownText (safe-export.ts): editors write titles and names */
const mdCell = markdownText;

export function renderMarkdown(result: ThemeComparison): string {
  const names = result.authorities.map((a) => a.name);
  const header = (first: string, rest: string[]) => [`| ${[first, ...rest].map(mdCell).join(" | ")} |`, `|${[first, ...rest].map(() => " --- ").join("|")}|`];
  const lines = [`# ${mdCell(result.theme.name)}`, "", `Authorities: ${names.map(mdCell).join(", ")}.`, ""];
  if (result.statedOnly) lines.push("Stated links only: actions, lead groups and indicators the documents do not themselves link to a priority are left out.", "");
  lines.push("## Priorities", "", ...header("Authority", ["Priorities tagged with this theme"]));
  for (const a of result.authorities) {
    const text = a.priorities === null ? "no plan subgraph: plans not held" : a.priorities.length ? a.priorities.map((p) => `${p.title} (${p.plan})`).join("; ") : "none tagged";
    lines.push(`| ${mdCell(a.name)} | ${mdCell(text)} |`);
  }
  lines.push("", "## Lead groups", "", ...header("Authority", ["Groups leading those priorities' actions"]));
  for (const a of result.authorities) {
    const text = a.leadGroups === null ? "no plan subgraph: plans not held" : a.leadGroups.length ? a.leadGroups.join("; ") : "none named";
    lines.push(`| ${mdCell(a.name)} | ${mdCell(text)} |`);
  }
  lines.push("", "## Outcome figures", "");
  if (!result.measures.length) lines.push("No indicator of these priorities maps to a published measure.");
  else {
    lines.push(...header("Measure", [...names, "England"]));
    for (const m of result.measures) {
      // each authority is compared for its own latest period; England is shown for the first one's, with that period named
      const first = Object.values(m.byAuthority).find((c) => c?.england && c.latest);
      const england = first ? `${number(first.england!.value)} (${first.latest!.period.label})` : "–";
      const label = `${m.name} (${m.code}; ${m.polarity ? m.polarity.toLowerCase().replace(/_/g, " ") : "no polarity"})`;
      lines.push(`| ${[label, ...result.authorities.map((a) => describeComparison(m.byAuthority[a.code] ?? null)), england].map(mdCell).join(" | ")} |`);
    }
    const set = Object.values(result.measures[0]!.byAuthority).find((c) => c?.neighbours)?.neighbours?.set;
    lines.push("", `Statistical neighbours: ${mdCell(set ? `${set.label} (${set.publishedAt})` : result.neighbours)}. Rank 1 is the best value by polarity; band A is the best quarter.`);
    const local = result.measures.flatMap((m) => Object.entries(m.byAuthority).flatMap(([code, c]) => (c?.localFigures ?? []).map((f) => ({ m, code, f }))));
    if (local.length) {
      lines.push("", "Local figures from the authorities' own documents:");
      for (const { m, code, f } of local) lines.push(`- ${mdCell(`${result.authorities.find((a) => a.code === code)?.name}: ${m.code} ${number(f.value)} (${f.period}) — ${f.source}`)}`);
    }
  }
  if (result.errors.length) lines.push("", `Partial answer: ${mdCell(result.errors.join("; "))}`);
  lines.push("", mdCell(ATTRIBUTION));
  return lines.join("\n") + "\n";
}

/** Long format: one row per authority and item, so a spreadsheet can pivot it; written by csv() (safe-export.ts). */
export function renderCsv(result: ThemeComparison): string {
  const rows: CsvValue[][] = [
    ["section", "authority_code", "authority", "item", "value", "period", "england", "region", "neighbour_mean", "neighbour_median", "neighbour_set", "rank", "out_of", "band", "trend", "source"],
  ];
  for (const a of result.authorities) {
    for (const p of a.priorities ?? []) rows.push(["priority", a.code, a.name, p.title, null, p.plan, null, null, null, null, null, null, null, null, null, p.source]);
    for (const g of a.leadGroups ?? []) rows.push(["lead-group", a.code, a.name, g]);
  }
  for (const m of result.measures) {
    for (const a of result.authorities) {
      const c = m.byAuthority[a.code];
      rows.push([
        "measure", a.code, a.name, m.code, c?.latest?.value, c?.latest?.period.label, c?.england?.value, c?.region?.value, c?.neighbours?.mean, c?.neighbours?.median,
        c?.neighbours?.set.publishedAt, c?.rank?.position, c?.rank?.outOf, c?.rank?.band, c?.trend.direction, c ? "DfE LAIT" : null,
      ]);
      for (const f of c?.localFigures ?? []) rows.push(["local-figure", a.code, a.name, m.code, f.value, f.period, null, null, null, null, null, null, null, null, null, f.source]);
    }
  }
  // last, an ordinary row of the same width (no comment line: parsers would need an option for it), found by its section
  rows.push(["attribution", null, null, null, null, null, null, null, null, null, null, null, null, null, null, ATTRIBUTION]);
  const width = rows[0]!.length;
  return csv(rows.map((r) => Array.from({ length: width }, (_, i) => r[i])));
}
