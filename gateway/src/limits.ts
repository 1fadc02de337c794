import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { GraphQLError, type ValidationContext } from "graphql";
import type { OperationLimits } from "./config";

/** extensions.code of every limit rejection, so a client can tell "ask for less" from a bad query */
export const LIMIT_EXCEEDED = "OPERATION_LIMIT_EXCEEDED";
export const REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE";

/**
 * Armor's own message ("Syntax Error: Query depth limit of 10 exceeded, found 12.") without the
 * misleading prefix, naming the setting; `spec: false` keeps it a 400 even for a client that
 * accepts only application/json (where GraphQL-over-HTTP lets validation errors be 200).
 */
function limitError(armorError: GraphQLError, setting: string): GraphQLError {
  const message = armorError.message.replace(/^Syntax Error:\s*/, "").replace(/\.$/, "");
  return new GraphQLError(`${message} (${setting})`, { extensions: { code: LIMIT_EXCEEDED, http: { status: 400, spec: false } } });
}

/** reported as a validation error (validation runs before any planning or subgraph call) */
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
 * the runtime used here), a cap on the request body, and no "Did you mean ...?" in any error.
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
    costLimitPlugin({ maxCost: limits.cost, flattenFragments: true, ...reportAs("GATEWAY_MAX_COST") }),
    limitsStayBadRequest,
    hideSuggestions,
  ];
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

function bodyTooLarge(maxBytes: number): GraphQLError {
  return new GraphQLError(`request body larger than ${maxBytes} bytes (GATEWAY_MAX_BODY_BYTES)`, {
    extensions: { code: REQUEST_TOO_LARGE, http: { status: 413 } },
  });
}

/**
 * Refuses a body over `maxBytes`: at once by its Content-Length, or while it streams in when it
 * has none (chunked). The runtime's own cap (GraphQL Yoga's 25 MB) is not configurable through
 * Hive Gateway's options.
 */
function requestBodyLimit(maxBytes: number): GatewayPlugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get("content-length");
      if (length !== null && /^\d+$/.test(length) && Number(length) > maxBytes) throw bodyTooLarge(maxBytes);
      if (!requestParser || !request.body) return;
      setRequestParser((incoming) => {
        const body = incoming.body;
        if (!body) return requestParser(incoming);
        // the stream and the TransformStream must come from the same implementation (native or ponyfill)
        const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
        let seen = 0;
        const capped = body.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              seen += chunk.byteLength;
              if (seen > maxBytes) controller.error(bodyTooLarge(maxBytes));
              else controller.enqueue(chunk);
            },
          }),
        );
        const init: RequestInit & { duplex: "half" } = { method: incoming.method, headers: incoming.headers, signal: incoming.signal, body: capped, duplex: "half" };
        return requestParser(new fetchAPI.Request(incoming.url, init));
      });
    },
  };
}

/**
 * "Did you mean ...?" would describe the schema even with introspection off. Armor's
 * block-field-suggestions only rewrites validation errors' `Did you mean "x"`, which lets enum
 * values through ("Did you mean the enum value ...?") and misses variable errors, raised later;
 * so every error's message is cleaned just before the response is written.
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;
const hideSuggestions: GatewayPlugin = {
  onResultProcess({ result }) {
    if (Array.isArray(result) || !("errors" in result) || !result.errors) return;
    for (const error of result.errors) {
      const cleaned = error.message.replace(SUGGESTION, "");
      if (cleaned !== error.message) (error as { message: string }).message = cleaned;
    }
  },
};
