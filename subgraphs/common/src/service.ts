import type { ApolloServer, BaseContext } from "@apollo/server";
import type { DataSource } from "typeorm";
import { migrate, openDataSource, redact, StatementCounter, type DatabaseSettings } from "./database";
import { optionalString, ConfigError, readInteger } from "./env";
import { isPlaceholderSecret, MIN_SECRET_LENGTH, type Identity } from "./signed-identity";
import { serve, type RequestScope, type RunningServer, type ServeOptions } from "./http";
import type { NonceStoreSettings } from "./nonce-store";
import { OBSERVABILITY_OFF, readObservability, recordCallerRole, startSubgraphObservability, type DatabasePool, type ObservabilitySettings } from "./observability";

export type SeedPolicy = "never" | "if-empty" | "always";

export interface LifecycleSettings {
  /** apply pending migrations at start (the embedded default); production runs `npm run db:migrate` */
  migrateOnStart: boolean;
  seedOnStart: SeedPolicy;
  host: string;
  /** what a request must carry to prove the gateway sent it (the audience is the service's name), and where nonces are remembered */
  signing: ServeOptions<BaseContext>["signing"];
  /** metrics listener, tracing, request log (readObservability); left out: all off, nothing logged (tests, scripts) */
  observability?: ObservabilitySettings;
}

const NONCE_PREFIX = /^[A-Za-z0-9:._-]{1,64}$/;

/**
 * NONCE_STORE_URL: unset → nonces in this process (one replica); redis://[:password@]host:port[/db]
 * (or rediss://) → shared by every replica of the subgraph. NONCE_STORE_PREFIX (default "tees:nonce:"):
 * before every key. NONCE_STORE_TIMEOUT_MS (default 1000): connect and per-command limit; past it, 503.
 */
export function readNonceStore(env: NodeJS.ProcessEnv): NonceStoreSettings {
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
  if (env.NODE_ENV?.trim() === "production" && isPlaceholderSecret(url)) {
    throw new ConfigError("NONCE_STORE_URL still carries the development default password: set NONCE_STORE_PASSWORD (SECURITY.md) for production");
  }
  return { kind: "redis", url, prefix, timeoutMs: readInteger(env, "NONCE_STORE_TIMEOUT_MS", 1_000, { min: 50, max: 30_000 }) };
}

/**
 * GATEWAY_SIGNING_SECRETS: this subgraph's secret(s) shared with the gateway, comma-separated:
 * the current one, then any being rotated out (SECURITY.md). Required: a subgraph never serves unsigned requests.
 * SIGNATURE_MAX_SKEW_MS: how old (or early) a signed request may be. NONCE_STORE_*: readNonceStore.
 */
export function readSigning(env: NodeJS.ProcessEnv): LifecycleSettings["signing"] {
  const raw = optionalString(env, "GATEWAY_SIGNING_SECRETS");
  if (!raw) throw new ConfigError("GATEWAY_SIGNING_SECRETS is required: the secret(s) this subgraph shares with the gateway");
  const secrets = raw.split(",").map((s) => s.trim()).filter(Boolean);
  const short = secrets.findIndex((s) => s.length < MIN_SECRET_LENGTH);
  if (secrets.length === 0 || short >= 0) throw new ConfigError(`GATEWAY_SIGNING_SECRETS: secret ${short + 1} is shorter than ${MIN_SECRET_LENGTH} characters`);
  if (env.NODE_ENV?.trim() === "production" && secrets.some(isPlaceholderSecret)) {
    throw new ConfigError("GATEWAY_SIGNING_SECRETS is still the development default: set a random secret (SECURITY.md) for production");
  }
  return { secrets, maxSkewMs: readInteger(env, "SIGNATURE_MAX_SKEW_MS", 30_000, { min: 1_000, max: 300_000 }), nonceStore: readNonceStore(env) };
}

/** MIGRATE_ON_START (true|false), SEED_ON_START (never|if-empty|always), HOST */
export function readLifecycle(env: NodeJS.ProcessEnv): LifecycleSettings {
  const migrateRaw = optionalString(env, "MIGRATE_ON_START") ?? "false";
  if (!["true", "false"].includes(migrateRaw)) throw new ConfigError(`MIGRATE_ON_START must be true or false, got "${migrateRaw}"`);
  const seed = optionalString(env, "SEED_ON_START") ?? "never";
  if (!["never", "if-empty", "always"].includes(seed)) throw new ConfigError(`SEED_ON_START must be never, if-empty or always, got "${seed}"`);
  return {
    migrateOnStart: migrateRaw === "true", seedOnStart: seed as SeedPolicy, host: optionalString(env, "HOST") ?? "127.0.0.1", signing: readSigning(env),
    observability: readObservability(env),
  };
}

