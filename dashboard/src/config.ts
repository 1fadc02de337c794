/**
 * The dashboard's settings, read once at start from the environment. A bad or missing setting
 * stops the start with a message naming it.
 */
import { isPlaceholderSecret, MIN_SECRET_LENGTH } from "@tees/subgraph-common/signed-identity";

export class DashboardConfigError extends Error {
  override name = "DashboardConfigError";
}

/** how the dashboard gets its read-only (analyst) token; it never leaves the server */
export type TokenSetting =
  /** signs its own analyst token with the gateway's JWT secret (npm start; a deployment sharing JWT_SECRETS) */
  | { kind: "secret"; secret: string; issuer: string; audience: string; lifetimeSeconds: number }
  /** reads a token from a file the identity provider's agent keeps current, again before the held one expires */
  | { kind: "file"; path: string };

export interface DashboardConfig {
  host: string;
  port: number;
  /** the gateway's GraphQL endpoint */
  gatewayUrl: string;
  token: TokenSetting;
  /** the gateway's answer time the dashboard waits for, per request */
  gatewayTimeoutMs: number;
}

export const DEFAULT_DASHBOARD_PORT = 4100;
export const DEFAULT_TOKEN_PARTY = "tees-partnership-graph";

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new DashboardConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DashboardConfig {
  const gatewayRaw = env.DASHBOARD_GATEWAY_URL?.trim();
  if (!gatewayRaw) throw new DashboardConfigError("DASHBOARD_GATEWAY_URL is required: the gateway's GraphQL address, e.g. http://gateway:4000/graphql");
  let gatewayUrl: URL;
  try {
    gatewayUrl = new URL(gatewayRaw);
  } catch {
    throw new DashboardConfigError(`DASHBOARD_GATEWAY_URL must be an http(s) URL, got "${gatewayRaw}"`);
  }
  if (gatewayUrl.protocol !== "http:" && gatewayUrl.protocol !== "https:") throw new DashboardConfigError(`DASHBOARD_GATEWAY_URL must be an http(s) URL, got "${gatewayRaw}"`);

  const secret = env.DASHBOARD_JWT_SECRET?.trim();
  const file = env.DASHBOARD_TOKEN_FILE?.trim();
  if (secret && file) throw new DashboardConfigError("set DASHBOARD_JWT_SECRET or DASHBOARD_TOKEN_FILE, not both");
  let token: TokenSetting;
  if (file) {
    token = { kind: "file", path: file };
  } else if (secret) {
    if (secret.length < MIN_SECRET_LENGTH) throw new DashboardConfigError(`DASHBOARD_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    if (env.NODE_ENV?.trim() === "production" && isPlaceholderSecret(secret)) throw new DashboardConfigError("DASHBOARD_JWT_SECRET is still the development default: set the gateway's real secret");
    token = {
      kind: "secret",
      secret,
      issuer: env.DASHBOARD_JWT_ISSUER?.trim() || DEFAULT_TOKEN_PARTY,
      audience: env.DASHBOARD_JWT_AUDIENCE?.trim() || DEFAULT_TOKEN_PARTY,
      // the gateway refuses tokens older than its JWT_MAX_TOKEN_AGE_SECONDS (60 s at the least)
      lifetimeSeconds: integer(env, "DASHBOARD_TOKEN_LIFETIME_SECONDS", 3600, 60, 86_400),
    };
  } else {
    throw new DashboardConfigError("DASHBOARD_JWT_SECRET or DASHBOARD_TOKEN_FILE is required: how the dashboard gets its read-only (analyst) token for the gateway");
  }
  return {
    host: env.DASHBOARD_HOST?.trim() || "0.0.0.0",
    port: integer(env, "DASHBOARD_PORT", DEFAULT_DASHBOARD_PORT, 0, 65_535),
    gatewayUrl: gatewayUrl.toString(),
    token,
    gatewayTimeoutMs: integer(env, "DASHBOARD_GATEWAY_TIMEOUT_MS", 10_000, 100, 120_000),
  };
}
