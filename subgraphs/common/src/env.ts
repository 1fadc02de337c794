/** Moved to config.ts; kept until the outcomes code (moving to subgraphs/outcomes) imports config.ts. */
export { ConfigError, optionalString, readInteger, readPort, requireString } from "./config";
