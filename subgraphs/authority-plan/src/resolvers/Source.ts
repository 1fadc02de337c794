import type { SourceResolvers } from "../generated/resolvers-types";

export const Source: SourceResolvers = {
  document: async (source, _args, { loaders }) => {
    const document = await loaders.documentByKey.load(source.document);
    if (!document) throw new Error(`source document ${source.document} is missing`);
    return document;
  },
};
