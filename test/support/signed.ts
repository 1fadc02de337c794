/**
 * Calling a subgraph directly as the gateway would: with a signed identity. Tests use it
 * to reach one subgraph without a gateway, and to show what an unsigned or forged call gets.
 */
import { randomBytes } from "node:crypto";
import { signRequest, type Identity } from "@tees/subgraph-common/signed-identity";
import type { GraphQLResponse } from "./system";
import { graphName, subgraphCatalog } from "../../scripts/catalog";

/** a fresh secret per test run: nothing a test signs is valid anywhere else */
export const testSecret = (): string => randomBytes(32).toString("hex");

export const editorOf = (authority: string, subject = `editor@${authority}`): Identity => ({ subject, role: "editor", authority });
export const analyst: Identity = { subject: "analyst@test", role: "analyst", authority: null };
export const admin: Identity = { subject: "admin@test", role: "admin", authority: null };

/** `subgraph`: a running subgraph (its URL, and its name, which the request is signed for) */
export async function callSubgraph<T = Record<string, any>>(
  subgraph: { url: string; name: string },
  secret: string | null,
  identity: Identity,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(subgraph.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? signRequest({ secret, audience: subgraph.name }, identity, "POST", body) : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}

/** what the gateway's loadConfig requires besides the supergraph: a token key and every subgraph's secret (throwaway values) */
export function secretsEnv(): Record<string, string> {
  return {
    JWT_SECRETS: testSecret(),
    ...Object.fromEntries(subgraphCatalog().map((entry) => [`SUBGRAPH_SECRET_${graphName(entry.name)}`, testSecret()])),
  };
}
