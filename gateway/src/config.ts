import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JSONWebKeySet } from "jose";
import { isPlaceholderSecret, MIN_SECRET_LENGTH } from "@tees/subgraph-common/signed-identity";
import type { RateLimitSettings } from "./rate-limit";
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, DEFAULT_MAX_TOKEN_AGE_SECONDS, readJwks } from "./identity";
import { subgraphEndpoints } from "./supergraph";
import { ARBITRARY_DOCUMENTS, DEFAULT_MANIFEST, readManifest, type ArbitraryDocuments, type TrustedDocumentsSettings } from "./trusted-documents";
import { readObservability, type ObservabilitySettings } from "@tees/subgraph-common/observability";

export class GatewayConfigError extends Error {
  override name = "GatewayConfigError";
}

export interface GatewayConfig {
  port: number;
  host: string;
  /** the composed supergraph SDL (npm run compose) */
  supergraphSdl: string;
  /** subgraph name → URL, overriding the supergraph's (SUBGRAPH_URL_<NAME>, e.g. SUBGRAPH_URL_REDCAR_AND_CLEVELAND) */
  subgraphUrls: Record<string, string>;
  /** a subgraph slower than this yields partial data and an error */
  subgraphTimeoutMs: number;
  /** GATEWAY_WORKERS: processes serving the one port (node:cluster), e.g. one per core; 1: this process alone */
  workers: number;
  /** schema introspection (and GraphiQL, which needs it): GATEWAY_INTROSPECTION; off by default when NODE_ENV=production */
  introspection: boolean;
  /** what one request may ask for; rejected with a 4xx before any subgraph is called */
  limits: OperationLimits;
  /** who may ask, and how the gateway proves to subgraphs who asked */
  auth: AuthConfig;
  /** requests per caller (token subject, or address without a token); null: off (GATEWAY_RATE_LIMIT=0) */
  rateLimit: RateLimitSettings | null;
  /** the typed client's documents accepted by id, and who may send a document's text (trusted-documents.ts) */
  trustedDocuments: TrustedDocumentsSettings;
  /** METRICS_PORT, METRICS_HOST, LOG_LEVEL, OTEL_* (readObservability) */
  observability: ObservabilitySettings;
}

export interface AuthConfig {
  /** JWT_SECRETS: HS256 secrets, comma-separated, the current one first */
  jwtSecrets: string[];
  /** JWT_JWKS_FILE: an identity provider's public keys (JSON Web Key Set) */
  jwks: JSONWebKeySet | null;
  /** JWT_ISSUER, JWT_AUDIENCE: the iss and aud a token must carry */
  issuer: string;
  audience: string;
  /** GATEWAY_ANONYMOUS_READ: reads without a token; off by default when NODE_ENV=production */
  anonymousRead: boolean;
  /** JWT_MAX_TOKEN_AGE_SECONDS: the longest lifetime (exp − iat) and age a token may have (loadAuth always sets it; left out: the default) */
  maxTokenAgeSeconds?: number;
  /** JWT_CLOCK_TOLERANCE_SECONDS: how far an issuer's clock may be off (iat in the future, exp just past) */
  clockToleranceSeconds?: number;
  /** SUBGRAPH_SECRET_<NAME>: the secret shared with each subgraph (the first of its GATEWAY_SIGNING_SECRETS) */
  subgraphSecrets: Record<string, string>;
}

export interface OperationLimits {
  /** GATEWAY_MAX_DEPTH: nesting of selections (fragments flattened) */
  depth: number;
  /** GATEWAY_MAX_TOKENS: lexical tokens in the document, counted while parsing */
  tokens: number;
  /** GATEWAY_MAX_ALIASES: aliased fields (each can repeat a whole subtree) */
  aliases: number;
  /** GATEWAY_MAX_DIRECTIVES: directives anywhere in the operation */
  directives: number;
  /** GATEWAY_MAX_COST: the operation's cost with list lengths (gateway/src/cost.ts: each field 1 plus its selection, x the list's measured length) */
  cost: number;
  /** GATEWAY_MAX_BODY_BYTES: size of a request body */
  bodyBytes: number;
}

/**
 * Measured on the typed client's operations (gateway/client/operations, `npx vitest run
 * test/gateway-limits.test.ts` prints them); the tests' own queries fit too.
 */
export const DEFAULT_LIMITS: OperationLimits = {
  // deepest typed operation 7 (CompareOutcomes, CrossBoroughByTheme), deepest test query 9 (indicator → outcome → comparison → neighbour set); the schema's cycles (Action ↔ Priority) would nest without end
  depth: 10,
  // largest typed operation 210 tokens (CompareOutcomes), GraphiQL's introspection query ~185; ~5x room, and parsing stops early
  tokens: 1000,
  // the typed client uses none; room to alias the five Tees Valley authorities side by side twice over, no alias-fan-out beyond that
  aliases: 10,
  // the typed client uses none; room for @include/@skip on a dashboard's optional sections
  directives: 10,
  // cost.ts, measured by test/cost-limits.test.ts: costliest legitimate operation 23,424 (DashboardCompare, five
  // authorities); about 2x room, while every authority x every education measure costs ~234,000 and the
  // issue's three-alias version of it ~704,000
  cost: 50_000,
  // largest typed request ~3 KB (query 1.5 KB + a list of codes); 64 KiB still fits every English authority's code many times
  bodyBytes: 65_536,
};

