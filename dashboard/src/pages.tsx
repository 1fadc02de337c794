/**
 * Every page: query params → a typed client operation → a view. Each loader returns a model the
 * page and its CSV are both made from, so a download holds exactly the figures shown.
 */
import type { ComponentChildren } from "preact";
import {
  DashboardAuthorityDocument, DashboardMeasureAllDocument, DashboardMeasureDocument, DashboardOutcomesDocument,
  type DashboardComparisonFragment, type DashboardMeasureQuery, type DashboardRankedFragment, type Polarity,
} from "../../gateway/client/generated/graphql";
import { ATTRIBUTION } from "../../gateway/client/attribution";
import type { CsvValue } from "../../gateway/client/safe-export";
import { COLOURS, DotPlot, dotPlotHeight, LineChart, lineChartHeight, standaloneSvg, type Dot, type Reference } from "./charts";
import type { Catalogue, Data, MeasureInfo } from "./data";
import {
  bandText, csvFigure, figure, joinWords, NOT_AVAILABLE, periodShorthand, polarityText, rankText, summarySentence, trendText,
  isCountUnit,
} from "./format";
import { allPath, authorityPath, Downloads, measurePath, Notice, Shorthand, SourceDetails, Table } from "./layout";

/** a page, a file, a redirect, or a refusal naming what was wrong */
export type Result =
  | { kind: "page"; status?: number; title: string; body: ComponentChildren; wide?: boolean }
  | { kind: "csv"; filename: string; rows: CsvValue[][] }
  | { kind: "svg"; filename: string; svg: string }
  | { kind: "redirect"; location: string };

export class BadRequest extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

export const TEES_VALLEY = ["E06000005", "E06000001", "E06000002", "E06000003", "E06000004"] as const;

const CSV_HEAD = ["table", "area_code", "area", "measure_code", "measure", "period", "value", "shorthand", "kind", "source", "as_at", "licence"];
const PUBLISHED_LICENCE = "Open Government Licence v3.0 (DfE LAIT)";
const LOCAL_LICENCE = "the council's own document (see DATA-LICENCE.md)";

/** a figure as one CSV row (long format) */
function csvRow(table: string, area: { code: string; name: string }, measure: { code: string; name: string }, period: string | null | undefined, value: number | null | undefined, kind: "published" | "local", source: string, asAt: string | null | undefined, status?: string | null): CsvValue[] {
  const shorthand = value === null || value === undefined ? NOT_AVAILABLE : periodShorthand(status);
  return [table, area.code, area.name, measure.code, measure.name, period ?? "", csvFigure(value), shorthand, kind, source, asAt ?? "", kind === "published" ? PUBLISHED_LICENCE : LOCAL_LICENCE];
}

// ---------- input checks: every code is checked before it reaches the gateway ----------

const AUTHORITY_CODE = /^E\d{8}$/;

export function authorityCode(raw: string | null | undefined, catalogue: Catalogue): { code: string; name: string; hasPlanSubgraph: boolean; region: { code: string; name: string } } {
  const code = (raw ?? "").trim().toUpperCase();
  if (!AUTHORITY_CODE.test(code)) throw new BadRequest(`"${(raw ?? "").slice(0, 40)}" is not an authority's ONS code (E followed by 8 digits, e.g. E06000003)`);
  const area = catalogue.areas.find((a) => a.code === code);
  if (!area) throw new BadRequest(`no English local authority has the ONS code ${code}`, 404);
  return area;
}

export function measureCode(raw: string | null | undefined, catalogue: Catalogue): MeasureInfo {
  const code = (raw ?? "").trim();
  if (!code || code.length > 100) throw new BadRequest("choose a measure (its LAIT code, e.g. LAC)");
  const measure = catalogue.measureByCode.get(code);
  if (!measure) throw new BadRequest(`no published measure has the code "${code.slice(0, 100)}"`, 404);
  return measure;
}

