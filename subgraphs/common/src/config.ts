/**
 * Configuration: how every service (the gateway and each subgraph) reads its settings from the
 * environment. One set of readers, one ConfigError, and every problem names the variable.
 *
 * It lives in @tees/subgraph-common because the gateway already depends on this package for the
 * contract it shares with the subgraphs (signed-identity.ts, observability.ts); a package of its own would
 * add a workspace (its manifest in the Dockerfile, the lock file, the k8s image) for one file. What is here:
 * - the readers (requireString, optionalString, readInteger, readPort, readBoolean, readChoice, readList,
 *   checkSecret, isProduction);
 * - the settings every subgraph reads (DATABASE_URL and DB_*, WORK_BUDGET_*, the signed hop's
 *   GATEWAY_SIGNING_SECRETS / SIGNATURE_MAX_SKEW_MS / NONCE_STORE_*, MIGRATE_ON_START, SEED_ON_START, HOST);
 * - AuthSettings: ONE type for who may ask and how the gateway proves to a subgraph who asked; the
 *   gateway fills its part (gateway/src/config.ts: JWT_*, SUBGRAPH_SECRET_<NAME>), a subgraph its own (readSigning).
 * - the settings of metrics, tracing and the request log (METRICS_*, LOG_LEVEL, OTEL_*), the same for every service.
 * A service's own settings (its port, its deployment, the gateway's limits) are read by its config.ts with
 * these readers. Nothing here loads a database driver or a telemetry SDK: the gateway imports it too.
 * Each service reads its settings once, at start, in main.ts (the gateway: index.ts), and passes them down.
 */
import { readFileSync } from "node:fs";
import type { JSONWebKeySet } from "jose";
import type { ZodType } from "zod";
import type { DestinationStream } from "pino";
import type { NonceStoreSettings } from "./nonce-store";
import { isPlaceholderSecret, MIN_SECRET_LENGTH } from "./signed-identity";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export type Env = Readonly<Record<string, string | undefined>>;

// ---------------------------------------------------------------- readers

/** A deployment's JSON file, checked by its schema: a bad file fails naming the file and the first field wrong. */
export function readDeploymentFile<T>(file: string, schema: ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`deployment file ${file}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`deployment file ${file}: field "${issue.path.map(String).join(".")}": ${issue.message}`);
  }
  return parsed.data;
}

export function requireString(env: Env, name: string, fallback?: string): string {
  const value = env[name] ?? fallback;
  if (value === undefined || value.trim() === "") throw new ConfigError(`${name} is required but not set`);
  return value.trim();
}

/** the trimmed value, or undefined when unset or blank */
export function optionalString(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** a whole number from min to max; unset or blank: the fallback */
export function readInteger(env: Env, name: string, fallback: number, { min, max }: { min: number; max: number }): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  // digits only (no sign, exponent or fraction); the length bound keeps Number() exact
  if (!/^\d{1,16}$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw.slice(0, 40)}"`);
  return Number(raw);
}

export function readPort(env: Env, name: string, fallback: number): number {
  return readInteger(env, name, fallback, { min: 0, max: 65535 });
}

/** true or false (lower case); unset or blank: the fallback */
export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (raw !== "true" && raw !== "false") throw new ConfigError(`${name} must be true or false, got "${raw.slice(0, 40)}"`);
  return raw === "true";
}

