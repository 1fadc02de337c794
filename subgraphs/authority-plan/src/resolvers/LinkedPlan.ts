import type { LinkedPlanResolvers } from "../generated/resolvers-types";
import { canonicalBasis } from "./basis";

export const LinkedPlan: LinkedPlanResolvers = {
  canonicalName: (linkedPlan) => linkedPlan.canonical,
  canonicalBasis: (linkedPlan) => canonicalBasis(linkedPlan),
  actions: (linkedPlan, _args, { loaders }) => loaders.actionsByLinkedPlan.load(linkedPlan.id),
};
