/** The signed-identity protocol on its own: what a subgraph accepts and refuses, and how long it remembers a nonce. */
import { describe, expect, it } from "vitest";
import { NONCE_HEADER, NonceMemory, signRequest, verifyRequest, type Identity } from "@tees/subgraph-common/signed-identity";

const secret = "s".repeat(40);
const editor: Identity = { subject: "jo", role: "editor", authority: "E06000003" };
const options = { secrets: [secret], maxSkewMs: 30_000 };
const body = JSON.stringify({ query: "{ __typename }" });

function verify(headers: Record<string, string>, nonces: NonceMemory, now = Date.now(), sentBody = body, secrets = options.secrets) {
  return verifyRequest((name) => headers[name], "POST", sentBody, { ...options, secrets, now }, nonces);
}

describe("signed identity", () => {
  it("accepts the gateway's signature with the identity it carries, with the current or a previous secret", () => {
    const headers = signRequest(secret, editor, "POST", body);
    expect(verify(headers, new NonceMemory(30_000))).toEqual({ ok: true, identity: editor });
    expect(verify(headers, new NonceMemory(30_000), Date.now(), body, ["n".repeat(40), secret]).ok).toBe(true);
  });

  it("refuses another body, another method, an old or future timestamp, and a malformed identity", () => {
    const now = Date.now();
    const headers = signRequest(secret, editor, "POST", body, now);
    expect(verify(headers, new NonceMemory(30_000), now, body + " ")).toEqual({ ok: false, reason: "signature does not match" });
    expect(verifyRequest((name) => headers[name], "GET", body, { ...options, now }, new NonceMemory(30_000)).ok).toBe(false);
    expect(verify(headers, new NonceMemory(30_000), now + 30_001)).toEqual({ ok: false, reason: "signature timestamp is outside the allowed window" });
    expect(verify(headers, new NonceMemory(30_000), now - 30_001).ok).toBe(false);
    const analystWithAuthority = signRequest(secret, { subject: "a", role: "analyst", authority: "E06000003" }, "POST", body, now);
    expect(verify(analystWithAuthority, new NonceMemory(30_000), now)).toEqual({ ok: false, reason: "only an editor's identity carries an authority" });
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

  it("refuses a nonce once used (the replay), however it is presented", () => {
    const nonces = new NonceMemory(30_000);
    const headers = signRequest(secret, editor, "POST", body);
    expect(verify(headers, nonces).ok).toBe(true);
    expect(verify(headers, nonces)).toEqual({ ok: false, reason: "signature was already used (replay)" });
    expect(verify({ ...headers, [NONCE_HEADER]: "x" }, nonces)).toEqual({ ok: false, reason: "signature nonce is malformed" });
  });
});
