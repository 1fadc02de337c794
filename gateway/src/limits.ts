import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { GraphQLError, ValidationContext } from "graphql";
import type { OperationLimits } from "./config";
import { LIST_SIZES, operationCost, readPlanAuthorityCount, runtimeGraphql, type CostModel } from "./cost";

/** extensions.code of every limit rejection, so a client can tell "ask for less" from a bad query */
export const LIMIT_EXCEEDED = "OPERATION_LIMIT_EXCEEDED";
export const REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE";

/**
 * Armor's own message ("Syntax Error: Query depth limit of 10 exceeded, found 12.") without the
 * misleading prefix, naming the setting; `spec: false` keeps it a 400 even for a client that
 * accepts only application/json (where GraphQL-over-HTTP lets validation errors be 200).
 * Built with Armor's own GraphQLError class: where two copies of graphql-js are loaded (ESM and
 * CJS, as under vitest), the runtime recognises only its own and would mask a thrown foreign one
 * as "Unexpected error" (500).
 */
function limitError(armorError: GraphQLError, setting: string): GraphQLError {
  const RuntimeGraphQLError = armorError.constructor as typeof GraphQLError;
  const message = armorError.message.replace(/^Syntax Error:\s*/, "").replace(/\.$/, "");
  return new RuntimeGraphQLError(`${message} (${setting})`, { extensions: { code: LIMIT_EXCEEDED, http: { status: 400, spec: false } } });
}

/**
 * Reported as a validation error (validation runs before any planning or subgraph call); the token
 * limit, counted while parsing, has no validation context and is thrown as the parse error.
 */
function reportAs(setting: string) {
  return {
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => {
      if (!context) throw limitError(error, setting);
      context.reportError(limitError(error, setting));
    }],
  };
}

/**
 * GraphQL Armor's limits (Hive Gateway's built-in `maxDepth` etc. belong to the CLI package, not
 * the runtime used here) and a cap on the request body.
 */
export function limitPlugins(limits: OperationLimits): GatewayPlugin[] {
  return [
    requestBodyLimit(limits.bodyBytes),
    // the parser stops at the limit, so an oversized document costs no more than a legal one
    maxTokensPlugin({ n: limits.tokens, ...reportAs("GATEWAY_MAX_TOKENS") }),
    // fragments flattened: a fragment is a client's way to share a selection, not a level
    maxDepthPlugin({ n: limits.depth, flattenFragments: true, ...reportAs("GATEWAY_MAX_DEPTH") }),
    maxAliasesPlugin({ n: limits.aliases, ...reportAs("GATEWAY_MAX_ALIASES") }),
    maxDirectivesPlugin({ n: limits.directives, ...reportAs("GATEWAY_MAX_DIRECTIVES") }),
    costLimit(limits.cost, { sizes: LIST_SIZES, planAuthorities: readPlanAuthorityCount() }),
    limitsStayBadRequest,
  ];
}

/**
 * The operation's cost with list lengths (cost.ts), checked when execution starts: the variables
 * are known then (`authorities(codes: $codes)` costs by the length of $codes), and no subgraph has
 * been called. Over the limit: a 400 naming GATEWAY_MAX_COST, the operation not run.
 */
function costLimit(maxCost: number, model: CostModel): GatewayPlugin {
  // the runtime's own class (see limitError)
  const { GraphQLError } = runtimeGraphql;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost: number;
      try {
        cost = operationCost(model, args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName ?? undefined);
      } catch (error) {
        // a variable execution would refuse too; graphql-js words it, the operation is not run
        const message = error instanceof Error ? error.message : String(error);
        setResultAndStopExecution({ errors: [new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400, spec: false } } })] });
        return;
      }
      if (cost <= maxCost) return;
      setResultAndStopExecution({
        errors: [new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${cost} (GATEWAY_MAX_COST)`, { extensions: { code: LIMIT_EXCEEDED, http: { status: 400, spec: false } } })],
      });
    },
  };
}

/**
 * GraphQL Yoga marks every parse error `spec` (a 200 for a client accepting only application/json),
 * which would turn the token limit into a 200; a limit rejection is a 400 whatever the client accepts.
 */
const limitsStayBadRequest: GatewayPlugin = {
  onResultProcess({ result }) {
    if (Array.isArray(result) || !("errors" in result) || !result.errors) return;
    for (const error of result.errors) {
      const http = error.extensions?.http as { spec?: boolean } | undefined;
      if (error.extensions?.code === LIMIT_EXCEEDED && http) http.spec = false;
    }
  },
};

/**
 * Refuses a body over `maxBytes` with a 413: at once by its Content-Length (Node holds a body to
 * that), or while reading it when it has none (chunked). The runtime's own cap (GraphQL Yoga's
 * 25 MB) cannot be set through Hive Gateway's options.
 */
function requestBodyLimit(maxBytes: number): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      const tooLarge = () =>
        new fetchAPI.Response(JSON.stringify({ errors: [{ message: `request body larger than ${maxBytes} bytes (GATEWAY_MAX_BODY_BYTES)`, extensions: { code: REQUEST_TOO_LARGE } }] }), {
          status: 413,
          headers: { "content-type": "application/json; charset=utf-8" },
        });
      const length = request.headers.get("content-length");
      if (length !== null) {
        if (/^\d+$/.test(length) && Number(length) > maxBytes) endResponse(tooLarge());
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser(async (incoming) => {
        if (!incoming.body) return requestParser(incoming);
        const reader = incoming.body.getReader();
        const chunks: Uint8Array[] = [];
        let size = 0;
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          size += chunk.value.byteLength;
          if (size > maxBytes) {
            await reader.cancel();
            return tooLarge();
          }
          chunks.push(chunk.value);
        }
        return requestParser(new fetchAPI.Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: Buffer.concat(chunks) }));
      });
    },
  };
}

