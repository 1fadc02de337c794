/**
 * Who may write to a source document of an outcomes subgraph, and how a write holds it: every write
 * that adds figures to a document (an editor's record, a seed load) runs in writeTransaction and
 * takes the document row with lockDocument before it checks the owner.
 */
import type { DataSource, EntityManager } from "typeorm";
import { OutcomeDocument } from "./entities";

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

