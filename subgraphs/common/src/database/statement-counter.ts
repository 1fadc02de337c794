/**
 * Counting SQL statements: an instrument a service or a test turns on (openDataSource(…, { statements })),
 * so tests and benchmarks can prove there is no per-item querying. startService turns it on for every
 * subgraph it starts: /health reports the count (`npm run bench -- soak` reads it from each process).
 * It is not the database's logger (sql-log.ts), which only hands it each statement.
 */

// a transaction's bookkeeping, not work: seen, never counted (anchored, no nested repetition: linear)
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|PRAGMA)/i;

export const isTransactionControl = (sql: string): boolean => TRANSACTION_CONTROL.test(sql);

export class StatementCounter {
  count = 0;

  /** every statement the data source runs, as TypeORM reports it (tests may watch this: BEGIN … ROLLBACK included) */
  logQuery(query: string): void {
    if (!isTransactionControl(query)) this.count += 1;
  }

  reset(): void {
    this.count = 0;
  }
}
