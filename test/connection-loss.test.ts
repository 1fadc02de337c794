/**
 * The database going away under load, a statement that runs too long, and a full connection queue,
 * on a real MySQL/MariaDB server (when MYSQL_URL is set; the output says so when it is not).
 *
 * The region subgraph runs as a real HTTP server on port 0 over a scratch database, as its own
 * database user with a password, so the test can check that neither reaches a client. A restart
 * cannot be done here, so the pool's connections are killed server-side (KILL), which is what a
 * restart does to them; killing for a whole second also kills the connections the pool opens again.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseError, openDataSource } from "@tees/subgraph-common/database";
import { startService, type RunningService } from "@tees/subgraph-common/start-service";
import { signRequest } from "@tees/subgraph-common/signed-identity";
import { analyst, testSecret } from "./support/signed";
import { readDatabaseSettings } from "@tees/subgraph-common/config";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionService } from "../subgraphs/region/src/service-definition";
import { createScratchDatabase, mysqlServerUrl } from "./support/mysql";

const onMariaDb = mysqlServerUrl?.startsWith("mariadb://") ?? false;
if (!mysqlServerUrl) {
  console.warn("Connection-loss, query-timeout and queue-limit tests NOT run: MYSQL_URL is not set (e.g. MYSQL_URL=mariadb://root@127.0.0.1:3306)");
} else if (!onMariaDb) {
  console.warn("Query-timeout tests NOT run: they need MariaDB (MYSQL_URL=mariadb://...); MySQL 8 limits only SELECTs and ends SLEEP() without an error");
}

interface Scratch {
  name: string;
  user: string;
  password: string;
  url: string;
  drop(): Promise<void>;
}

const adminConnection = (serverUrl: string) => createConnection(serverUrl.replace(/^mariadb:/, "mysql:"));

/** a scratch database reached by a user of its own, with a password */
async function scratchWithUser(serverUrl: string, prefix: string): Promise<Scratch> {
  const scratch = await createScratchDatabase(prefix, serverUrl);
  const user = scratch.name;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const admin = await adminConnection(serverUrl);
  await admin.query("CREATE USER ?@'%' IDENTIFIED BY ?", [user, password]);
  await admin.query(`GRANT ALL PRIVILEGES ON \`${scratch.name}\`.* TO ?@'%'`, [user]);
  await admin.end();
  const url = new URL(scratch.url);
  url.username = user;
  url.password = password;
  return {
    name: scratch.name,
    user,
    password,
    url: url.toString(),
    async drop() {
      const connection = await adminConnection(serverUrl);
      await connection.query("DROP USER IF EXISTS ?@'%'", [user]);
      await connection.end();
      await scratch.drop();
    },
  };
}

const regionSecret = testSecret();

async function startRegion(scratch: Scratch, env: Record<string, string>): Promise<RunningService> {
  const config = regionConfig({ DATABASE_URL: scratch.url, ...env });
  return startService(regionService(config), { port: 0, host: "127.0.0.1", migrateOnStart: true, seedOnStart: "always", signing: { secrets: [regionSecret], maxSkewMs: 30_000 } });
}

/** the subgraph's connections, as the server lists them */
async function connectionIds(admin: Connection, database: string): Promise<number[]> {
  const [rows] = await admin.query<RowDataPacket[]>("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ?", [database]);
  return rows.map((r) => Number(r.ID));
}

interface Answer {
  startedAt: number;
  ms: number;
  /** HTTP status, or why there was none */
  status: number | string;
  text: string;
}

async function ask(url: string, query: string): Promise<Answer> {
  const startedAt = performance.now();
  const body = JSON.stringify({ query });
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signRequest({ secret: regionSecret, audience: "region" }, analyst, "POST", body) },
      body,
      // far above what the test allows, so a hang shows up as a slow answer instead of a stuck test
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { startedAt, ms: performance.now() - startedAt, status: response.status, text };
  } catch (error) {
    return { startedAt, ms: performance.now() - startedAt, status: `no answer: ${String(error)}`, text: "" };
  }
}

