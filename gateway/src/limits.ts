import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { ServerResponse } from "node:http";
import type { DocumentNode, GraphQLError, GraphQLSchema, ValidationContext } from "graphql";
import { LRUCache } from "lru-cache";
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
  /**
   * Costs already computed, per schema and parsed document (the runtime's parse cache hands the same
   * document object to every request with the same text), by operation name and variables: the cost
   * is a function of those alone, and walking the document was ~3% of the gateway's CPU per request.
   * A refusal by a variable is remembered as its message. Each document keeps its last 64
   * (variables up to 1,000 characters).
   */
  const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, LRUCache<string, number | { refused: string }>>>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number | { refused: string } => {
    let bySchema = costs.get(schema);
    if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
    let byDocument = bySchema.get(document);
    if (!byDocument) bySchema.set(document, (byDocument = new LRUCache({ max: 64 })));
    const key = `${operationName ?? ""}\n${JSON.stringify(variables)}`;
    const known = byDocument.get(key);
    if (known !== undefined) return known;
    let plans = planAuthorities.get(schema);
    if (plans === undefined) planAuthorities.set(schema, (plans = planAuthorityCount(schema)));
    let cost: number | { refused: string };
    try {
      cost = operationCost({ sizes, planAuthorities: plans }, schema, document, variables, operationName);
    } catch (error) {
      // a variable execution would refuse too; graphql-js words it
      cost = { refused: error instanceof Error ? error.message : String(error) };
    }
    // long variables are not kept (memory: 64 entries of up to a request body each, per document)
    if (key.length <= 1_000) byDocument.set(key, cost);
    return cost;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = costOf(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName ?? undefined);
      if (typeof cost !== "number") {
        // the operation is not run
        setResultAndStopExecution({ errors: [new GraphQLError(cost.refused, { extensions: { code: "BAD_USER_INPUT", http: { status: 400, spec: false } } })] });
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

/** extensions.code of a subgraph request that ran past SUBGRAPH_TIMEOUT_MS (the runtime's own upstreamTimeout used it too) */
export const GATEWAY_TIMEOUT = "GATEWAY_TIMEOUT";

/**
 * A subgraph request ends when the gateway stops waiting for it: its client went away, or
 * SUBGRAPH_TIMEOUT_MS passed (an error with code GATEWAY_TIMEOUT); the subgraph then sees its
 * connection end and stops working on it (subgraphs/common/src/work-budget.ts). The fetch
 * (@whatwg-node/node-fetch over node:http) closes its socket when its signal aborts.
 *
 * This is the gateway's only timer and abort path per subgraph fetch. Hive Gateway's own
 * `upstreamTimeout` is not used: per subgraph call it made an AbortSignal.timeout, a Promise.race and
 * an `abortSignalAny` (@graphql-hive/signal) over the executor's long-lived signal, whose listener on
 * that signal stays until the collector finalises the derived one; those listeners piled up under load
 * (the MaxListenersExceededWarning, and CPU in addEventListener, which walks the list). Its
 * `upstreamCancellation` is not used either: it ties the client to the fetch through the same
 * WeakRef-held chain, and a client that left reached the subgraph in one run of
 * test/gateway-limits.test.ts and not in another (likely a link collected as garbage).
 *
 * So each fetch gets a controller of its own, held strongly by its timer and by the sets below until
 * it settles. A longer-lived signal (the client's Node response, the executor's disposal signal, the
 * request's signal when the gateway is called in process) gets ONE listener, the first time it is
 * seen, which aborts every fetch still registered with it; so listeners never pile up. The timer is
 * cleared when the client's answer is written (its response's 'close') or the fetch fails: it covers
 * reading the subgraph's body too, as the runtime's did (in process, with no Node response: when the
 * subgraph's headers arrive). The fetch's rejection carries the reason (a GraphQLError for the
 * timeout), so the client reads "timed out" and GATEWAY_TIMEOUT, not the transport's "The operation
 * was aborted" (a subgraph that sends its headers and then stalls its body is still cut off at the
 * timeout, but its error reads as the transport words it).
 */
export function subgraphRequestsEndWithTheirClient(timeoutMs: number): GatewayPlugin {
  const { GraphQLError } = runtimeGraphql;
  const timedOut = () =>
    new GraphQLError(`subgraph request timed out after ${timeoutMs} ms (SUBGRAPH_TIMEOUT_MS)`, { extensions: { code: GATEWAY_TIMEOUT, http: { status: 504 } } });
  const clientLeft = () => new DOMException("the client went away", "AbortError");
  const timers = new WeakMap<AbortController, ReturnType<typeof setTimeout>>();
  const stop = (controller: AbortController, reason: unknown) => {
    clearTimeout(timers.get(controller));
    if (!controller.signal.aborted) controller.abort(reason);
  };
  /** the signals' sets a fetch is in (a long-lived signal's set lives as long as the gateway) */
  const following = new WeakMap<AbortController, Array<Set<AbortController>>>();
  /**
   * A fetch is done with: its timer cleared, and out of every signal's set. Not only when its own fetch
   * settles: a query that joined another in flight (shared-fetches.ts) never calls its fetch, and it
   * stayed in the executor's set for the gateway's life (the soak's gateway grew 73 -> 94 MB in 5 minutes).
   */
  const release = (controller: AbortController) => {
    clearTimeout(timers.get(controller));
    for (const running of following.get(controller) ?? []) running.delete(controller);
    following.delete(controller);
  };

  /** the client's Node response → its fetches still running; one 'close' listener each */
  const byResponse = new WeakMap<ServerResponse, Set<AbortController>>();
  const followResponse = (response: ServerResponse): Set<AbortController> => {
    let running = byResponse.get(response);
    if (running) return running;
    const made = (running = new Set());
    byResponse.set(response, made);
    response.once("close", () => {
      const left = !response.writableFinished;
      for (const controller of made) {
        if (left) stop(controller, clientLeft());
        release(controller);
      }
      made.clear();
    });
    return made;
  };
  /** a signal (the executor's, or the request's in process) → the fetches it should abort; one listener each */
  const bySignal = new WeakMap<AbortSignal, Set<AbortController>>();
  const followSignal = (signal: AbortSignal): Set<AbortController> => {
    let running = bySignal.get(signal);
    if (running) return running;
    const made = (running = new Set());
    bySignal.set(signal, made);
    signal.addEventListener("abort", () => {
      for (const controller of made) stop(controller, signal.reason);
      made.clear();
    }, { once: true });
    return made;
  };

  return {
    onFetch({ options, setOptions, context, fetchFn, setFetchFn }) {
      const controller = new AbortController();
      timers.set(controller, setTimeout(() => controller.abort(timedOut()), timeoutMs));
      const client = context as { res?: ServerResponse; request?: Request } | undefined;
      const response = client?.res && typeof client.res.once === "function" ? client.res : null;
      // every set this fetch is in, left when it settles or its client's answer is written (the response's set: then)
      const registered: Array<Set<AbortController>> = [];
      following.set(controller, registered);
      const follow = (running: Set<AbortController>, aborted: boolean, reason: unknown) => {
        if (aborted) stop(controller, reason);
        running.add(controller);
        registered.push(running);
      };
      if (response) {
        if (response.destroyed && !response.writableFinished) stop(controller, clientLeft());
        followResponse(response).add(controller);
      } else if (client?.request?.signal) {
        const signal = client.request.signal;
        follow(followSignal(signal), signal.aborted, signal.reason);
      }
      const own = options.signal;
      if (own) follow(followSignal(own), own.aborted, own.reason);
      setOptions({ ...options, signal: controller.signal });
      const settled = () => {
        for (const running of registered) running.delete(controller);
      };
      // the transport rejects with its own AbortError: the client should read why the gateway stopped
      setFetchFn((url, init, ...rest) =>
        Promise.resolve(fetchFn(url, init, ...rest)).then(
          (result) => {
            settled();
            return result;
          },
          (error: unknown) => {
            release(controller);
            throw controller.signal.aborted ? controller.signal.reason : error;
          },
        ),
      );
      // in process (no Node response to wait for): the fetch is done with when the subgraph's headers
      // arrive, or the answer it joined (the runtime calls this whichever fetch ran)
      // (and when the client had gone before this fetch began: its response's 'close' has been and gone)
      if (!response || response.closed) return () => release(controller);
      return undefined;
    },
  };
}
