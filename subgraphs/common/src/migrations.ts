/** Moved to database/migrate.ts; kept until the outcomes code (moving to subgraphs/outcomes) imports it from there. */
export { migrationsForDialect } from "./database/migrate";
