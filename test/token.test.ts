/** `npm run token`: the command a developer uses to act as an editor, checked end to end with the gateway's own verifier. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_PARTY, loadAuth } from "../gateway/src/config";
import { identityPlugin, tokenVerifier } from "../gateway/src/identity";
import { testSecret } from "./support/signed";

const root = join(import.meta.dirname, "..");
const secret = testSecret();

function token(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/token.ts", ...args], { cwd: root, env: { ...process.env, JWT_SECRETS: secret }, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr };
}

const verifyToken = tokenVerifier({ jwtSecrets: [secret], jwks: null, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY });

describe("npm run token", () => {
  it("issues an editor's token the gateway accepts, for any English local authority (including one whose name has a comma)", async () => {
    for (const authority of ["E06000003", "E06000023"]) {
      const { status, stdout } = token("--role", "editor", "--authority", authority);
      expect(status, authority).toBe(0);
      expect(await verifyToken(stdout)).toEqual({ subject: `editor@${authority}`, role: "editor", authority });
    }
  });

  it("refuses what is not an English local authority, and an authority for a role that acts for none", () => {
    const region = token("--role", "editor", "--authority", "E12000001");
    expect(region.status).toBe(2);
    expect(region.stderr).toMatch(/E12000001 is not an English local authority's ONS code/);
    const analyst = token("--role", "analyst", "--authority", "E06000003");
    expect(analyst.status).toBe(2);
    expect(analyst.stderr).toMatch(/only editors act for an authority/);
  });
});

describe("an identity provider's keys (JWT_JWKS_FILE)", () => {
  it("accepts a token signed with a key of the set, and refuses one signed with another key", async () => {
    const [provider, stranger] = [await generateKeyPair("ES256", { extractable: true }), await generateKeyPair("ES256")];
    const file = join(mkdtempSync(join(tmpdir(), "tpg-jwks-")), "jwks.json");
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(provider.publicKey)), kid: "provider-1", alg: "ES256", use: "sig" }] }));
    // as the gateway reads its settings (no subgraphs here): the file alone is enough, no JWT_SECRETS needed
    const auth = loadAuth({ JWT_JWKS_FILE: file }, "");
    const verify = tokenVerifier(auth);
    const sign = (key: CryptoKey) =>
      new SignJWT({ role: "editor", authority: "E06000004" }).setProtectedHeader({ alg: "ES256", kid: "provider-1" }).setSubject("sam@stockton.gov.uk")
        .setIssuer(DEFAULT_TOKEN_PARTY).setAudience(DEFAULT_TOKEN_PARTY).setIssuedAt().setExpirationTime("10m").sign(key);
    expect(await verify(await sign(provider.privateKey))).toEqual({ subject: "sam@stockton.gov.uk", role: "editor", authority: "E06000004" });
    expect(await verify(await sign(stranger.privateKey))).toEqual({ refused: "the token's signature does not verify" });
  });
});

describe("token lifetime and claims (issue 13, finding 6)", () => {
  const key = new TextEncoder().encode(secret);
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (edit: (jwt: SignJWT) => SignJWT, payload: Record<string, unknown> = { role: "analyst" }) =>
    edit(new SignJWT(payload).setProtectedHeader({ alg: "HS256" }).setIssuer(DEFAULT_TOKEN_PARTY).setAudience(DEFAULT_TOKEN_PARTY)).sign(key);
  const standard = (jwt: SignJWT) => jwt.setSubject("someone").setIssuedAt().setExpirationTime("1h");

  it("npm run token refuses a lifetime over the cap (24 hours, or JWT_MAX_TOKEN_AGE_SECONDS), and issues one within it", async () => {
    const long = token("--role", "analyst", "--expires", "10000d");
    expect(long.status).toBe(2);
    expect(long.stderr).toMatch(/--expires 10000d is longer than the gateway accepts: at most 86400 seconds \(24 hours; JWT_MAX_TOKEN_AGE_SECONDS\)/);
    const day = token("--role", "analyst", "--expires", "24h");
    expect(day.status).toBe(0);
    expect(await verifyToken(day.stdout)).toEqual({ subject: "analyst", role: "analyst", authority: null });
    const capped = spawnSync(process.execPath, ["--import", "tsx", "scripts/token.ts", "--role", "analyst", "--expires", "2h"], {
      cwd: root, env: { ...process.env, JWT_SECRETS: secret, JWT_MAX_TOKEN_AGE_SECONDS: "3600" }, encoding: "utf8",
    });
    expect(capped.status).toBe(2);
    expect(capped.stderr).toMatch(/at most 3600 seconds/);
    const subject = token("--role", "analyst", "--subject", "x".repeat(201));
    expect(subject.status).toBe(2);
    expect(subject.stderr).toMatch(/--subject must be 1 to 200 characters/);
  });

  it("the gateway refuses a token whose exp − iat exceeds the cap, one without iat, and one issued in the future", async () => {
    const cases: Array<[string, SignJWT | ((jwt: SignJWT) => SignJWT), RegExp]> = [
      ["lifetime 10000 days", (jwt) => jwt.setSubject("someone").setIssuedAt().setExpirationTime("10000d"), /lifetime \(exp − iat: 240000h\) is longer than the 24h the gateway accepts/],
      ["lifetime 25 hours", (jwt) => jwt.setSubject("someone").setIssuedAt().setExpirationTime("25h"), /lifetime .* is longer than the 24h/],
      ["no iat", (jwt) => jwt.setSubject("someone").setExpirationTime("1h"), /the token has no iat claim/],
      ["iat two minutes ahead", (jwt) => jwt.setSubject("someone").setIssuedAt(now() + 120).setExpirationTime(now() + 3600), /iat claim is in the future/],
      ["issued 25 hours ago", (jwt) => jwt.setSubject("someone").setIssuedAt(now() - 25 * 3600).setExpirationTime(now() + 60), /issued longer ago than the gateway accepts/],
    ];
    for (const [label, edit, reason] of cases) {
      const result = await verifyToken(await claims(edit as (jwt: SignJWT) => SignJWT));
      expect(result, label).toEqual({ refused: expect.stringMatching(reason) });
    }
    // a clock a few seconds ahead is tolerated (30 s by default)
    expect(await verifyToken(await claims((jwt) => jwt.setSubject("someone").setIssuedAt(now() + 10).setExpirationTime(now() + 3600)))).toEqual({ subject: "someone", role: "analyst", authority: null });
    // the cap is a setting
    const strict = tokenVerifier({ jwtSecrets: [secret], jwks: null, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, maxTokenAgeSeconds: 600 });
    expect(await strict(await claims(standard))).toEqual({ refused: expect.stringMatching(/lifetime \(exp − iat: 1h\) is longer than the 600s/) });
  });

  it("a token verified once is refused again once it expires (verified tokens are remembered only while they would pass)", async () => {
    // no clock tolerance, so expiry falls within the test's few seconds
    const verify = tokenVerifier({ jwtSecrets: [secret], jwks: null, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, clockToleranceSeconds: 0 });
    const expiresAt = now() + 2;
    const short = await claims((jwt) => jwt.setSubject("brief").setIssuedAt().setExpirationTime(expiresAt));
    const first = await verify(short);
    expect(first).toEqual({ subject: "brief", role: "analyst", authority: null });
    // the same token again: the remembered identity
    expect(await verify(short)).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt * 1000 - Date.now()) + 50));
    expect(await verify(short)).toEqual({ refused: "the token has expired" });
    // a token refused is not remembered: a forged one stays refused, the genuine one still passes
    const forged = `${short.slice(0, short.lastIndexOf(".") + 1)}${"A".repeat(43)}`;
    expect(await verify(forged)).toEqual({ refused: "the token's signature does not verify" });
    const fresh = await claims(standard);
    expect(await verify(fresh)).toEqual({ subject: "someone", role: "analyst", authority: null });
  });

  it("the gateway requires sub to be a string of sane length", async () => {
    const withSub = (sub: unknown) => claims((jwt) => jwt.setIssuedAt().setExpirationTime("1h"), { role: "analyst", sub });
    for (const sub of [42, "", "x".repeat(201), "line\nbreak", ["a"]]) {
      expect(await verifyToken(await withSub(sub)), JSON.stringify(sub)).toEqual({ refused: expect.stringMatching(/subject \(sub\) must be a string of 1 to 200 characters/) });
    }
    expect(await verifyToken(await withSub("x".repeat(200)))).toEqual({ subject: "x".repeat(200), role: "analyst", authority: null });
  });
});

describe("an identity missing at the gateway (issue 13, finding 6)", () => {
  // every request passes onRequest today; these hooks are the last line if one ever does not
  const settings = { jwtSecrets: [secret], jwks: null, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, subgraphKeys: new Map([["http://subgraph.invalid/graphql", { secret: testSecret(), audience: "region" }]]) };
  const unseen = () => ({ request: new Request("http://gateway.invalid/graphql", { method: "POST" }) });

  it("fails closed when anonymous reads are off: no context identity, nothing signed", () => {
    const plugin = identityPlugin({ ...settings, anonymousRead: false });
    expect(() => plugin.onContextBuilding!({ context: unseen(), extendContext: () => undefined } as never)).toThrow(/no verified identity for this request, and anonymous reads are off/);
    let signed: unknown = null;
    expect(() => plugin.onFetch!({ url: "http://subgraph.invalid/graphql", options: { method: "POST", body: "{}" }, setOptions: (o: unknown) => (signed = o), context: {} } as never)).toThrow(/anonymous reads are off/);
    expect(signed).toBeNull();
  });

  it("reads as anonymous only where anonymous reads are on", () => {
    const plugin = identityPlugin({ ...settings, anonymousRead: true });
    let identity: unknown;
    plugin.onContextBuilding!({ context: unseen(), extendContext: (extension: { identity: unknown }) => (identity = extension.identity) } as never);
    expect(identity).toEqual({ subject: "anonymous", role: "anonymous", authority: null });
  });
});
