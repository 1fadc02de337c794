/**
 * The latest inspection judgement of each authority, through the typed client
 * (npm run compare -- --inspections): what the authorities' own documents say,
 * with the source of each judgement, and the inspections they expect next.
 */
import { LatestJudgementsDocument, type LatestJudgementsQuery } from "./generated/graphql";
import { execute } from "./request";
import { ATTRIBUTION } from "./attribution";
import { csv, markdownText, type CsvValue } from "./safe-export";

type AuthorityRow = LatestJudgementsQuery["authorities"][number];

export interface AuthorityJudgement {
  code: string;
  name: string;
  /**
   * recorded: latest is the most recent dated, held inspection whose judgement a document states;
   * none-recorded: the authority's documents state no judgement; no-plan-subgraph: nothing is held
   * of its documents; unavailable: its plan subgraph did not answer (see errors)
   */
  status: "recorded" | "none-recorded" | "no-plan-subgraph" | "unavailable";
  latest: {
    judgement: string;
    inspectorate: string;
    title: string;
    date: string;
    source: string;
  } | null;
  /** inspections the authority's documents say are expected, with the date as printed */
  expected: Array<{ inspectorate: string; title: string; date: string | null }>;
}

export interface JudgementComparison {
  authorities: AuthorityJudgement[];
  errors: string[];
}

function describe(a: AuthorityRow): AuthorityJudgement {
  const status: AuthorityJudgement["status"] = !a.hasPlanSubgraph
    ? "no-plan-subgraph"
    : a.inspections === null || a.inspections === undefined
      ? "unavailable"
      : a.latestJudgement
        ? "recorded"
        : "none-recorded";
  const l = a.latestJudgement;
  return {
    code: a.code,
    name: a.name,
    status,
    latest: l && l.judgement
      ? { judgement: l.judgement, inspectorate: l.inspectorate, title: l.title, date: l.date?.text ?? "date not stated", source: `${l.source.document.title}, ${l.source.section}` }
      : null,
    expected: (a.inspections ?? []).filter((i) => i.status === "EXPECTED").map((i) => ({ inspectorate: i.inspectorate, title: i.title, date: i.date?.text ?? null })),
  };
}

/** One request for every authority asked (null codes: every authority). */
export async function compareLatestJudgements(gatewayUrl: string, codes: string[] | null): Promise<JudgementComparison> {
  const { data, errors } = await execute(gatewayUrl, LatestJudgementsDocument, { codes });
  const order = (code: string) => (codes ? codes.indexOf(code) : 0);
  return { authorities: [...data.authorities].sort((a, b) => order(a.code) - order(b.code)).map(describe), errors };
}

const STATUS_TEXT: Record<AuthorityJudgement["status"], string> = {
  recorded: "",
  "none-recorded": "none recorded",
  "no-plan-subgraph": "no plan subgraph",
  unavailable: "plan service unavailable",
};

export function renderJudgementsMarkdown(result: JudgementComparison): string {
  const md = markdownText;
  const lines = [
    "# Latest inspection judgement",
    "",
    "The most recent held inspection or review, by date, whose judgement the authority's own documents state (as worded there).",
    "",
    "| Authority | Judgement | Inspectorate | Date | Source | Expected next |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const a of result.authorities) {
    const expected = a.expected.map((e) => `${e.inspectorate}: ${e.title}${e.date ? ` (${e.date})` : " (date not stated)"}`).join("; ") || "–";
    const cells = a.latest
      ? [a.name, a.latest.judgement, a.latest.inspectorate, a.latest.date, a.latest.source, expected]
      : [a.name, STATUS_TEXT[a.status], "–", "–", "–", a.status === "none-recorded" ? expected : "–"];
    lines.push(`| ${cells.map(md).join(" | ")} |`);
  }
  if (result.errors.length) lines.push("", `Partial answer: ${md(result.errors.join("; "))}`);
  lines.push("", md(ATTRIBUTION));
  return lines.join("\n") + "\n";
}

export function renderJudgementsCsv(result: JudgementComparison): string {
  const rows: CsvValue[][] = [["section", "authority_code", "authority", "status", "judgement", "inspectorate", "inspection", "date", "source"]];
  for (const a of result.authorities) {
    rows.push(["judgement", a.code, a.name, a.latest ? "recorded" : STATUS_TEXT[a.status], a.latest?.judgement, a.latest?.inspectorate, a.latest?.title, a.latest?.date, a.latest?.source]);
  }
  // last, as in npm run compare's theme CSV: an ordinary row of the same width, found by its section
  rows.push(["attribution", null, null, null, null, null, null, null, ATTRIBUTION]);
  return csv(rows);
}
