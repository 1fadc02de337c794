/**
 * A subgraph's database, one concern to a file (database/):
 * - data-source.ts: openDataSource and the engine's TypeORM options (dataSourceOptions)
 * - sqlite.ts, mysql.ts: each engine's options; MySQL/MariaDB's pool and server-side statement time limit
 * - errors.ts: the failures a client can act on (DatabaseError)
 * - migrate.ts: migrations per dialect, and running them
 * - sql-log.ts: the database's log (pino), which hands each statement to the request's metrics
 * - statement-counter.ts: the SQL statement count, an instrument a service or a test turns on
 * - probes.ts: readiness and the connection pool's state, for /ready and the metrics
 * Its settings (DATABASE_URL, DB_*) are read in config.ts.
 */
export type { DatabaseSettings, DatabaseUrl } from "./config";
export { dataSourceOptions, openDataSource, type DatabaseInstruments, type EntityList } from "./database/data-source";
export { classifyDatabaseError, DatabaseError, type DatabaseErrorCode } from "./database/errors";
export { migrate, migrationsForDialect } from "./database/migrate";
export { databaseAnswers, databasePool } from "./database/probes";
export { defaultDatabaseLog, SqlLog } from "./database/sql-log";
export { isTransactionControl, StatementCounter } from "./database/statement-counter";
export { redact } from "./redact";
