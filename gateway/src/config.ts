import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { JSONWebKeySet } from "jose";
import {
  checkSecret, ConfigError, DEFAULT_TOKEN_PARTY, isProduction, optionalString, readBoolean, readChoice, readInteger, readList, readObservability, readPort,
  type Env, type GatewayAuth, type ObservabilitySettings,
} from "@tees/subgraph-common/config";
import type { RateLimitSettings } from "./rate-limit";
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, DEFAULT_MAX_TOKEN_AGE_SECONDS, readJwks } from "./identity";
import { subgraphEndpoints } from "./supergraph";
import { ARBITRARY_DOCUMENTS, DEFAULT_MANIFEST, readManifest, type ArbitraryDocuments, type TrustedDocumentsSettings } from "./trusted-documents";

/**
 * The gateway's settings, read once at start (index.ts) with the readers every service shares
 * (@tees/subgraph-common/config: one ConfigError, each message naming the setting).
 */

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
  /** who may ask, and how the gateway proves to subgraphs who asked: the gateway's part of the one AuthSettings */
  auth: GatewayAuth;
  /** requests per caller (token subject, or address without a token); null: off (GATEWAY_RATE_LIMIT=0) */
  rateLimit: RateLimitSettings | null;
  /** the typed client's documents accepted by id, and who may send a document's text (trusted-documents.ts) */
  trustedDocuments: TrustedDocumentsSettings;
  /** METRICS_PORT, METRICS_HOST, LOG_LEVEL, OTEL_* (readObservability) */
  observability: ObservabilitySettings;
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
export function loadRateLimit(env: Env): RateLimitSettings | null {
  const requests = readInteger(env, "GATEWAY_RATE_LIMIT", DEFAULT_RATE_LIMIT.requests, { min: 0, max: 1_000_000 });
  const settings = {
    requests,
    windowSeconds: readInteger(env, "GATEWAY_RATE_LIMIT_WINDOW_SECONDS", DEFAULT_RATE_LIMIT.windowSeconds, { min: 1, max: 86_400 }),
    maxNewCallers: readInteger(env, "GATEWAY_RATE_LIMIT_MAX_CALLERS", DEFAULT_RATE_LIMIT.maxNewCallers, { min: 1, max: 1_000_000 }),
    trustedProxies: readInteger(env, "GATEWAY_TRUSTED_PROXIES", DEFAULT_RATE_LIMIT.trustedProxies, { min: 0, max: 10 }),
  };
  return requests === 0 ? null : settings;
}

/** JWT_MAX_TOKEN_AGE_SECONDS (default 24 hours, at most 30 days): read by the gateway and by npm run token, which refuses to issue a longer-lived token */
export function maxTokenAge(env: Env): number {
  return readInteger(env, "JWT_MAX_TOKEN_AGE_SECONDS", DEFAULT_MAX_TOKEN_AGE_SECONDS, { min: 60, max: 30 * 86_400 });
}

/** JWT_ISSUER, JWT_AUDIENCE (default DEFAULT_TOKEN_PARTY): read by the gateway and by npm run token, which issues tokens for them */
export function tokenParty(env: Env): { issuer: string; audience: string } {
  return { issuer: optionalString(env, "JWT_ISSUER") ?? DEFAULT_TOKEN_PARTY, audience: optionalString(env, "JWT_AUDIENCE") ?? DEFAULT_TOKEN_PARTY };
}

