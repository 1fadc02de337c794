import { join } from "node:path";
import { existsSync } from "node:fs";
import { In, type DataSource } from "typeorm";
import { readCsv } from "@tees/subgraph-common/csv";
import { SeedError } from "@tees/subgraph-common/seed-files";
import { bulkInserter } from "@tees/subgraph-common/bulk-insert";
import { readGssCodes, readLaitAreas, readNeighbourSets } from "@tees/subgraph-common/lait/code-lists";
import { replaceNeighbours } from "@tees/subgraph-common/lait/store";
import { dictionaryFile } from "@tees/subgraph-common/lait/paths";
import { Figure, Measure, OutcomeArea, OutcomeDocument, PUBLISHED_OWNER } from "./entities";
import { LAIT_DOCUMENT_KEY, readLaitValues } from "./lait-values";
import { storeComparisons } from "./stored-comparisons";

export { LAIT_DOCUMENT_KEY };

/** Excel serial day number (as the dictionary stores dates) → YYYY-MM-DD */
const excelDate = (serial: string): string | null =>
  /^\d+$/.test(serial) ? new Date(Date.UTC(1899, 11, 30) + Number(serial) * 86_400_000).toISOString().slice(0, 10) : null;

/** "High" = higher is better, "Low" = lower is better; "-" and "NA" make no judgement */
const polarityOf = (raw: string): "high" | "low" | null => (raw === "High" ? "high" : raw === "Low" ? "low" : null);

export interface LaitImportOptions {
  /** LAIT topics this subgraph holds (e.g. "Key Stage 2") */
  topics: ReadonlySet<string>;
}

export interface LaitImportResult {
  measures: number;
  figures: number;
  /** of which "-": not published */
  notPublished: number;
  areas: number;
  neighbourPairs: number;
  /** rows for an area with no GSS code (e.g. 1000 "England (discontinued)"), skipped */
  unknownAreaRows: number;
}

/** the values file of a LAIT folder: bds_long.csv.gz or bds_long.csv */
export function valuesFile(folder: string): string {
  const gz = join(folder, "bds_long.csv.gz");
  return existsSync(gz) ? gz : join(folder, "bds_long.csv");
}

/** The data dictionary's measures of the given topics; the first row of a code wins (a few codes are listed under two topics). */
export function readDictionary(folder: string, topics: ReadonlySet<string>): Map<string, Measure> {
  const measures = new Map<string, Measure>();
  for (const { line, record } of readCsv(dictionaryFile(folder))) {
    const code = record.Measure_short?.trim();
    if (!code) throw new SeedError("lait_data_dictionary.csv", `line ${line}`, "Measure_short", "empty");
    if (!topics.has(record.Topic ?? "") || measures.has(code)) continue;
    measures.set(code, Object.assign(new Measure(), {
      code,
      // names carry stray spaces as published; the code is the stable key
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
      quartileBanding: record.No_Quartile?.trim() !== "N",
    }));
  }
  return measures;
}

/**
 * Imports a LAIT folder (values, data dictionary, code lists, both statistical-neighbour
 * sets) for the subgraph's topics, in one transaction. The small files are read and
 * checked first; the values file is then read as a stream, each row checked as it comes
 * and the figures written in batches (memory stays bounded, see readLaitValues). A
 * malformed row anywhere stops the import with its file, line and reason, and the
 * transaction is rolled back: nothing is written. Re-running it leaves the same rows: the
 * published figures of the imported measures are replaced, local figures are never touched.
 */
export async function importLait(dataSource: DataSource, folder: string, { topics }: LaitImportOptions): Promise<LaitImportResult> {
  const measures = readDictionary(folder, topics);
  const gssByDfe = readGssCodes(folder);
  const { areas } = readLaitAreas(folder);
  const neighbours = readNeighbourSets(folder, gssByDfe);
  const file = valuesFile(folder);
  if (!existsSync(file)) throw new SeedError("bds_long.csv.gz", folder, "file", "missing (nor bds_long.csv)");

  return dataSource.transaction(async (manager) => {
    // the published dataset is owned by no authority: no editor can cite it
    await manager.getRepository(OutcomeDocument).upsert(
      [{ key: LAIT_DOCUMENT_KEY, title: "Local Authority Interactive Tool (LAIT) data", publisher: "Department for Education",
        location: "https://github.com/dfe-analytical-services/local-authority-interactive-tool", asAt: "2026-04-08",
        asAtText: "repository commit 2e30e39 of 2026-04-08", owner: PUBLISHED_OWNER }],
      ["key"],
    );
    const rows = [...measures.values()];
    for (let i = 0; i < rows.length; i += 100) await manager.getRepository(Measure).upsert(rows.slice(i, i + 100), ["code"]);
    const codes = rows.map((m) => m.code);
    for (let i = 0; i < codes.length; i += 200) {
      await manager.delete(Figure, { documentKey: LAIT_DOCUMENT_KEY, measureCode: In(codes.slice(i, i + 200)) });
    }
    const inserter = bulkInserter(manager, Figure);
    const values = await readLaitValues(file, measures, gssByDfe, (batch) => inserter.insert(batch), inserter.batchSize);
    const areaRows = areas.map((a) => ({ code: a.code, dfeNumber: a.dfeNumber, name: a.name, kind: a.kind, regionCode: a.regionCode,
      hasPublishedFigures: values.areasWithFigures.has(a.code) }));
    for (let i = 0; i < areaRows.length; i += 200) await manager.getRepository(OutcomeArea).upsert(areaRows.slice(i, i + 200), ["code"]);
    await replaceNeighbours(manager, neighbours);
    // figures, areas and neighbours are written: what is computed from them belongs here, in the same transaction
    await storeComparisons(manager);
    return {
      measures: measures.size, figures: values.figures, notPublished: values.notPublished, areas: areas.length,
      neighbourPairs: neighbours.length, unknownAreaRows: values.unknownAreaRows,
    };
  });
}