/** one of `values`; unset or blank: the fallback */
export function readChoice<T extends string>(env: Env, name: string, values: readonly T[], fallback: T, describe = values.join(", ")): T {
  const raw = optionalString(env, name);
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be ${describe}, got "${raw.slice(0, 40)}"`);
  return raw as T;
}

/** NODE_ENV=production: development defaults are refused, and some defaults change (introspection, anonymous reads) */
export const isProduction = (env: Env): boolean => env.NODE_ENV?.trim() === "production";

/** `value` as a secret named `label`: long enough, and not a development default in production */
export function checkSecret(env: Env, label: string, value: string): string {
  if (value.length < MIN_SECRET_LENGTH) throw new ConfigError(`${label} must be at least ${MIN_SECRET_LENGTH} characters`);
  if (isProduction(env) && isPlaceholderSecret(value)) throw new ConfigError(`${label} is still the development default: set a random secret (SECURITY.md) for production`);
  return value;
}

/** a comma-separated list, blanks dropped */
export const readList = (env: Env, name: string): string[] => (env[name] ?? "").split(",").map((s) => s.trim()).filter(Boolean);

// ---------------------------------------------------------------- a subgraph's database

/**
 * Where a subgraph keeps its data: `sqlite:<file>` (embedded default; `sqlite::memory:` for tests)
 * or `mysql://user:password@host:port/database` (production; `mariadb://` for a MariaDB server).
 */
export type DatabaseUrl = string;

export interface DatabaseSettings {
  url: DatabaseUrl;
  /** connections per subgraph (MySQL); keep the sum over subgraphs under max_connections */
  poolSize: number;
  /** requests that may wait for a connection before failing fast (MySQL; 0 is mysql2's "no limit") */
  queueLimit: number;
  /**
   * MySQL/MariaDB: a statement running longer than this is stopped by the server and fails (ms; on MySQL 8
   * only read-only SELECTs). SQLite: how long to wait for a lock; a running statement is never interrupted.
   */
  queryTimeoutMs: number;
}

/** the password of a mysql:// or mariadb:// URL ("" when it has none or is not such a URL); never printed */
function passwordOf(url: string): string {
  if (!url.startsWith("mysql://") && !url.startsWith("mariadb://")) return "";
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return ""; // a malformed URL is refused, without its password, where the data source is opened
  }
}

/**
 * DATABASE_URL: with NODE_ENV=production a password that is one of docker-compose.yml's development
 * defaults (`*-dev-only-change-me`) is refused at start, naming the setting but never the password.
 */
function readDatabaseUrl(env: Env, defaultUrl: string): string {
  const url = requireString(env, "DATABASE_URL", defaultUrl);
  if (isProduction(env) && isPlaceholderSecret(passwordOf(url))) {
    throw new ConfigError("DATABASE_URL: the database password is still a development default (…dev-only-change-me): set the database user's own password for production (README, Production)");
  }
  return url;
}

/** DATABASE_URL, DB_POOL_SIZE, DB_QUEUE_LIMIT, DB_QUERY_TIMEOUT_MS (see .env.example) */
export function readDatabaseSettings(env: Env, defaultUrl: string): DatabaseSettings {
  return {
    url: readDatabaseUrl(env, defaultUrl),
    poolSize: readInteger(env, "DB_POOL_SIZE", 10, { min: 1, max: 100 }),
    // at least 1: mysql2 reads 0 as "queue without limit", the opposite of failing fast
    queueLimit: readInteger(env, "DB_QUEUE_LIMIT", 100, { min: 1, max: 10_000 }),
    queryTimeoutMs: readInteger(env, "DB_QUERY_TIMEOUT_MS", 10_000, { min: 100, max: 600_000 }),
  };
}

export interface WorkBudgetSettings {
  /** WORK_BUDGET_STATEMENTS: SQL statements one request may run */
  statements: number;
  /** WORK_BUDGET_ROWS: rows its statements may return in all */
  rows: number;
}

/**
 * The defaults (WORK_BUDGET_STATEMENTS, WORK_BUDGET_ROWS). A request's statements do not grow with
 * its lists (DataLoader batches each level into one statement, one per distinct filter), so 200 is
 * far above any operation; rows do: every authority x every education measure on the national data
 * reads about 80,000 (a benchmark workload: `npm run bench` raises it), the typed client's operations
 * a few thousand at most.
 */
export const DEFAULT_WORK_BUDGET: WorkBudgetSettings = { statements: 200, rows: 100_000 };

/**
 * WORK_BUDGET_STATEMENTS, WORK_BUDGET_ROWS: what one request may cost an outcomes subgraph (SQL
 * statements run, rows read) before it is stopped with WORK_BUDGET_EXCEEDED (work-budget.ts).
 */
export function readWorkBudget(env: Env): WorkBudgetSettings {
  return {
    statements: readInteger(env, "WORK_BUDGET_STATEMENTS", DEFAULT_WORK_BUDGET.statements, { min: 1, max: 1_000_000 }),
    rows: readInteger(env, "WORK_BUDGET_ROWS", DEFAULT_WORK_BUDGET.rows, { min: 1, max: 100_000_000 }),
  };
}

