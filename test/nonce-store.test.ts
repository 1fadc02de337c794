/**
 * Replays across replicas (issue 13, finding 8): one subgraph (region) scaled to two replicas, two real
 * servers on one database, the same secret, and nonces shared in a real Redis (NONCE_STORE_URL). A request
 * served by one replica is refused by the other; with nonces in each process (the default) it is not.
 * When Redis stops answering, requests are refused with 503 in bounded time (fail closed), and served
 * again once it is back. Needs Redis at REDIS_URL (default redis://127.0.0.1:6379): without one, says so.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Redis } from "ioredis";
import { startService, type RunningService } from "@tees/subgraph-common/start-service";
import type { NonceStoreSettings } from "@tees/subgraph-common/nonce-store";
import { NONCE_HEADER, signRequest } from "@tees/subgraph-common/signed-identity";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionService } from "../subgraphs/region/src/service-definition";
import { analyst, testSecret } from "./support/signed";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** is a Redis answering there? (one PING, at most a second) */
async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, commandTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const haveRedis = await redisAnswers(redisUrl);
if (!haveRedis) console.warn(`Shared nonce store (Redis) tests NOT run: no Redis answers at ${redisUrl} (set REDIS_URL, or start redis-server)`);

const secret = testSecret();
const body = JSON.stringify({ query: "{ _service { sdl } }" });
const signed = () => signRequest({ secret, audience: "region" }, analyst, "POST", body);

async function send(replica: RunningService, headers: Record<string, string>): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(replica.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(15_000) });
  return { status: response.status, text: await response.text(), ms: performance.now() - started };
}

/** One database (an SQLite file), several replicas of region on it: the first migrates and seeds, the others only serve. */
async function replicas(count: number, nonceStore: NonceStoreSettings, folder: string): Promise<RunningService[]> {
  const url = `sqlite:${join(folder, "region.sqlite")}`;
  const started: RunningService[] = [];
  for (let i = 0; i < count; i += 1) {
    const definition = regionService(regionConfig({ DATABASE_URL: url }));
    started.push(await startService(definition, {
      port: 0, host: "127.0.0.1", migrateOnStart: i === 0, seedOnStart: i === 0 ? "always" : "never",
      signing: { secrets: [secret], maxSkewMs: 30_000, nonceStore },
    }));
  }
  return started;
}

