/**
 * Writes the Tees Valley extract of the DfE LAIT data that the embedded default
 * ships with (seeds/lait-tees-valley): the five Tees Valley authorities, their
 * statistical neighbours (both published sets), the North East and England.
 * Rows are copied unchanged; the dictionary and code list are copied whole.
 * Usage: npm run lait:extract -- [path/to/dfe-lait]
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { readCsv } from "@tees/subgraph-common/csv";

const source = process.argv[2] ?? join(import.meta.dirname, "../../shared/reference-data/dfe-lait");
const target = join(import.meta.dirname, "../seeds/lait-tees-valley");
const teesValley = ["805", "806", "807", "808", "841"];
const areas = new Set([...teesValley, "980", "970"]);
for (const set of ["statistical_neighbours_2021-04.csv", "statistical_neighbours_2025-05.csv"]) {
  for (const { record } of readCsv(join(source, set))) if (teesValley.includes(record.la_number!)) areas.add(record.neighbour_la_number!);
}

// keep each record's raw text, so every kept row is as published (some quoted names span lines)
const text = gunzipSync(readFileSync(join(source, "bds_long.csv.gz"))).toString("utf8");
const records = parse(text, { columns: true, raw: true, record_delimiter: ["\r\n", "\n"] }) as Array<{ record: Record<string, string>; raw: string }>;
const header = text.slice(0, text.search(/\r?\n/));
const kept = [header];
for (const { record, raw } of records) if (areas.has(record["LA Number"]!)) kept.push(raw.replace(/\r?\n$/, ""));
mkdirSync(target, { recursive: true });
writeFileSync(join(target, "bds_long.csv.gz"), gzipSync(kept.join("\n") + "\n", { level: 9 }));
for (const file of ["lait_data_dictionary.csv", "la_gss_codes.csv", "la_code_list.csv", "statistical_neighbours_2021-04.csv", "statistical_neighbours_2025-05.csv"]) {
  copyFileSync(join(source, file), join(target, file));
}
console.log(`wrote ${target}: ${kept.length - 1} rows for ${areas.size} areas`);
