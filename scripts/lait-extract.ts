/**
 * Writes the Tees Valley extract of the DfE LAIT data (seeds/lait-tees-valley) that the
 * tests load: the five Tees Valley authorities, their statistical neighbours (both
 * published sets), the North East and England. Rows are copied unchanged (read as a
 * stream); the dictionary, code lists and neighbour files are copied whole.
 * Usage: npm run lait:extract -- [path/to/lait folder]   (default: seeds/lait, the national release)
 */
import { copyFileSync, createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream";
import { createGunzip, gzipSync } from "node:zlib";
import { parse } from "csv-parse";
import { readCsv } from "@tees/subgraph-common/csv";
import { DEFAULT_LAIT_FOLDER, EXTRACT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";

const source = process.argv[2] ?? DEFAULT_LAIT_FOLDER;
const target = EXTRACT_LAIT_FOLDER;
const teesValley = ["805", "806", "807", "808", "841"];
const areas = new Set([...teesValley, "980", "970"]);
for (const set of ["statistical_neighbours_2021-04.csv", "statistical_neighbours_2025-05.csv"]) {
  for (const { record } of readCsv(join(source, set))) if (teesValley.includes(record.la_number!)) areas.add(record.neighbour_la_number!);
}

// keep each record's raw text, so every kept row is as published (some quoted names span lines); the first record is the header
const records = pipeline(createReadStream(join(source, "bds_long.csv.gz")), createGunzip(), parse({ raw: true, record_delimiter: ["\r\n", "\n"] }), () => undefined);
const kept: string[] = [];
let laNumber = -1;
for await (const { record, raw } of records as AsyncIterable<{ record: string[]; raw: string }>) {
  if (laNumber < 0) {
    laNumber = record.indexOf("LA Number");
    if (laNumber < 0) throw new Error(`bds_long.csv.gz: line 1: no "LA Number" column`);
    kept.push(raw.replace(/\r?\n$/, ""));
  } else if (areas.has(record[laNumber]!)) kept.push(raw.replace(/\r?\n$/, ""));
}
mkdirSync(target, { recursive: true });
writeFileSync(join(target, "bds_long.csv.gz"), gzipSync(kept.join("\n") + "\n", { level: 9 }));
for (const file of ["lait_data_dictionary.csv", "la_gss_codes.csv", "la_code_list.csv", "statistical_neighbours_2021-04.csv", "statistical_neighbours_2025-05.csv"]) {
  copyFileSync(join(source, file), join(target, file));
}
console.log(`wrote ${target}: ${kept.length - 1} rows for ${areas.size} areas`);
