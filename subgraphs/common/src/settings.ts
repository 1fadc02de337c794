import type { DatabaseSettings } from "./database";
import { readInteger, requireString } from "./env";

export type { DatabaseSettings };

/** DATABASE_URL, DB_POOL_SIZE, DB_QUEUE_LIMIT, DB_QUERY_TIMEOUT_MS (see .env.example) */
export function readDatabaseSettings(env: NodeJS.ProcessEnv, defaultUrl: string): DatabaseSettings {
  return {
    url: requireString(env, "DATABASE_URL", defaultUrl),
    poolSize: readInteger(env, "DB_POOL_SIZE", 10, { min: 1, max: 100 }),
    // at least 1: mysql2 reads 0 as "queue without limit", the opposite of failing fast
    queueLimit: readInteger(env, "DB_QUEUE_LIMIT", 100, { min: 1, max: 10_000 }),
    queryTimeoutMs: readInteger(env, "DB_QUERY_TIMEOUT_MS", 10_000, { min: 100, max: 600_000 }),
  };
}