// ---------------------------------------------------------------- who may ask: the gateway and the subgraphs

/** What a subgraph checks each request's signature with (signed-identity.ts, signed-http-server.ts). */
export interface SignatureSettings {
  /** GATEWAY_SIGNING_SECRETS: the secrets accepted, the current one first, then any still being rotated out */
  secrets: readonly string[];
  /** SIGNATURE_MAX_SKEW_MS: how far a request's timestamp may be from this clock, either way */
  maxSkewMs: number;
  /** NONCE_STORE_*: where accepted nonces are remembered; left out: in this process */
  nonceStore?: NonceStoreSettings;
}

/**
 * Who may ask, and how the gateway proves to a subgraph who asked: one type for both sides. The gateway
 * verifies bearer tokens (jwtSecrets … clockToleranceSeconds) and signs each subgraph's requests with that
 * subgraph's secret (subgraphSecrets); a subgraph checks those signatures (signing). Each side is given the
 * part it reads: GatewayAuth (gateway/src/config.ts loadAuth), SubgraphAuth (readSigning).
 */
export interface AuthSettings {
  /** JWT_SECRETS: HS256 secrets, comma-separated, the current one first (tokens signed with any are accepted while rotating) */
  jwtSecrets: string[];
  /** JWT_JWKS_FILE: an identity provider's public keys (JSON Web Key Set; RS256/ES256/EdDSA) */
  jwks: JSONWebKeySet | null;
  /** JWT_ISSUER, JWT_AUDIENCE: the iss and aud a token must carry */
  issuer: string;
  audience: string;
  /** GATEWAY_ANONYMOUS_READ: requests without a token read as "anonymous"; off by default when NODE_ENV=production (401) */
  anonymousRead: boolean;
  /** JWT_MAX_TOKEN_AGE_SECONDS: the longest lifetime (exp − iat) and age a token may have (loadAuth always sets it; left out: the default) */
  maxTokenAgeSeconds?: number;
  /** JWT_CLOCK_TOLERANCE_SECONDS: how far an issuer's clock may be off (iat in the future, exp just past); left out: the default */
  clockToleranceSeconds?: number;
  /** SUBGRAPH_SECRET_<NAME>: the secret the gateway shares with each subgraph (the first of that subgraph's GATEWAY_SIGNING_SECRETS) */
  subgraphSecrets: Record<string, string>;
  /** the subgraph's side of the same secrets */
  signing: SignatureSettings;
}

/** the default iss and aud of tokens: the gateway's JWT_ISSUER and JWT_AUDIENCE, npm run token's, the dashboard's */
export const DEFAULT_TOKEN_PARTY = "tees-partnership-graph";

/** the gateway's part: tokens in, signatures out */
export type GatewayAuth = Omit<AuthSettings, "signing">;
/** the token checks alone (identity.ts) */
export type TokenSettings = Omit<GatewayAuth, "subgraphSecrets">;
/** a subgraph's part: signatures in */
export type SubgraphAuth = AuthSettings["signing"];

const NONCE_PREFIX = /^[A-Za-z0-9:._-]{1,64}$/;

/**
 * NONCE_STORE_URL: unset → nonces in this process (one replica); redis://[:password@]host:port[/db]
 * (or rediss://) → shared by every replica of the subgraph. NONCE_STORE_PREFIX (default "tees:nonce:"):
 * before every key. NONCE_STORE_TIMEOUT_MS (default 1000): connect and per-command limit; past it, 503.
 */
export function readNonceStore(env: Env): NonceStoreSettings {
  const url = optionalString(env, "NONCE_STORE_URL");
  if (!url) return { kind: "memory" };
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new ConfigError("NONCE_STORE_URL is not a URL (expected redis://host:6379)");
  }
  if (protocol !== "redis:" && protocol !== "rediss:") throw new ConfigError(`NONCE_STORE_URL must be a redis:// or rediss:// URL, got ${protocol}//…`);
  const prefix = optionalString(env, "NONCE_STORE_PREFIX") ?? "tees:nonce:";
  if (!NONCE_PREFIX.test(prefix)) throw new ConfigError(`NONCE_STORE_PREFIX must be 1 to 64 of A-Z a-z 0-9 : . _ -, got "${prefix.slice(0, 80)}"`);
  if (isProduction(env) && isPlaceholderSecret(url)) {
    throw new ConfigError("NONCE_STORE_URL still carries the development default password: set NONCE_STORE_PASSWORD (SECURITY.md) for production");
  }
  return { kind: "redis", url, prefix, timeoutMs: readInteger(env, "NONCE_STORE_TIMEOUT_MS", 1_000, { min: 50, max: 30_000 }) };
}

