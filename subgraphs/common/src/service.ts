import type { ApolloServer, BaseContext } from "@apollo/server";
import type { DataSource } from "typeorm";
import { migrate, openDataSource, redact, StatementCounter, type DatabaseSettings } from "./database";
import { optionalString, ConfigError } from "./env";
import { serve, type RunningServer } from "./http";

export type SeedPolicy = "never" | "if-empty" | "always";

export interface LifecycleSettings {
  /** apply pending migrations at start (the embedded default); production runs `npm run db:migrate` */
  migrateOnStart: boolean;
  seedOnStart: SeedPolicy;
  host: string;
}

/** MIGRATE_ON_START (true|false), SEED_ON_START (never|if-empty|always), HOST */
export function readLifecycle(env: NodeJS.ProcessEnv): LifecycleSettings {
  const migrateRaw = optionalString(env, "MIGRATE_ON_START") ?? "false";
  if (!["true", "false"].includes(migrateRaw)) throw new ConfigError(`MIGRATE_ON_START must be true or false, got "${migrateRaw}"`);
  const seed = optionalString(env, "SEED_ON_START") ?? "never";
  if (!["never", "if-empty", "always"].includes(seed)) throw new ConfigError(`SEED_ON_START must be never, if-empty or always, got "${seed}"`);
  return { migrateOnStart: migrateRaw === "true", seedOnStart: seed as SeedPolicy, host: optionalString(env, "HOST") ?? "127.0.0.1" };
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
  context: (dataSource: DataSource) => TContext;
}

export interface RunningService extends RunningServer {
  dataSource: DataSource;
  counter: StatementCounter;
  /** the database URL, password redacted */
  database: string;
}

/** Opens the database, migrates/seeds as configured, and serves. Used by index.ts and by tests (port 0). */
export async function startService<TContext extends BaseContext>(
  definition: ServiceDefinition<TContext>,
  options: { port: number } & LifecycleSettings,
): Promise<RunningService> {
  const { dataSource, counter } = await openDataSource(definition.database, definition.entities, definition.migrations(definition.database.url));
  try {
    if (options.migrateOnStart) await migrate(dataSource);
    if (options.seedOnStart === "always" || (options.seedOnStart === "if-empty" && (await definition.isEmpty(dataSource)))) {
      await definition.seed(dataSource);
    }
    const running = await serve({
      name: definition.name,
      apollo: definition.buildServer(),
      context: () => definition.context(dataSource),
      ready: async () => {
        await dataSource.query("SELECT 1");
        return true;
      },
      port: options.port,
      host: options.host,
    });
    return {
      ...running,
      dataSource,
      counter,
      database: redact(definition.database.url),
      async close() {
        await running.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

/**
 * index.ts: read the configuration, start, log where, and shut down cleanly on
 * SIGINT/SIGTERM. A bad setting ends the process with its message, not a stack trace.
 */
export async function runMain(name: string, start: () => Promise<RunningService>): Promise<void> {
  try {
    const service = await start();
    console.log(`[${name}] ready at ${service.url} (database ${service.database})`);
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
