import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import mysql2, { type Pool, type PoolConnection, type PoolOptions } from "mysql2";
import {
  DataSource,
  QueryFailedError,
  type DataSourceOptions,
  type EntityManager,
  type EntitySchema,
  type Logger,
  type MixedList,
  type QueryRunner,
  type ReplicationMode,
} from "typeorm";
import type { IsolationLevel } from "typeorm/driver/types/IsolationLevel.js";
import { ConfigError } from "./config";
import { countRequestStatement, traceStatement } from "./observability";

export type { DatabaseSettings, DatabaseUrl } from "./config";
import type { DatabaseSettings } from "./config";

export type DatabaseErrorCode = "DATABASE_TIMEOUT" | "DATABASE_UNAVAILABLE" | "DATABASE_BUSY" | "WRITE_CONFLICT";

/**
 * A database failure the client can act on (retry, or ask for less), said plainly. graphql-js copies
 * `extensions` from the thrown error onto the GraphQL error and maskError passes coded errors through,
 * so the client reads this message and code; the driver's own error (SQL, addresses) stays in `cause`.
 */
export class DatabaseError extends Error {
  override name = "DatabaseError";
  readonly extensions: { code: DatabaseErrorCode };
  constructor(code: DatabaseErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.extensions = { code };
  }
}

// server error numbers: statement stopped by max_statement_time (MariaDB) / max_execution_time (MySQL)
const TIMEOUT_ERRNOS = new Set([1969, 3024]);
// too many connections, server shutdown, too many user connections, query interrupted, connection killed
const UNAVAILABLE_ERRNOS = new Set([1040, 1053, 1203, 1317, 1927]);
// a row with this key already exists: MySQL/MariaDB ER_DUP_ENTRY; SQLite primary key / unique constraint
const DUPLICATE_ERRNOS = new Set([1062]);
const DUPLICATE_CODES = new Set(["SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_UNIQUE"]);
// client side: the socket went away or never came up
const UNAVAILABLE_CODES = new Set([
  "PROTOCOL_CONNECTION_LOST", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN",
]);

/** The DatabaseError a client should see for this failure, or undefined (then it stays an internal error). */
export function classifyDatabaseError(error: unknown, queryTimeoutMs: number): DatabaseError | undefined {
  if (error instanceof DatabaseError) return error;
  const driverError: unknown = error instanceof QueryFailedError ? error.driverError : error;
  if (!(driverError instanceof Error)) return undefined;
  const { errno, code, fatal } = driverError as Error & { errno?: unknown; code?: unknown; fatal?: unknown };
  if (typeof errno === "number" && TIMEOUT_ERRNOS.has(errno)) {
    return new DatabaseError("DATABASE_TIMEOUT", `database statement stopped after ${queryTimeoutMs} ms (DB_QUERY_TIMEOUT_MS)`, { cause: error });
  }
  // every write checks for an existing row first, in its transaction: a duplicate now means another write
  // created the same record at the same moment (two first-time records of one figure, say)
  if ((typeof errno === "number" && DUPLICATE_ERRNOS.has(errno)) || (typeof code === "string" && DUPLICATE_CODES.has(code))) {
    return new DatabaseError("WRITE_CONFLICT", "another write created the same record at the same moment; nothing was changed by this one: try again", { cause: error });
  }
  // mysql2's pool says this when DB_QUEUE_LIMIT requests are already waiting for a connection
  if (driverError.message === "Queue limit reached.") {
    return new DatabaseError("DATABASE_BUSY", "database busy: too many requests waiting for a connection (DB_QUEUE_LIMIT); try again shortly", { cause: error });
  }
  if (
    fatal === true ||
    (typeof errno === "number" && UNAVAILABLE_ERRNOS.has(errno)) ||
    (typeof code === "string" && UNAVAILABLE_CODES.has(code)) ||
    driverError.message === "Pool is closed."
  ) {
    return new DatabaseError("DATABASE_UNAVAILABLE", "database unavailable; try again shortly", { cause: error });
  }
  return undefined;
}

