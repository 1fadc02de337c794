import type { PriorityResolvers } from "../generated/resolvers-types";

export const Priority: PriorityResolvers = {
  themes: async (priority, _args, { loaders }) => (await loaders.themeIdsByPriority.load(priority.id)).map((id) => ({ id })),
  outcomes: async (priority, _args, { loaders }) => (await loaders.outcomesByPriority.load(priority.id)).filter((o) => o.kind === "outcome"),
  successCriteria: async (priority, _args, { loaders }) =>
    (await loaders.outcomesByPriority.load(priority.id)).filter((o) => o.kind === "success-criterion"),
  indicators: (priority, _args, { loaders }) => loaders.indicatorsByPriority.load(priority.id),
  actions: (priority, _args, { loaders }) => loaders.actionsByPriority.load(priority.id),
  plan: async (priority, _args, { loaders }) => (await loaders.planById.load(priority.planId))!,
};
