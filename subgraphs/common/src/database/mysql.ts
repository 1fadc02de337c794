/**
 * The production engines: MySQL 8 (mysql://) and MariaDB (mariadb://), through mysql2's pool:
 * its size and queue (DB_POOL_SIZE, DB_QUEUE_LIMIT), and the server-side statement time limit
 * (DB_QUERY_TIMEOUT_MS) every pooled connection sets first.
 */
import mysql2, { type Pool, type PoolConnection, type PoolOptions } from "mysql2";
import type { Logger } from "pino";
import type { DataSource, DataSourceOptions } from "typeorm";
import type { CommonOptions } from "./data-source";
import { ConfigError, type DatabaseSettings } from "../config";
import { redact } from "../redact";

export type MysqlServer = "mariadb" | "mysql";

export const serverOf = (url: string): MysqlServer | undefined =>
  url.startsWith("mariadb://") ? "mariadb" : url.startsWith("mysql://") ? "mysql" : undefined;

/** How DB_QUERY_TIMEOUT_MS becomes a server-side limit on each MySQL/MariaDB connection. */
interface SessionLimit {
  variable: "max_statement_time" | "max_execution_time";
  value: number;
}

function sessionLimit(server: MysqlServer, queryTimeoutMs: number): SessionLimit {
  // MariaDB: seconds, every statement; MySQL 8: milliseconds, read-only SELECTs only
  return server === "mariadb" ? { variable: "max_statement_time", value: queryTimeoutMs / 1000 } : { variable: "max_execution_time", value: queryTimeoutMs };
}

/**
 * mysql2, but every connection its pools open first sets the session limit. The limit lives in the
 * server, so the statement itself is stopped and the connection stays usable; mysql2's per-query
 * `timeout` (TypeORM's enableQueryTimeout) only stops waiting, leaving the statement running and the
 * connection busy behind it. createPool is wrapped, not `driver.pool.on(...)` after initialize, because
 * TypeORM opens the first connection inside createPool; the SET is queued on the connection ahead of
 * the first query of whoever asked for it.
 */
function mysql2WithSessionLimit(limit: SessionLimit, log: Logger) {
  const statement = `SET SESSION ${limit.variable} = ${limit.value}`;
  const createPool = (options: PoolOptions): Pool => {
    const pool = mysql2.createPool(options);
    pool.on("connection", (connection: PoolConnection) => {
      // a failure here is logged; openDataSource refuses to start when the server does not take the limit at all
      connection.query(statement, (error) => {
        if (error) log.error(`could not apply DB_QUERY_TIMEOUT_MS (${statement}): ${error.message}`);
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

export function mysqlOptions(server: MysqlServer, settings: DatabaseSettings, common: CommonOptions, log: Logger): DataSourceOptions {
  const { url } = settings;
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
    driver: mysql2WithSessionLimit(sessionLimit(server, settings.queryTimeoutMs), log),
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

/** Refuses to serve without the statement limit, e.g. a mysql:// URL pointing at a MariaDB server. */
export async function checkSessionLimit(dataSource: DataSource, settings: DatabaseSettings): Promise<void> {
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