export interface ServiceDefinition<TContext extends BaseContext> {
  name: string;
  database: DatabaseSettings;
  entities: Function[];
  migrations: (url: string) => Function[];
  /** loads the service's seeds (idempotent) */
  seed: (dataSource: DataSource) => Promise<unknown>;
  /** true when the database holds no seeded data yet */
  isEmpty: (dataSource: DataSource) => Promise<boolean>;
  buildServer: () => ApolloServer<TContext>;
  /** the per-request context, for the identity the gateway signed; `request.signal` fires when its connection closes before the answer */
  context: (dataSource: DataSource, identity: Identity, request?: RequestScope) => TContext;
  /** more counters for /health */
  health?: () => Record<string, number>;
}

export interface RunningService extends RunningServer {
  dataSource: DataSource;
  counter: StatementCounter;
  /** the database URL, password redacted */
  database: string;
  /** GET /metrics on its own listener (METRICS_PORT); null when metrics are off */
  metricsUrl: string | null;
  /** exports finished spans now (tests); nothing when tracing is off */
  flushTraces(): Promise<void>;
}

/** Opens the database, migrates/seeds as configured, and serves. Used by index.ts and by tests (port 0). */
export async function startService<TContext extends BaseContext>(
  definition: ServiceDefinition<TContext>,
  options: { port: number } & LifecycleSettings,
): Promise<RunningService> {
  const { dataSource, counter } = await openDataSource(definition.database, definition.entities, definition.migrations(definition.database.url));
  let observability: Awaited<ReturnType<typeof startSubgraphObservability>> | undefined;
  try {
    observability = await startSubgraphObservability(definition.name, options.observability ?? OBSERVABILITY_OFF);
    observability.watchDatabase(() => databasePool(dataSource));
    if (options.migrateOnStart) await migrate(dataSource);
    if (options.seedOnStart === "always" || (options.seedOnStart === "if-empty" && (await definition.isEmpty(dataSource)))) {
      await definition.seed(dataSource);
    }
    const running = await serve({
      name: definition.name,
      apollo: definition.buildServer(),
      context: (identity, request) => {
        recordCallerRole(identity.role);
        return definition.context(dataSource, identity, request);
      },
      wrap: observability.wrap,
      signing: options.signing,
      ready: async () => {
        await dataSource.query("SELECT 1");
        return true;
      },
      // SQL statements since start: `npm run bench -- soak` reads it from each process
      health: () => ({ statements: counter.count, ...definition.health?.() }),
      port: options.port,
      host: options.host,
    });
    return {
      ...running,
      dataSource,
      counter,
      database: redact(definition.database.url),
      metricsUrl: observability.metricsUrl,
      flushTraces: async () => observability?.tracing?.flush(),
      async close() {
        await running.close();
        await observability?.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await observability?.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

/** what the metrics say of the database's connections: mysql2's pool (its own counts), or SQLite's none */
function databasePool(dataSource: DataSource): DatabasePool {
  const type = dataSource.options.type;
  if (type !== "mysql" && type !== "mariadb") return { engine: "sqlite" };
  // mysql2's pool keeps these three queues (lib/base/pool.js); TypeORM's MysqlDriver holds the pool
  const pool = (dataSource.driver as unknown as { pool?: { config?: { connectionLimit?: number }; _allConnections?: { length: number }; _freeConnections?: { length: number }; _connectionQueue?: { length: number } } }).pool;
  return {
    engine: type, size: pool?.config?.connectionLimit ?? 0,
    all: pool?._allConnections?.length ?? 0, free: pool?._freeConnections?.length ?? 0, waiting: pool?._connectionQueue?.length ?? 0,
  };
}

/**
 * index.ts: read the configuration, start, log where, and shut down cleanly on
 * SIGINT/SIGTERM. A bad setting ends the process with its message, not a stack trace.
 */
export async function runMain(name: string, start: () => Promise<RunningService>): Promise<void> {
  try {
    const service = await start();
    console.log(`[${name}] ready at ${service.url} (database ${service.database})${service.metricsUrl ? `; metrics at ${service.metricsUrl}` : ""}`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`[${name}] ${signal}: shutting down`);
      await service.close();
      process.exit(0);
    };
    process.on("SIGINT", () => void stop("SIGINT"));
    process.on("SIGTERM", () => void stop("SIGTERM"));
  } catch (error) {
    console.error(`[${name}] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
