import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, type DataSourceOptions, type Logger, type MixedList, type EntitySchema } from "typeorm";
import { ConfigError } from "./env";

/**
 * Where a subgraph keeps its data: `sqlite:<file>` (embedded default; `sqlite::memory:` for tests)
 * or `mysql://user:password@host:port/database` (production; `mariadb://` for a MariaDB server).
 */
export type DatabaseUrl = string;

export interface DatabaseSettings {
  url: DatabaseUrl;
  /** connections per subgraph (MySQL); keep the sum over subgraphs under max_connections */
  poolSize: number;
  /** requests that may wait for a connection before failing fast (MySQL) */
  queueLimit: number;
  /** a statement running longer than this fails (ms) */
  queryTimeoutMs: number;
}

/** Counts SQL statements, so tests and benchmarks can prove there is no per-item querying. */
export class StatementCounter implements Logger {
  count = 0;
  logQuery(query: string): void {
    if (/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|PRAGMA)/i.test(query)) return;
    this.count += 1;
  }
  logQueryError(error: string | Error, query: string): void {
    console.error(`SQL error: ${error instanceof Error ? error.message : error} in ${query.slice(0, 200)}`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.count = 0;
  }
}

type EntityList = MixedList<Function | string | EntitySchema>;

export function dataSourceOptions(
  settings: DatabaseSettings,
  entities: EntityList,
  migrations: EntityList,
  logger: Logger,
): DataSourceOptions {
  const common = { entities, migrations, logger, logging: ["query", "error"] as Array<"query" | "error">, synchronize: false, migrationsRun: false };
  const { url } = settings;
  if (url.startsWith("sqlite:")) {
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
      timeout: settings.queryTimeoutMs,
    } as DataSourceOptions;
  }
  if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/^mariadb:/, "mysql:"));
    } catch {
      throw new ConfigError(`database url "${redact(url)}" is not a valid URL`);
    }
    const database = parsed.pathname.replace(/^\//, "");
    if (!database) throw new ConfigError(`database url "${redact(url)}" names no database`);
    return {
      ...common,
      // MariaDB reports column defaults differently; TypeORM's schema diff needs to know which server it reads
      type: url.startsWith("mariadb://") ? "mariadb" : "mysql",
      connectorPackage: "mysql2",
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 3306,
      username: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      database,
      charset: "utf8mb4_unicode_ci",
      poolSize: settings.poolSize,
      extra: { queueLimit: settings.queueLimit, connectTimeout: 5000, enableKeepAlive: true },
      maxQueryExecutionTime: settings.queryTimeoutMs,
    } as DataSourceOptions;
  }
  throw new ConfigError(`database url "${redact(url)}" must start with sqlite: or mysql://`);
}

/** never print a password */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}

export async function openDataSource(
  settings: DatabaseSettings,
  entities: EntityList,
  migrations: EntityList,
  counter = new StatementCounter(),
): Promise<{ dataSource: DataSource; counter: StatementCounter }> {
  const dataSource = new DataSource(dataSourceOptions(settings, entities, migrations, counter));
  await dataSource.initialize();
  return { dataSource, counter };
}

/** Brings the schema up to date; running it again does nothing. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((m) => m.name);
}
