import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { GraphQLError } from "graphql";

/** all a subgraph's error may carry to a client; the rest (stacktrace, exception, SQL a subgraph attached) is dropped */
const SUBGRAPH_EXTENSIONS = new Set(["code", "serviceName"]);
/** codes that mean "not raised deliberately": the message may be anything the subgraph's code or driver said */
const UNDELIBERATE = new Set([undefined, "INTERNAL_SERVER_ERROR", "DOWNSTREAM_SERVICE_ERROR"]);
/** never for a client, whoever attached them */
const INTERNALS = ["stacktrace", "exception"];
/** "Did you mean ...?" would describe the schema even with introspection off */
const SUGGESTION = "Did you mean ";
/**
 * Longest error message a client gets. graphql-js copies a client's invalid value into the message
 * (`Variable "$v" got invalid value "<the whole value>"`), so a message is as long as the client
 * likes; the longest deliberate one (a limit, a BAD_USER_INPUT naming its field) is ~200 characters.
 */
export const MAX_ERROR_MESSAGE = 1000;
const TRUNCATED = "… (truncated)";

const isSpace = (char: string) => /\s/.test(char);

/**
 * Removes every "Did you mean …?" (with the whitespace before it), in one pass: each character is
 * looked at a bounded number of times, whatever the message holds. (The regular expression it
 * replaces, /\s*Did you mean [^?]*\?/g, was quadratic on a run of whitespace: 64,000 spaces in a
 * variable froze the gateway for ~4 s.) A suggestion cut short by truncation, with no "?", is
 * removed to the end.
 */
export function withoutSuggestions(message: string): string {
  let kept = "";
  let from = 0;
  for (let start = message.indexOf(SUGGESTION); start >= 0; start = message.indexOf(SUGGESTION, from)) {
    let cut = start;
    while (cut > from && isSpace(message[cut - 1]!)) cut--;
    kept += message.slice(from, cut);
    const end = message.indexOf("?", start + SUGGESTION.length);
    from = end < 0 ? message.length : end + 1;
  }
  return kept + message.slice(from);
}

/** What a client may read of an error message: bounded first, then without suggestions. */
export function clientMessage(message: string): string {
  const bounded = message.length > MAX_ERROR_MESSAGE ? message.slice(0, MAX_ERROR_MESSAGE) + TRUNCATED : message;
  return withoutSuggestions(bounded);
}

/**
 * The last word on every error a client sees. Hive Gateway passes subgraph errors on verbatim
 * (message and extensions, plus `serviceName`); the subgraphs mask their own, and this masks
 * again at the edge, so one subgraph that forgets cannot leak a stack trace, SQL or an address.
 * A subgraph's coded error (BAD_USER_INPUT, DATABASE_BUSY, ...) keeps its message: it was
 * written for the client. The gateway's own errors keep GraphQL Yoga's `http`/`unexpected`
 * (read to pick the status, never written out).
 * Armor's block-field-suggestions is not used: it rewrites only validation errors' `Did you mean
 * "x"`, letting enum values ("Did you mean the enum value ...?") and variable errors through.
 * Errors are changed in place: the runtime recognises its own GraphQLError objects only.
 */
export const clientSafeErrors: GatewayPlugin = {
  onResultProcess({ result }) {
    if (Array.isArray(result) || !("errors" in result) || !result.errors) return;
    for (const error of result.errors as GraphQLError[]) {
      const writable = error as { message: string };
      // bounded before anything else looks at it
      writable.message = clientMessage(writable.message);
      const extensions = error.extensions as Record<string, unknown> | undefined;
      if (extensions && "serviceName" in extensions) {
        for (const key of Object.keys(extensions)) if (!SUBGRAPH_EXTENSIONS.has(key)) delete extensions[key];
        if (UNDELIBERATE.has(extensions.code as string | undefined)) {
          writable.message = "Internal error";
          extensions.code = "INTERNAL_SERVER_ERROR";
        }
      } else if (extensions) {
        for (const key of INTERNALS) delete extensions[key];
      }
    }
  },
};
