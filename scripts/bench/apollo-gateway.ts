/**
 * @apollo/gateway as its own process, for the "gateways" benchmark (scripts/bench/gateways.ts): Apollo's
 * composition of the same subgraphs, every subgraph request signed as the project's gateway signs it
 * (as an analyst; tokens are the project gateway's part), over Node's fetch, which keeps connections
 * alive. Never used by npm start.
 *
 *   node --import tsx scripts/bench/apollo-gateway.ts <spec.json>   (prints READY <url>)
 */
import { readFileSync } from "node:fs";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { signRequest, type Identity } from "@tees/subgraph-common/signed-identity";

export interface GatewaySpec {
  supergraphFile: string;
  subgraphs: Array<{ name: string; url: string; secret: string }>;
}

const spec = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as GatewaySpec;
const keyByUrl = new Map(spec.subgraphs.map((s) => [s.url, { secret: s.secret, audience: s.name }]));
const analyst: Identity = { subject: "apollo-gateway-bench", role: "analyst", authority: null };

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(spec.supergraphFile, "utf8"),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource({
      url,
      fetcher: async (input, init = {}) => {
        const body = typeof init.body === "string" ? init.body : (init.body?.toString("utf8") ?? "");
        const key = keyByUrl.get(input);
        if (!key) throw new Error(`no subgraph at ${input}`);
        const headers = { ...init.headers, ...signRequest(key, analyst, init.method ?? "POST", body) };
        return fetch(input, { method: init.method ?? "POST", headers, body });
      },
    }),
});
const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
console.log(`READY ${url}`);
process.on("SIGTERM", async () => {
  await server.stop();
  process.exit(0);
});
