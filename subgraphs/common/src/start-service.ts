import type { ApolloServer, BaseContext } from "@apollo/server";
import type { DataSource } from "typeorm";
import { OBSERVABILITY_OFF, type DatabaseSettings, type LifecycleSettings } from "./config";
import { openDataSource } from "./database/data-source";
import { migrate } from "./database/migrate";
import { databaseAnswers, databasePool } from "./database/probes";
import { defaultDatabaseLog } from "./database/sql-log";
import { StatementCounter } from "./database/statement-counter";
import type { Identity } from "./signed-identity";
import { serve, type RequestScope, type RunningServer } from "./signed-http-server";
import { recordCallerRole, requestLogger, startSubgraphObservability } from "./observability";
import { redact } from "./redact";

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
  /** the SQL statements it has run (startService always turns the counter on: /health reports it) */
  counter: StatementCounter;
  /** the database URL, password redacted */
  database: string;
  /** GET /metrics on its own listener (METRICS_PORT); null when metrics are off */
  metricsUrl: string | null;
  /** exports finished spans now (tests); nothing when tracing is off */
  flushTraces(): Promise<void>;
}

/** Opens the database, migrates/seeds as configured, and serves. Used by each subgraph's main.ts and by tests (port 0). */
export async function startService<TContext extends BaseContext>(
  definition: ServiceDefinition<TContext>,
  options: { port: number } & LifecycleSettings,
): Promise<RunningService> {
  // statement counting is an instrument, turned on here for every service; the database logs through pino
  // (the service's log when it has one, else errors on stderr)
  const counter = new StatementCounter();
  const log = options.observability ? requestLogger(definition.name, options.observability).child({ component: "database" }) : defaultDatabaseLog();
  const { dataSource } = await openDataSource(definition.database, definition.entities, definition.migrations(definition.database.url), { statements: counter, log });
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
      ready: () => databaseAnswers(dataSource),
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

/**
 * A subgraph's main.ts: read the configuration, start, log where, and shut down cleanly on
 * SIGINT/SIGTERM. A bad setting ends the process with its message, not a stack trace.
 */
export async function runMain(/** the label of its lines until it has started (then: the service's own name) */ name: string, start: () => Promise<RunningService>): Promise<void> {
  try {
    const service = await start();
    console.log(`[${service.name}] ready at ${service.url} (database ${service.database})${service.metricsUrl ? `; metrics at ${service.metricsUrl}` : ""}`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`[${service.name}] ${signal}: shutting down`);
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
