/**
 * The outcomes subgraphs' per-request work budget and cancellation (subgraphs/common/src/work-budget.ts),
 * on SQLite and on MariaDB/MySQL when MYSQL_URL is set: a request past WORK_BUDGET_STATEMENTS or
 * WORK_BUDGET_ROWS gets WORK_BUDGET_EXCEEDED naming the setting (through the real gateway too), with
 * no unhandled rejection (vitest fails a file that has one); the settings fail fast; a cancelled
 * request runs no more statements, and on MySQL/MariaDB a running statement is stopped by KILL QUERY
 * (better-sqlite3 cannot interrupt a running statement: on SQLite a cancelled request stops at its
 * next statement or unit of work).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, readWorkBudget } from "@tees/subgraph-common/config";
import { DEFAULT_WORK_BUDGET, Work, WorkCounters, WorkStopped } from "@tees/subgraph-common/work-budget";
import { mysqlServerUrl } from "./support/mysql";
import { startSystem, type DatabaseChoice, type RunningSystem } from "./support/system";
import { analyst, callSubgraph } from "./support/signed";

const databases: Array<{ label: string; choice: DatabaseChoice }> = [{ label: "SQLite", choice: { kind: "sqlite" } }];
if (mysqlServerUrl) databases.push({ label: "MySQL/MariaDB", choice: { kind: "mysql", serverUrl: mysqlServerUrl } });
else console.log("MySQL suite NOT run: set MYSQL_URL (e.g. mariadb://root@127.0.0.1:3306) to run the work-budget tests on MariaDB/MySQL too");

describe("work budget settings", () => {
  it("default to DEFAULT_WORK_BUDGET and fail fast naming the setting", () => {
    expect(readWorkBudget({})).toEqual(DEFAULT_WORK_BUDGET);
    expect(readWorkBudget({ WORK_BUDGET_STATEMENTS: "7", WORK_BUDGET_ROWS: "900" })).toEqual({ statements: 7, rows: 900 });
    expect(() => readWorkBudget({ WORK_BUDGET_ROWS: "lots" })).toThrow(ConfigError);
    expect(() => readWorkBudget({ WORK_BUDGET_ROWS: "lots" })).toThrow(/WORK_BUDGET_ROWS must be a whole number/);
    expect(() => readWorkBudget({ WORK_BUDGET_STATEMENTS: "0" })).toThrow(/WORK_BUDGET_STATEMENTS must be a whole number from 1 to/);
  });
});

const ORDINARY = `{ authority(code: "E06000003") { education { measures(codes: ["FSP_NEW_GOODDEV"]) { latest { value } comparison { rank { position } } } } } }`;

for (const { label, choice } of databases) {
  describe(`work budget on ${label}`, () => {
    let system: RunningSystem;
    const health = async () => {
      const url = new URL(system.services.get("education")!.url);
      url.pathname = "/health";
      return (await (await fetch(url)).json()) as Record<string, number>;
    };

    beforeAll(async () => {
      // a small row budget for education: the heavy query passes the gateway's cost only when raised, so it
      // goes straight to the subgraph here, signed as the gateway would
      system = await startSystem({ database: choice, serviceEnv: { education: { WORK_BUDGET_ROWS: "3000", WORK_BUDGET_STATEMENTS: "30" } } });
    });
    afterAll(async () => {
      await system?.close();
    });

    const education = () => ({ url: system.services.get("education")!.url, name: "education" });
    const asGateway = (query: string) => callSubgraph(education(), system.secrets.get("education")!, analyst, query);

    it("answers an ordinary request within the budget", async () => {
      const answer = await asGateway(`{ _entities(representations: [{ __typename: "Authority", code: "E06000003" }]) { ... on Authority { education { measures(codes: ["FSP_NEW_GOODDEV"]) { latest { value } comparison { rank { position } } } } } } }`);
      expect(answer.body.errors).toBeUndefined();
      expect(JSON.stringify(answer.body.data)).toContain("position");
    });

    it("stops a request past WORK_BUDGET_ROWS with WORK_BUDGET_EXCEEDED naming the setting, and counts it", async () => {
      const before = await health();
      const representations = ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005", "E92000001", "E12000001"].map((code) => `{ __typename: "Authority", code: "${code}" }`);
      const answer = await asGateway(`{ _entities(representations: [${representations.join(", ")}]) { ... on Authority { education { measures { figures { value } comparison(trendPoints: 6) { rank { position } } } } } } }`);
      const codes = new Set(answer.body.errors?.map((e) => e.extensions?.code));
      expect([...codes], JSON.stringify(answer.body.errors?.slice(0, 2))).toEqual(["WORK_BUDGET_EXCEEDED"]);
      expect(answer.body.errors![0]!.message).toMatch(/work budget exceeded: this request read more than 3000 rows \(WORK_BUDGET_ROWS\)/);
      const after = await health();
      expect(after.budgetExceededRequests).toBe(before.budgetExceededRequests! + 1);
    });

    it("reaches the client through the gateway as WORK_BUDGET_EXCEEDED (not the gateway's OPERATION_LIMIT_EXCEEDED)", async () => {
      // within the gateway's cost for five authorities, over education's small row budget
      const answer = await system.post(`{ authorities(codes: ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"]) { code education { measures { figures { value } } } } }`);
      expect(answer.status).toBe(200);
      const educationErrors = answer.body.errors?.filter((e) => e.extensions?.code === "WORK_BUDGET_EXCEEDED") ?? [];
      expect(educationErrors.length, JSON.stringify(answer.body.errors?.slice(0, 2))).toBeGreaterThan(0);
      expect(educationErrors[0]!.message).toMatch(/WORK_BUDGET_ROWS/);
      expect(answer.body.errors?.some((e) => e.extensions?.code === "OPERATION_LIMIT_EXCEEDED")).toBe(false);
      // the other subgraphs answered: the authorities are there, education null
      const authorities = (answer.body.data as { authorities: Array<{ code: string; education: unknown }> }).authorities;
      expect(authorities.map((a) => a.code)).toHaveLength(5);
      // and the subgraph answers the next request
      const next = await system.post(ORDINARY);
      expect(next.body.errors).toBeUndefined();
    });

    it("stops a request past WORK_BUDGET_STATEMENTS before running the statement over it", async () => {
      const { dataSource } = system.services.get("education")!;
      const counters = new WorkCounters();
      const work = new Work(dataSource, { statements: 2, rows: 1_000_000 }, counters, undefined);
      await work.run((manager) => manager.query("SELECT 1 AS one"));
      await work.run((manager) => manager.query("SELECT 1 AS one"));
      const before = system.statements();
      await expect(work.run((manager) => manager.query("SELECT 1 AS one"))).rejects.toThrow(/more than 2 SQL statements \(WORK_BUDGET_STATEMENTS\)/);
      expect(system.statements(), "the statement over the budget was not run").toBe(before);
      expect(counters.budgetExceeded).toBe(1);
      // a stopped request stays stopped, counted once
      await expect(work.checkpoint()).rejects.toBeInstanceOf(WorkStopped);
      await expect(work.turnForList(3)).rejects.toBeInstanceOf(WorkStopped);
      expect(counters.budgetExceeded).toBe(1);
    });

    it("lets lists built at once go a few hundred items a turn of the event loop, in order, other work in between", async () => {
      const { dataSource } = system.services.get("education")!;
      const work = new Work(dataSource, DEFAULT_WORK_BUDGET, new WorkCounters(), undefined);
      const turns: string[] = [];
      let turn = 0;
      // a turn of the event loop is counted by an immediate that queues the next one
      const count = () => setImmediate(() => {
        turn += 1;
        if (turn < 20) count();
      });
      count();
      // 6 lists of 200 items: at most 500 items a turn, so two lists a turn, in the order they asked
      await Promise.all(Array.from({ length: 6 }, (_, i) => work.turnForList(200).then(() => turns.push(`list ${i} in turn ${turn}`))));
      const turnOf = (line: string) => Number(line.slice(line.lastIndexOf(" ") + 1));
      expect(turns.map((line) => line.slice(0, 6))).toEqual(["list 0", "list 1", "list 2", "list 3", "list 4", "list 5"]);
      expect(turnOf(turns[0]!)).toBe(turnOf(turns[1]!));
      expect(turnOf(turns[2]!)).toBeGreaterThan(turnOf(turns[1]!));
      expect(turnOf(turns[4]!)).toBeGreaterThan(turnOf(turns[3]!));
      // one list longer than a turn's share still goes, alone
      await expect(work.turnForList(5_000)).resolves.toBeUndefined();
    });

    it("runs no statement for a cancelled request", async () => {
      const { dataSource } = system.services.get("education")!;
      const controller = new AbortController();
      const counters = new WorkCounters();
      const work = new Work(dataSource, DEFAULT_WORK_BUDGET, counters, controller.signal);
      await work.run((manager) => manager.query("SELECT 1 AS one"));
      controller.abort();
      const before = system.statements();
      // its answer can reach nobody: the work is abandoned, neither run nor settled (no error to build for every field left)
      const settled = await Promise.race([
        work.run((manager) => manager.query("SELECT 1 AS one")).then(() => "ran", () => "rejected"),
        work.checkpoint().then(() => "computed", () => "rejected"),
        work.turnForList(10).then(() => "built", () => "rejected"),
        new Promise((resolve) => setTimeout(() => resolve("abandoned"), 300)),
      ]);
      expect(settled).toBe("abandoned");
      expect(system.statements()).toBe(before);
      expect(counters.cancelled).toBe(1);
    });

    if (choice.kind === "mysql") {
      it("stops a statement running on the server with KILL QUERY when the request is cancelled", async () => {
        const { dataSource } = system.services.get("education")!;
        const controller = new AbortController();
        const counters = new WorkCounters();
        const work = new Work(dataSource, DEFAULT_WORK_BUDGET, counters, controller.signal);
        const marker = `work_budget_kill_${Date.now()}`;
        const running = () => dataSource.query(`SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO LIKE '%SLEEP(20)%${marker}%' AND INFO NOT LIKE '%PROCESSLIST%'`) as Promise<Array<{ n: number | string }>>;
        const outcome = work.run((manager) => manager.query(`SELECT SLEEP(20) AS slept, '${marker}' AS marker`)).then(() => "ran", () => "rejected");
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(Number((await running())[0]!.n), "the statement is running on the server").toBe(1);
        controller.abort();
        // SLEEP(20) is stopped on the server, not waited for
        for (let waited = 0; waited < 5_000 && Number((await running())[0]!.n) > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
        expect(Number((await running())[0]!.n), "the statement is gone from the server").toBe(0);
        expect(counters.killed).toBe(1);
        expect(counters.cancelled).toBe(1);
        expect(await Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve("abandoned"), 300))])).toBe("abandoned");
        // the pool's connections still work
        expect(await dataSource.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
      });
    }
  });
}
