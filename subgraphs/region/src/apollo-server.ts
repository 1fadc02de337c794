import type { DocumentNode } from "graphql";
import { buildSubgraphServer } from "@tees/subgraph-common/apollo-server";
import type { RegionConfig } from "./config";
import type { RegionContext } from "./context";
import { buildResolvers } from "./resolvers";
import { planFieldNames, readRegionSdl } from "./schema";

/** Builds the registry's GraphQL server from its served SDL (read from config.schemaFile unless given). */
export function buildServer(
  config: Pick<RegionConfig, "planAuthorities" | "schemaFile">,
  typeDefs: DocumentNode = readRegionSdl(config.schemaFile, config.planAuthorities),
) {
  return buildSubgraphServer<RegionContext>(typeDefs, buildResolvers(config.planAuthorities, planFieldNames(typeDefs)));
}
