/**
 * Who may write to a source document of an outcomes subgraph, and how a write holds it: every write
 * that adds figures to a document (an editor's record, a seed load) runs in writeTransaction and
 * takes the document row with lockDocument before it checks the owner.
 */
import type { DataSource, EntityManager } from "typeorm";
import { OutcomeArea, OutcomeDocument } from "./entities";

/**
 * The start of every document key an authority's editor creates: the authority's registered name,
 * lower-case-hyphenated, and a hyphen ("Redcar and Cleveland" → "redcar-and-cleveland-",
 * "Stockton-on-Tees" → "stockton-on-tees-"), so no editor can take a key another authority would use.
 */
export function authorityKeyPrefix(name: string): string {
  return `${name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join("-")}-`;
}

/**
 * The authority a document key is named under: the local authority whose key prefix is the longest
 * start of the key ("dorset-pre-lg-..." is Dorset (Pre LG)'s, not Dorset's); null when none is.
 */
export function authorityNamedBy(areas: ReadonlyArray<{ code: string; name: string }>, key: string): string | null {
  let best: { code: string; length: number } | null = null;
  for (const { code, name } of areas) {
    const prefix = authorityKeyPrefix(name);
    if (key.startsWith(prefix) && (!best || prefix.length > best.length)) best = { code, length: prefix.length };
  }
  return best?.code ?? null;
}

/**
 * Null when `key` is named under `authorityCode` (see authorityNamedBy); else why not, for the editor.
 * The local authorities come from the LAIT code lists, which every seed and import holds whole.
 */
export async function keyNamingProblem(manager: EntityManager, authorityCode: string, key: string): Promise<string | null> {
  const areas = await manager.find(OutcomeArea, { where: { kind: "local-authority" }, select: { code: true, name: true } });
  if (authorityNamedBy(areas, key) === authorityCode) return null;
  const own = areas.find((a) => a.code === authorityCode);
  if (!own) return `${authorityCode} is not a local authority this subgraph holds, so it cannot create documents`;
  return `a new document of ${authorityCode} has a key starting "${authorityKeyPrefix(own.name)}" (its authority's name); "${key}" does not name ${authorityCode}`;
}

const isSqlite = (dataSource: DataSource) => dataSource.options.type === "better-sqlite3";

/**
 * One write transaction. On MySQL/MariaDB it runs READ COMMITTED, so `SELECT ... FOR UPDATE` of a
 * document that does not exist yet locks no gap: two first records of one document then meet at its
 * primary key (one lands, the other is a WRITE_CONFLICT) instead of deadlocking on each other's gap
 * locks. SQLite (one connection, transactions taking turns: PlainErrorDataSource) needs neither.
 */
export function writeTransaction<T>(dataSource: DataSource, run: (manager: EntityManager) => Promise<T>): Promise<T> {
  return isSqlite(dataSource) ? dataSource.transaction(run) : dataSource.transaction("READ COMMITTED", run);
}

/**
 * The document row, locked until the transaction ends on MySQL/MariaDB (`SELECT ... FOR UPDATE`): a
 * write that checked the owner holds the row, so no other write changes it in between.
 */
export function lockDocument(manager: EntityManager, key: string): Promise<OutcomeDocument | null> {
  return manager.findOne(OutcomeDocument, { where: { key }, ...(isSqlite(manager.dataSource) ? {} : { lock: { mode: "pessimistic_write" as const } }) });
}

