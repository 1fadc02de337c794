/** `npm run token`: the command a developer uses to act as an editor, checked end to end with the gateway's own verifier. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_PARTY } from "../gateway/src/config";
import { verifyToken } from "../gateway/src/identity";
import { testSecret } from "./support/signed";

const root = join(import.meta.dirname, "..");
const secret = testSecret();

function token(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/token.ts", ...args], { cwd: root, env: { ...process.env, JWT_SECRETS: secret }, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr };
}

const settings = { jwtSecrets: [secret], jwks: null, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, anonymousRead: false, subgraphSecrets: new Map<string, string>() };

describe("npm run token", () => {
  it("issues an editor's token the gateway accepts, for any English local authority (including one whose name has a comma)", async () => {
    for (const authority of ["E06000003", "E06000023"]) {
      const { status, stdout } = token("--role", "editor", "--authority", authority);
      expect(status, authority).toBe(0);
      expect(await verifyToken(stdout, settings)).toEqual({ subject: `editor@${authority}`, role: "editor", authority });
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
