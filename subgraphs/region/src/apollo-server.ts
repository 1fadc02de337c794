import { buildSubgraphServer } from "@tees/subgraph-common/apollo-server";
import type { RegionConfig } from "./config";
import type { RegionContext } from "./context";
import { buildResolvers } from "./resolvers";
import { buildTypeDefs } from "./schema";

/** Builds the registry's GraphQL server; no I/O. */
export function buildServer(config: Pick<RegionConfig, "planAuthorities">) {
  return buildSubgraphServer<RegionContext>(buildTypeDefs(config.planAuthorities), buildResolvers(config.planAuthorities));
}
