/**
 * The dashboard's settings, read once at start from the environment with the readers every service
 * shares (@tees/subgraph-common/config). A bad or missing setting stops the start with a message naming it.
 */
import { ConfigError, DEFAULT_TOKEN_PARTY, isProduction, optionalString, readInteger, readPort, type Env } from "@tees/subgraph-common/config";
import { isPlaceholderSecret, MIN_SECRET_LENGTH } from "@tees/subgraph-common/signed-identity";

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

export function loadConfig(env: Env = process.env): DashboardConfig {
  const gatewayRaw = optionalString(env, "DASHBOARD_GATEWAY_URL");
  if (!gatewayRaw) throw new ConfigError("DASHBOARD_GATEWAY_URL is required: the gateway's GraphQL address, e.g. http://gateway:4000/graphql");
  let gatewayUrl: URL;
  try {
    gatewayUrl = new URL(gatewayRaw);
  } catch {
    throw new ConfigError(`DASHBOARD_GATEWAY_URL must be an http(s) URL, got "${gatewayRaw}"`);
  }
  if (gatewayUrl.protocol !== "http:" && gatewayUrl.protocol !== "https:") throw new ConfigError(`DASHBOARD_GATEWAY_URL must be an http(s) URL, got "${gatewayRaw}"`);

  const secret = optionalString(env, "DASHBOARD_JWT_SECRET");
  const file = optionalString(env, "DASHBOARD_TOKEN_FILE");
  if (secret && file) throw new ConfigError("set DASHBOARD_JWT_SECRET or DASHBOARD_TOKEN_FILE, not both");
  let token: TokenSetting;
  if (file) {
    token = { kind: "file", path: file };
  } else if (secret) {
    if (secret.length < MIN_SECRET_LENGTH) throw new ConfigError(`DASHBOARD_JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    if (isProduction(env) && isPlaceholderSecret(secret)) throw new ConfigError("DASHBOARD_JWT_SECRET is still the development default: set the gateway's real secret");
    token = {
      kind: "secret",
      secret,
      issuer: optionalString(env, "DASHBOARD_JWT_ISSUER") ?? DEFAULT_TOKEN_PARTY,
      audience: optionalString(env, "DASHBOARD_JWT_AUDIENCE") ?? DEFAULT_TOKEN_PARTY,
      // the gateway refuses tokens older than its JWT_MAX_TOKEN_AGE_SECONDS (60 s at the least)
      lifetimeSeconds: readInteger(env, "DASHBOARD_TOKEN_LIFETIME_SECONDS", 3600, { min: 60, max: 86_400 }),
    };
  } else {
    throw new ConfigError("DASHBOARD_JWT_SECRET or DASHBOARD_TOKEN_FILE is required: how the dashboard gets its read-only (analyst) token for the gateway");
  }
  return {
    host: optionalString(env, "DASHBOARD_HOST") ?? "0.0.0.0",
    port: readPort(env, "DASHBOARD_PORT", DEFAULT_DASHBOARD_PORT),
    gatewayUrl: gatewayUrl.toString(),
    token,
    gatewayTimeoutMs: readInteger(env, "DASHBOARD_GATEWAY_TIMEOUT_MS", 10_000, { min: 100, max: 120_000 }),
  };
}
