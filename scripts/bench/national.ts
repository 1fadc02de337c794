/** The national LAIT file imported into embedded databases of a temporary folder, shared by the sections of one run. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_LAIT_FOLDER as SHIPPED_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { importLaitInto, LAIT_SUBGRAPHS, type LaitSubgraph } from "../lait-import";

/** the national release the repository ships (seeds/lait) */
export const DEFAULT_LAIT_FOLDER = SHIPPED_LAIT_FOLDER;

export type LaitUrls = Record<LaitSubgraph, string>;

export interface ImportRow {
  name: LaitSubgraph;
  ms: number;
  figures: number;
  rssAfter: number;
}

export async function importAll(urls: LaitUrls, folder: string): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for (const name of LAIT_SUBGRAPHS) {
    const { ms, result } = await importLaitInto(name, { ...process.env, DATABASE_URL: urls[name], DB_QUERY_TIMEOUT_MS: "600000" }, folder);
    rows.push({ name, ms, figures: result.figures, rssAfter: process.memoryUsage().rss });
  }
  return rows;
}

let shared: { urls: LaitUrls; dir: string; imported: boolean } | undefined;

/** SQLite files for region, education and care in one temporary folder (removed by removeNational). */
export function nationalSqlite(): { urls: LaitUrls; dir: string; imported: boolean } {
  if (!shared) {
    const dir = mkdtempSync(join(tmpdir(), "bench-"));
    shared = { dir, imported: false, urls: { region: `sqlite:${dir}/region.sqlite`, education: `sqlite:${dir}/education.sqlite`, care: `sqlite:${dir}/care.sqlite` } };
  }
  return shared;
}

/** The national data in embedded databases, imported now unless a section of this run already did. */
export async function nationalDatabases(folder: string): Promise<LaitUrls> {
  const national = nationalSqlite();
  if (!national.imported) {
    console.log(`(importing ${folder} for this section)`);
    await importAll(national.urls, folder);
    national.imported = true;
  }
  return national.urls;
}

export function markImported(): void {
  nationalSqlite().imported = true;
}

export function removeNational(): void {
  if (shared) rmSync(shared.dir, { recursive: true, force: true });
  shared = undefined;
}
