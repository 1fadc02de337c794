import type { DatabaseSettings } from "./database";
import { DEFAULT_WORK_BUDGET, type WorkBudgetSettings } from "./work-budget";
import { ConfigError, readInteger, requireString } from "./env";
import { isPlaceholderSecret } from "./signed-identity";

export type { DatabaseSettings };

/** the password of a mysql:// or mariadb:// URL ("" when it has none or is not such a URL); never printed */
function passwordOf(url: string): string {
  if (!/^(mysql|mariadb):\/\//.test(url)) return "";
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
function readDatabaseUrl(env: NodeJS.ProcessEnv, defaultUrl: string): string {
  const url = requireString(env, "DATABASE_URL", defaultUrl);
  if (env.NODE_ENV?.trim() === "production" && isPlaceholderSecret(passwordOf(url))) {
    throw new ConfigError("DATABASE_URL: the database password is still a development default (…dev-only-change-me): set the database user's own password for production (README, Production)");
  }
  return url;
}

/** DATABASE_URL, DB_POOL_SIZE, DB_QUEUE_LIMIT, DB_QUERY_TIMEOUT_MS (see .env.example) */
export function readDatabaseSettings(env: NodeJS.ProcessEnv, defaultUrl: string): DatabaseSettings {
  return {
    url: readDatabaseUrl(env, defaultUrl),
    poolSize: readInteger(env, "DB_POOL_SIZE", 10, { min: 1, max: 100 }),
    // at least 1: mysql2 reads 0 as "queue without limit", the opposite of failing fast
    queueLimit: readInteger(env, "DB_QUEUE_LIMIT", 100, { min: 1, max: 10_000 }),
    queryTimeoutMs: readInteger(env, "DB_QUERY_TIMEOUT_MS", 10_000, { min: 100, max: 600_000 }),
  };
}

/**
 * WORK_BUDGET_STATEMENTS, WORK_BUDGET_ROWS: what one request may cost an outcomes subgraph (SQL
 * statements run, rows read) before it is stopped with WORK_BUDGET_EXCEEDED (work-budget.ts).
 */
export function readWorkBudget(env: NodeJS.ProcessEnv): WorkBudgetSettings {
  return {
    statements: readInteger(env, "WORK_BUDGET_STATEMENTS", DEFAULT_WORK_BUDGET.statements, { min: 1, max: 1_000_000 }),
    rows: readInteger(env, "WORK_BUDGET_ROWS", DEFAULT_WORK_BUDGET.rows, { min: 1, max: 100_000_000 }),
  };
}
