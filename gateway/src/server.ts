import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import type { GatewayConfig } from "./config";
import { withSubgraphUrls } from "./supergraph";

/**
 * The gateway: Hive Gateway on the Hive Router runtime (its query planner is
 * required: the default planner silently drops @interfaceObject fields on this
 * design). Builds the runtime only; index.ts listens.
 */
export function buildGateway(config: Pick<GatewayConfig, "supergraphSdl" | "subgraphUrls" | "subgraphTimeoutMs">, options: { logging?: boolean } = {}) {
  return createGatewayRuntime({
    supergraph: withSubgraphUrls(config.supergraphSdl, config.subgraphUrls),
    unifiedGraphHandler,
    upstreamTimeout: config.subgraphTimeoutMs,
    logging: options.logging ?? true,
    graphiql: { title: "Tees Partnership Graph", defaultQuery: FIRST_QUERY },
    landingPage: false,
  });
}

export const FIRST_QUERY = `# Every Tees Valley authority's priorities, who leads their actions,
# and published outcome figures, in one query.
query TeesValley {
  authorities(region: "E12000001") {
    code
    name
    hasPlanSubgraph
    priorities(theme: "early-years") {
      title
      plan { title period { label } }
      actions { title leadGroups { name canonicalName } }
    }
    education {
      measures(codes: ["FSP_NEW_GOODDEV"]) {
        measure { name polarity }
        latest { value period { label } }
      }
    }
    care {
      measures(codes: ["LAC"]) {
        measure { name }
        latest { value period { label } }
      }
    }
  }
}
`;
