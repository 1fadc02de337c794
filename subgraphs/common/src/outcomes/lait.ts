import { join } from "node:path";
import { existsSync } from "node:fs";
import { In, type DataSource } from "typeorm";
import { readCsv } from "../csv";
import { SeedError } from "../seed-files";
import { Figure, Measure, SourceDocument } from "./entities";
import { normalisePeriod, parseValue } from "./period";

export const LAIT_DOCUMENT_KEY = "dfe-lait";

/** Excel serial day number (as the dictionary stores dates) → YYYY-MM-DD */
const excelDate = (serial: string): string | null =>
  /^\d+$/.test(serial) ? new Date(Date.UTC(1899, 11, 30) + Number(serial) * 86_400_000).toISOString().slice(0, 10) : null;

const polarityOf = (raw: string): "high" | "low" | null => (raw === "High" ? "high" : raw === "Low" ? "low" : null);

export interface LaitImportOptions {
  /** LAIT topics this subgraph holds (e.g. "Key Stage 2") */
  topics: ReadonlySet<string>;
}

/** the values file of a LAIT folder: bds_long.csv.gz or bds_long.csv */
export function valuesFile(folder: string): string {
  const gz = join(folder, "bds_long.csv.gz");
  return existsSync(gz) ? gz : join(folder, "bds_long.csv");
}

/**
 * Imports a LAIT folder (bds_long values, data dictionary, la_gss_codes) for the
 * subgraph's topics, in one transaction: a malformed row stops the import with its
 * line and reason and nothing is written. Re-running it replaces the same rows.
 */
export async function importLait(dataSource: DataSource, folder: string, { topics }: LaitImportOptions) {
  const measures = new Map<string, Measure>();
  for (const { line, record } of readCsv(join(folder, "lait_data_dictionary.csv"))) {
    const code = record.Measure_short?.trim();
    if (!code) throw new SeedError("lait_data_dictionary.csv", `line ${line}`, "Measure_short", "empty");
    if (!topics.has(record.Topic ?? "") || measures.has(code)) continue;
    measures.set(code, Object.assign(new Measure(), {
      code,
      name: (record.Measure ?? code).replace(/\s+/g, " ").trim(),
      topic: record.Topic,
      unit: record.y_axis_name?.trim() || null,
      polarity: polarityOf(record.Polarity ?? ""),
      description: record.Description?.trim() || null,
      methodology: record.Methodology?.trim() || null,
      sourceLink: record["Hyperlink(s)"]?.trim() || null,
      yearType: record.Year_Type?.trim() || null,
      lastUpdate: excelDate(record["Last Update"] ?? ""),
      nextUpdate: excelDate(record["Next Update"] ?? ""),
    }));
  }
  const gssByDfe = new Map(readCsv(join(folder, "la_gss_codes.csv")).map(({ record }) => [record.la_number!, record.gss_code!]));

  const figures: Figure[] = [];
  let unknownAreas = 0;
  const file = valuesFile(folder);
  for (const { line, record } of readCsv(file)) {
    const measure = measures.get(record["Short Desc"] ?? "");
    if (!measure) continue;
    const fail = (field: string, problem: string): never => {
      throw new SeedError(file.split("/").pop()!, `line ${line}`, field, problem);
    };
    const areaCode = gssByDfe.get(record["LA Number"] ?? "");
    if (!areaCode) {
      // e.g. 1000 "England (discontinued)": no current area to attach it to
      unknownAreas += 1;
      continue;
    }
    const value = parseValue(record.Values ?? "");
    if (value === undefined) fail("Values", `not a number or "-": "${record.Values}"`);
    const label = record.Years?.trim() ?? "";
    if (!label) fail("Years", "empty");
    const period = normalisePeriod(label, measure.yearType);
    figures.push(Object.assign(new Figure(), {
      id: `lait/${measure.code}/${areaCode}/${label}`,
      kind: "published",
      measureCode: measure.code,
      areaCode,
      label: null,
      value: value ?? null,
      unit: measure.unit,
      periodLabel: label,
      periodKind: period.kind,
      periodStatus: period.status,
      periodStartYear: period.startYear,
      periodEndYear: period.endYear,
      periodStart: period.start,
      periodEnd: period.end,
      documentKey: LAIT_DOCUMENT_KEY,
      source: { document: LAIT_DOCUMENT_KEY, section: `${measure.topic}: ${measure.code}`, quote: null },
    }));
  }

  await dataSource.transaction(async (manager) => {
    await manager.getRepository(SourceDocument).upsert(
      [{ key: LAIT_DOCUMENT_KEY, title: "Local Authority Interactive Tool (LAIT) data", publisher: "Department for Education",
        location: "https://github.com/dfe-analytical-services/local-authority-interactive-tool", asAt: "2026-04-08",
        asAtText: "repository commit 2e30e39 of 2026-04-08" }],
      ["key"],
    );
    const rows = [...measures.values()];
    for (let i = 0; i < rows.length; i += 100) await manager.getRepository(Measure).upsert(rows.slice(i, i + 100), ["code"]);
    const codes = rows.map((m) => m.code);
    for (let i = 0; i < codes.length; i += 200) {
      await manager.delete(Figure, { documentKey: LAIT_DOCUMENT_KEY, measureCode: In(codes.slice(i, i + 200)) });
    }
    for (let i = 0; i < figures.length; i += 500) await manager.insert(Figure, figures.slice(i, i + 500));
  });
  return { measures: measures.size, figures: figures.length, unknownAreas };
}
