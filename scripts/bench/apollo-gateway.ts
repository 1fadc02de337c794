/**
 * @apollo/gateway as its own process, for the "gateways" benchmark (scripts/bench/gateways.ts): Apollo's
 * composition of the same subgraphs, every subgraph request signed as the project's gateway signs it
 * (as an analyst; tokens are the project gateway's part), over Node's fetch, which keeps connections
 * alive. Never used by npm start.
 *
 *   node --import tsx scripts/bench/apollo-gateway.ts <spec.json>   (prints READY <url>)
 */
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import type { Identity } from "@tees/subgraph-common/signed-identity";
import { signingApolloGateway } from "../../test/support/apollo-signing";

export interface GatewaySpec {
  supergraphFile: string;
  subgraphs: Array<{ name: string; url: string; secret: string }>;
}

const spec = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as GatewaySpec;
const analyst: Identity = { subject: "apollo-gateway-bench", role: "analyst", authority: null };
const gateway = signingApolloGateway(readFileSync(spec.supergraphFile, "utf8"), spec.subgraphs, analyst);
const server = new ApolloServer({ gateway, includeStacktraceInErrorResponses: false });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
console.log(`READY ${url}`);
process.on("SIGTERM", async () => {
  await server.stop();
  process.exit(0);
});
