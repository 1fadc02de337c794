import { buildSubgraphServer } from "@tees/subgraph-common/apollo-server";
import type { PlanContext } from "./context";
import { buildResolvers } from "./resolvers";
import { buildTypeDefs } from "./schema";

/** Builds one deployment's GraphQL server for its authority type; no I/O. */
export function buildServer(typeName: string) {
  return buildSubgraphServer<PlanContext>(buildTypeDefs(typeName), buildResolvers(typeName));
}
