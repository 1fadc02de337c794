/** Bringing a database's schema up to date: migrations, never TypeORM's synchronize. */
import type { DataSource, MigrationInterface } from "typeorm";

type MigrationClass = new () => MigrationInterface;

/** The migration set that fits a database url: SQLite for the embedded default, MySQL otherwise. */
export function migrationsForDialect(sets: { sqlite: MigrationClass[]; mysql: MigrationClass[] }) {
  return (urlOrDialect: string): MigrationClass[] =>
    urlOrDialect === "sqlite" || urlOrDialect.startsWith("sqlite:") ? sets.sqlite : sets.mysql;
}

/** Brings the schema up to date, each migration in its own transaction; running it again does nothing. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((m) => m.name);
}
