import type { ActionResolvers } from "../generated/resolvers-types";
import type { ActionLeadGroup, ActionPriority } from "../entities";
import { keepStated, linkBasis } from "./basis";

export const Action: ActionResolvers = {
  timescale: (action) =>
    action.timescaleText === null ? null : { text: action.timescaleText, start: action.timescaleStart, end: action.timescaleEnd },
  progress: (action, _args, { loaders }) => loaders.progressByAction.load(action.id),
  priorities: (action, { includeInferred }, { loaders }) =>
    keepStated(loaders.prioritiesByAction.load(action.id), () => loaders.priorityLinksByAction.load(action.id), (l: ActionPriority) => l.priorityId, includeInferred),
  priorityLinks: async (action, { includeInferred }, { loaders }) => {
    const [priorities, links] = await Promise.all([loaders.prioritiesByAction.load(action.id), loaders.priorityLinksByAction.load(action.id)]);
    const byTarget = new Map(links.map((l) => [l.priorityId, l]));
    return priorities.flatMap((priority) => {
      const link = byTarget.get(priority.id);
      if (!link || (!includeInferred && link.basis !== "stated")) return [];
      return [{ priority, basis: linkBasis(link.basis, link.basisNote) }];
    });
  },
  principles: (action, _args, { loaders }) => loaders.principlesByAction.load(action.id),
  themes: async (action, _args, { loaders }) => (await loaders.themeIdsByAction.load(action.id)).map((id) => ({ id })),
  leadGroups: (action, { includeInferred }, { loaders }) =>
    keepStated(loaders.groupsByAction.load(action.id), () => loaders.groupLinksByAction.load(action.id), (l: ActionLeadGroup) => l.groupId, includeInferred),
  leadGroupLinks: async (action, { includeInferred }, { loaders }) => {
    const [groups, links] = await Promise.all([loaders.groupsByAction.load(action.id), loaders.groupLinksByAction.load(action.id)]);
    const byTarget = new Map(links.map((l) => [l.groupId, l]));
    return groups.flatMap((leadGroup) => {
      const link = byTarget.get(leadGroup.id);
      if (!link || (!includeInferred && link.basis !== "stated")) return [];
      return [{ leadGroup, basis: linkBasis(link.basis, link.basisNote) }];
    });
  },
  linkedPlans: (action, _args, { loaders }) => loaders.linkedPlansByAction.load(action.id),
  plan: async (action, _args, { loaders }) => (await loaders.planById.load(action.planId))!,
};