/** measure codes split by the subgraph that holds them, as the operations take them */
function bySubgraph(measures: MeasureInfo[]): { education: string[]; care: string[] } {
  return {
    education: measures.filter((m) => m.subgraph === "education").map((m) => m.code),
    care: measures.filter((m) => m.subgraph === "care").map((m) => m.code),
  };
}

// ---------- a comparison table row, used by the profile and the compare page ----------

interface OutcomeRow {
  measure: { code: string; name: string; unit: string | null; polarity: Polarity | null };
  comparison: DashboardComparisonFragment | null;
  wording?: string;
  target?: string | null;
}

function latestCell(c: DashboardComparisonFragment | DashboardRankedFragment | null) {
  if (!c?.latest) return c?.unavailable ? `${NOT_AVAILABLE} (${c.unavailable})` : NOT_AVAILABLE;
  return `${figure(c.latest.value)}${periodShorthand(c.latest.period.status)} (${c.latest.period.label})`;
}

function ragText(c: DashboardComparisonFragment | null, target: string | null | undefined): string {
  if (!target) return "No target in the plan";
  if (!c?.target) return `${target}: no figure to judge against`;
  return c.target.rag ? `${target}: ${c.target.rag[0]}${c.target.rag.slice(1).toLowerCase()}` : `${target}: ${c.target.reason ?? "not judged"}`;
}

function OutcomesTable({ caption, code, rows }: { caption: string; code: string; rows: OutcomeRow[] }) {
  return (
    <Table
      caption={caption}
      head={["Measure", "Latest (period)", "England", "Region", "Neighbour mean (May 2025 set)", "Rank", "Band", "Trend", "Target and RAG"]}
      numeric={[1, 2, 3, 4]}
      rows={rows.map((r) => [
        <a class="govuk-link" href={measurePath(code, r.measure.code)}>{r.measure.name}{r.wording ? <span class="govuk-body-s dashboard-block">Plan: “{r.wording}”</span> : null}</a>,
        latestCell(r.comparison),
        figure(r.comparison?.england?.value),
        figure(r.comparison?.region?.value),
        figure(r.comparison?.neighbours?.mean),
        rankText(r.comparison?.rank),
        bandText(r.comparison?.rank?.band, r.comparison?.rank?.noBand),
        trendText(r.comparison?.trend.direction, r.comparison?.trend.reason),
        ragText(r.comparison, r.target),
      ])}
    />
  );
}

// ---------- /authorities/:code ----------

