import { composeServices as composeWithGuild } from "@theguild/federation-composition";
import { composeServices as composeWithApollo } from "@apollo/composition";
import type { DocumentNode } from "graphql";

export interface ComposableSubgraph {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/** The Guild's composition (MIT): produces the supergraph the gateway serves. */
export function composeGuild(subgraphs: ComposableSubgraph[]): { supergraphSdl: string; apiSchemaSdl: string } | { errors: string[] } {
  const result = composeWithGuild(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: s.typeDefs })));
  if (result.errors?.length) return { errors: result.errors.map((e) => e.message) };
  return { supergraphSdl: result.supergraphSdl!, apiSchemaSdl: result.publicSdl! };
}

/** Apollo's composition: proves the supergraph is portable to Apollo's routers. */
export function composeApollo(subgraphs: ComposableSubgraph[]): { supergraphSdl: string } | { errors: string[] } {
  const result = composeWithApollo(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: s.typeDefs })));
  if (result.errors) return { errors: result.errors.map((e) => e.message) };
  return { supergraphSdl: result.supergraphSdl };
}
