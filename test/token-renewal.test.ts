/**
 * A service holding a token (a dashboard) renews it before it expires: the typed client's
 * renewingToken, against a real gateway with anonymous reads off (every request needs a token).
 * Tokens are the gateway's business: its subgraph here is a small one defined below, serving the
 * themes the typed client's Themes operation asks for (test/support/test-subgraph.ts).
 */
import { decodeJwt } from "jose";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../gateway/client/request";
import { renewingToken } from "../gateway/client/token";
import { ThemesDocument } from "../gateway/client/generated/graphql";
import { gatewayOverTestSubgraph, type GatewayOverTestSubgraph } from "./support/test-subgraph";

const themes = {
  name: "themes",
  typeDefs: parse(`
    type Query { themes: [Theme!]! }
    type Theme { id: ID! name: String! description: String! }
  `),
  resolvers: { Query: { themes: () => [{ id: "early-help", name: "Early help", description: "Support before needs escalate" }] } },
};

describe("renewingToken (typed client)", () => {
  let system: GatewayOverTestSubgraph;
  beforeAll(async () => {
    system = await gatewayOverTestSubgraph(themes, { anonymousRead: false });
  });
  afterAll(async () => system?.close());

  it("keeps the held token until shortly before it expires, then fetches one new token for concurrent requests", async () => {
    let issued = 0;
    const issue = async () => system.token({ role: "analyst", authority: null, subject: `dashboard-${++issued}` });
    let clock = Date.now();
    const source = renewingToken(issue, { renewBeforeSeconds: 300, now: () => clock });

    const first = await source();
    const { exp } = decodeJwt(first);
    expect(issued).toBe(1);
    expect((await execute(system.gatewayUrl, ThemesDocument, {}, source)).data.themes.length).toBeGreaterThan(0);
    clock = (exp! - 301) * 1000; // 5 minutes and a second before expiry: still the same token
    expect(await source()).toBe(first);
    expect(issued).toBe(1);

    clock = (exp! - 299) * 1000; // inside the last 5 minutes: renewed, once for all concurrent requests
    const results = await Promise.all(Array.from({ length: 5 }, () => execute(system.gatewayUrl, ThemesDocument, {}, source)));
    expect(results.every((r) => r.data.themes.length > 0)).toBe(true);
    expect(issued).toBe(2);
    // the renewed token (issued now, by the real clock) is then held: no third one
    clock = Date.now();
    expect(decodeJwt(await source()).sub).toBe("dashboard-2");
    expect(issued).toBe(2);
  });

  it("without a token source, the same request is refused (the gateway requires a token here)", async () => {
    await expect(execute(system.gatewayUrl, ThemesDocument, {}, undefined)).rejects.toThrow(/gateway answered 401: a bearer token is required/);
  });
});