/**
 * GATEWAY_SIGNING_SECRETS: this subgraph's secret(s) shared with the gateway, comma-separated:
 * the current one, then any being rotated out (SECURITY.md). Required: a subgraph never serves unsigned requests.
 * SIGNATURE_MAX_SKEW_MS: how old (or early) a signed request may be. NONCE_STORE_*: readNonceStore.
 */
export function readSigning(env: Env): SubgraphAuth {
  const secrets = readList(env, "GATEWAY_SIGNING_SECRETS");
  if (secrets.length === 0) throw new ConfigError("GATEWAY_SIGNING_SECRETS is required: the secret(s) this subgraph shares with the gateway");
  const short = secrets.findIndex((s) => s.length < MIN_SECRET_LENGTH);
  if (short >= 0) throw new ConfigError(`GATEWAY_SIGNING_SECRETS: secret ${short + 1} is shorter than ${MIN_SECRET_LENGTH} characters`);
  if (isProduction(env) && secrets.some(isPlaceholderSecret)) {
    throw new ConfigError("GATEWAY_SIGNING_SECRETS is still the development default: set a random secret (SECURITY.md) for production");
  }
  return { secrets, maxSkewMs: readInteger(env, "SIGNATURE_MAX_SKEW_MS", 30_000, { min: 1_000, max: 300_000 }), nonceStore: readNonceStore(env) };
}

// ---------------------------------------------------------------- metrics, tracing and the request log

/**
 * The levels LOG_LEVEL may name: Hive Gateway's own logger reads the same variable and refuses to start
 * on any other value (pino's "fatal" and "silent" among them, or "INFO"), so only the levels both know.
 * "silent" is for services built without a log (tests), never read from the environment.
 */
export const LOG_LEVELS = ["error", "warn", "info", "debug", "trace"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number] | "silent";

export const SAMPLERS = ["always_on", "always_off", "traceidratio", "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio"] as const;
export type SamplerName = (typeof SAMPLERS)[number];

export interface TracingSettings {
  /** where spans are POSTed: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces */
  url: string;
  /** OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL: http/protobuf (the standard default) or http/json; grpc is not supported */
  protocol: "http/protobuf" | "http/json";
  /** OTEL_TRACES_SAMPLER (default parentbased_always_on, as the specification says) */
  sampler: SamplerName;
  /** OTEL_TRACES_SAMPLER_ARG: the ratio of the *traceidratio samplers, 0 to 1 (default 1) */
  ratio: number;
}

export interface ObservabilitySettings {
  /** METRICS_PORT: the Prometheus listener (GET /metrics), never the public one; null (unset): no metrics; 0: any free port (tests) */
  metricsPort: number | null;
  /** METRICS_HOST: its address (default 127.0.0.1; 0.0.0.0 in a container so Prometheus can reach it) */
  metricsHost: string;
  /** LOG_LEVEL: the request log's level (one JSON line per request at info); default info */
  logLevel: LogLevel;
  /** null: tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT, or OTEL_SDK_DISABLED=true) */
  tracing: TracingSettings | null;
  /** where log lines go (default stdout); tests pass a stream to read them */
  logDestination?: DestinationStream;
}

/** what a service built in code without settings does: nothing exported, nothing logged */
export const OBSERVABILITY_OFF: ObservabilitySettings = { metricsPort: null, metricsHost: "127.0.0.1", logLevel: "silent", tracing: null };

/**
 * METRICS_PORT, METRICS_HOST, LOG_LEVEL and the standard OpenTelemetry variables
 * (OTEL_SDK_DISABLED, OTEL_EXPORTER_OTLP_ENDPOINT / _TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL /
 * _TRACES_PROTOCOL, OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG). OTEL_EXPORTER_OTLP_HEADERS is
 * read by the exporter itself. A bad value stops the start, naming the setting.
 */
