/**
 * A second Hive Gateway over a running system's subgraphs, reached through proxies (to see
 * what the gateway sends, delay a subgraph or cut it off), with the system's keys.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildGateway } from "../../gateway/src/server";
import { subgraphCatalog } from "../../scripts/catalog";
import { composeGuild } from "../../scripts/composition";
import { startProxy, type Proxy } from "./proxy";
import { postTo, type GraphQLResponse, type RequestOptions, type RunningSystem } from "./system";

export interface ProxiedGateway {
  url: string;
  /** subgraph name → the proxy in front of it */
  proxies: Map<string, Proxy>;
  post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<{ status: number; body: GraphQLResponse<T> }>;
  close(): Promise<void>;
}

export async function proxiedGateway(system: RunningSystem, settings: { subgraphTimeoutMs?: number } = {}): Promise<ProxiedGateway> {
  const proxies = new Map<string, Proxy>();
  for (const entry of subgraphCatalog()) proxies.set(entry.name, await startProxy(system.services.get(entry.name)!.url));
  const composed = composeGuild(subgraphCatalog().map((entry) => ({ name: entry.name, url: proxies.get(entry.name)!.url, typeDefs: entry.typeDefs() })));
  if ("errors" in composed) throw new Error(composed.errors.join("\n"));
  const runtime = buildGateway(
    { supergraphSdl: composed.supergraphSdl, subgraphUrls: {}, subgraphTimeoutMs: settings.subgraphTimeoutMs ?? 10_000, auth: system.auth },
    { logging: process.env.GATEWAY_LOG === "1" },
  );
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    proxies,
    post: (query, variables, options) => postTo(url, query, variables, options),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
      for (const proxy of proxies.values()) await proxy.close();
    },
  };
}
