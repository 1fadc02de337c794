import type { ThemeResolvers } from "../generated/resolvers-types";

export const Theme: ThemeResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.themeById.load(ref.id),
};
