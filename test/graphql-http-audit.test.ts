/**
 * The gateway against the GraphQL-over-HTTP spec, by graphql-http's server audit: with the
 * embedded settings (startSystem's gateway) and with production's (introspection off).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { auditServer, type AuditResult } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../gateway/src/config";
import { buildGateway } from "../gateway/src/server";
import { subgraphCatalog } from "../scripts/catalog";
import { composeGuild } from "../scripts/composition";
import { sharedSystem, type SharedSystem } from "./support/system";
import { secretsEnv } from "./support/signed";

function summarise(label: string, results: AuditResult[]): string {
  const count = (status: AuditResult["status"]) => results.filter((r) => r.status === status).length;
  const notOk = results.filter((r) => r.status !== "ok").map((r) => `  ${r.status} ${r.id} ${r.name}${"reason" in r ? `: ${r.reason}` : ""}`);
  return [`graphql-http audit, ${label}: ${results.length} audits, ${count("ok")} ok, ${count("notice")} notice, ${count("warn")} warn, ${count("error")} error`, ...notOk].join("\n");
}

describe("GraphQL over HTTP (graphql-http auditServer)", () => {
  let system: SharedSystem;
  let production: { url: string; close(): Promise<void> };
  let analystToken: string;
  const withToken: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${analystToken}`);
    return fetch(input, { ...init, headers });
  };

  beforeAll(async () => {
    system = await sharedSystem(); // only reads: the run's shared system
    const composed = composeGuild(subgraphCatalog().map((entry) => ({ name: entry.name, url: system.services.get(entry.name)!.url, typeDefs: entry.typeDefs() })));
    if ("errors" in composed) throw new Error(composed.errors.join("\n"));
    const settings = loadConfig({ NODE_ENV: "production", ...secretsEnv() });
    expect(settings.introspection).toBe(false);
    expect(settings.auth.anonymousRead).toBe(false);
    // production settings, with this system's keys: every request carries an analyst's token
    const runtime = buildGateway({ ...settings, auth: { ...system.auth, anonymousRead: false }, supergraphSdl: composed.supergraphSdl, subgraphUrls: {} }, { logging: false });
    analystToken = await system.token({ role: "analyst", authority: null });
    const server = createServer(runtime);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    production = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
      close: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await runtime.dispose();
      },
    };
  });
  afterAll(async () => {
    await production?.close();
    await system?.close();
  });

  it("passes every MUST with the embedded settings (the gateway startSystem runs)", async () => {
    const results = await auditServer({ url: system.gatewayUrl });
    console.log(summarise("embedded settings", results));
    expect(results.length).toBeGreaterThan(30);
    const mustFailures = results.filter((r) => r.name.startsWith("MUST") && r.status !== "ok");
    expect(mustFailures.map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);
    // and nothing else either, at the time of writing (SHOULD and MAY included)
    expect(results.filter((r) => r.status !== "ok").map((r) => r.id)).toEqual([]);
  });

  /**
   * With introspection off, the audits whose probe query is `__type(name: $name)` get the
   * introspection refusal; the protocol feature each one checks is checked here with an ordinary query.
   */
  const INTROSPECTION_PROBES: Record<string, { method: "POST" | "GET"; accept: string }> = {
    "28B9": { method: "POST", accept: "application/json" }, // MUST allow map {variables} parameter when accepting application/json
    "2EA1": { method: "POST", accept: "application/graphql-response+json" }, // SHOULD, the same accepting application/graphql-response+json
    D6D5: { method: "GET", accept: "application/graphql-response+json" }, // MAY allow URL-encoded JSON string {variables} in GETs
    "6A70": { method: "GET", accept: "application/json" }, // MAY, the same accepting application/json
  };

  it("passes every audit but the introspection probes with production settings (introspection off), and those with an ordinary query", async () => {
    const results = await auditServer({ url: production.url, fetchFn: withToken });
    console.log(summarise("production settings (NODE_ENV=production)", results));
    const unexplained = results.filter((r) => r.status !== "ok" && !(r.id in INTROSPECTION_PROBES));
    expect(unexplained.map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);

    const query = "query Theme($id: ID!) { theme(id: $id) { id } }";
    const variables = { id: "early-years" };
    for (const [id, { method, accept }] of Object.entries(INTROSPECTION_PROBES)) {
      const url = new URL(production.url);
      if (method === "GET") {
        url.searchParams.set("query", query);
        url.searchParams.set("variables", JSON.stringify(variables));
      }
      const response = await withToken(url, {
        method,
        headers: method === "POST" ? { "content-type": "application/json", accept } : { accept },
        ...(method === "POST" ? { body: JSON.stringify({ query, variables }) } : {}),
      });
      expect(response.status, id).toBe(200);
      expect(await response.json(), id).toEqual({ data: { theme: { id: "early-years" } } });
    }
  });
});