/** A TCP proxy in front of Redis that can hold every byte (a Redis that stops answering) or cut every connection (Redis gone). */
async function redisProxy(target: URL) {
  type Mode = "pass" | "stall" | "cut";
  let mode: Mode = "pass";
  const pairs = new Set<{ client: Socket; upstream: Socket; held: Array<[Socket, Buffer]> }>();
  const server: Server = createServer((client) => {
    if (mode === "cut") return void client.destroy();
    const upstream = connect(Number(target.port || 6379), target.hostname);
    const pair = { client, upstream, held: [] as Array<[Socket, Buffer]> };
    pairs.add(pair);
    const forward = (to: Socket) => (chunk: Buffer) => (mode === "stall" ? pair.held.push([to, chunk]) : to.write(chunk));
    client.on("data", forward(upstream));
    upstream.on("data", forward(client));
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxied = new URL(target);
  proxied.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: proxied.toString(),
    set(next: Mode) {
      mode = next;
      if (next === "cut") for (const pair of [...pairs]) pair.client.destroy();
      if (next === "pass") for (const pair of pairs) for (const [to, chunk] of pair.held.splice(0)) to.write(chunk);
    },
    async close() {
      for (const pair of [...pairs]) pair.client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe.runIf(haveRedis)("a subgraph scaled to two replicas", () => {
  const prefix = `tees-test-${randomBytes(6).toString("hex")}:`;
  const folder = mkdtempSync(join(tmpdir(), "tpg-replicas-"));
  const running: RunningService[] = [];
  let admin: Redis;

  beforeAll(async () => {
    admin = new Redis(redisUrl, { maxRetriesPerRequest: 0 });
  });
  afterAll(async () => {
    for (const replica of running) await replica.close().catch(() => undefined);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    admin.disconnect();
    rmSync(folder, { recursive: true, force: true });
  });

  it("without a shared store, each replica remembers only its own nonces: a request replayed to the other replica is served (why the store exists)", async () => {
    const [one, two] = await replicas(2, { kind: "memory" }, join(folder));
    running.push(one!, two!);
    const captured = signed();
    expect((await send(one!, captured)).status).toBe(200);
    expect((await send(one!, captured)).status).toBe(401);
    expect((await send(two!, captured)).status, "the replay to the other replica").toBe(200);
    await one!.close();
    await two!.close();
    running.splice(0);
  });

  it("with nonces in Redis (NONCE_STORE_URL), a request served by one replica is refused by the other, and by both at once only one serves it", async () => {
    const store: NonceStoreSettings = { kind: "redis", url: redisUrl, prefix, timeoutMs: 1_000 };
    const [one, two] = await replicas(2, store, mkdtempSync(join(folder, "shared-")));
    running.push(one!, two!);

    const captured = signed();
    expect((await send(one!, captured)).status).toBe(200);
    const replay = await send(two!, captured);
    expect(replay).toMatchObject({ status: 401, text: expect.stringMatching(/signature was already used \(replay\)/) });
    expect((await send(one!, captured)).status).toBe(401);

    // the key Redis holds: under the prefix and the subgraph's name, expiring within 2 x the 30 s window
    const ttl = await admin.pttl(`${prefix}region:${captured[NONCE_HEADER]}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);

    // the same request at both replicas at the same moment, 20 times: SET NX lets exactly one of each pair through
    for (let i = 0; i < 20; i += 1) {
      const headers = signed();
      const statuses = (await Promise.all([send(one!, headers), send(two!, headers)])).map((a) => a.status).sort();
      expect(statuses, `round ${i}`).toEqual([200, 401]);
    }
  });

  describe("when Redis stops answering", () => {
    let proxy: Awaited<ReturnType<typeof redisProxy>>;
    let replica: RunningService;
    const errors: string[] = [];

    beforeAll(async () => {
      proxy = await redisProxy(new URL(redisUrl));
      replica = (await replicas(1, { kind: "redis", url: proxy.url, prefix, timeoutMs: 300 }, mkdtempSync(join(folder, "outage-"))))[0]!;
      running.push(replica!);
      vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
    });
    afterAll(async () => {
      vi.restoreAllMocks();
      await proxy?.close();
    });
    afterEach(() => proxy.set("pass"));

    const ready = async () => (await fetch(replica.url.replace(/\/graphql$/, "/ready"))).status;

    it("refuses with 503 within the timeout, logs once, never serves a request it cannot check, and serves again once Redis is back", async () => {
      expect((await send(replica, signed())).status).toBe(200);

      // a Redis that holds every command: each request waits at most NONCE_STORE_TIMEOUT_MS (300 ms)
      proxy.set("stall");
      for (let i = 0; i < 3; i += 1) {
        const answer = await send(replica, signed());
        expect(answer.status).toBe(503);
        expect(JSON.parse(answer.text)).toEqual({ errors: [{ message: "service unavailable: the nonce store (Redis) does not answer, so a replay cannot be ruled out", extensions: { code: "SERVICE_UNAVAILABLE" } }] });
        expect(answer.ms).toBeLessThan(1_500);
      }
      expect(await ready()).toBe(503);
      proxy.set("pass");

      // Redis gone: connections cut, new ones refused; requests are refused at once
      proxy.set("cut");
      const during = signed();
      for (let i = 0; i < 5; i += 1) {
        const answer = await send(replica, i === 0 ? during : signed());
        expect(answer.status).toBe(503);
        expect(answer.ms).toBeLessThan(1_500);
      }
      expect(await ready()).toBe(503);
      const unreachable = errors.filter((line) => line.includes("unreachable"));
      expect(unreachable.length, errors.join("\n")).toBeGreaterThanOrEqual(1);
      expect(unreachable.length, "one line per outage, not one per request").toBeLessThanOrEqual(2);
      expect(unreachable[0]).toMatch(/^\[region\] nonce store redis:\/\/127\.0\.0\.1:\d+\/? unreachable \(.+\): refusing signed requests with 503 until it answers$/);

      // back: within a few seconds the replica reconnects and serves; the request refused during the outage
      // was never remembered, so it is served now (its timestamp is still fresh), exactly once
      proxy.set("pass");
      const deadline = Date.now() + 5_000;
      let back = await send(replica, during);
      while (back.status === 503 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        back = await send(replica, during);
      }
      expect(back.status).toBe(200);
      expect((await send(replica, during)).status).toBe(401);
      expect(await ready()).toBe(200);
      expect(errors.some((line) => /nonce store .* answers again/.test(line))).toBe(true);
    });
  });
});

describe("the nonce store setting at start", () => {
  it("a subgraph whose NONCE_STORE_URL does not answer does not start, and says which setting (bounded time)", async () => {
    // a port that was free a moment ago: nothing listens there
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const folder = mkdtempSync(join(tmpdir(), "tpg-nostore-"));
    const started = performance.now();
    try {
      const definition = regionService(regionConfig({ DATABASE_URL: `sqlite:${join(folder, "region.sqlite")}` }));
      const nonceStore: NonceStoreSettings = { kind: "redis", url: `redis://:secret-pw@127.0.0.1:${port}`, prefix: "tees-test:", timeoutMs: 500 };
      await expect(startService(definition, { port: 0, host: "127.0.0.1", migrateOnStart: false, seedOnStart: "never", signing: { secrets: [secret], maxSkewMs: 30_000, nonceStore } }))
        .rejects.toThrow(new RegExp(`^NONCE_STORE_URL redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/?: Redis does not answer \\(.+\\)$`));
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
