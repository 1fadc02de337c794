import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { GraphQLError } from "graphql";

/** all a subgraph's error may carry to a client; the rest (stacktrace, exception, SQL a subgraph attached) is dropped */
const SUBGRAPH_EXTENSIONS = new Set(["code", "serviceName"]);
/** codes that mean "not raised deliberately": the message may be anything the subgraph's code or driver said */
const UNDELIBERATE = new Set([undefined, "INTERNAL_SERVER_ERROR", "DOWNSTREAM_SERVICE_ERROR"]);
/** never for a client, whoever attached them */
const INTERNALS = ["stacktrace", "exception"];
/** "Did you mean ...?" would describe the schema even with introspection off */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

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
      writable.message = writable.message.replace(SUGGESTION, "");
    }
  },
};
