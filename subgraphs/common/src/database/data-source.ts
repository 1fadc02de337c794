/**
 * Opening a subgraph's database: the engine's options (sqlite.ts, mysql.ts), the log (sql-log.ts), an
 * optional statement counter (statement-counter.ts), and a DataSource whose failures reach the client as
 * DatabaseErrors (errors.ts).
 */
import "reflect-metadata";
import type { Logger } from "pino";
import {
  DataSource,
  QueryFailedError,
  type DataSourceOptions,
  type EntityManager,
  type EntitySchema,
  type MixedList,
  type QueryRunner,
  type ReplicationMode,
} from "typeorm";
import type { IsolationLevel } from "typeorm/driver/types/IsolationLevel.js";
import { ConfigError, type DatabaseSettings } from "../config";
import { traceStatement } from "../observability";
import { redact } from "../redact";
import { classifyDatabaseError, DatabaseError } from "./errors";
import { checkSessionLimit, mysqlOptions, serverOf } from "./mysql";
import { defaultDatabaseLog, SqlLog } from "./sql-log";
import { sqliteOptions } from "./sqlite";
import type { StatementCounter } from "./statement-counter";

export type EntityList = MixedList<Function | string | EntitySchema>;

/** what every engine's options share */
export interface CommonOptions {
  entities: EntityList;
  migrations: EntityList;
  logger: SqlLog;
  logging: Array<"query" | "error">;
  synchronize: false;
  migrationsRun: false;
}

/** What a caller may attach to a data source: its log (default: errors on stderr) and a statement counter (default: none). */
export interface DatabaseInstruments {
  log?: Logger;
  statements?: StatementCounter;
}

/** The TypeORM options for a database URL: sqlite:, mysql:// or mariadb://; anything else is refused, without its password. */
export function dataSourceOptions(settings: DatabaseSettings, entities: EntityList, migrations: EntityList, instruments: DatabaseInstruments = {}): DataSourceOptions {
  const log = instruments.log ?? defaultDatabaseLog();
  const common: CommonOptions = {
    entities, migrations, logger: new SqlLog(log, instruments.statements ?? null), logging: ["query", "error"], synchronize: false, migrationsRun: false,
  };
  if (settings.url.startsWith("sqlite:")) return sqliteOptions(settings, common);
  const server = serverOf(settings.url);
  if (server) return mysqlOptions(server, settings, common, log);
  throw new ConfigError(`database url "${redact(settings.url)}" must start with sqlite: or mysql://`);
}

/** A DataSource whose queries fail with a DatabaseError when the failure is one the client should hear about. */
class PlainErrorDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    private readonly queryTimeoutMs: number,
    private readonly log: Logger,
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
          this.log.error(`${plain.extensions.code}: ${error instanceof Error ? error.message : String(error)}`);
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
  instruments: DatabaseInstruments = {},
): Promise<{ dataSource: DataSource }> {
  const log = instruments.log ?? defaultDatabaseLog();
  const options = dataSourceOptions(settings, entities, migrations, { ...instruments, log });
  const dataSource = new PlainErrorDataSource(options, settings.queryTimeoutMs, log);
  await dataSource.initialize();
  try {
    await checkSessionLimit(dataSource, settings);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return { dataSource };
}
