/** The signed-identity protocol on its own: what a subgraph accepts and refuses, and how long it remembers a nonce. */
import { describe, expect, it } from "vitest";
import { AUDIENCE_HEADER, NONCE_HEADER, NonceMemory, SIGNATURE_HEADER, signRequest, verifyRequest, type Identity, type Verified } from "@tees/subgraph-common/signed-identity";
import { readLifecycle } from "@tees/subgraph-common/config";
import { loadAuth } from "../gateway/src/config";
import { subgraphCatalog } from "../scripts/catalog";
import { composeGuild } from "../scripts/composition";
import { secretsEnv } from "./support/signed";

const secret = "s".repeat(40);
const key = { secret, audience: "education" };
const editor: Identity = { subject: "jo", role: "editor", authority: "E06000003" };
const options = { secrets: [secret], maxSkewMs: 30_000, audience: "education" };
const body = JSON.stringify({ query: "{ __typename }" });

const reason = (verified: Verified): string | undefined => ("reason" in verified ? verified.reason : undefined);

function verify(headers: Record<string, string>, nonces: NonceMemory, now = Date.now(), sentBody = body, more: Partial<typeof options> = {}) {
  return verifyRequest((name) => headers[name], "POST", sentBody, { ...options, ...more, now }, nonces);
}

describe("signed identity", () => {
  it("accepts the gateway's signature with the identity it carries, with the current or a previous secret", async () => {
    const headers = signRequest(key, editor, "POST", body);
    expect(await verify(headers, new NonceMemory(30_000))).toEqual({ ok: true, identity: editor });
    expect((await verify(headers, new NonceMemory(30_000), Date.now(), body, { secrets: ["n".repeat(40), secret] })).ok).toBe(true);
  });

  it("refuses another body, another method, an old or future timestamp, and a malformed identity", async () => {
    const now = Date.now();
    const headers = signRequest(key, editor, "POST", body, now);
    expect(await verify(headers, new NonceMemory(30_000), now, body + " ")).toEqual({ ok: false, reason: "signature does not match" });
    expect((await verifyRequest((name) => headers[name], "GET", body, { ...options, now }, new NonceMemory(30_000))).ok).toBe(false);
    expect(await verify(headers, new NonceMemory(30_000), now + 30_001)).toEqual({ ok: false, reason: "signature timestamp is outside the allowed window" });
    expect((await verify(headers, new NonceMemory(30_000), now - 30_001)).ok).toBe(false);
    const analystWithAuthority = signRequest(key, { subject: "a", role: "analyst", authority: "E06000003" }, "POST", body, now);
    expect(await verify(analystWithAuthority, new NonceMemory(30_000), now)).toEqual({ ok: false, reason: "only an editor's identity carries an authority" });
  });

  it("binds the signature to the subgraph it was made for (the audience, protocol v2)", async () => {
    const now = Date.now();
    const forCare = signRequest({ secret, audience: "care" }, editor, "POST", body, now);
    expect(forCare[SIGNATURE_HEADER]).toMatch(/^v2=[0-9a-f]{64}$/);
    // education checks its own name: a request for care is refused, whatever the audience header says
    expect(await verify(forCare, new NonceMemory(30_000), now)).toEqual({ ok: false, reason: "request is signed for another subgraph" });
    expect(await verify({ ...forCare, [AUDIENCE_HEADER]: "education" }, new NonceMemory(30_000), now)).toEqual({ ok: false, reason: "signature does not match" });
    expect((await verify(forCare, new NonceMemory(30_000), now, body, { audience: "care" })).ok).toBe(true);
    // a v1 signature (no audience) is named as such; a signature without its version is malformed
    expect(reason(await verify({ ...forCare, [SIGNATURE_HEADER]: "v1=" + "a".repeat(64) }, new NonceMemory(30_000), now))).toMatch(/protocol v1 is no longer accepted: this subgraph expects v2/);
    expect(reason(await verify({ ...forCare, [SIGNATURE_HEADER]: "a".repeat(64) }, new NonceMemory(30_000), now, body, { audience: "care" }))).toMatch(/signature is malformed/);
    // nothing can be signed for a name that would break the message's lines
    expect(() => signRequest({ secret, audience: "care\nv2" }, editor, "POST", body)).toThrow(/cannot sign for subgraph/);
  });

  it("remembers a nonce for as long as its timestamp is accepted (2 x the window), in O(1) per request", () => {
    const nonces = new NonceMemory(30_000);
    const start = 1_000_000_000_000;
    expect(nonces.remember("a", start)).toBe(true);
    // a request signed at `start` is accepted until start + 30 s; its nonce must be refused at every moment until then and after a generation turns
    for (const later of [0, 1, 29_999, 30_000, 59_999, 60_000, 119_999]) expect(nonces.remember("a", start + later), `+${later} ms`).toBe(false);
    // long after, the timestamp check refuses it anyway and the memory has let it go
    expect(nonces.remember("a", start + 240_000)).toBe(true);
    expect(nonces.remember("b", start + 240_000)).toBe(true);
    expect(nonces.remember("b", start + 240_001)).toBe(false);
  });

  it("holds no more nonces than 4 windows of requests, however many it has served", () => {
    // 200 requests a second for 20 minutes of clock (240,000 requests): at most the last 4 x 30 s are held
    const nonces = new NonceMemory(30_000);
    const start = 1_000_000_000_000;
    let largest = 0;
    for (let i = 0; i < 240_000; i += 1) {
      nonces.remember(`n${i}`, start + i * 5);
      largest = Math.max(largest, nonces.size);
    }
    expect(largest).toBeLessThanOrEqual(4 * 30 * 200);
    expect(largest).toBeGreaterThanOrEqual(2 * 30 * 200);
  });

  it("refuses a nonce once used (the replay), however it is presented", async () => {
    const nonces = new NonceMemory(30_000);
    const headers = signRequest(key, editor, "POST", body);
    expect((await verify(headers, nonces)).ok).toBe(true);
    expect(await verify(headers, nonces)).toEqual({ ok: false, reason: "signature was already used (replay)" });
    expect(await verify({ ...headers, [NONCE_HEADER]: "x" }, nonces)).toEqual({ ok: false, reason: "signature nonce is malformed" });
  });
});

