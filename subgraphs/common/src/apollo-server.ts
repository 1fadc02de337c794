import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph";
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import { compiledExecution } from "./compiled-execution";
import { requestRecordPlugin, tracedResolvers } from "./observability";

/**
 * Errors reaching the gateway carry no stack traces, SQL or internal addresses:
 * anything not raised deliberately (with an extensions.code) becomes "internal error".
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code && code !== "INTERNAL_SERVER_ERROR") {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error(error);
  return { message: "Internal error", ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

/**
 * `resolvers` are the codegen-typed resolvers of the subgraph (structurally a GraphQLResolverMap).
 * `compiled`: operations are executed by graphql-jit (compiled-execution.ts), for subgraphs whose answers
 * are long lists; its rule then applies (a property whose value is a promise needs a resolver).
 */
export function buildSubgraphServer<TContext extends BaseContext>(typeDefs: DocumentNode, resolvers: object, { compiled = false } = {}) {
  // resolvers traced when a request is (observability.ts); called directly otherwise
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: tracedResolvers(resolvers) as GraphQLResolverMap<TContext> }]);
  return new ApolloServer<TContext>({
    ...(compiled ? { gateway: compiledExecution(schema) } : { schema }),
    formatError: maskError,
    includeStacktraceInErrorResponses: false,
    // subgraphs are called by the gateway; the landing page and CSRF guard are the gateway's concern
    csrfPrevention: false,
    // main.ts (runMain) owns shutdown (close HTTP, then the database); Apollo's own signal handler would race it
    stopOnTerminationSignals: false,
    // no Apollo usage reporting here: federated traces would cost every request for nothing.
    // No cache-control plugin either: nothing reads its hints (the gateway caches no responses), and
    // its per-field hook made Apollo wrap every resolver (measured: about a fifth of the outcome
    // subgraphs' execution time on the national comparison).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), requestRecordPlugin],
  });
}
