import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { NonceMemory, verifyRequest, type Identity, type VerifyOptions } from "./signed-identity";

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** builds the per-request context (loaders live here) for the identity the gateway signed */
  context: (identity: Identity) => Promise<TContext> | TContext;
  /** every /graphql request must carry the gateway's signature (signed-identity.ts) */
  signing: Omit<VerifyOptions, "now">;
  /** readiness: can this service answer (e.g. its database responds)? */
  ready?: () => Promise<boolean>;
  /** what /health reports beside "ok": counters an operator or the soak benchmark reads (never secrets) */
  health?: () => Record<string, number>;
  port: number;
  host?: string;
  name: string;
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

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/**
 * Serves an Apollo Server over node:http at /graphql, with /health (alive) and
 * /ready (dependencies answer). Port 0 picks a free port (tests). A /graphql request
 * without the gateway's valid signature is answered 401 before its body is parsed:
 * queries, mutations, `_service` and `_entities` alike.
 */
export async function serve<TContext extends BaseContext>(options: ServeOptions<TContext>): Promise<RunningServer> {
  const { apollo } = options;
  const nonces = new NonceMemory(options.signing.maxSkewMs);
  await apollo.start();
  const server: Server = createServer(async (request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    try {
      if (path === "/health") return sendJson(response, 200, { status: "ok", service: options.name, ...options.health?.() });
      if (path === "/ready") {
        const ok = options.ready ? await options.ready().catch(() => false) : true;
        return sendJson(response, ok ? 200 : 503, { status: ok ? "ready" : "unavailable", service: options.name });
      }
      if (path !== "/graphql") return sendJson(response, 404, { error: "not found" });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      const raw = request.method === "POST" ? await readBody(request) : "";
      const verified = verifyRequest((name) => headers.get(name), request.method ?? "GET", raw, options.signing, nonces);
      if (!verified.ok) {
        return sendJson(response, 401, { errors: [{ message: `unauthenticated: ${verified.reason}`, extensions: { code: "UNAUTHENTICATED" } }] });
      }
      let body: unknown = raw;
      if (raw && headers.get("content-type")?.includes("application/json")) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(response, 400, { errors: [{ message: "request body is not valid JSON" }] });
        }
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? "GET", headers, search: new URL(request.url ?? "/", "http://x").search, body },
        context: async () => options.context(verified.identity),
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
  });
  // the gateway keeps connections alive; make sure idle ones outlive its pool's idle timeout
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}