/** Counts SQL statements, so tests and benchmarks can prove there is no per-item querying. */
export class StatementCounter implements Logger {
  count = 0;
  logQuery(query: string): void {
    if (/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|PRAGMA)/i.test(query)) return;
    this.count += 1;
    // and for the request running now (its metrics and log line: observability.ts)
    countRequestStatement();
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

/** How DB_QUERY_TIMEOUT_MS becomes a server-side limit on each MySQL/MariaDB connection. */
interface SessionLimit {
  variable: "max_statement_time" | "max_execution_time";
  value: number;
}

function sessionLimit(server: "mariadb" | "mysql", queryTimeoutMs: number): SessionLimit {
  // MariaDB: seconds, every statement; MySQL 8: milliseconds, read-only SELECTs only
  return server === "mariadb" ? { variable: "max_statement_time", value: queryTimeoutMs / 1000 } : { variable: "max_execution_time", value: queryTimeoutMs };
}

const serverOf = (url: string): "mariadb" | "mysql" | undefined =>
  url.startsWith("mariadb://") ? "mariadb" : url.startsWith("mysql://") ? "mysql" : undefined;

/**
 * mysql2, but every connection its pools open first sets the session limit. The limit lives in the
 * server, so the statement itself is stopped and the connection stays usable; mysql2's per-query
 * `timeout` (TypeORM's enableQueryTimeout) only stops waiting, leaving the statement running and the
 * connection busy behind it. createPool is wrapped, not `driver.pool.on(...)` after initialize, because
 * TypeORM opens the first connection inside createPool; the SET is queued on the connection ahead of
 * the first query of whoever asked for it.
 */
function mysql2WithSessionLimit(limit: SessionLimit) {
  const statement = `SET SESSION ${limit.variable} = ${limit.value}`;
  const createPool = (options: PoolOptions): Pool => {
    const pool = mysql2.createPool(options);
    pool.on("connection", (connection: PoolConnection) => {
      // a failure here is logged; openDataSource refuses to start when the server does not take the limit at all
      connection.query(statement, (error) => {
        if (error) console.error(`[database] could not apply DB_QUERY_TIMEOUT_MS (${statement}): ${error.message}`);
      });
      // The pool drops a connection on its first 'error' (a once() listener) and TypeORM adds its own
      // handler only to connections without one; a second 'error' (e.g. a write after the socket died)
      // would then have no listener and end the process.
      connection.on("error", () => undefined);
    });
    return pool;
  };
  return { ...mysql2, createPool };
}

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
      // better-sqlite3 is synchronous: a running statement cannot be stopped; this is the busy timeout
      timeout: settings.queryTimeoutMs,
    } as DataSourceOptions;
  }
  const server = serverOf(url);
  if (server) {
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
      type: server,
      connectorPackage: "mysql2",
      driver: mysql2WithSessionLimit(sessionLimit(server, settings.queryTimeoutMs)),
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 3306,
      username: decodeURIComponent(parsed.username),
      password: decodeURIComponent(parsed.password),
      database,
      charset: "utf8mb4_unicode_ci",
      poolSize: settings.poolSize,
      // A connection the server closes (restart, KILL, wait_timeout) ends its socket; mysql2's pool then
      // drops it and opens a new one on demand, so no reconnect logic is needed here. Keep-alive probes
      // after 10 s idle find a server that vanished without closing (host down), which nothing else would.
      extra: { queueLimit: settings.queueLimit, connectTimeout: 5000, enableKeepAlive: true, keepAliveInitialDelay: 10_000 },
    } as DataSourceOptions;
  }
  throw new ConfigError(`database url "${redact(url)}" must start with sqlite: or mysql://`);
}

/**
 * A connection URL as it may appear in a log line or an error: never its password (database URLs,
 * the nonce store's redis:// URL, with or without a user name). A URL without credentials is returned
 * as it is (an sqlite: path unchanged); one that does not parse loses everything between // and @.
 */
export function redact(url: string): string {
  if (!url.includes("@")) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, "//***@");
  }
}

