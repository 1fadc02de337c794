import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

/**
 * Inserts many rows with plain multi-row INSERT statements ("?" placeholders work on
 * SQLite and MySQL/MariaDB), inside the caller's transaction. TypeORM's insert builder
 * spends more per row than the database does; a national LAIT import is ~650,000 rows.
 * Batches stay under SQLite's 32,766 bound parameters and MySQL's packet size.
 */
export async function bulkInsert(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: readonly ObjectLiteral[], batchSize = 500) {
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((c) => !c.isVirtual && !c.isGenerated);
  const escape = (name: string) => manager.connection.driver.escape(name);
  const head = `INSERT INTO ${escape(metadata.tableName)} (${columns.map((c) => escape(c.databaseName)).join(", ")}) VALUES `;
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const params = batch.flatMap((row) => columns.map((c) => c.getEntityValue(row) ?? null));
    await manager.query(head + batch.map(() => tuple).join(", "), params);
  }
}
