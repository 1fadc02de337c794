/**
 * The database's log and its statement counter are two things (database/sql-log.ts, database/statement-counter.ts):
 * the log writes through pino, and statements are counted only where a counter is turned on.
 */
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { openDataSource, SqlLog, StatementCounter } from "@tees/subgraph-common/database";

const settings = { url: "sqlite::memory:", poolSize: 1, queueLimit: 1, queryTimeoutMs: 1000 };

/** a pino logger whose lines the test reads */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: "error" }, { write: (text: string) => void lines.push(...text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)) });
  return { log, lines };
}

describe("the database's log and its statement counter", () => {
  it("counts the statements of a data source it is turned on for, transaction bookkeeping excluded; the logger is not the counter", async () => {
    const counter = new StatementCounter();
    const { dataSource } = await openDataSource(settings, [], [], { statements: counter, log: capturedLog().log });
    try {
      expect(dataSource.logger).toBeInstanceOf(SqlLog);
      expect(dataSource.logger).not.toBe(counter);
      counter.reset();
      await dataSource.query("SELECT 1");
      await dataSource.query("SELECT 2");
      await dataSource.transaction(async (manager) => {
        await manager.query("SELECT 3");
      });
      // three SELECTs; BEGIN TRANSACTION and COMMIT are seen but not counted
      expect(counter.count).toBe(3);
    } finally {
      await dataSource.destroy();
    }
  });

  it("logs a failed statement through the log it is given (pino), with the statement", async () => {
    const { log, lines } = capturedLog();
    const { dataSource } = await openDataSource(settings, [], [], { log });
    try {
      await expect(dataSource.query("SELECT * FROM no_such_table")).rejects.toThrow(/no such table/);
    } finally {
      await dataSource.destroy();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: "SQL error", query: "SELECT * FROM no_such_table" });
    expect(String(lines[0]!.error)).toMatch(/no such table: no_such_table/);
  });
});
