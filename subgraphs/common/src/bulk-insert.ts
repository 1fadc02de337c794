import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Plain multi-row INSERT statements ("?" placeholders work on SQLite and MySQL/MariaDB)
 * for one entity, inside the caller's transaction. TypeORM's insert builder spends more
 * per row than the database does; a national LAIT import is ~650,000 rows. Batches stay
 * under SQLite's 32,766 bound parameters and MySQL's packet size. The statement's text is
 * built once, so a streaming import can hand it one batch at a time.
 */
export function bulkInserter(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, batchSize = 500) {
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((c) => !c.isVirtual && !c.isGenerated);
  if (columns.length * batchSize > 32_766) throw new Error(`bulk insert into ${metadata.tableName}: ${batchSize} rows of ${columns.length} columns exceed SQLite's bound parameters`);
  const escape = (name: string) => manager.connection.driver.escape(name);
  const head = `INSERT INTO ${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const full = head + Array.from({ length: batchSize }, () => tuple).join(", ");
  return {
    batchSize,
    async insert(rows: readonly ObjectLiteral[]): Promise<void> {
      for (let i = 0; i < rows.length; i += batchSize) {
        const batch = rows.slice(i, i + batchSize);
        const params = batch.flatMap((row) => columns.map((c) => c.getEntityValue(row) ?? null));
        await manager.query(batch.length === batchSize ? full : head + batch.map(() => tuple).join(", "), params);
      }
    },
  };
}

/** Inserts many rows (see bulkInserter), inside the caller's transaction. */
export async function bulkInsert(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: readonly ObjectLiteral[], batchSize = 500) {
  await bulkInserter(manager, entity, batchSize).insert(rows);
}
