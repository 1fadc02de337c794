import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { NonceStoreUnavailable, verifyRequest, type Identity } from "./signed-identity";
import { openNonceStore } from "./nonce-store";
import type { SubgraphAuth } from "./config";

export interface RunningServer {
  url: string;
  /** the service's name: what the gateway signs its requests for (the audience) */
  name: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** builds the per-request context (loaders live here) for the identity the gateway signed */
  context: (identity: Identity, request: RequestScope) => Promise<TContext> | TContext;
  /**
   * every /graphql request must carry the gateway's signature (signed-identity.ts), made for this
   * subgraph (`name` is the audience); nonces are remembered in `nonceStore` (default: this process)
   */
  signing: SubgraphAuth;
  /** readiness: can this service answer (e.g. its database responds)? */
  ready?: () => Promise<boolean>;
  /** what /health reports beside "ok": counters an operator or the soak benchmark reads (never secrets) */
  health?: () => Record<string, number>;
  port: number;
  host?: string;
  name: string;
  /** wraps the request listener: metrics, tracing and the request log (observability.ts) */
  wrap?: (listener: RequestListener) => RequestListener;
}

/** What the context learns of its HTTP request. */
export interface RequestScope {
  /** fires when the connection closes before the answer is sent: the gateway timed out or its client went away */
  signal: AbortSignal;
}

const MAX_BODY_BYTES = 1_000_000;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, status: number, message: string, code: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] }, headers);
}

/**
 * Serves an Apollo Server over node:http at /graphql, with /health (alive) and
 * /ready (dependencies answer). Port 0 picks a free port (tests). /graphql takes POST only
 * (405 otherwise: the signature covers the body, and a GET's operation would be in its unsigned URL).
 * A request without the gateway's valid signature for this subgraph is answered 401 before its
 * body is parsed: queries, mutations, `_service` and `_entities` alike; 503 when the nonce store
 * cannot tell whether it is a replay.
 */
export async function serve<TContext extends BaseContext>(options: ServeOptions<TContext>): Promise<RunningServer> {
  const { apollo } = options;
  const { nonceStore, ...verify } = options.signing;
  const signing = { ...verify, audience: options.name };
  const nonces = await openNonceStore(nonceStore ?? { kind: "memory" }, options.name, options.signing.maxSkewMs);
  try {
    await apollo.start();
  } catch (error) {
    await nonces.close();
    throw error;
  }
  const listener: RequestListener = async (request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    try {
      if (path === "/health") return sendJson(response, 200, { status: "ok", service: options.name, ...options.health?.() });
      if (path === "/ready") {
        const ok = (options.ready ? await options.ready().catch(() => false) : true) && (await nonces.ready());
        return sendJson(response, ok ? 200 : 503, { status: ok ? "ready" : "unavailable", service: options.name });
      }
      if (path !== "/graphql") return sendJson(response, 404, { error: "not found" });
      if (request.method !== "POST") return refuse(response, 405, "only POST is accepted on /graphql", "METHOD_NOT_ALLOWED", { allow: "POST" });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      const raw = await readBody(request);
      let verified;
      try {
        verified = await verifyRequest((name) => headers.get(name), "POST", raw, signing, nonces);
      } catch (error) {
        if (!(error instanceof NonceStoreUnavailable)) throw error;
        // fail closed: a request that may be a replay is not served (the store logs when it goes down and comes back)
        return refuse(response, 503, `service unavailable: ${error.message}`, "SERVICE_UNAVAILABLE", { "retry-after": "1" });
      }
      if (!verified.ok) return refuse(response, 401, `unauthenticated: ${verified.reason}`, "UNAUTHENTICATED");
      let body: unknown = raw;
      if (raw && headers.get("content-type")?.includes("application/json")) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(response, 400, { errors: [{ message: "request body is not valid JSON" }] });
        }
      }
      // the caller left before the answer: the work for it stops (work-budget.ts). A caller that aborts
      // closes its side of the socket: Node ends the request ('end' on the socket) but keeps the socket
      // open for the pending answer, so the response's own 'close' would come only once the work is done.
      const abandoned = new AbortController();
      const socket = request.socket;
      const gone = () => {
        if (!response.writableFinished) abandoned.abort();
      };
      socket.once("end", gone);
      socket.once("close", gone);
      response.once("close", () => {
        gone();
        socket.off("end", gone);
        socket.off("close", gone);
      });
      const result = await apollo.executeHTTPGraphQLRequest({
        // the operation comes from the signed body only: the URL's query string is not passed on
        httpGraphQLRequest: { method: "POST", headers, search: "", body },
        context: async () => options.context(verified.identity, { signal: abandoned.signal }),
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === "complete") {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: "internal server error" }] });
      else response.end();
      console.error(`[${options.name}]`, error);
    }
  };
  const server: Server = createServer(options.wrap ? options.wrap(listener) : listener);
  // the gateway keeps connections alive; make sure idle ones outlive its pool's idle timeout
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
    });
  } catch (error) {
    await apollo.stop();
    await nonces.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}/graphql`,
    name: options.name,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
      await nonces.close();
    },
  };
}
