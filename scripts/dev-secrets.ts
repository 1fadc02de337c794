/**
 * The embedded start's token key: made once, kept in .data/dev-secrets.json (git-ignored,
 * owner-only), so tokens from `npm run token` stay valid across restarts of `npm start`.
 * The subgraphs' signing secrets are NOT kept: `npm start` makes fresh ones on every run.
 * Production never reads this file: it sets JWT_SECRETS (or JWT_JWKS_FILE) and the signing secrets.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./repo-root";

const file = join(repoRoot, ".data/dev-secrets.json");

export const newSecret = (): string => randomBytes(32).toString("base64url");

/** JWT_SECRETS from the environment if set, else the embedded start's own key (made on first use). */
export function jwtSecrets(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.JWT_SECRETS?.trim();
  if (fromEnv) return fromEnv;
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as { jwtSecret?: unknown };
    if (typeof stored.jwtSecret === "string" && stored.jwtSecret.length >= 32) return stored.jwtSecret;
  }
  mkdirSync(join(repoRoot, ".data"), { recursive: true });
  const jwtSecret = newSecret();
  writeFileSync(file, JSON.stringify({ jwtSecret }, null, 2) + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return jwtSecret;
}
