/** `npm run token`: the command a developer uses to act as an editor, checked end to end with the gateway's own verifier. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_PARTY, loadAuth } from "../gateway/src/config";
import { tokenVerifier } from "../gateway/src/identity";
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
        .setIssuer(DEFAULT_TOKEN_PARTY).setAudience(DEFAULT_TOKEN_PARTY).setExpirationTime("10m").sign(key);
    expect(await verify(await sign(provider.privateKey))).toEqual({ subject: "sam@stockton.gov.uk", role: "editor", authority: "E06000004" });
    expect(await verify(await sign(stranger.privateKey))).toEqual({ refused: "the token's signature does not verify" });
  });
});
