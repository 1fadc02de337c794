/**
 * Gateway behaviour on its own, as graphql-hive/gateway's own e2e tests check it: a small subgraph
 * defined in the test (the project's subgraph server, buildSubgraphServer, served by the project's
 * serve() on port 0, so the gateway's signature is really checked), really composed with the
 * project's composition code, behind the project's real gateway (buildGateway) on port 0. No
 * database, no seeds: for what is about the gateway (tokens, error messages, limits), not the data.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { DocumentNode } from "graphql";
import { buildSubgraphServer } from "@tees/subgraph-common/apollo-server";
import { serve } from "@tees/subgraph-common/signed-http-server";
import { graphName } from "../../scripts/catalog";
import { composeGuild } from "../../scripts/composition";
import { buildGateway } from "../../gateway/src/server";
import { DEFAULT_TOKEN_PARTY } from "../../gateway/src/config";
import type { GatewayAuth } from "@tees/subgraph-common/config";
import { postTo, tokenIssuer, type GraphQLResponse, type RequestOptions, type SystemClient } from "./system";
import { testSecret } from "./signed";

export interface TestSubgraph {
  name: string;
  typeDefs: DocumentNode;
  resolvers: object;
}

export interface GatewayOverTestSubgraph {
  gatewayUrl: string;
  auth: GatewayAuth;
  token: SystemClient["token"];
  post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<{ status: number; body: GraphQLResponse<T> }>;
  close(): Promise<void>;
}

type GatewaySettings = Omit<Parameters<typeof buildGateway>[0], "supergraphSdl" | "subgraphUrls" | "auth" | "subgraphTimeoutMs"> & {
  subgraphTimeoutMs?: number;
  /** reads without a token (default: allowed, as startSystem's gateway) */
  anonymousRead?: boolean;
};

export async function gatewayOverTestSubgraph(subgraph: TestSubgraph, { anonymousRead = true, subgraphTimeoutMs = 10_000, ...settings }: GatewaySettings = {}): Promise<GatewayOverTestSubgraph> {
  const secret = testSecret();
  const served = await serve({
    name: subgraph.name, apollo: buildSubgraphServer(subgraph.typeDefs, subgraph.resolvers), context: () => ({}),
    signing: { secrets: [secret], maxSkewMs: 30_000 }, port: 0, host: "127.0.0.1",
  });
  try {
    const composed = composeGuild([{ name: subgraph.name, url: served.url, typeDefs: subgraph.typeDefs }]);
    if ("errors" in composed) throw new Error(composed.errors.join("\n"));
    const jwtSecret = testSecret();
    const auth: GatewayAuth = {
      jwtSecrets: [jwtSecret], jwks: null, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, anonymousRead,
      subgraphSecrets: { [graphName(subgraph.name)]: secret },
    };
    const runtime = buildGateway({ ...settings, supergraphSdl: composed.supergraphSdl, subgraphUrls: {}, subgraphTimeoutMs, auth }, { logging: process.env.GATEWAY_LOG === "1" });
    const server = createServer(runtime);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    return {
      gatewayUrl,
      auth,
      token: tokenIssuer(jwtSecret),
      post: (query, variables, options) => postTo(gatewayUrl, query, variables, options),
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await runtime.dispose();
        await served.close();
      },
    };
  } catch (error) {
    await served.close();
    throw error;
  }
}
