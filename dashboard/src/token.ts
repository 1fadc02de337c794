/**
 * The dashboard's read-only token, held on the server and renewed before it expires
 * (gateway/client/token.ts renewingToken). Only an analyst token is accepted: the dashboard
 * writes nothing, so it holds nothing that could.
 */
import { readFile } from "node:fs/promises";
import { decodeJwt } from "jose";
import { renewingToken, type TokenSource } from "../../gateway/client/token";
import { issueToken } from "../../gateway/src/identity";
import type { TokenSetting } from "./config";

export function dashboardToken(setting: TokenSetting): TokenSource {
  if (setting.kind === "secret") {
    return renewingToken(() =>
      issueToken(setting.secret, {
        subject: "dashboard",
        role: "analyst",
        expiresIn: `${setting.lifetimeSeconds}s`,
        issuer: setting.issuer,
        audience: setting.audience,
      }),
    );
  }
  return renewingToken(async () => {
    const token = (await readFile(setting.path, "utf8")).trim();
    let role: unknown;
    try {
      role = decodeJwt(token).role;
    } catch {
      throw new Error(`DASHBOARD_TOKEN_FILE (${setting.path}) does not hold a JWT`);
    }
    if (role !== "analyst") throw new Error(`DASHBOARD_TOKEN_FILE (${setting.path}) holds a ${String(role)} token: the dashboard takes only a read-only analyst token`);
    return token;
  });
}
