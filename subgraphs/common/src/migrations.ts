import type { MigrationInterface } from "typeorm";

type MigrationClass = new () => MigrationInterface;

/** The migration set that fits a database url: SQLite for the embedded default, MySQL otherwise. */
export function migrationsForDialect(sets: { sqlite: MigrationClass[]; mysql: MigrationClass[] }) {
  return (urlOrDialect: string): MigrationClass[] =>
    urlOrDialect === "sqlite" || urlOrDialect.startsWith("sqlite:") ? sets.sqlite : sets.mysql;
}
