/** The embedded engine: better-sqlite3, one file (or :memory:) per subgraph. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { DataSourceOptions } from "typeorm";
import type { CommonOptions } from "./data-source";
import { ConfigError, type DatabaseSettings } from "../config";

export function sqliteOptions(settings: DatabaseSettings, common: CommonOptions): DataSourceOptions {
  const { url } = settings;
  const file = url.slice("sqlite:".length);
  if (!file) throw new ConfigError(`database url "${url}" names no file (use sqlite:<file> or sqlite::memory:)`);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    type: "better-sqlite3",
    database: file,
    // WAL lets readers run while the seeder writes; foreign keys are off by default in SQLite
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma("journal_mode = WAL");
      db.pragma("foreign_keys = ON");
    },
    // better-sqlite3 is synchronous: a running statement cannot be stopped; this is the busy timeout
    timeout: settings.queryTimeoutMs,
  } as DataSourceOptions;
}