/**
 * Measured on the typed client (`npx vitest run test/rate-limit.test.ts` prints it): a page of
 * `npm run compare` sends 2 requests, `npm run common-bodies` 1, each other typed operation 1; a
 * dashboard page showing all four is 5. 600 a minute is 120 such pages a minute for one caller.
 */
export const DEFAULT_RATE_LIMIT = { requests: 600, windowSeconds: 60, maxNewCallers: 20_000, trustedProxies: 0 } as const;

/** GATEWAY_RATE_LIMIT (0: off), GATEWAY_RATE_LIMIT_WINDOW_SECONDS, GATEWAY_RATE_LIMIT_MAX_CALLERS, GATEWAY_TRUSTED_PROXIES */
export function loadRateLimit(env: NodeJS.ProcessEnv): RateLimitSettings | null {
  const requests = integer(env, "GATEWAY_RATE_LIMIT", DEFAULT_RATE_LIMIT.requests, 0, 1_000_000);
  const settings = {
    requests,
    windowSeconds: integer(env, "GATEWAY_RATE_LIMIT_WINDOW_SECONDS", DEFAULT_RATE_LIMIT.windowSeconds, 1, 86_400),
    maxNewCallers: integer(env, "GATEWAY_RATE_LIMIT_MAX_CALLERS", DEFAULT_RATE_LIMIT.maxNewCallers, 1, 1_000_000),
    trustedProxies: integer(env, "GATEWAY_TRUSTED_PROXIES", DEFAULT_RATE_LIMIT.trustedProxies, 0, 10),
  };
  return requests === 0 ? null : settings;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new GatewayConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (raw !== "true" && raw !== "false") throw new GatewayConfigError(`${name} must be true or false, got "${raw}"`);
  return raw === "true";
}

function secretFrom(env: NodeJS.ProcessEnv) {
  const production = env.NODE_ENV?.trim() === "production";
  return (name: string, value: string): string => {
    if (value.length < MIN_SECRET_LENGTH) throw new GatewayConfigError(`${name} must be at least ${MIN_SECRET_LENGTH} characters`);
    if (production && isPlaceholderSecret(value)) throw new GatewayConfigError(`${name} is still the development default: set a random secret (SECURITY.md) for production`);
    return value;
  };
}

/** JWT_MAX_TOKEN_AGE_SECONDS (default 24 hours, at most 30 days): read by the gateway and by npm run token, which refuses to issue a longer-lived token */
export function maxTokenAge(env: NodeJS.ProcessEnv): number {
  return integer(env, "JWT_MAX_TOKEN_AGE_SECONDS", DEFAULT_MAX_TOKEN_AGE_SECONDS, 60, 30 * 86_400);
}

