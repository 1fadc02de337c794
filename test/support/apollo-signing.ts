import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { signRequest, type Identity } from "@tees/subgraph-common/signed-identity";

/**
 * @apollo/gateway (a dev dependency: the tests prove the supergraph is portable, and the gateways
 * benchmark compares against it) on a supergraph, signing every subgraph request as the project's
 * gateway does, as `identity`, through its data source's `fetcher`, which sees the exact body sent.
 */
export function signingApolloGateway(supergraphSdl: string, subgraphs: Array<{ name: string; url: string; secret: string }>, identity: Identity): ApolloGateway {
  const keyByUrl = new Map(subgraphs.map((s) => [s.url, { secret: s.secret, audience: s.name }]));
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        fetcher: async (input, init = {}) => {
          const body = typeof init.body === "string" ? init.body : (init.body?.toString("utf8") ?? "");
          const key = keyByUrl.get(input);
          if (!key) throw new Error(`Apollo Gateway asked ${input}, which is no subgraph here`);
          const headers = { ...init.headers, ...signRequest(key, identity, init.method ?? "POST", body) };
          return fetch(input, { method: init.method ?? "POST", headers, body });
        },
      }),
  });
}