interface GraphQLBody {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** What a client must never see: stack frames, SQL, where the database is, or who logs in to it. */
function leaks(text: string, scratch: Scratch): string[] {
  const patterns: Array<[string, RegExp]> = [
    ["stack frame", /\bat \S+ \(|\.[cm]?[jt]s:\d+/],
    ["stacktrace", /stacktrace/i],
    ["SQL", /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\bFROM\b|`area`|`theme`/i],
    ["database address", /127\.0\.0\.1|localhost|:3306/],
    ["driver error", /ECONNRESET|PROTOCOL_|EPIPE|max_statement_time/],
  ];
  const found = patterns.filter(([, pattern]) => pattern.test(text)).map(([label]) => label);
  if (text.includes(scratch.password)) found.push("password");
  if (text.includes(scratch.user)) found.push("database user/name");
  return found;
}

/** "data" when the answer is the expected data; "<CODE>" for a clear database error; otherwise what is wrong */
function verdict(answer: Answer, expected: string, scratch: Scratch): string {
  if (typeof answer.status !== "number") return answer.status;
  if (answer.text === expected) return "data";
  const leaked = leaks(answer.text, scratch);
  if (leaked.length > 0) return `leaks ${leaked.join(", ")}: ${answer.text}`;
  let body: GraphQLBody;
  try {
    body = JSON.parse(answer.text) as GraphQLBody;
  } catch {
    return `not JSON: ${answer.text}`;
  }
  const codes = new Set((body.errors ?? []).map((e) => e.extensions?.code ?? "(none)"));
  const [code, ...others] = [...codes];
  if (!code || others.length > 0) return `unexpected: ${answer.text}`;
  const clear: Record<string, RegExp> = {
    DATABASE_UNAVAILABLE: /^database unavailable; try again shortly$/,
    DATABASE_BUSY: /^database busy: too many requests waiting for a connection \(DB_QUEUE_LIMIT\); try again shortly$/,
    DATABASE_TIMEOUT: /^database statement stopped after \d+ ms \(DB_QUERY_TIMEOUT_MS\)$/,
  };
  const pattern = clear[code];
  if (!pattern || !body.errors!.every((e) => pattern.test(e.message))) return `unclear: ${answer.text}`;
  return code;
}

const tally = (verdicts: string[]) => verdicts.reduce<Record<string, number>>((t, v) => ({ ...t, [v]: (t[v] ?? 0) + 1 }), {});

describe.runIf(mysqlServerUrl)("the database restarting under load (pool connections killed server-side)", () => {
  const serverUrl = mysqlServerUrl!;
  const POOL_SIZE = 4;
  let scratch: Scratch;
  let service: RunningService;
  let admin: Connection;
  beforeAll(async () => {
    scratch = await scratchWithUser(serverUrl, "connloss");
    service = await startRegion(scratch, { DB_POOL_SIZE: String(POOL_SIZE), DB_QUEUE_LIMIT: "100", DB_QUERY_TIMEOUT_MS: "2000" });
    admin = await adminConnection(serverUrl);
  });
  afterAll(async () => {
    await admin?.end();
    await service?.close();
    await scratch?.drop();
  });

  it("answers every request within 2 s with data or a clear error, and serves data again by itself within 3 s", async () => {
    // several queries per request: areas of a region, their region (a loader), and the themes
    const query = `{ authorities(region: "E12000001") { code name region { name } } themes { id name } }`;
    const baseline = await ask(service.url, query);
    expect(baseline.status).toBe(200);
    const expected = baseline.text;
    expect(JSON.parse(expected).data.authorities.length).toBeGreaterThan(5);

    let stop = false;
    const answers: Answer[] = [];
    const workers = Array.from({ length: 16 }, async () => {
      while (!stop) answers.push(await ask(service.url, query));
    });
    await sleep(500);

    const before = await connectionIds(admin, scratch.name);
    const killed = new Set<number>();
    const killStart = performance.now();
    let lastKill = killStart;
    while (performance.now() - killStart < 1000) {
      for (const id of await connectionIds(admin, scratch.name)) {
        // the connection may be gone already
        await admin.query("KILL ?", [id]).then(
          () => {
            killed.add(id);
            lastKill = performance.now();
          },
          () => undefined,
        );
      }
      await sleep(20);
    }
    const killEnd = performance.now();
    await sleep(3000);
    stop = true;
    await Promise.all(workers);

    // the pool was full under this load, and every one of its connections was killed at least once
    expect(before.length).toBe(POOL_SIZE);
    for (const id of before) expect(killed).toContain(id);

    const verdicts = answers.map((a) => verdict(a, expected, scratch));
    const during = answers.filter((a) => a.startedAt + a.ms >= killStart && a.startedAt <= killEnd);
    const failed = answers.filter((_, i) => verdicts[i] !== "data");
    // from the last connection killed to the last failed answer: after that, every answer was data
    const recoveryMs = Math.max(0, ...failed.map((a) => a.startedAt + a.ms - lastKill));
    const slowest = Math.max(...answers.map((a) => a.ms));
    const errorMs = failed.map((a) => a.ms).sort((x, y) => x - y);
    console.log(
      `connection loss: ${answers.length} answers (${during.length} during the kills), ${killed.size} connections killed; ` +
        `${JSON.stringify(tally(verdicts))}; errors answered in ${errorMs.length ? `${errorMs[0]!.toFixed(0)}–${errorMs.at(-1)!.toFixed(0)} ms` : "(none)"}; ` +
        `slowest answer ${slowest.toFixed(0)} ms; last failed answer ${recoveryMs.toFixed(0)} ms after the last kill`,
    );

    // (a) nothing hangs, nothing unclear or leaking
    expect(slowest).toBeLessThan(2000);
    expect(verdicts.filter((v) => v !== "data" && v !== "DATABASE_UNAVAILABLE")).toEqual([]);
    // the kills were felt by clients (so the assertions above covered real failures)
    expect(failed.length).toBeGreaterThan(0);
    // (b) the same process serves data again soon after, with none of the killed connections
    expect(recoveryMs).toBeLessThan(3000);
    expect(answers.filter((a) => a.startedAt > killEnd + 3000 - 1000).length).toBeGreaterThan(10);
    expect((await ask(service.url, query)).text).toBe(expected);
    const after = await connectionIds(admin, scratch.name);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(POOL_SIZE);
    for (const id of after) expect(killed).not.toContain(id);
    const ready = await fetch(service.url.replace(/\/graphql$/, "/ready"));
    expect(ready.status).toBe(200);
  });
});

describe.runIf(mysqlServerUrl)("a full connection queue (DB_POOL_SIZE=1, DB_QUEUE_LIMIT=2)", () => {
  const serverUrl = mysqlServerUrl!;
  let scratch: Scratch;
  let service: RunningService;
  let admin: Connection;
  beforeAll(async () => {
    scratch = await scratchWithUser(serverUrl, "queue");
    service = await startRegion(scratch, { DB_POOL_SIZE: "1", DB_QUEUE_LIMIT: "2", DB_QUERY_TIMEOUT_MS: "30000" });
    admin = await adminConnection(serverUrl);
  });
  afterAll(async () => {
    await admin?.query("UNLOCK TABLES").catch(() => undefined);
    await admin?.end();
    await service?.close();
    await scratch?.drop();
  });

  it("refuses the requests beyond the queue at once with a clear error; the ones queued get their data", async () => {
    const query = `{ themes { id name } }`; // one statement per request
    const expected = (await ask(service.url, query)).text;
    // hold the only connection: its statement waits for the table lock
    await admin.query(`LOCK TABLES \`${scratch.name}\`.theme WRITE`);
    const pending = Array.from({ length: 8 }, () => ask(service.url, query));
    await sleep(1000);
    await admin.query("UNLOCK TABLES");
    const answers = await Promise.all(pending);
    const verdicts = answers.map((a) => verdict(a, expected, scratch));
    console.log(`queue full: ${JSON.stringify(tally(verdicts))}; refusals in ${answers.filter((_, i) => verdicts[i] === "DATABASE_BUSY").map((a) => a.ms.toFixed(0)).join(", ")} ms`);

    // 1 holds the connection, 2 wait in the queue, 5 are refused
    expect(verdicts.filter((v) => v === "data")).toHaveLength(3);
    expect(verdicts.filter((v) => v === "DATABASE_BUSY")).toHaveLength(5);
    // refused while the lock was still held, not after it
    for (const [i, answer] of answers.entries()) if (verdicts[i] === "DATABASE_BUSY") expect(answer.ms).toBeLessThan(500);
  });
});

describe.runIf(onMariaDb)("DB_QUERY_TIMEOUT_MS is a hard limit on MariaDB", () => {
  const serverUrl = mysqlServerUrl!;
  let scratch: Scratch;
  beforeAll(async () => {
    scratch = await scratchWithUser(serverUrl, "timeout");
  });
  afterAll(async () => scratch?.drop());

  it("SELECT SLEEP(5) with DB_QUERY_TIMEOUT_MS=500 fails in well under 5 s, naming the limit; the connection stays usable", async () => {
    const settings = readDatabaseSettings({ DATABASE_URL: scratch.url, DB_POOL_SIZE: "3", DB_QUERY_TIMEOUT_MS: "500" }, "");
    const { dataSource } = await openDataSource(settings, [], []);
    try {
      const started = performance.now();
      const error = await dataSource.query("SELECT SLEEP(5)").then(() => undefined, (e: unknown) => e);
      const elapsed = performance.now() - started;
      console.log(`query timeout: SELECT SLEEP(5) failed after ${elapsed.toFixed(0)} ms`);
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as DatabaseError).message).toBe("database statement stopped after 500 ms (DB_QUERY_TIMEOUT_MS)");
      expect((error as DatabaseError).extensions.code).toBe("DATABASE_TIMEOUT");
      // the server's own words stay available to the logs
      expect(String(((error as DatabaseError).cause as Error).message)).toMatch(/max_statement_time exceeded/);
      expect(elapsed).toBeGreaterThanOrEqual(450);
      expect(elapsed).toBeLessThan(1500);

      expect(await dataSource.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
      // every connection the pool opens has the limit, not only the first
      const rows = (await Promise.all(
        Array.from({ length: 3 }, () => dataSource.query("SELECT SLEEP(0.2) AS slept, CONNECTION_ID() AS id, @@SESSION.max_statement_time AS limitSeconds")),
      )) as Array<Array<{ id: number; limitSeconds: number }>>;
      expect(new Set(rows.map((r) => r[0]!.id)).size).toBe(3);
      expect(rows.map((r) => r[0]!.limitSeconds)).toEqual([0.5, 0.5, 0.5]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("a GraphQL query stuck behind a lock answers with the timeout error after the limit, not later", async () => {
    const service = await startRegion(scratch, { DB_POOL_SIZE: "2", DB_QUERY_TIMEOUT_MS: "500" });
    const admin = await adminConnection(serverUrl);
    try {
      const query = `{ themes { id } }`;
      const expected = (await ask(service.url, query)).text;
      // without the limit this waits for lock_wait_timeout (a day by default)
      await admin.query(`LOCK TABLES \`${scratch.name}\`.theme WRITE`);
      const answer = await ask(service.url, query);
      await admin.query("UNLOCK TABLES");
      console.log(`query timeout through GraphQL: answered in ${answer.ms.toFixed(0)} ms: ${answer.text}`);
      expect(verdict(answer, expected, scratch)).toBe("DATABASE_TIMEOUT");
      expect(answer.text).toContain("database statement stopped after 500 ms (DB_QUERY_TIMEOUT_MS)");
      expect(answer.ms).toBeLessThan(1500);
      expect((await ask(service.url, query)).text).toBe(expected);
    } finally {
      await admin.end();
      await service.close();
    }
  });

  it("a mysql:// URL pointing at a MariaDB server is refused at start, naming DB_QUERY_TIMEOUT_MS", async () => {
    const settings = readDatabaseSettings({ DATABASE_URL: scratch.url.replace(/^mariadb:/, "mysql:") }, "");
    const error = await openDataSource(settings, [], []).then(() => undefined, (e: unknown) => e);
    expect((error as Error).message).toMatch(/^DB_QUERY_TIMEOUT_MS could not be applied as max_execution_time \(.*Unknown system variable.*\); DATABASE_URL must start with mariadb:\/\//);
    expect((error as Error).message).not.toContain(scratch.password);
  });
});
