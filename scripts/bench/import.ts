/** Section "import": the full national LAIT import (region, education, care), embedded and MySQL/MariaDB. */
import { relative } from "node:path";
import { repoRoot } from "../catalog";
import { createScratchDatabase, mysqlServerUrl } from "../../test/support/mysql";
import { importAll, markImported, nationalSqlite, type ImportRow } from "./national";
import { machineLine, mb, seconds, SectionReport } from "./report";

export async function importSection(folder: string): Promise<string[]> {
  const report = new SectionReport();
  report.line("## Full national import (`npm run import:lait`)");
  report.line();
  report.line(machineLine());
  report.line(`Data: ${relative(repoRoot, folder)} (the national LAIT file: 641,070 values, 434 measures).`);
  report.line();
  report.line("Each subgraph's import reads and checks the whole file in memory, then writes in one transaction. Times exclude migrations. RSS is the process's resident memory after that subgraph's import (the parsed file is the bulk of it; a streaming reader would lower it).");
  report.line();
  const rows: Array<Array<string>> = [];
  const add = (database: string, imported: ImportRow[]) => {
    for (const r of imported) {
      rows.push([database, r.name, r.figures.toLocaleString("en-GB"), seconds(r.ms), r.figures ? Math.round(r.figures / (r.ms / 1000)).toLocaleString("en-GB") : "–", mb(r.rssAfter)]);
    }
  };
  const national = nationalSqlite();
  add("SQLite (embedded)", await importAll(national.urls, folder));
  markImported();
  // again: the re-import replaces every row (idempotent), which costs the deletes too
  add("SQLite, re-import", await importAll(national.urls, folder));
  if (mysqlServerUrl) {
    const scratches = await Promise.all((["region", "education", "care"] as const).map((n) => createScratchDatabase(`bench_${n}`)));
    try {
      add("MariaDB/MySQL", await importAll({ region: scratches[0]!.url, education: scratches[1]!.url, care: scratches[2]!.url }, folder));
    } finally {
      for (const s of scratches) await s.drop();
    }
  } else {
    rows.push(["MariaDB/MySQL", "not run: MYSQL_URL is not set", "", "", "", ""]);
  }
  report.table(["database", "subgraph", "figures", "time", "rows/s", "RSS after"], ["l", "l", "r", "r", "r", "r"], rows);
  return report.lines;
}