/** A DataSource whose queries fail with a DatabaseError when the failure is one the client should hear about. */
class PlainErrorDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    private readonly queryTimeoutMs: number,
  ) {
    super(options);
  }

  private transactions: Promise<unknown> = Promise.resolve();

  /**
   * SQLite (better-sqlite3) has one connection for the whole process: two transactions at once
   * would nest as SAVEPOINTs, and one's rollback could undo the other's writes. So on SQLite
   * transactions take turns; MySQL/MariaDB give each its own pooled connection and isolation.
   */
  override transaction<T>(run: (manager: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, run: (manager: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(first: IsolationLevel | ((manager: EntityManager) => Promise<T>), second?: (manager: EntityManager) => Promise<T>): Promise<T> {
    const start = () => (typeof first === "function" ? super.transaction(first) : super.transaction(first, second!));
    if (this.options.type !== "better-sqlite3") return start();
    const turn = this.transactions.then(start, start);
    this.transactions = turn.catch(() => undefined);
    return turn;
  }

  /** the runners whose query() already maps driver errors (see createQueryRunner) */
  private readonly plainRunners = new WeakSet<QueryRunner>();

  /**
   * Every repository, query builder, migration and dataSource.query() runs through a query runner made
   * here. better-sqlite3's driver hands out ONE cached runner for the whole process, so a runner is
   * wrapped the first time it is seen and never again: wrapping on every call stacked one more async
   * layer per statement, until the 8,821st statement overflowed the call stack. MySQL/MariaDB hand out
   * a new runner each time, wrapped once each.
   */
  override createQueryRunner(mode?: ReplicationMode): QueryRunner {
    const runner = super.createQueryRunner(mode);
    if (this.plainRunners.has(runner)) return runner;
    this.plainRunners.add(runner);
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    runner.query = (async (...args: unknown[]) => {
      try {
        // a span per statement when the request is traced (observability.ts); otherwise just the query
        return await traceStatement(args[0], this.options.type, () => query(...args));
      } catch (error) {
        const plain = classifyDatabaseError(error, this.queryTimeoutMs);
        if (!plain) throw error;
        // a failure to get a connection happens before TypeORM logs the query, so it is logged here
        if (!(error instanceof QueryFailedError) && !(error instanceof DatabaseError)) {
          console.error(`[database] ${plain.extensions.code}: ${error instanceof Error ? error.message : String(error)}`);
        }
        throw plain;
      }
    }) as QueryRunner["query"];
    return runner;
  }
}

export async function openDataSource(
  settings: DatabaseSettings,
  entities: EntityList,
  migrations: EntityList,
  counter = new StatementCounter(),
): Promise<{ dataSource: DataSource; counter: StatementCounter }> {
  const options = dataSourceOptions(settings, entities, migrations, counter);
  const dataSource = new PlainErrorDataSource(options, settings.queryTimeoutMs);
  await dataSource.initialize();
  try {
    await checkSessionLimit(dataSource, settings);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return { dataSource, counter };
}

/** Refuses to serve without the statement limit, e.g. a mysql:// URL pointing at a MariaDB server. */
async function checkSessionLimit(dataSource: DataSource, settings: DatabaseSettings): Promise<void> {
  const server = serverOf(settings.url);
  if (!server) return;
  const limit = sessionLimit(server, settings.queryTimeoutMs);
  let reason: string | undefined;
  try {
    const rows = (await dataSource.query(`SELECT @@SESSION.${limit.variable} AS value`)) as Array<{ value: unknown }>;
    if (Math.abs(Number(rows[0]?.value) - limit.value) > 1e-6) reason = `it reads ${String(rows[0]?.value)}`;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (reason !== undefined) {
    throw new ConfigError(
      `DB_QUERY_TIMEOUT_MS could not be applied as ${limit.variable} (${reason}); ` +
        `DATABASE_URL must start with mariadb:// for a MariaDB server and mysql:// for MySQL 8`,
    );
  }
}

/** Brings the schema up to date; running it again does nothing. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((m) => m.name);
}
