/** Moved to config.ts; kept until the outcomes code (moving to subgraphs/outcomes) imports config.ts. */
export { readDatabaseSettings, readWorkBudget, type DatabaseSettings } from "./config";
