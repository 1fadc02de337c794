import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { GraphQLError, GraphQLSchema, ValidationContext } from "graphql";
import type { OperationLimits } from "./config";
import { LIST_SIZES, operationCost, planAuthorityCount, runtimeGraphql, type ListSizes } from "./cost";

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
    costLimit(limits.cost, LIST_SIZES),
    limitsStayBadRequest,
  ];
}

/**
 * The operation's cost with list lengths (cost.ts), checked when execution starts: the variables
 * are known then (`authorities(codes: $codes)` costs by the length of $codes), and no subgraph has
 * been called. Over the limit: a 400 naming GATEWAY_MAX_COST, the operation not run.
 */
function costLimit(maxCost: number, sizes: ListSizes): GatewayPlugin {
  // the runtime's own class (see limitError)
  const { GraphQLError } = runtimeGraphql;
  // the plan authorities of the schema served (counted once per schema: a new supergraph is a new schema)
  const planAuthorities = new WeakMap<GraphQLSchema, number>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let cost: number;
      let plans = planAuthorities.get(args.schema);
      if (plans === undefined) planAuthorities.set(args.schema, (plans = planAuthorityCount(args.schema)));
      const model = { sizes, planAuthorities: plans };
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

/**
 * A subgraph request ends when the gateway stops waiting for it: its client went away, or
 * SUBGRAPH_TIMEOUT_MS passed; the subgraph then sees its connection end and stops working on it
 * (subgraphs/common/src/work-budget.ts). The fetch (@whatwg-node/node-fetch over node:http) does close
 * its socket when its signal aborts; what did not hold was the way there. Hive Gateway ties the client
 * to the fetch only with `upstreamCancellation` (off by default), through several `abortSignalAny`
 * (@graphql-hive/signal), each holding the controller it makes only through a WeakRef: with it on, a
 * client that left reached the subgraph in one run of test/gateway-limits.test.ts and not in another
 * (likely a link of that chain collected as garbage: the heavy query makes the collector run; not
 * proven further). So each fetch gets a controller of its
 * own here, held strongly: by a listener on the client's connection (the Node response's 'close'
 * before it finished) and on the request's signal, and by a timer of SUBGRAPH_TIMEOUT_MS, cleared when
 * the subgraph answers.
 */
export function subgraphRequestsEndWithTheirClient(timeoutMs: number): GatewayPlugin {
  return {
    onFetch({ options, setOptions, context }) {
      const controller = new AbortController();
      const stop = (reason: unknown) => {
        clearTimeout(timer);
        if (!controller.signal.aborted) controller.abort(reason);
      };
      const timer = setTimeout(() => stop(new DOMException(`subgraph request timed out after ${timeoutMs} ms (SUBGRAPH_TIMEOUT_MS)`, "TimeoutError")), timeoutMs);
      const client = context as { res?: import("node:http").ServerResponse; request?: Request } | undefined;
      // removed again when the subgraph answers: a request making many fetches would pile them up
      const cleanups: Array<() => void> = [];
      const response = client?.res;
      if (response && typeof response.once === "function") {
        const left = () => {
          if (!response.writableFinished) stop(new DOMException("the client went away", "AbortError"));
        };
        if (response.destroyed) left();
        else {
          response.once("close", left);
          cleanups.push(() => response.off("close", left));
        }
      }
      for (const source of [client?.request?.signal, options.signal]) {
        if (!source) continue;
        const aborted = () => stop(source.reason);
        if (source.aborted) aborted();
        else {
          source.addEventListener("abort", aborted, { once: true });
          cleanups.push(() => source.removeEventListener("abort", aborted));
        }
      }
      setOptions({ ...options, signal: controller.signal });
      return () => {
        clearTimeout(timer);
        for (const cleanup of cleanups) cleanup();
      };
    },
  };
}