/** Every subgraph of the supergraph must have its secret: a gateway that cannot sign for one would only collect 401s from it. */
export function loadAuth(env: Env, supergraphSdl: string): GatewayAuth {
  const jwtSecrets = readList(env, "JWT_SECRETS").map((s, i) => checkSecret(env, `JWT_SECRETS (secret ${i + 1})`, s));
  const jwksFile = optionalString(env, "JWT_JWKS_FILE");
  let jwks: JSONWebKeySet | null = null;
  if (jwksFile) {
    try {
      jwks = readJwks(jwksFile);
    } catch (error) {
      throw new ConfigError(`JWT_JWKS_FILE ${jwksFile}: ${(error as Error).message}`);
    }
  }
  if (jwtSecrets.length === 0 && !jwks) throw new ConfigError("JWT_SECRETS or JWT_JWKS_FILE is required: the keys bearer tokens are verified with");
  const subgraphSecrets: Record<string, string> = {};
  const missing: string[] = [];
  for (const graph of subgraphEndpoints(supergraphSdl).keys()) {
    const value = optionalString(env, `SUBGRAPH_SECRET_${graph}`);
    if (value) subgraphSecrets[graph] = checkSecret(env, `SUBGRAPH_SECRET_${graph}`, value);
    else missing.push(`SUBGRAPH_SECRET_${graph}`);
  }
  if (missing.length) throw new ConfigError(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} required: the secret each subgraph shares with the gateway`);
  // a secret shared by two subgraphs lets the holder of one sign for the other: each must have its own
  const holder = new Map<string, string>();
  for (const [graph, value] of Object.entries(subgraphSecrets)) {
    const first = holder.get(value);
    if (first) throw new ConfigError(`SUBGRAPH_SECRET_${first} and SUBGRAPH_SECRET_${graph} have the same value: each subgraph needs its own secret (SECURITY.md)`);
    holder.set(value, graph);
  }
  return {
    jwtSecrets,
    jwks,
    ...tokenParty(env),
    anonymousRead: readBoolean(env, "GATEWAY_ANONYMOUS_READ", !isProduction(env)),
    maxTokenAgeSeconds: maxTokenAge(env),
    clockToleranceSeconds: readInteger(env, "JWT_CLOCK_TOLERANCE_SECONDS", DEFAULT_CLOCK_TOLERANCE_SECONDS, { min: 0, max: 300 }),
    subgraphSecrets,
  };
}

export { DEFAULT_TOKEN_PARTY };

export function loadConfig(env: Env = process.env): GatewayConfig {
  const file = optionalString(env, "SUPERGRAPH_FILE") ?? join(import.meta.dirname, "../supergraph.graphql");
  let supergraphSdl: string;
  try {
    supergraphSdl = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`SUPERGRAPH_FILE ${file}: ${(error as Error).message}`);
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith("SUBGRAPH_URL_") || !value) continue;
    try {
      new URL(value);
    } catch {
      throw new ConfigError(`${key} is not a URL: "${value}"`);
    }
    subgraphUrls[key.slice("SUBGRAPH_URL_".length)] = value;
  }
  return {
    port: readPort(env, "PORT", 4000),
    host: optionalString(env, "HOST") ?? "127.0.0.1",
    supergraphSdl,
    subgraphUrls,
    subgraphTimeoutMs: readInteger(env, "SUBGRAPH_TIMEOUT_MS", 10_000, { min: 100, max: 600_000 }),
    workers: readInteger(env, "GATEWAY_WORKERS", 1, { min: 1, max: 64 }),
    // a production schema is not advertised; the embedded start keeps it for GraphiQL
    introspection: readBoolean(env, "GATEWAY_INTROSPECTION", !isProduction(env)),
    limits: {
      depth: readInteger(env, "GATEWAY_MAX_DEPTH", DEFAULT_LIMITS.depth, { min: 1, max: 100 }),
      tokens: readInteger(env, "GATEWAY_MAX_TOKENS", DEFAULT_LIMITS.tokens, { min: 10, max: 100_000 }),
      aliases: readInteger(env, "GATEWAY_MAX_ALIASES", DEFAULT_LIMITS.aliases, { min: 0, max: 1000 }),
      directives: readInteger(env, "GATEWAY_MAX_DIRECTIVES", DEFAULT_LIMITS.directives, { min: 0, max: 1000 }),
      cost: readInteger(env, "GATEWAY_MAX_COST", DEFAULT_LIMITS.cost, { min: 1, max: 10_000_000 }),
      bodyBytes: readInteger(env, "GATEWAY_MAX_BODY_BYTES", DEFAULT_LIMITS.bodyBytes, { min: 1024, max: 25_000_000 }),
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
export function loadTrustedDocuments(env: Env): TrustedDocumentsSettings {
  const file = optionalString(env, "GATEWAY_TRUSTED_DOCUMENTS_FILE") ?? DEFAULT_MANIFEST;
  let documents: Map<string, string>;
  try {
    documents = readManifest(file);
  } catch (error) {
    throw new ConfigError(`GATEWAY_TRUSTED_DOCUMENTS_FILE ${file}: ${(error as Error).message}`);
  }
  const fallback: ArbitraryDocuments = isProduction(env) ? "authenticated" : "everyone";
  return { documents, arbitrary: readChoice(env, "GATEWAY_ARBITRARY_DOCUMENTS", ARBITRARY_DOCUMENTS, fallback, `one of ${ARBITRARY_DOCUMENTS.join(", ")}`) };
}
