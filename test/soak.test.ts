/**
 * Long use, without timing: a subgraph's data source keeps answering after many statements, and nothing
 * that wraps its query runner deepens with use. (better-sqlite3 hands out one cached runner for the whole
 * process; wrapping it per statement once overflowed the stack at statement 8,821: issue 11.)
 * Latency and memory over minutes of real traffic are measured by `npm run bench -- soak`.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { migrate, openDataSource, StatementCounter } from "@tees/subgraph-common/database";
import { regionEntities } from "../subgraphs/region/src/entities";
import { regionMigrations } from "../subgraphs/region/src/migrations";
import { Theme } from "../subgraphs/region/src/entities/Theme";
import { databases } from "./support/matrix";
import { scratchDatabase } from "./support/mysql";

const STATEMENTS = 50_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.each(databases)("a subgraph's data source on $label, after long use", ({ database }) => {
  it(`runs ${STATEMENTS.toLocaleString("en-GB")} statements through its repositories without error, and its query runner is wrapped once, not once per statement`, async () => {
    const scratch = await scratchDatabase(database, "soak_region");
    cleanups.push(scratch.drop);
    const counter = new StatementCounter();
    const { dataSource } = await openDataSource({ url: scratch.url, poolSize: 4, queueLimit: 100, queryTimeoutMs: 30_000 }, regionEntities, regionMigrations(scratch.url), { statements: counter });
    cleanups.push(() => dataSource.destroy());
    await migrate(dataSource);
    await dataSource.getRepository(Theme).save({ id: "soak", name: "Soak", description: "a theme written by the soak test", ordinal: 1 });

    const firstRunner = dataSource.createQueryRunner();
    const firstQuery = firstRunner.query;
    await firstRunner.release();

    counter.reset();
    const repository = dataSource.getRepository(Theme);
    // eight at a time, as concurrent requests would
    for (let done = 0; done < STATEMENTS; done += 8) {
      const found = await Promise.all(Array.from({ length: 8 }, () => repository.findOneBy({ id: "soak" })));
      expect(found[7]?.name).toBe("Soak");
    }
    expect(counter.count).toBeGreaterThanOrEqual(STATEMENTS);

    const lastRunner = dataSource.createQueryRunner();
    if (isSingleConnection(dataSource)) {
      // the one cached runner, and the very same query function as before the 50,000 statements:
      // nothing was layered onto it
      expect(lastRunner).toBe(firstRunner);
      expect(lastRunner.query).toBe(firstQuery);
    } else {
      // a new runner per call (pooled connections), each wrapped once when made: nothing can layer up
      expect(lastRunner).not.toBe(firstRunner);
    }
    await lastRunner.release();
    // still a real answer at the end
    expect(await dataSource.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });
});

function isSingleConnection(dataSource: DataSource): boolean {
  return dataSource.options.type === "better-sqlite3";
}
