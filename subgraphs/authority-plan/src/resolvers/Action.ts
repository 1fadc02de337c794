import type { ActionResolvers } from "../generated/resolvers-types";

export const Action: ActionResolvers = {
  timescale: (action) =>
    action.timescaleText === null ? null : { text: action.timescaleText, start: action.timescaleStart, end: action.timescaleEnd },
  progress: (action, _args, { loaders }) => loaders.progressByAction.load(action.id),
  priorities: (action, _args, { loaders }) => loaders.prioritiesByAction.load(action.id),
  principles: (action, _args, { loaders }) => loaders.principlesByAction.load(action.id),
  themes: async (action, _args, { loaders }) => (await loaders.themeIdsByAction.load(action.id)).map((id) => ({ id })),
  leadGroups: (action, _args, { loaders }) => loaders.groupsByAction.load(action.id),
  linkedPlans: (action, _args, { loaders }) => loaders.linkedPlansByAction.load(action.id),
  plan: async (action, _args, { loaders }) => (await loaders.planById.load(action.planId))!,
};
