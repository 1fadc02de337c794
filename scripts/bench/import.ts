/**
 * Section "import": the full national LAIT import (region, education, care), embedded and
 * MySQL/MariaDB. Each subgraph's import runs as `npm run import:lait` does, in a process of
 * its own, so the peak memory reported is that import's alone (process.resourceUsage().maxRSS).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { graphName, repoRoot } from "../catalog";
import { LAIT_SUBGRAPHS, type LaitSubgraph } from "../lait-import";
import { createScratchDatabase, mysqlServerUrl } from "../../test/support/mysql";
import { machineLine, mb, seconds, SectionReport } from "./report";

const run = promisify(execFile);

export interface ChildImport {
  name: LaitSubgraph;
  ms: number;
  peakRssBytes: number;
  result: { figures: number };
}

/** one subgraph's import in a process of its own (scripts/import-lait.ts --json) */
export async function importInChild(name: LaitSubgraph, url: string, folder: string): Promise<ChildImport> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/import-lait.ts", folder, "--only", name, "--json"], {
    cwd: repoRoot,
    env: { ...process.env, [`DATABASE_URL_${graphName(name)}`]: url },
    maxBuffer: 1 << 20,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("{"));
  if (!line) throw new Error(`import of ${name} printed no result: ${stdout}`);
  return JSON.parse(line) as ChildImport;
}

export async function importSection(folder: string): Promise<string[]> {
  const report = new SectionReport();
  report.line("## Full national import (`npm run import:lait`)");
  report.line();
  report.line(machineLine());
  report.line(`Data: ${relative(repoRoot, folder) || "."} (the national LAIT file: 641,070 values, 434 measures).`);
  report.line();
  report.line(
    "Each subgraph's import runs in a process of its own, as `npm run import:lait -- <folder> --only <subgraph>` does; " +
      "it reads the values file as a stream and writes the figures in batches inside one transaction. " +
      "Times exclude migrations and the process's start. Peak RSS is that process's maximum resident memory (`process.resourceUsage().maxRSS`), " +
      "including Node, TypeORM and the database driver.",
  );
  report.line();
  const rows: Array<Array<string>> = [];
  const add = (database: string, r: ChildImport) =>
    rows.push([database, r.name, r.result.figures.toLocaleString("en-GB"), seconds(r.ms),
      r.result.figures ? Math.round(r.result.figures / (r.ms / 1000)).toLocaleString("en-GB") : "–", mb(r.peakRssBytes)]);
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  try {
    const sqlite = (name: LaitSubgraph) => `sqlite:${dir}/${name}.sqlite`;
    for (const name of LAIT_SUBGRAPHS) add("SQLite (embedded)", await importInChild(name, sqlite(name), folder));
    // again: the re-import replaces every row (idempotent), which costs the deletes too
    for (const name of LAIT_SUBGRAPHS) add("SQLite, re-import", await importInChild(name, sqlite(name), folder));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (mysqlServerUrl) {
    for (const name of LAIT_SUBGRAPHS) {
      const scratch = await createScratchDatabase(`bench_${name}`);
      try {
        add("MariaDB/MySQL", await importInChild(name, scratch.url, folder));
      } finally {
        await scratch.drop();
      }
    }
  } else {
    rows.push(["MariaDB/MySQL", "not run: MYSQL_URL is not set", "", "", "", ""]);
  }
  report.table(["database", "subgraph", "figures", "time", "rows/s", "peak RSS"], ["l", "l", "r", "r", "r", "r"], rows);
  return report.lines;
}
