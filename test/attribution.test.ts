/**
 * Every export carries the data's attribution (issue 18): npm run compare's Markdown (last line) and
 * CSV (last row, an ordinary row of the same width, so the file still parses with a header).
 */
import { parse } from "csv-parse/sync";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { ATTRIBUTION, OGL_ATTRIBUTION } from "../gateway/client/attribution";
import { renderCsv, renderMarkdown, type ThemeComparison } from "../gateway/client/compare";

const result: ThemeComparison = {
  theme: { id: "children-in-care-and-care-leavers", name: "Children in care and care leavers" },
  neighbours: "MAY_2025" as ThemeComparison["neighbours"],
  authorities: [
    { code: "E06000003", name: "Redcar and Cleveland", priorities: [{ title: "Stable homes", plan: "Plan (2024-2027)", source: "Strategy, Priorities" }], leadGroups: ["malap"] },
    { code: "E06000001", name: "Hartlepool", priorities: null, leadGroups: null },
  ],
  measures: [{ code: "LAC", name: "Children looked after", domain: "care", unit: null, polarity: null, byAuthority: { E06000003: null, E06000001: null } }],
  errors: [],
};

describe("the attribution", () => {
  it("names DfE LAIT and carries the OGL v3.0 attribution statement word for word", () => {
    expect(ATTRIBUTION).toContain("Department for Education, Local Authority Interactive Tool (LAIT)");
    expect(ATTRIBUTION).toContain(OGL_ATTRIBUTION);
    expect(ATTRIBUTION).toContain("DATA-LICENCE.md");
  });

  it("is the last line of compare's Markdown, as its own paragraph, unchanged by escaping", () => {
    const md = renderMarkdown(result);
    const lines = md.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(ATTRIBUTION);
    expect(lines.at(-2)).toBe("");
    expect(new MarkdownIt().render(md)).toContain(`<p>${ATTRIBUTION}</p>`);
  });

  it("is the last row of compare's CSV: section \"attribution\", the text in source, the file still parses with its header", () => {
    const csvText = renderCsv(result);
    const rows = parse(csvText, { columns: true }) as Array<Record<string, string>>;
    const last = rows.at(-1)!;
    expect(last.section).toBe("attribution");
    expect(last.source).toBe(ATTRIBUTION);
    expect(Object.entries(last).filter(([k, v]) => k !== "section" && k !== "source" && v !== "")).toEqual([]);
    expect(rows.filter((r) => r.section === "attribution")).toHaveLength(1);
    // the data rows are unchanged before it
    expect(rows.filter((r) => r.section === "measure").map((r) => r.authority_code)).toEqual(["E06000003", "E06000001"]);
  });
});
