/**
 * De-duplication of identical in-flight subgraph queries, without copying answers nobody shares.
 *
 * The HTTP transport's own de-duplication (`deduplicateInflightRequests`, on by default) deep-copies
 * every subgraph answer with structuredClone, whether another request shared it or not: on the
 * national comparison (two answers of 100–200 KB each) that copy was the largest single item of the
 * gateway's CPU profile after the query plan's own projection. So the transport's is turned off
 * (server.ts, `transportEntries`) and this plugin does the same job:
 *
 * - queries to the same subgraph URL, for the same identity (the verified token's, identity.ts), with
 *   the same body, in flight at the same time, share one HTTP request; mutations never do;
 * - when the subgraph's response arrives and no other request joined, it goes to its request as it
 *   came (no copy); when others joined, its text is read once and each request gets a Response of its
 *   own over that text (each parses its own answer, so none can change another's);
 * - a request arriving after the response has arrived starts a new one: nothing is cached.
 *
 * Its fetch wraps the others (it is the last plugin with onFetch), so a request that joins another
 * sends nothing of its own: it waits for the first one's answer, and with it for that request's
 * timeout and cancellation (limits.ts), as the transport's de-duplication did.
 */
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { getOperationAST } from "graphql";
import type { Identity } from "@tees/subgraph-common/signed-identity";
import { encoded } from "./identity";

type Shared =
  | { alone: Response }
  | { text: string; init: ResponseInit };

interface InFlight {
  /** requests waiting for this answer, the first included */
  waiting: number;
  answer: Promise<Shared>;
}

export function sharedSubgraphQueries(subgraphUrls: ReadonlySet<string>): GatewayPlugin<{ identity: Identity }> {
  const inFlight = new Map<string, InFlight>();
  return {
    onFetch({ url, options, context, executionRequest, fetchFn, setFetchFn }) {
      if (!subgraphUrls.has(url) || !executionRequest || typeof options.body !== "string") return;
      const kind = executionRequest.operationType ?? getOperationAST(executionRequest.document, executionRequest.operationName)?.operation;
      if (kind !== "query") return;
      const identity = "identity" in context ? context.identity : undefined;
      if (!identity) return;
      const key = `${url}\n${encoded(identity)}\n${options.body}`;
      setFetchFn(async (fetchUrl, init, ...rest) => {
        let flight = inFlight.get(key);
        if (flight) {
          flight.waiting += 1;
        } else {
          const started: InFlight = {
            waiting: 1,
            answer: Promise.resolve(fetchFn(fetchUrl, init, ...rest)).then(
              async (response): Promise<Shared> => {
                // from here on a new request sends its own
                inFlight.delete(key);
                if (started.waiting === 1) return { alone: response };
                const headers: Array<[string, string]> = [];
                response.headers.forEach((value, name) => headers.push([name, value]));
                return { text: await response.text(), init: { status: response.status, statusText: response.statusText, headers } };
              },
              (error: unknown) => {
                inFlight.delete(key);
                throw error;
              },
            ),
          };
          inFlight.set(key, started);
          flight = started;
        }
        const shared = await flight.answer;
        return "alone" in shared ? shared.alone : new Response(shared.text, shared.init);
      });
    },
  };
}