export async function authorityPage(data: Data, codeRaw: string, query: URLSearchParams, csvOnly: boolean): Promise<Result> {
  const catalogue = await data.catalogueNow();
  const area = authorityCode(codeRaw, catalogue);
  const topics = [...new Set(catalogue.measures.map((m) => m.topic))].sort();
  const topic = query.get("topic")?.trim() || null;
  if (topic && !topics.includes(topic)) throw new BadRequest(`"${topic.slice(0, 100)}" is not a LAIT topic`);
  const [profile, topical] = await Promise.all([
    data.run(DashboardAuthorityDocument, { code: area.code }),
    topic ? data.run(DashboardOutcomesDocument, { code: area.code, ...bySubgraph(catalogue.measures.filter((m) => m.topic === topic)) }) : null,
  ]);
  const a = profile.data.authority;
  if (!a) throw new BadRequest(`the registry holds no authority ${area.code}`, 404);
  const planUnavailable = a.hasPlanSubgraph && a.plans === null;

  // the plan's indicators that map to a published measure, one row per measure (the first indicator's wording and target)
  const fromPlan = new Map<string, OutcomeRow>();
  for (const p of a.priorities ?? []) {
    for (const i of p.indicators) {
      const o = i.outcome;
      if (!o?.measure || fromPlan.has(o.measure.code)) continue;
      fromPlan.set(o.measure.code, { measure: o.measure, comparison: o.series?.comparison ?? null, wording: i.wording, target: i.target?.text ?? null });
    }
  }
  const topicRows: OutcomeRow[] = topical
    ? [...(topical.data.authority?.education?.measures ?? []), ...(topical.data.authority?.care?.measures ?? [])].map((s) => ({ measure: s.measure, comparison: s.comparison }))
    : [];
  const outcomesDown = topical && (topical.data.authority?.education === null || topical.data.authority?.care === null);

  const csvRows = (rows: OutcomeRow[], table: string) => rows.flatMap((r) => {
    const c = r.comparison;
    const src = "DfE LAIT";
    const m = { code: r.measure.code, name: r.measure.name };
    const period = c?.latest?.period.label;
    return [
      csvRow(`${table}: latest`, area, m, period, c?.latest?.value, "published", src, null, c?.latest?.period.status),
      csvRow(`${table}: England`, { code: "E92000001", name: "England" }, m, period, c?.england?.value, "published", src, null),
      csvRow(`${table}: region`, { code: area.region.code, name: c?.region?.name ?? area.region.name }, m, period, c?.region?.value, "published", src, null),
      csvRow(`${table}: neighbour mean (${c?.neighbours?.set.label ?? "May 2025"})`, area, m, period, c?.neighbours?.mean, "published", src, c?.neighbours?.set.publishedAt),
    ];
  });
  if (csvOnly) {
    return { kind: "csv", filename: `${area.code}-outcomes.csv`, rows: [CSV_HEAD, ...csvRows([...fromPlan.values()], "plan indicators"), ...csvRows(topicRows, `topic ${topic ?? ""}`)] };
  }

  const themes = new Map<string, { name: string; priorities: string[] }>();
  // a theme the registry cannot resolve comes back null with an error (said below), not a crash
  for (const p of a.priorities ?? []) for (const t of p.themes.filter((x) => x !== null)) {
    const entry = themes.get(t.id) ?? { name: t.name, priorities: [] };
    entry.priorities.push(p.title);
    themes.set(t.id, entry);
  }
  const groups = new Map<string, string>();
  for (const p of a.priorities ?? []) for (const act of p.actions) for (const g of act.leadGroups) groups.set(g.canonicalName, g.name);

  return {
    kind: "page",
    title: a.name,
    body: (
      <>
        <span class="govuk-caption-l">{`${a.region.name} · ${a.authorityType ?? "authority type not held"} · DfE number ${a.dfeNumber ?? NOT_AVAILABLE} · ${a.code}`}</span>
        <h1 class="govuk-heading-l">{a.name}</h1>
        {profile.errors.length && !planUnavailable ? <Notice kind="unavailable">{`Part of this page could not be loaded right now: ${[...new Set(profile.errors)].slice(0, 3).join("; ")}`}</Notice> : null}
        <h2 class="govuk-heading-m">Plans</h2>
        {!a.hasPlanSubgraph ? (
          <Notice kind="none">No plan data held for this authority: it does not run a plan service of its own yet. Its published outcomes are below.</Notice>
        ) : planUnavailable ? (
          <Notice kind="unavailable">{`${a.name}'s plan service is unavailable right now, so its plans, priorities and lead groups cannot be shown. Published outcomes are shown below.`}</Notice>
        ) : (
          <>
            <Table caption={`Plans held for ${a.name}`} head={["Plan", "Kind", "Period", "Source"]} rows={(a.plans ?? []).map((p) => [
              <a class="govuk-link" href={`${authorityPath(a.code)}/plans/${encodeURIComponent(p.id)}`}>{p.title}</a>,
              p.kind.replace(/_/g, " ").toLowerCase(),
              p.period.label,
              `${p.source.document.publisher}${p.source.document.asAt ? `, ${p.source.document.asAt}` : ""} (local)`,
            ])} />
            <Table caption="Priorities by theme" head={["Theme", "Priorities"]} rows={[...themes.values()].map((t) => [t.name, <ul class="govuk-list govuk-list--bullet">{t.priorities.map((p) => <li>{p}</li>)}</ul>])} />
            <h3 class="govuk-heading-s">Lead groups</h3>
            {groups.size ? <ul class="govuk-list">{[...groups].map(([canonical, name]) => <li><a class="govuk-link" href={`/lead-groups/${encodeURIComponent(canonical)}`}>{name}</a></li>)}</ul> : <p class="govuk-body">No lead groups are named for the actions of these plans.</p>}
          </>
        )}
        <h2 class="govuk-heading-m">Outcomes</h2>
        <Shorthand />
        {fromPlan.size ? <OutcomesTable caption="Measures the plan's indicators map to" code={a.code} rows={[...fromPlan.values()]} /> : !a.hasPlanSubgraph || planUnavailable ? null : <p class="govuk-body">None of the plans' indicators maps to a published measure.</p>}
        <form method="get" action={authorityPath(a.code)} class="dashboard-inline-form">
          <div class="govuk-form-group">
            <label class="govuk-label" for="topic">Show the outcomes of a topic</label>
            <select class="govuk-select" id="topic" name="topic">
              <option value="">Choose a topic</option>
              {topics.map((t) => <option value={t} selected={t === topic}>{t}</option>)}
            </select>
          </div>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show topic</button>
        </form>
        {outcomesDown ? <Notice kind="unavailable">{`The ${topical?.data.authority?.education === null ? "education" : "care"} outcomes service is unavailable right now: its measures are missing from this table.`}</Notice> : null}
        {topic ? (topicRows.length ? <OutcomesTable caption={`${topic}: every measure with a figure for ${a.name}`} code={a.code} rows={topicRows} /> : <p class="govuk-body">{`No figures are held for ${a.name} on ${topic}.`}</p>) : null}
        <SourceDetails>
          <p class="govuk-body">Published figures: Department for Education, Local Authority Interactive Tool (LAIT). England, region and neighbour mean are for the same period as the authority's latest figure. Rank and band are among every authority with a published value for that period. Plans: the council's own documents (local).</p>
        </SourceDetails>
        <Downloads links={[{ href: `${authorityPath(a.code)}/download.csv${topic ? `?topic=${encodeURIComponent(topic)}` : ""}`, text: "Download these outcomes (CSV)" }]} />
      </>
    ),
  };
}

// ---------- /authorities/:code/measures/:measure ----------

type Series = NonNullable<NonNullable<NonNullable<DashboardMeasureQuery["authority"]>["care"]>["measures"][number]>;

function ComparisonColumns({ sets, area }: { sets: Array<{ title: string; c: DashboardComparisonFragment & { neighbours: { values: Array<{ rank: number; name: string; areaCode: string; value: number | null }> } | null } }>; area: string }) {
  const rows: Array<[string, (c: DashboardComparisonFragment) => ComponentChildren]> = [
    [`${area} (latest)`, (c) => latestCell(c)],
    ["England", (c) => figure(c.england?.value)],
    ["Region", (c) => `${figure(c.region?.value)}${c.region ? ` (${c.region.name})` : ""}`],
    ["Neighbour mean", (c) => figure(c.neighbours?.mean)],
    ["Neighbour median", (c) => figure(c.neighbours?.median)],
    ["Neighbours with a value", (c) => (c.neighbours ? `${c.neighbours.withValue} of 10` : NOT_AVAILABLE)],
    ["Rank", (c) => rankText(c.rank)],
    ["Band", (c) => `${bandText(c.rank?.band, c.rank?.noBand)}${c.rank?.quartiles ? ` (quartiles ${c.rank.quartiles.map(figure).join(", ")})` : ""}`],
    ["Trend", (c) => `${trendText(c.trend.direction, c.trend.reason)}${c.trend.fromPeriod ? ` (${c.trend.points} points, ${c.trend.fromPeriod} to ${c.trend.toPeriod})` : ""}`],
  ];
  return (
    <>
      <Table caption="How the latest figure compares, with each neighbour set" head={["", ...sets.map((s) => s.title)]} rows={rows.map(([label, cell]) => [label, ...sets.map((s) => cell(s.c))])} />
      <div class="govuk-grid-row">
        {sets.map((s) => (
          <div class="govuk-grid-column-one-half">
            <Table caption={`Neighbours: ${s.title}`} head={["Neighbour", "Value"]} numeric={[1]} rows={(s.c.neighbours?.values ?? []).map((n) => [`${n.rank}. ${n.name}`, figure(n.value)])} />
          </div>
        ))}
      </div>
    </>
  );
}

type MayComparison = { england?: { value?: number | null } | null; region?: { name?: string | null; value?: number | null } | null; neighbours?: { mean?: number | null; set: { label: string } } | null };

/**
 * The comparators a measure's line chart marks at the latest period: England, the region and the
 * neighbour mean, except that a count (isCountUnit) leaves England and the region out, whose
 * totals would put one authority's line flat along the bottom of the axis.
 */
export function chartReferences(unit: string | null | undefined, may: MayComparison | null, regionName: string): Reference[] {
  if (!may) return [];
  const neighbours: Reference = { name: `Neighbour mean (${may.neighbours?.set.label ?? "May 2025"})`, value: may.neighbours?.mean ?? null, shape: "diamond", colour: COLOURS.neighbours };
  if (isCountUnit(unit)) return [neighbours];
  return [
    { name: "England", value: may.england?.value ?? null, shape: "square", colour: COLOURS.england },
    { name: may.region?.name ?? regionName, value: may.region?.value ?? null, shape: "triangle", colour: COLOURS.region },
    neighbours,
  ];
}

export async function measurePage(data: Data, codeRaw: string, measureRaw: string, format: "page" | "csv" | "svg"): Promise<Result> {
  const catalogue = await data.catalogueNow();
  const area = authorityCode(codeRaw, catalogue);
  const info = measureCode(measureRaw, catalogue);
  const { data: d } = await data.run(DashboardMeasureDocument, { code: area.code, ...bySubgraph([info]) });
  const a = d.authority;
  if (!a) throw new BadRequest(`the registry holds no authority ${area.code}`, 404);
  const profile = info.subgraph === "care" ? a.care : a.education;
  const series: Series | undefined = profile?.measures[0];
  const path = measurePath(a.code, info.code);
  const title = `${info.name}: ${a.name}`;
  const published = series?.figures.filter((f) => f.kind === "PUBLISHED") ?? [];
  const local = series?.figures.filter((f) => f.kind === "LOCAL") ?? [];
  const may = series?.may2025 ?? null;
  // everything but the neighbours is the same whichever set is asked for
  const april = may && series?.april2021 ? { ...may, neighbours: series.april2021.neighbours } : null;
  const period = may?.latest?.period.label;
  const asAt = published[0]?.source.document.asAt ?? info.lastUpdate ?? NOT_AVAILABLE;
  const compared = isCountUnit(info.unit) ? "the neighbour mean" : `England, ${a.region.name} and the neighbour mean`;
  const subtitle = `${info.unit ?? "Unit not stated"}. ${a.name}, ${published[0]?.period.label ?? ""} to ${published[published.length - 1]?.period.label ?? ""}; ${compared} (${may?.neighbours?.set.label ?? "May 2025 set"}) for ${period ?? "the latest period"}.${isCountUnit(info.unit) ? ` England's and the region's totals are in the table, not the chart: they count many authorities' ${info.unit?.toLowerCase()}.` : ""} Vertical axis fitted to the data: it does not start at zero.`;
  const references = chartReferences(info.unit, may, a.region.name);
  const summary = summarySentence({
    area: a.name, measure: info.name, polarity: info.polarity, value: may?.latest?.value, period,
    comparisons: [{ name: "England", value: may?.england?.value }, { name: may?.region?.name ?? a.region.name, value: may?.region?.value }, { name: "the neighbour mean", value: may?.neighbours?.mean }],
  });
  const chart = <LineChart id="measure-chart" title={title} description={summary} area={a.name} points={published.map((f) => ({ period: f.period.label, value: f.value }))} references={references} />;

  if (format === "svg") {
    return { kind: "svg", filename: `${a.code}-${info.code}.svg`, svg: standaloneSvg(chart, lineChartHeight(references.length), { title, subtitle, source: "Department for Education, Local Authority Interactive Tool (LAIT)", asAt }) };
  }
  if (format === "csv") {
    const rows: CsvValue[][] = [CSV_HEAD];
    for (const f of series?.figures ?? []) {
      rows.push(csvRow(f.kind === "LOCAL" ? `local: ${f.label ?? ""}` : "series", a, info, f.period.label, f.value, f.kind === "LOCAL" ? "local" : "published", `${f.source.document.title}: ${f.source.section}`, f.source.document.asAt, f.period.status));
    }
    for (const c of [may, april]) {
      if (!c?.neighbours) continue;
      rows.push(csvRow(`England`, { code: "E92000001", name: "England" }, info, c.latest?.period.label, c.england?.value, "published", "DfE LAIT", null));
      rows.push(csvRow(`neighbour mean (${c.neighbours.set.label})`, a, info, c.latest?.period.label, c.neighbours.mean, "published", "DfE LAIT", c.neighbours.set.publishedAt));
      for (const n of c.neighbours.values) rows.push(csvRow(`neighbour ${n.rank} (${c.neighbours.set.label})`, { code: n.areaCode, name: n.name }, info, c.latest?.period.label, n.value, "published", "DfE LAIT", null));
    }
    return { kind: "csv", filename: `${a.code}-${info.code}.csv`, rows };
  }
  const down = profile === null;
  return {
    kind: "page",
    title,
    body: (
      <>
        <span class="govuk-caption-l"><a class="govuk-link" href={authorityPath(a.code)}>{a.name}</a> · {info.topic}</span>
        <h1 class="govuk-heading-l">{info.name}</h1>
        <p class="govuk-body">{`${info.unit ?? "Unit not stated"}. ${polarityText(info.polarity)}.`} {series?.measure.description}</p>
        {down ? <Notice kind="unavailable">{`The ${info.subgraph} outcomes service is unavailable right now: this measure's figures cannot be shown.`}</Notice> : null}
        {!down && !series ? <Notice kind="none">{`No figures are held for ${a.name} on this measure.`}</Notice> : null}
        {series ? (
          <>
            <h2 class="govuk-heading-m">Over time</h2>
            <p class="govuk-body dashboard-summary">{summary}</p>
            <p class="govuk-body-s">{subtitle}</p>
            <div class="dashboard-chart-wrapper">{chart}</div>
            <Shorthand />
            <Table caption={`${info.name}, ${a.name}: published figures`} head={["Period", "Value", "Source"]} numeric={[1]} rows={published.map((f) => [
              `${f.period.label}${periodShorthand(f.period.status)}`, figure(f.value), `${f.source.document.publisher}, ${f.source.document.title} (as at ${f.source.document.asAt ?? NOT_AVAILABLE})`,
            ])} />
            {local.length ? (
              <>
                <h2 class="govuk-heading-m">The authority's own figures, beside the published ones</h2>
                <p class="govuk-body">Both are shown; neither is chosen over the other. They may count at different dates.</p>
                <Table caption="Local figures (the council's own documents)" head={["As the council words it", "Period", "Value", "Source"]} numeric={[2]} rows={local.map((f) => [
                  f.label ?? info.name, f.period.label, figure(f.value), `${f.source.document.title}, ${f.source.section}${f.source.document.asAt ? ` (${f.source.document.asAt})` : ""}`,
                ])} />
              </>
            ) : null}
            <h2 class="govuk-heading-m">Comparison</h2>
            {may && april ? <ComparisonColumns area={a.name} sets={[{ title: may.neighbours?.set.label ?? "May 2025 set", c: may }, { title: april.neighbours?.set.label ?? "April 2021 set", c: april }]} /> : null}
            {may?.rank?.note ? <p class="govuk-body-s">{may.rank.note}</p> : null}
            <SourceDetails>
              <p class="govuk-body">{`Published: Department for Education, Local Authority Interactive Tool (LAIT), as at ${asAt}. Last updated ${info.lastUpdate ?? NOT_AVAILABLE}, next update ${info.nextUpdate ?? NOT_AVAILABLE}. ${ATTRIBUTION}`}</p>
            </SourceDetails>
            <Downloads links={[{ href: `${path}/download.csv`, text: "Download this data (CSV)" }, { href: `${path}/chart.svg`, text: "Download the chart (SVG)" }]} />
          </>
        ) : null}
        <p class="govuk-body"><a class="govuk-link" href={allPath(info.code)}>{`Every authority on ${info.name}`}</a></p>
      </>
    ),
  };
}

// ---------- /measures/:measure ----------

type SortKey = "name" | "value" | "rank";

export async function allAuthoritiesPage(data: Data, measureRaw: string, query: URLSearchParams, format: "page" | "csv" | "svg"): Promise<Result> {
  const catalogue = await data.catalogueNow();
  const info = measureCode(measureRaw, catalogue);
  const region = query.get("region")?.trim() || "";
  const regions = [...new Map(catalogue.areas.map((a) => [a.region.code, a.region.name]))].sort((x, y) => x[1].localeCompare(y[1]));
  if (region && !regions.some(([code]) => code === region)) throw new BadRequest(`"${region.slice(0, 40)}" is not a region's ONS code`);
  const highlight = query.getAll("highlight").filter(Boolean).map((c) => authorityCode(c, catalogue).code);
  const sortRaw = query.get("sort") ?? "rank";
  if (!["name", "value", "rank"].includes(sortRaw)) throw new BadRequest(`sort must be name, value or rank, not "${sortRaw.slice(0, 20)}"`);
  const sort = sortRaw as SortKey;
  const { data: d } = await data.run(DashboardMeasureAllDocument, bySubgraph([info]));
  const down = d.authorities.some((a) => (info.subgraph === "care" ? a.care : a.education) === null);
  const rows = d.authorities.map((a) => ({ a, c: (info.subgraph === "care" ? a.care : a.education)?.measures[0]?.comparison ?? null }));
  const withValue = rows.filter((r) => r.c?.latest?.value !== null && r.c?.latest?.value !== undefined);
  const sample = withValue[0]?.c ?? null;
  const period = sample?.latest?.period.label ?? NOT_AVAILABLE;
  const shown = rows.filter((r) => !region || r.a.region.code === region).sort((x, y) => {
    if (sort === "name") return x.a.name.localeCompare(y.a.name);
    const xv = sort === "rank" ? x.c?.rank?.position : x.c?.latest?.value;
    const yv = sort === "rank" ? y.c?.rank?.position : y.c?.latest?.value;
    if (xv === undefined || xv === null) return 1;
    if (yv === undefined || yv === null) return -1;
    return sort === "value" ? yv - xv : xv - yv;
  });
  const dots: Dot[] = withValue.map((r) => ({ code: r.a.code, name: r.a.name, value: r.c!.latest!.value!, highlighted: highlight.includes(r.a.code) }));
  const england = sample?.england?.value ?? null;
  // a count's England figure is the national total: on one authority's axis it would flatten every dot
  const englandOnChart = isCountUnit(info.unit) ? null : england;
  const title = `${info.name}: every authority`;
  const description = `${withValue.length} authorities with a published value for ${period}; England ${figure(england)}.` +
    (highlight.length ? ` ${joinWords(dots.filter((x) => x.highlighted).map((x) => `${x.name} ${figure(x.value)}`))}.` : "");
  const chart = <DotPlot id="all-chart" title={title} description={description} dots={dots} quartiles={sample?.rank?.quartiles ?? null} england={englandOnChart} />;
  const link = (params: Record<string, string | string[]>) => {
    const q = new URLSearchParams();
    if (region) q.set("region", region);
    for (const h of highlight) q.append("highlight", h);
    q.set("sort", sort);
    for (const [k, v] of Object.entries(params)) { q.delete(k); for (const x of [v].flat()) q.append(k, x); }
    return `?${q}`;
  };
  if (format === "svg") return { kind: "svg", filename: `${info.code}-all.svg`, svg: standaloneSvg(chart, dotPlotHeight(highlight.length), { title, subtitle: `${info.unit ?? ""}, ${period}. Every authority with a published value; quartiles shaded.`, source: "Department for Education, Local Authority Interactive Tool (LAIT)", asAt: info.lastUpdate ?? NOT_AVAILABLE }) };
  if (format === "csv") {
    return { kind: "csv", filename: `${info.code}-all.csv`, rows: [CSV_HEAD, ...shown.map((r) => csvRow(`rank ${r.c?.rank ? rankText(r.c.rank) : NOT_AVAILABLE}`, r.a, info, r.c?.latest?.period.label ?? period, r.c?.latest?.value, "published", "DfE LAIT", info.lastUpdate, r.c?.latest?.period.status))] };
  }
  const header = (key: SortKey, text: string) => (
    <a class="govuk-link" href={link({ sort: key })} aria-current={sort === key ? "true" : undefined}>{text}{sort === key ? " (sorted)" : ""}</a>
  );
  return {
    kind: "page",
    title,
    body: (
      <>
        <span class="govuk-caption-l">{info.topic}</span>
        <h1 class="govuk-heading-l">{info.name}</h1>
        <p class="govuk-body">{`${info.unit ?? "Unit not stated"}. ${polarityText(info.polarity)}. Latest period: ${period}.`}</p>
        {down ? <Notice kind="unavailable">{`The ${info.subgraph} outcomes service is unavailable right now: some or all figures are missing.`}</Notice> : null}
        {sample?.rank?.note ? <p class="govuk-body-s">{sample.rank.note}</p> : null}
        <form method="get" action={allPath(info.code)} class="dashboard-inline-form">
          <div class="govuk-form-group">
            <label class="govuk-label" for="region">Region shown in the table</label>
            <select class="govuk-select" id="region" name="region">
              <option value="">All regions</option>
              {regions.map(([code, name]) => <option value={code} selected={code === region}>{name}</option>)}
            </select>
          </div>
          <div class="govuk-form-group">
            <label class="govuk-label" for="highlight">Highlight an authority</label>
            <select class="govuk-select" id="highlight" name="highlight">
              <option value="">None</option>
              {catalogue.areas.map((a) => <option value={a.code} selected={highlight.includes(a.code)}>{a.name}</option>)}
            </select>
          </div>
          <input type="hidden" name="sort" value={sort} />
          <button type="submit" class="govuk-button govuk-button--secondary">Update</button>
        </form>
        <p class="govuk-body dashboard-summary">{description}</p>
        <div class="dashboard-chart-wrapper">{chart}</div>
        <Shorthand />
        <Table caption={`${info.name}, ${period}${region ? `, ${regions.find(([c]) => c === region)?.[1] ?? ""}` : ""}`} numeric={[2]}
          head={[header("name", "Authority"), "Region", header("value", "Value"), header("rank", "Rank"), "Band"]}
          rows={shown.map((r) => [
            <a class="govuk-link" href={measurePath(r.a.code, info.code)}>{highlight.includes(r.a.code) ? <strong>{r.a.name}</strong> : r.a.name}</a>,
            r.a.region.name, latestCell(r.c), rankText(r.c?.rank), bandText(r.c?.rank?.band, r.c?.rank?.noBand),
          ])} />
        <SourceDetails><p class="govuk-body">{`Department for Education, Local Authority Interactive Tool (LAIT); last updated ${info.lastUpdate ?? NOT_AVAILABLE}. ${ATTRIBUTION}`}</p></SourceDetails>
        <Downloads links={[{ href: `${allPath(info.code)}/download.csv${link({})}`, text: "Download this table (CSV)" }, { href: `${allPath(info.code)}/chart.svg${link({})}`, text: "Download the chart (SVG)" }]} />
      </>
    ),
  };
}
