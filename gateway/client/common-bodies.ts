import { execute } from "./request";
import { csv, markdownText, plainText } from "./safe-export";
import { AuthorityBodiesDocument, type AuthorityBodiesQuery, type LinkBasisKind } from "./generated/graphql";

type AuthorityRow = AuthorityBodiesQuery["authorities"][number];

export interface SharedBody {
  canonicalName: string;
  /** authority name → how that authority names it (several where its documents name several) */
  names: Record<string, string[]>;
  /**
   * STATED: each authority's documents name a body as what the canonical name says; INFERRED: for at
   * least one authority, taking its body to be this one is a judgement (see `notes`)
   */
  match: LinkBasisKind;
  /** for each authority whose match is inferred: "<authority>: <its name for the body>: <why it is a judgement>" */
  notes: string[];
}

export interface CommonBodies {
  authorities: string[];
  /** authorities that run no plan subgraph: nothing can be said about their bodies */
  withoutPlans: string[];
  groups: SharedBody[];
  linkedPlans: SharedBody[];
}

interface Named {
  canonicalName: string;
  canonicalBasis: { kind: LinkBasisKind; note?: string | null };
}

/**
 * The canonical names every one of the authorities has. An authority matches as STATED when any of
 * its bodies of that name is stated, else INFERRED; a shared body is INFERRED when any authority's is.
 */
function shared<T extends Named>(rows: AuthorityRow[], pick: (a: AuthorityRow) => T[] | null | undefined, label: (item: T) => string, statedOnly: boolean): SharedBody[] {
  const byName = new Map<string, Map<string, T[]>>();
  for (const authority of rows) {
    for (const item of pick(authority) ?? []) {
      const perAuthority = byName.get(item.canonicalName) ?? new Map<string, T[]>();
      perAuthority.set(authority.name, [...(perAuthority.get(authority.name) ?? []), item]);
      byName.set(item.canonicalName, perAuthority);
    }
  }
  const bodies: SharedBody[] = [];
  for (const [canonicalName, perAuthority] of byName) {
    if (perAuthority.size !== rows.length) continue;
    const names: Record<string, string[]> = {};
    const notes: string[] = [];
    let match: LinkBasisKind = "STATED";
    for (const [authority, items] of perAuthority) {
      names[authority] = [...new Set(items.map(label))];
      if (items.some((i) => i.canonicalBasis.kind === "STATED")) continue;
      match = "INFERRED";
      for (const item of items) notes.push(`${authority}: ${label(item)}: ${item.canonicalBasis.note ?? "no note given"}`);
    }
    if (statedOnly && match === "INFERRED") continue;
    bodies.push({ canonicalName, names, match, notes });
  }
  return bodies.sort((a, b) => a.canonicalName.localeCompare(b.canonicalName));
}

/**
 * Which lead groups and linked plans (by canonical name) every one of the given authorities has,
 * each labelled STATED or INFERRED; `statedOnly` leaves the inferred matches out.
 */
export function commonBodies(result: AuthorityBodiesQuery, statedOnly = false): CommonBodies {
  const withPlans = result.authorities.filter((a) => a.groups !== null && a.groups !== undefined);
  return {
    authorities: result.authorities.map((a) => a.name),
    withoutPlans: result.authorities.filter((a) => !withPlans.includes(a)).map((a) => a.name),
    groups: withPlans.length ? shared(withPlans, (a) => a.groups, (g) => g.name, statedOnly) : [],
    linkedPlans: withPlans.length ? shared(withPlans, (a) => a.linkedPlans, (l) => l.title, statedOnly) : [],
  };
}

/** Runs the typed operation against a gateway. */
export async function fetchCommonBodies(gatewayUrl: string, codes: string[], statedOnly = false): Promise<CommonBodies> {
  const { data, errors } = await execute(gatewayUrl, AuthorityBodiesDocument, { codes });
  if (errors.length) console.warn(`partial answer: ${errors.join("; ")}`);
  return commonBodies(data, statedOnly);
}

const SECTIONS = [["Lead groups and boards", "groups"], ["Linked plans and strategies", "linkedPlans"]] as const;

/** For a terminal: editors' names lose control characters; an inferred match is labelled and its notes follow. */
export function renderCommonBodiesText(result: CommonBodies, statedOnly = false): string {
  const text = plainText;
  const lines = [`In common between ${result.authorities.map(text).join(", ")}${statedOnly ? " (stated matches only)" : ""}:`];
  if (result.withoutPlans.length) lines.push(`(no plan data for ${result.withoutPlans.map(text).join(", ")})`);
  for (const [title, key] of SECTIONS) {
    lines.push("", `${title}:`);
    if (!result[key].length) lines.push("  none");
    for (const body of result[key]) {
      const label = body.match === "INFERRED" ? " [inferred match]" : "";
      lines.push(`  ${text(body.canonicalName)}${label}: ${Object.entries(body.names).map(([authority, names]) => `${text(authority)} "${names.map(text).join('", "')}"`).join("; ")}`);
      for (const note of body.notes) lines.push(`      ${text(note)}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** Markdown: one table per kind of body, the match (stated or inferred) in its own column. */
export function renderCommonBodiesMarkdown(result: CommonBodies, statedOnly = false): string {
  const md = markdownText;
  const lines = [`# Bodies in common: ${result.authorities.map(md).join(", ")}${statedOnly ? " (stated matches only)" : ""}`];
  if (result.withoutPlans.length) lines.push("", `No plan data for ${result.withoutPlans.map(md).join(", ")}.`);
  for (const [title, key] of SECTIONS) {
    lines.push("", `## ${title}`, "");
    if (!result[key].length) {
      lines.push("None.");
      continue;
    }
    lines.push("| body | match | as each authority names it | why the match is a judgement |", "| --- | --- | --- | --- |");
    for (const body of result[key]) {
      const names = Object.entries(body.names).map(([authority, n]) => `${md(authority)}: ${n.map(md).join(", ")}`).join("; ");
      lines.push(`| ${md(body.canonicalName)} | ${body.match === "INFERRED" ? "inferred" : "stated"} | ${names} | ${body.notes.map(md).join("; ")} |`);
    }
  }
  return lines.join("\n") + "\n";
}

/** CSV: one row per body and authority (cells made safe to open in a spreadsheet). */
export function renderCommonBodiesCsv(result: CommonBodies): string {
  const rows: Array<Array<string | null>> = [["kind", "canonical name", "match", "authority", "names", "notes"]];
  for (const [title, key] of SECTIONS) {
    for (const body of result[key]) {
      for (const [authority, names] of Object.entries(body.names)) rows.push([title, body.canonicalName, body.match, authority, names.join("; "), body.notes.join("; ")]);
    }
  }
  return csv(rows);
}
