/** Moved to apollo-server.ts; kept until the outcomes code (moving to subgraphs/outcomes) imports it from there. */
export { buildSubgraphServer, maskError } from "./apollo-server";