/** Every subgraph of the supergraph must have its secret: a gateway that cannot sign for one would only collect 401s from it. */
export function loadAuth(env: NodeJS.ProcessEnv, supergraphSdl: string): AuthConfig {
  const secret = secretFrom(env);
  const jwtSecrets = (env.JWT_SECRETS ?? "").split(",").map((s) => s.trim()).filter(Boolean).map((s, i) => secret(`JWT_SECRETS (secret ${i + 1})`, s));
  const jwksFile = env.JWT_JWKS_FILE?.trim();
  let jwks: JSONWebKeySet | null = null;
  if (jwksFile) {
    try {
      jwks = readJwks(jwksFile);
    } catch (error) {
      throw new GatewayConfigError(`JWT_JWKS_FILE ${jwksFile}: ${(error as Error).message}`);
    }
  }
  if (jwtSecrets.length === 0 && !jwks) throw new GatewayConfigError("JWT_SECRETS or JWT_JWKS_FILE is required: the keys bearer tokens are verified with");
  const subgraphSecrets: Record<string, string> = {};
  const missing: string[] = [];
  for (const graph of subgraphEndpoints(supergraphSdl).keys()) {
    const value = env[`SUBGRAPH_SECRET_${graph}`]?.trim();
    if (value) subgraphSecrets[graph] = secret(`SUBGRAPH_SECRET_${graph}`, value);
    else missing.push(`SUBGRAPH_SECRET_${graph}`);
  }
  if (missing.length) throw new GatewayConfigError(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} required: the secret each subgraph shares with the gateway`);
  // a secret shared by two subgraphs lets the holder of one sign for the other: each must have its own
  const holder = new Map<string, string>();
  for (const [graph, value] of Object.entries(subgraphSecrets)) {
    const first = holder.get(value);
    if (first) throw new GatewayConfigError(`SUBGRAPH_SECRET_${first} and SUBGRAPH_SECRET_${graph} have the same value: each subgraph needs its own secret (SECURITY.md)`);
    holder.set(value, graph);
  }
  return {
    jwtSecrets,
    jwks,
    issuer: env.JWT_ISSUER?.trim() || DEFAULT_TOKEN_PARTY,
    audience: env.JWT_AUDIENCE?.trim() || DEFAULT_TOKEN_PARTY,
    anonymousRead: flag(env, "GATEWAY_ANONYMOUS_READ", env.NODE_ENV?.trim() !== "production"),
    maxTokenAgeSeconds: maxTokenAge(env),
    clockToleranceSeconds: integer(env, "JWT_CLOCK_TOLERANCE_SECONDS", DEFAULT_CLOCK_TOLERANCE_SECONDS, 0, 300),
    subgraphSecrets,
  };
}

/** the default iss and aud of tokens (npm run token issues them) */
export const DEFAULT_TOKEN_PARTY = "tees-partnership-graph";

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const file = env.SUPERGRAPH_FILE?.trim() || join(import.meta.dirname, "../supergraph.graphql");
  let supergraphSdl: string;
  try {
    supergraphSdl = readFileSync(file, "utf8");
  } catch (error) {
    throw new GatewayConfigError(`SUPERGRAPH_FILE ${file}: ${(error as Error).message}`);
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith("SUBGRAPH_URL_") || !value) continue;
    try {
      new URL(value);
    } catch {
      throw new GatewayConfigError(`${key} is not a URL: "${value}"`);
    }
    subgraphUrls[key.slice("SUBGRAPH_URL_".length)] = value;
  }
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST?.trim() || "127.0.0.1",
    supergraphSdl,
    subgraphUrls,
    subgraphTimeoutMs: integer(env, "SUBGRAPH_TIMEOUT_MS", 10_000, 100, 600_000),
    workers: integer(env, "GATEWAY_WORKERS", 1, 1, 64),
    // a production schema is not advertised; the embedded start keeps it for GraphiQL
    introspection: flag(env, "GATEWAY_INTROSPECTION", env.NODE_ENV?.trim() !== "production"),
    limits: {
      depth: integer(env, "GATEWAY_MAX_DEPTH", DEFAULT_LIMITS.depth, 1, 100),
      tokens: integer(env, "GATEWAY_MAX_TOKENS", DEFAULT_LIMITS.tokens, 10, 100_000),
      aliases: integer(env, "GATEWAY_MAX_ALIASES", DEFAULT_LIMITS.aliases, 0, 1000),
      directives: integer(env, "GATEWAY_MAX_DIRECTIVES", DEFAULT_LIMITS.directives, 0, 1000),
      cost: integer(env, "GATEWAY_MAX_COST", DEFAULT_LIMITS.cost, 1, 10_000_000),
      bodyBytes: integer(env, "GATEWAY_MAX_BODY_BYTES", DEFAULT_LIMITS.bodyBytes, 1024, 25_000_000),
    },
    auth: loadAuth(env, supergraphSdl),
    rateLimit: loadRateLimit(env),
    trustedDocuments: loadTrustedDocuments(env),
    observability: readObservability(env),
  };
}

/**
 * GATEWAY_TRUSTED_DOCUMENTS_FILE (default: the committed manifest, gateway/client/generated/persisted-documents.json)
 * and GATEWAY_ARBITRARY_DOCUMENTS (everyone | authenticated | nobody; default everyone, authenticated when NODE_ENV=production)
 */
export function loadTrustedDocuments(env: NodeJS.ProcessEnv): TrustedDocumentsSettings {
  const file = env.GATEWAY_TRUSTED_DOCUMENTS_FILE?.trim() || DEFAULT_MANIFEST;
  let documents: Map<string, string>;
  try {
    documents = readManifest(file);
  } catch (error) {
    throw new GatewayConfigError(`GATEWAY_TRUSTED_DOCUMENTS_FILE ${file}: ${(error as Error).message}`);
  }
  const raw = env.GATEWAY_ARBITRARY_DOCUMENTS?.trim();
  const fallback: ArbitraryDocuments = env.NODE_ENV?.trim() === "production" ? "authenticated" : "everyone";
  if (raw && !(ARBITRARY_DOCUMENTS as readonly string[]).includes(raw)) {
    throw new GatewayConfigError(`GATEWAY_ARBITRARY_DOCUMENTS must be one of ${ARBITRARY_DOCUMENTS.join(", ")}, got "${raw.slice(0, 40)}"`);
  }
  return { documents, arbitrary: (raw as ArbitraryDocuments | undefined) || fallback };
}
