/**
 * The streaming LAIT import (subgraphs/outcomes/src/lait-values.ts) on each database: the counts it
 * reports match the source rows counted here on their own, a re-run leaves the same rows, and a
 * malformed row anywhere (here: the very last row of the national file, after ~300,000 figures
 * were already written in batches) rolls the whole transaction back, naming file, line and field.
 * Memory is measured by `npm run bench -- import` (peak RSS of the import's process).
 */
import { copyFileSync, createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip, gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { migrate, openDataSource } from "@tees/subgraph-common/database";
import { DEFAULT_LAIT_FOLDER, EXTRACT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { StatisticalNeighbour } from "@tees/subgraph-common/entities/StatisticalNeighbour";
import { Measure, OutcomeArea, outcomeEntities } from "@tees/outcomes/entities";
import { importLait, readDictionary } from "@tees/outcomes/lait";
import { outcomeMigrations } from "@tees/outcomes/migrations";
import { topicsOf } from "@tees/outcomes/deployments";

const careTopics = topicsOf("care");
import { databases } from "./support/matrix";
import { scratchDatabase, type ScratchDatabase } from "./support/mysql";

const OTHER_FILES = ["lait_data_dictionary.csv", "la_gss_codes.csv", "la_code_list.csv", "statistical_neighbours_2021-04.csv", "statistical_neighbours_2025-05.csv"];

/** `lines`, each ended by a newline, handed on a few thousand at a time (a write per line made the national file's copy take ~20 s) */
async function* inBlocks(lines: AsyncIterable<string> | Iterable<string>) {
  let block: string[] = [];
  for await (const line of lines) {
    block.push(line);
    if (block.length === 4096) {
      yield `${block.join("\n")}\n`;
      block = [];
    }
  }
  if (block.length) yield `${block.join("\n")}\n`;
}

/** a copy of a LAIT folder whose values file is `lines` (gzipped as published) */
async function folderWith(source: string, lines: AsyncIterable<string> | Iterable<string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "lait-stream-"));
  for (const f of OTHER_FILES) copyFileSync(join(source, f), join(dir, f));
  await pipeline(Readable.from(inBlocks(lines)), createGzip({ level: 1 }), createWriteStream(join(dir, "bds_long.csv.gz")));
  return dir;
}

/** the lines of a folder's values file, read here without the importer's code */
const linesOf = (folder: string) => createInterface({ input: createReadStream(join(folder, "bds_long.csv.gz")).pipe(createGunzip()), crlfDelay: Infinity });

/** every count the import writes, and a fingerprint of the published values */
async function snapshot(dataSource: DataSource) {
  const [sum] = await dataSource.query("SELECT COUNT(*) AS n, SUM(value) AS total, COUNT(value) AS withValue FROM figure");
  return {
    figures: Number(sum.n), total: Number(Number(sum.total).toFixed(3)), withValue: Number(sum.withValue),
    measures: await dataSource.getRepository(Measure).count(),
    areas: await dataSource.getRepository(OutcomeArea).count(),
    withFigures: await dataSource.getRepository(OutcomeArea).countBy({ hasPublishedFigures: true }),
    neighbours: await dataSource.getRepository(StatisticalNeighbour).count(),
  };
}

/**
 * The national file with its last care row that has a numeric value made unreadable (line `lastCare`,
 * counting the header), in a folder of its own: read and written once for every database's rollback
 * test (they import the same folder), removed after them.
 */
let brokenNational: Promise<{ folder: string; lastCare: number }> | undefined;
function nationalWithBrokenLastCareRow() {
  brokenNational ??= (async () => {
    let total = 0;
    let lastCare = 0;
    const lines: string[] = [];
    const measures = readDictionary(DEFAULT_LAIT_FOLDER, careTopics);
    for await (const line of linesOf(DEFAULT_LAIT_FOLDER)) {
      if (!line) continue;
      lines.push(line);
      total += 1;
      if (measures.has(line.slice(0, line.indexOf(","))) && /,\d+(\.\d+)?,\d+,[^,]*$/.test(line)) lastCare = total;
    }
    if (lastCare > 0) lines[lastCare - 1] = lines[lastCare - 1]!.replace(/,[^,]*,(\d+),([^,]*)$/, ",12.5.3,$1,$2");
    return { folder: await folderWith(DEFAULT_LAIT_FOLDER, lines), lastCare };
  })();
  return brokenNational;
}
afterAll(async () => {
  const broken = await brokenNational?.catch(() => undefined);
  if (broken) rmSync(broken.folder, { recursive: true, force: true });
});

