/**
 * A real HTTP proxy in front of one subgraph: records what the gateway sends (headers and
 * body), and can delay answers or cut the connection, to show what the gateway does then.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ProxyBehaviour {
  /** wait this long before forwarding each request */
  delayMs?: number;
  /** true: close the connection without an answer (as a crashed subgraph or a network cut would) */
  drop?: (request: SeenRequest) => boolean;
}

export interface Proxy {
  url: string;
  seen: SeenRequest[];
  requests(): number;
  /** change the behaviour from now on */
  behave(behaviour: ProxyBehaviour): void;
  close(): Promise<void>;
}

export async function startProxy(target: string, initial: ProxyBehaviour = {}): Promise<Proxy> {
  const upstream = new URL(target);
  const seen: SeenRequest[] = [];
  let behaviour = initial;
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const body = Buffer.concat(chunks);
      const request: SeenRequest = { method: incoming.method ?? "GET", headers: incoming.headers, body: body.toString("utf8") };
      seen.push(request);
      if (behaviour.drop?.(request)) {
        incoming.socket.destroy();
        return;
      }
      const forward = () => {
        const upstreamRequest = httpRequest(
          { hostname: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        upstreamRequest.on("error", () => {
          if (!outgoing.headersSent) outgoing.writeHead(502);
          outgoing.end();
        });
        upstreamRequest.end(body);
      };
      if (behaviour.delayMs) setTimeout(forward, behaviour.delayMs);
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname}`,
    seen,
    requests: () => seen.length,
    behave(next) {
      behaviour = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
