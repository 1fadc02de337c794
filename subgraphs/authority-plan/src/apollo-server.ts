import type { DocumentNode } from "graphql";
import { buildSubgraphServer } from "@tees/subgraph-common/apollo-server";
import type { PlanContext } from "./context";
import { buildResolvers } from "./resolvers";

/** Builds one deployment's GraphQL server from its served SDL, for its authority type; no I/O. */
export function buildServer(typeDefs: DocumentNode, typeName: string) {
  return buildSubgraphServer<PlanContext>(typeDefs, buildResolvers(typeName));
}