describe.each(databases)("streaming LAIT import on $label", ({ database }) => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  const folders: string[] = [];

  beforeAll(async () => {
    scratch = await scratchDatabase(database, "lait_stream");
    ({ dataSource } = await openDataSource({ url: scratch.url, poolSize: 2, queueLimit: 10, queryTimeoutMs: 600_000 }, outcomeEntities, outcomeMigrations(scratch.url)));
    await migrate(dataSource);
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await scratch?.drop();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it("reports the counts of the source rows, and a re-run leaves exactly the same rows", async () => {
    // counted here from the extract's rows: care measures, areas with a GSS code, "-" as not published
    const measures = readDictionary(EXTRACT_LAIT_FOLDER, careTopics);
    const gss = new Map((parse(readFileSync(join(EXTRACT_LAIT_FOLDER, "la_gss_codes.csv")), { columns: true, record_delimiter: ["\r\n", "\n"] }) as Array<Record<string, string>>)
      .map((r) => [r.la_number!, r.gss_code!]));
    const rows = (parse(gunzipSync(readFileSync(join(EXTRACT_LAIT_FOLDER, "bds_long.csv.gz"))), { columns: true, record_delimiter: ["\r\n", "\n"] }) as Array<Record<string, string>>)
      .filter((r) => measures.has(r["Short Desc"]!));
    const known = rows.filter((r) => gss.has(r["LA Number"]!));

    const first = await importLait(dataSource, EXTRACT_LAIT_FOLDER, { topics: careTopics });
    expect(first).toEqual({
      measures: measures.size, figures: known.length, notPublished: known.filter((r) => r.Values === "-").length,
      areas: 170, neighbourPairs: 3140, unknownAreaRows: rows.length - known.length,
    });
    const before = await snapshot(dataSource);
    expect(before).toMatchObject({ figures: known.length, measures: measures.size, areas: 170, neighbours: 3140, withFigures: new Set(known.map((r) => r["LA Number"])).size });
    expect(await importLait(dataSource, EXTRACT_LAIT_FOLDER, { topics: careTopics })).toEqual(first);
    expect(await snapshot(dataSource)).toEqual(before);
  }, 120_000);

  it("refuses a second value for the same measure, area and period at the end of the file, naming its line, and keeps what it had", async () => {
    const before = await snapshot(dataSource);
    expect(before.figures).toBeGreaterThan(0);
    const lines: string[] = [];
    for await (const line of linesOf(EXTRACT_LAIT_FOLDER)) if (line) lines.push(line);
    const repeated = lines.findLast((l) => /^LAC,/.test(l))!;
    expect(repeated).toBeDefined();
    const folder = await folderWith(EXTRACT_LAIT_FOLDER, [...lines, repeated]);
    folders.push(folder);
    await expect(importLait(dataSource, folder, { topics: careTopics })).rejects.toThrow(
      new RegExp(`^bds_long\\.csv\\.gz: line ${lines.length + 1}: field "Years": a second value for LAC, `),
    );
    expect(await snapshot(dataSource)).toEqual(before);
  }, 120_000);

  it("rolls back every batch already written when the national file's last row is malformed", async () => {
    const before = await snapshot(dataSource);
    const { folder, lastCare } = await nationalWithBrokenLastCareRow();
    // the last care row with a numeric value, near the end of ~641,000 rows: its value made unreadable
    expect(lastCare).toBeGreaterThan(600_000);
    await expect(importLait(dataSource, folder, { topics: careTopics })).rejects.toThrow(
      // lastCare counts the header too: it is the line number the error names
      new RegExp(`^bds_long\\.csv\\.gz: line ${lastCare}: field "Values": not a number or "-": "12\\.5\\.3"$`),
    );
    // the ~300,000 figures written before it, the measures, areas and neighbours: all as they were
    expect(await snapshot(dataSource)).toEqual(before);
  }, 300_000);
});
