import type { LeadGroupResolvers } from "../generated/resolvers-types";
import type { ActionLeadGroup } from "../entities";
import { canonicalBasis, keepStated } from "./basis";

export const LeadGroup: LeadGroupResolvers = {
  canonicalName: (group) => group.canonical,
  canonicalBasis: (group) => canonicalBasis(group),
  actions: (group, { includeInferred }, { loaders }) =>
    keepStated(loaders.actionsByGroup.load(group.id), () => loaders.groupLinksByGroup.load(group.id), (l: ActionLeadGroup) => l.actionId, includeInferred),
};
