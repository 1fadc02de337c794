import type { LeadGroupResolvers } from "../generated/resolvers-types";

export const LeadGroup: LeadGroupResolvers = {
  canonicalName: (group) => group.canonical,
  actions: (group, _args, { loaders }) => loaders.actionsByGroup.load(group.id),
};
