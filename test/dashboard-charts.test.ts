/**
 * The dashboard's charts put on one axis only figures on one scale: a count measure's England and
 * region figures are totals over many authorities, so its charts leave them out (the tables keep them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { LineChart } from "../dashboard/src/charts";
import { isCountUnit } from "../dashboard/src/format";
import { chartReferences } from "../dashboard/src/pages";

const dictionary: Array<Record<string, string>> = parse(readFileSync(join(import.meta.dirname, "../seeds/lait/lait_data_dictionary.csv")), { columns: true, bom: true });
const unitOf = (code: string) => dictionary.find((r) => r.Measure_code === code)?.y_axis_name;

describe("count measures on the dashboard's charts", () => {
  it("tells counts from rates, shares and scores by the data dictionary's unit", () => {
    const units = [...new Set(dictionary.map((r) => r.y_axis_name ?? ""))];
    const counts = units.filter(isCountUnit).sort();
    // every counted unit the dictionary uses, and nothing else
    expect(counts).toEqual(units.filter((u) => /^(Number|Total|Entries)\b/.test(u)).sort());
    expect(counts).toContain("Number of Children Looked After");
    expect(units.filter((u) => u.startsWith("%") || u.startsWith("Rate")).some(isCountUnit)).toBe(false);
    expect(isCountUnit(null)).toBe(false);
  });

  const may = { england: { value: 81_770 }, region: { name: "North East", value: 5_870 }, neighbours: { mean: 412.5, set: { label: "May 2025" } } };

  it("leaves England and the region off a count measure's line chart, and keeps them on a rate's", () => {
    const countUnit = dictionary.find((r) => r.y_axis_name === "Number of Children Looked After")!.y_axis_name!;
    expect(chartReferences(countUnit, may, "North East").map((r) => r.name)).toEqual(["Neighbour mean (May 2025)"]);
    const rate = unitOf("LAC") ?? "Rate per 10,000";
    expect(chartReferences(rate, may, "North East").map((r) => r.name)).toEqual(["England", "North East", "Neighbour mean (May 2025)"]);
  });

  it("draws a count's axis on the authority's own scale", () => {
    const countUnit = "Number of Children Looked After";
    const svg = render(LineChart({ id: "c", title: "t", description: "d", area: "Redcar and Cleveland", points: [{ period: "2023", value: 400 }, { period: "2024", value: 425 }], references: chartReferences(countUnit, may, "North East") }) as never);
    const ticks = [...svg.matchAll(/text-anchor="end"[^>]*>([\d,.]+)</g)].map((m) => Number(m[1]!.replace(/,/g, "")));
    expect(ticks.length).toBeGreaterThan(1);
    expect(Math.max(...ticks)).toBeLessThan(1_000);
  });
});
