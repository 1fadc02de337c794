import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { DEFAULT_LIMITS, type GatewayConfig } from "./config";
import { identityPlugin } from "./identity";
import { clientSafeErrors } from "./errors";
import { graphiqlAssets, renderOfflineGraphiQL } from "./graphiql";
import { limitPlugins, subgraphRequestsEndWithTheirClient } from "./limits";
import { createRateLimit } from "./rate-limit";
import { subgraphGraphs, withSubgraphUrls } from "./supergraph";
import { sharedSubgraphQueries } from "./shared-fetches";
import { committedManifest, trustedDocumentsOption } from "./trusted-documents";
import type { Identity, SigningKey } from "@tees/subgraph-common/signed-identity";
import type { GatewayObservability } from "./observability";

type BuildConfig = Pick<GatewayConfig, "supergraphSdl" | "subgraphUrls" | "subgraphTimeoutMs" | "auth"> & Partial<Pick<GatewayConfig, "introspection" | "limits" | "rateLimit" | "trustedDocuments">>;

/**
 * The gateway: Hive Gateway on the Hive Router runtime (its query planner is
 * required: the default planner silently drops @interfaceObject fields on this
 * design). Builds the runtime only; index.ts listens. `introspection`, `limits` and `trustedDocuments` left
 * out mean what an unset environment means to loadConfig (introspection on, DEFAULT_LIMITS, the committed
 * manifest with arbitrary documents open to everyone); `rateLimit` left
 * out (or null) means none: loadConfig always sets it, tests and the benchmark build without it.
 */
export function buildGateway(config: BuildConfig, options: { logging?: boolean; observability?: GatewayObservability } = {}) {
  const introspection = config.introspection ?? true;
  const supergraph = withSubgraphUrls(config.supergraphSdl, config.subgraphUrls);
  // each subgraph's requests are signed with its own secret, for its own name (the audience it checks)
  const subgraphKeys = new Map<string, SigningKey>();
  for (const [graph, { name, url }] of subgraphGraphs(supergraph)) {
    const secret = config.auth.subgraphSecrets[graph];
    if (!secret) throw new Error(`SUBGRAPH_SECRET_${graph} is required`);
    subgraphKeys.set(url, { secret, audience: name });
  }
  // one limiter for the gateway's life (per process: each replica counts its own requests)
  const rateLimit = config.rateLimit ? createRateLimit(config.rateLimit) : null;
  // the identity each request's token established (identityPlugin), read by the trusted-documents decision
  const identities = new WeakMap<Request, Identity>();
  const trustedDocuments = config.trustedDocuments ?? { documents: committedManifest(), arbitrary: "everyone" as const };
  return createGatewayRuntime({
    supergraph,
    unifiedGraphHandler,
    // no `upstreamTimeout`: the subgraph timeout is subgraphRequestsEndWithTheirClient's (limits.ts), one timer per fetch
    // the transport's de-duplication copies every answer (structuredClone); sharedSubgraphQueries does it without (shared-fetches.ts)
    transportEntries: { "*": { options: { deduplicateInflightRequests: false } } },
    logging: options.logging ?? true,
    // GraphiQL cannot work without introspection; its files come from the gateway, not a CDN (graphiql.ts)
    graphiql: introspection ? { title: "Tees Partnership Graph", defaultQuery: FIRST_QUERY } : false,
    renderGraphiQL: renderOfflineGraphiQL,
    landingPage: false,
    ...(introspection ? {} : { disableIntrospection: {} }),
    // one operation per request: a batch would multiply every limit below by its length
    batching: false,
    // the typed client's operations by id (its manifest); who may send a document's text (GATEWAY_ARBITRARY_DOCUMENTS)
    persistedDocuments: trustedDocumentsOption(trustedDocuments, (request) => identities.get(request)),
    // the gateway's own unexpected errors become "Unexpected error.", with no details even when
    // NODE_ENV=development (GraphQL Yoga would attach the original: "connect ECONNREFUSED 127.0.0.1:4001");
    // subgraphs' errors: clientSafeErrors
    maskedErrors: { isDev: false },
    // metrics, traces and the request log first: they time and trace everything after them (observability.ts)
    plugins: (context) => [
      ...(options.observability?.plugins(context) ?? []),
      ...(introspection ? [graphiqlAssets()] : []),
      identityPlugin({ ...config.auth, subgraphKeys }, { rateLimit, identities }),
      ...limitPlugins(config.limits ?? DEFAULT_LIMITS),
      subgraphRequestsEndWithTheirClient(config.subgraphTimeoutMs),
      // after every other onFetch: a query that joins one in flight sends nothing of its own
      sharedSubgraphQueries(new Set(subgraphKeys.keys())),
      clientSafeErrors,
    ],
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
