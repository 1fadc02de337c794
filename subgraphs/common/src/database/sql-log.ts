/**
 * The database's log: TypeORM's Logger, writing through pino (observability.ts's log, or errors on stderr
 * when the caller gives none). It logs failed statements, and hands every statement to the request running
 * now (its metrics and log line: observability.ts) and to a StatementCounter when one is turned on.
 */
import { pino, type Logger } from "pino";
import type { Logger as TypeOrmLogger } from "typeorm";
import { countRequestStatement } from "../observability";
import { isTransactionControl, type StatementCounter } from "./statement-counter";

/** where the database logs when its service gives no log (scripts, tests): errors only, on stderr, written at once */
export function defaultDatabaseLog(): Logger {
  return pino({ level: "error", base: { component: "database" } }, pino.destination({ dest: 2, sync: true }));
}

export class SqlLog implements TypeOrmLogger {
  constructor(
    private readonly out: Logger,
    private readonly statements: StatementCounter | null = null,
  ) {}

  logQuery(query: string): void {
    this.statements?.logQuery(query);
    if (!isTransactionControl(query)) countRequestStatement();
  }

  logQueryError(error: string | Error, query: string): void {
    this.out.error({ error: error instanceof Error ? error.message : error, query: query.slice(0, 200) }, "SQL error");
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
