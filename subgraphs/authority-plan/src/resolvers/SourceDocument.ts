import type { SourceDocumentResolvers } from "../generated/resolvers-types";

/** A plan subgraph holds one authority's documents only: each is that authority's. */
export const SourceDocument: SourceDocumentResolvers = {
  owner: (_document, _args, { deployment }) => ({ kind: "AUTHORITY", authorityCode: deployment.code }),
};