describe("signing settings", () => {
  const supergraph = () => {
    const composed = composeGuild(subgraphCatalog().map((entry) => ({ name: entry.name, url: `http://127.0.0.1:1/${entry.name}`, typeDefs: entry.typeDefs() })));
    if ("errors" in composed) throw new Error(composed.errors.join("\n"));
    return composed.supergraphSdl;
  };

  it("the gateway refuses to start when two subgraphs are given the same secret, naming both settings", () => {
    const env = secretsEnv();
    expect(() => loadAuth(env, supergraph())).not.toThrow();
    const shared = env.SUBGRAPH_SECRET_EDUCATION!;
    expect(() => loadAuth({ ...env, SUBGRAPH_SECRET_CARE: shared }, supergraph())).toThrow(
      "SUBGRAPH_SECRET_CARE and SUBGRAPH_SECRET_EDUCATION have the same value: each subgraph needs its own secret (SECURITY.md)",
    );
  });

  it("a subgraph reads NONCE_STORE_URL once, memory by default, and refuses a malformed one naming the setting", () => {
    const base = { GATEWAY_SIGNING_SECRETS: "x".repeat(40) };
    expect(readLifecycle(base).signing.nonceStore).toEqual({ kind: "memory" });
    expect(readLifecycle({ ...base, NONCE_STORE_URL: "redis://:pw@redis.internal:6380/2" }).signing.nonceStore).toEqual({
      kind: "redis", url: "redis://:pw@redis.internal:6380/2", prefix: "tees:nonce:", timeoutMs: 1_000,
    });
    for (const [env, message] of [
      [{ NONCE_STORE_URL: "not a url" }, /NONCE_STORE_URL is not a URL/],
      [{ NONCE_STORE_URL: "http://redis:6379" }, /NONCE_STORE_URL must be a redis:\/\/ or rediss:\/\/ URL/],
      [{ NONCE_STORE_URL: "redis://r:6379", NONCE_STORE_TIMEOUT_MS: "10" }, /NONCE_STORE_TIMEOUT_MS must be a whole number from 50 to 30000/],
      [{ NONCE_STORE_URL: "redis://r:6379", NONCE_STORE_PREFIX: "a b" }, /NONCE_STORE_PREFIX must be 1 to 64 of/],
      [{ NODE_ENV: "production", NONCE_STORE_URL: "redis://:nonce-store-dev-only-change-me@redis:6379" }, /NONCE_STORE_URL still carries the development default password/],
    ] as const) {
      expect(() => readLifecycle({ ...base, ...env }), JSON.stringify(env)).toThrow(message);
    }
  });
});
