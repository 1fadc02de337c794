import { basename } from "node:path";
import { streamCsv } from "@tees/subgraph-common/csv";
import { SeedError } from "@tees/subgraph-common/seed-files";
import type { Figure, Measure } from "./entities";
import { normalisePeriod, parseValue } from "./period";

export const LAIT_DOCUMENT_KEY = "dfe-lait";

export interface ValuesRead {
  figures: number;
  /** of which "-": not published */
  notPublished: number;
  /** rows for an area with no GSS code (e.g. 1000 "England (discontinued)"), skipped */
  unknownAreaRows: number;
  /** GSS codes of the areas with at least one figure */
  areasWithFigures: Set<string>;
}

/**
 * Reads a LAIT values file (bds_long.csv[.gz]) as a stream and hands its figures for the
 * given measures to `write`, `batchSize` at a time, in file order. Each row is checked as it
 * comes; the first malformed one throws a SeedError naming the file, line, field and reason
 * (the caller's transaction then undoes the batches already written). Memory stays bounded:
 * one batch of rows, plus one short key per figure to find a second value for the same
 * measure, area and period.
 */
export async function readLaitValues(
  file: string,
  measures: ReadonlyMap<string, Measure>,
  gssByDfe: ReadonlyMap<string, string>,
  write: (figures: Array<Partial<Figure>>) => Promise<void>,
  batchSize: number,
): Promise<ValuesRead> {
  const fileName = basename(file);
  // a figure's key (measure, area, period) as one whole number: a set of numbers is a fraction of a set of strings
  const measureIndex = new Map([...measures.keys()].map((code, i) => [code, i]));
  const areaIndex = new Map([...new Set(gssByDfe.values())].map((code, i) => [code, i]));
  const labelIndex = new Map<string, number>();
  const seen = new Set<number>();
  const areasWithFigures = new Set<string>();
  let figures = 0;
  let notPublished = 0;
  let unknownAreaRows = 0;
  let batch: Array<Partial<Figure>> = [];
  for await (const { line, record } of streamCsv(file)) {
    const measure = measures.get(record["Short Desc"] ?? "");
    if (!measure) continue;
    const fail = (field: string, problem: string): never => {
      throw new SeedError(fileName, `line ${line}`, field, problem);
    };
    const laNumber = record["LA Number"] ?? "";
    const areaCode = gssByDfe.get(laNumber);
    if (!areaCode) {
      if (!/^\d+$/.test(laNumber)) fail("LA Number", `not a DfE number: "${laNumber}"`);
      unknownAreaRows += 1; // e.g. 1000 "England (discontinued)": no current area to attach it to
      continue;
    }
    const value = parseValue(record.Values ?? "");
    if (value === undefined) fail("Values", `not a number or "-": "${record.Values}"`);
    const label = record.Years?.trim() ?? "";
    if (!label) fail("Years", "empty");
    let labelNumber = labelIndex.get(label);
    if (labelNumber === undefined) labelIndex.set(label, (labelNumber = labelIndex.size));
    // period first: the key stays a small integer (V8 keeps those unboxed) for the few hundred period labels LAIT has
    const key = (labelNumber * measureIndex.size + measureIndex.get(measure.code)!) * areaIndex.size + areaIndex.get(areaCode)!;
    if (seen.has(key)) fail("Years", `a second value for ${measure.code}, ${record["LA and Regions"]}, ${label}`);
    seen.add(key);
    if (value === null) notPublished += 1;
    areasWithFigures.add(areaCode);
    const period = normalisePeriod(label, measure.yearType);
    batch.push({
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
    });
    figures += 1;
    if (batch.length >= batchSize) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length) await write(batch);
  return { figures, notPublished, unknownAreaRows, areasWithFigures };
}