export function readObservability(env: NodeJS.ProcessEnv): ObservabilitySettings {
  const port = optionalString(env, "METRICS_PORT");
  const logLevel = optionalString(env, "LOG_LEVEL") ?? "info";
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (lower case), got "${logLevel.slice(0, 40)}"`);
  return {
    metricsPort: port === undefined ? null : readPort(env, "METRICS_PORT", 0),
    metricsHost: optionalString(env, "METRICS_HOST") ?? "127.0.0.1",
    logLevel: logLevel as LogLevel,
    tracing: readTracing(env),
  };
}

function readTracing(env: NodeJS.ProcessEnv): TracingSettings | null {
  const disabled = optionalString(env, "OTEL_SDK_DISABLED")?.toLowerCase();
  if (disabled !== undefined && disabled !== "true" && disabled !== "false") throw new ConfigError(`OTEL_SDK_DISABLED must be true or false, got "${disabled.slice(0, 40)}"`);
  const tracesEndpoint = optionalString(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  const endpoint = optionalString(env, "OTEL_EXPORTER_OTLP_ENDPOINT");
  if (disabled === "true" || (!tracesEndpoint && !endpoint)) return null;
  const name = tracesEndpoint ? "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" : "OTEL_EXPORTER_OTLP_ENDPOINT";
  let url: URL;
  try {
    // the signal-specific endpoint is used as it is; the base one gets the traces path (OTLP/HTTP specification)
    url = tracesEndpoint ? new URL(tracesEndpoint) : new URL(`${endpoint!.replace(/\/+$/, "")}/v1/traces`);
  } catch {
    throw new ConfigError(`${name} is not a URL: "${(tracesEndpoint ?? endpoint)!.slice(0, 200)}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(`${name} must be an http:// or https:// URL (OTLP over HTTP), got ${url.protocol}//…`);
  const protocolName = optionalString(env, "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") ? "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL" : "OTEL_EXPORTER_OTLP_PROTOCOL";
  const protocol = optionalString(env, protocolName) ?? "http/protobuf";
  if (protocol !== "http/protobuf" && protocol !== "http/json") throw new ConfigError(`${protocolName} must be http/protobuf or http/json (grpc is not supported), got "${protocol.slice(0, 40)}"`);
  const sampler = (optionalString(env, "OTEL_TRACES_SAMPLER") ?? "parentbased_always_on").toLowerCase();
  if (!(SAMPLERS as readonly string[]).includes(sampler)) throw new ConfigError(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(", ")}, got "${sampler.slice(0, 40)}"`);
  const rawRatio = optionalString(env, "OTEL_TRACES_SAMPLER_ARG");
  const ratio = rawRatio === undefined ? 1 : Number(rawRatio);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1 || rawRatio === "") throw new ConfigError(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "${String(rawRatio).slice(0, 40)}"`);
  return { url: url.toString(), protocol, sampler: sampler as SamplerName, ratio };
}

// ---------------------------------------------------------------- how a subgraph starts

export type SeedPolicy = "never" | "if-empty" | "always";

export interface LifecycleSettings {
  /** apply pending migrations at start (the embedded default); production runs `npm run db:migrate` */
  migrateOnStart: boolean;
  seedOnStart: SeedPolicy;
  host: string;
  /** what a request must carry to prove the gateway sent it (the audience is the service's name), and where nonces are remembered */
  signing: SubgraphAuth;
  /** metrics listener, tracing, request log (readObservability); left out: all off, nothing logged (tests, scripts) */
  observability?: ObservabilitySettings;
}

/** MIGRATE_ON_START (true|false), SEED_ON_START (never|if-empty|always), HOST, the signing settings and observability */
export function readLifecycle(env: Env): LifecycleSettings {
  return {
    migrateOnStart: readBoolean(env, "MIGRATE_ON_START", false),
    seedOnStart: readChoice<SeedPolicy>(env, "SEED_ON_START", ["never", "if-empty", "always"], "never", "never, if-empty or always"),
    host: optionalString(env, "HOST") ?? "127.0.0.1",
    signing: readSigning(env),
    observability: readObservability(env),
  };
}
