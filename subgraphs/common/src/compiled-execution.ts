import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { createRequire } from "node:module";
import type { GraphQLError, GraphQLSchema, OperationDefinitionNode } from "graphql";
import { LRUCache } from "lru-cache";

/**
 * graphql's CommonJS build, the one @apollo/subgraph (which builds the schema), Apollo Server and graphql-jit
 * use under Node. An ES import of "graphql" resolves to it under Node too (graphql names no "exports"), but
 * vitest gives this module the ES build, a second copy whose classes the others' `instanceof` refuses.
 */
const graphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>["gateway"];

/** distinct operations kept compiled: the gateway sends a subgraph a few dozen shapes of query; an unknown one is compiled again */
const COMPILED_OPERATIONS = 500;

/**
 * Execution by graphql-jit: each operation is compiled once into a function of its own (kept by its hash and
 * name), then run for each request with that request's variables and context. Apollo Server still parses,
 * validates, runs its plugins and formats errors as usual; only execution changes, through Apollo's
 * interface for an executor of its own (the one @apollo/gateway uses), which hands Apollo the schema too.
 *
 * Why: the outcomes subgraphs answer lists of tens of thousands of fields (every authority's comparisons).
 * graphql-js coerces arguments and builds a result object field by field for each of them; measured on the
 * national comparison, that was about two fifths of what the care subgraph allocated per request.
 *
 * One rule that graphql-js does not have: a field with no resolver is read as a plain property, so a
 * property whose value is a promise (a getter that loads) needs a resolver of its own in the schema.
 * One difference in answers: where several items of a list of non-null items fail, graphql-js lists the
 * first item's error and drops its siblings'; compiled, each is listed (the data, nulls included, is the same).
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery>({ max: COMPILED_OPERATIONS });
  return {
    onSchemaLoadOrUpdate(callback) {
      // a subgraph's schema never changes while it runs: given once, when Apollo Server starts. No supergraph SDL:
      // Apollo Server reads it only to report the schema to Apollo's cloud, which no server of this project does
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    async load() {
      return {
        executor: async (request) => {
          const key = `${request.queryHash}|${request.operationName ?? ""}`;
          let query = compiled.get(key);
          if (!query) {
            const result = compileQuery(schema, request.document, request.operationName ?? undefined);
            // a document Apollo validated compiles; what it cannot (e.g. no operation of that name) is answered with the reason
            if (!isCompiledQuery(result)) return { ...result, errors: result.errors?.map(withExtensions) };
            compiled.set(key, (query = result));
          }
          const result = await query.query(undefined, request.context, request.request.variables ?? {});
          if (!result.errors) return result;
          // no data: the variables were refused before anything ran
          const convert = result.data === undefined ? (e: GraphQLError) => variableError(e, request.operation) : withExtensions;
          return { ...result, errors: result.errors.map(convert) };
        },
      };
    },
    async stop() {},
  };
}

/**
 * A variable's error (a value of the wrong type, a missing one: the compiled query checks them before it runs)
 * as graphql-js gives it, with the variable's definition as its node: Apollo Server answers such an error as
 * the client's (400, BAD_USER_INPUT), by that node and the start of its message (`Variable "$n" got invalid value ...`),
 * which graphql-jit words as graphql-js does (the rest may differ: graphql-jit adds the expected type).
 */
function variableError(error: GraphQLError, operation: OperationDefinitionNode): GraphQLError {
  const definition = operation.variableDefinitions?.find((d) => error.message.startsWith(`Variable "$${d.variable.name.value}" `));
  return definition ? new graphql.GraphQLError(error.message, { nodes: [definition], originalError: error.originalError ?? undefined }) : withExtensions(error);
}

/**
 * graphql-jit leaves an error's extensions undefined when what was thrown had none (a database error, a bug),
 * where graphql-js gives {}; Apollo Server reads their code, so such an error becomes one of graphql-js's
 * (same message, path, places and original error), which formatError then masks as it masks any other.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const converted = new graphql.GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? error });
  (converted as { locations?: GraphQLError["locations"] }).locations = error.locations;
  return converted;
}
