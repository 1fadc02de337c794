/**
 * The per-caller rate limit (issue 13, finding 7), through the real gateway (Hive Gateway + router
 * runtime) in front of the real subgraphs: a caller is a token's subject, or an address without a
 * (valid) token. Each test builds its own gateway with a small limit over the same running subgraphs.
 * Also measures what the typed client sends per page (the defaults in README "Rate limit").
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT } from "../gateway/src/config";
import { addressKey, RATE_LIMITED, type RateLimitSettings } from "../gateway/src/rate-limit";
import { buildGateway } from "../gateway/src/server";
import { compareTheme } from "../gateway/client/compare";
import { fetchCommonBodies } from "../gateway/client/common-bodies";
import { execute } from "../gateway/client/request";
import { CrossBoroughByThemeDocument, ThemesDocument } from "../gateway/client/generated/graphql";
import { subgraphCatalog } from "../scripts/catalog";
import { composeGuild } from "../scripts/composition";
import { postTo, startSystem, type RunningSystem } from "./support/system";

const READ = `{ themes { id } }`;
const TEES_VALLEY = ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"];

describe("rate limit at the gateway", () => {
  let system: RunningSystem;
  let supergraphSdl: string;
  const open: Array<() => Promise<void>> = [];

  /** a gateway over the system's subgraphs with these rate-limit settings; counts the HTTP requests it receives */
  async function gateway(rateLimit: Partial<RateLimitSettings> | null) {
    const settings = rateLimit && { requests: 5, windowSeconds: 5, maxNewCallers: 1000, trustedProxies: 0, ...rateLimit };
    const runtime = buildGateway({ supergraphSdl, subgraphUrls: {}, subgraphTimeoutMs: 10_000, auth: system.auth, rateLimit: settings }, { logging: false });
    const counter = { requests: 0 };
    const server = createServer((request, response) => {
      counter.requests++;
      return runtime(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    open.push(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    return { url, counter, post: (options: { token?: string; headers?: Record<string, string> } = {}) => postTo(url, READ, undefined, options) };
  }

  beforeAll(async () => {
    system = await startSystem();
    const composed = composeGuild(subgraphCatalog().map((entry) => ({ name: entry.name, url: system.services.get(entry.name)!.url, typeDefs: entry.typeDefs() })));
    if ("errors" in composed) throw new Error(composed.errors.join("\n"));
    supergraphSdl = composed.supergraphSdl;
  });
  afterAll(async () => {
    for (const close of open) await close();
    await system?.close();
  });

  it("answers the N+1-th request of a caller in the window 429 with Retry-After; another caller is unaffected; the limit recovers", async () => {
    const limited = await gateway({ requests: 5, windowSeconds: 3 });
    const [alice, bob] = [await system.token({ role: "analyst", authority: null, subject: "alice" }), await system.token({ role: "analyst", authority: null, subject: "bob" })];
    for (let i = 1; i <= 5; i++) expect((await limited.post({ token: alice })).status, `request ${i}`).toBe(200);
    const refused = await fetch(limited.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${alice}` }, body: JSON.stringify({ query: READ }) });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3);
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe(RATE_LIMITED);
    expect(body.errors[0]!.message).toMatch(/more than 5 requests in 3 s \(GATEWAY_RATE_LIMIT\); retry after \d s/);

    // another identity, and an anonymous caller (by address), each have their own count
    const other = await limited.post({ token: bob });
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    expect((await limited.post()).status).toBe(200);
    // health and readiness are never limited
    for (let i = 0; i < 10; i++) {
      for (const path of ["/healthcheck", "/readiness"]) expect((await fetch(limited.url.replace(/\/graphql$/, path))).status, path).toBe(200);
    }

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 200));
    expect((await limited.post({ token: alice })).status, "after Retry-After").toBe(200);
  });

  it("counts requests without a valid token by address: refused tokens too, and X-Forwarded-For only from trusted proxies", async () => {
    const direct = await gateway({ requests: 3 });
    for (let i = 0; i < 3; i++) expect((await direct.post({ token: "garbage", headers: { "x-forwarded-for": `10.0.0.${i}` } })).status).toBe(401);
    // no proxy trusted: a rotating X-Forwarded-For does not make a new caller
    expect((await direct.post({ headers: { "x-forwarded-for": "10.9.9.9" } })).status).toBe(429);
    // a token's caller is its subject, not the address
    expect((await direct.post({ token: await system.token({ role: "analyst", authority: null }) })).status).toBe(200);

    const proxied = await gateway({ requests: 3, trustedProxies: 1 });
    for (let i = 0; i < 3; i++) expect((await proxied.post({ headers: { "x-forwarded-for": "203.0.113.7" } })).status).toBe(200);
    expect((await proxied.post({ headers: { "x-forwarded-for": "203.0.113.7" } })).status).toBe(429);
    expect((await proxied.post({ headers: { "x-forwarded-for": "203.0.113.8" } })).status).toBe(200);
    // one proxy trusted: the entry it appended (the last) is the caller, whatever the client put before it
    expect((await proxied.post({ headers: { "x-forwarded-for": "198.51.100.1, 203.0.113.7" } })).status).toBe(429);
  });

  it("holds a bounded number of callers: past GATEWAY_RATE_LIMIT_MAX_CALLERS new ones in a window, a new caller waits; known ones go on", async () => {
    const small = await gateway({ requests: 100, maxNewCallers: 3 });
    const tokens = await Promise.all(Array.from({ length: 6 }, (_, i) => system.token({ role: "analyst", authority: null, subject: `caller-${i}` })));
    for (const token of tokens.slice(0, 3)) expect((await small.post({ token })).status).toBe(200);
    for (const token of tokens.slice(3)) {
      const { status, body } = await small.post({ token });
      expect(status).toBe(429);
      expect(body.errors![0]!.message).toMatch(/too many callers: more than 3 new callers in 5 s \(GATEWAY_RATE_LIMIT_MAX_CALLERS\)/);
    }
    for (const token of tokens.slice(0, 3)) expect((await small.post({ token })).status).toBe(200);
  });

  it("keys an IPv6 caller by its /64 and an IPv4-mapped address as IPv4", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8::5")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
  });

  it("measures what the typed client sends per page, against the default limit", async () => {
    const counted = await gateway(null);
    const pages: Array<[string, () => Promise<unknown>]> = [
      ["npm run compare (ComparePlansByTheme + CompareOutcomes)", () => compareTheme(counted.url, { theme: "children-in-care-and-care-leavers", codes: TEES_VALLEY, neighbours: "MAY_2025" })],
      ["npm run common-bodies (AuthorityBodies)", () => fetchCommonBodies(counted.url, ["E06000003", "E06000004"])],
      ["themes (Themes)", () => execute(counted.url, ThemesDocument, {}, undefined)],
      // one education and one care measure, as the operation is written for (all 247 + 199 would be over the cost limit)
      ["cross-borough (CrossBoroughByTheme)", () => execute(counted.url, CrossBoroughByThemeDocument, { codes: TEES_VALLEY, theme: "early-years", educationMeasures: ["FSP_NEW_GOODDEV"], careMeasures: ["LAC"] }, undefined)],
    ];
    const rows: string[] = [];
    let dashboardPage = 0;
    for (const [label, run] of pages) {
      const before = counted.counter.requests;
      await run();
      const sent = counted.counter.requests - before;
      dashboardPage += sent;
      rows.push(`| ${label} | ${sent} |`);
    }
    rows.push(`| a dashboard page showing all of them | ${dashboardPage} |`);
    console.log(`requests per typed-client page:\n| page | requests |\n| --- | --- |\n${rows.join("\n")}\ndefault GATEWAY_RATE_LIMIT ${DEFAULT_RATE_LIMIT.requests} per ${DEFAULT_RATE_LIMIT.windowSeconds} s = ${Math.floor(DEFAULT_RATE_LIMIT.requests / dashboardPage)} such pages a minute per caller`);
    expect(dashboardPage).toBe(5);
    // the default leaves a caller 100 dashboard pages a minute or more
    expect(DEFAULT_RATE_LIMIT.requests / dashboardPage).toBeGreaterThanOrEqual(100);
  });
});
