import type { LinkedPlanResolvers } from "../generated/resolvers-types";

export const LinkedPlan: LinkedPlanResolvers = {
  canonicalName: (linkedPlan) => linkedPlan.canonical,
  actions: (linkedPlan, _args, { loaders }) => loaders.actionsByLinkedPlan.load(linkedPlan.id),
};
