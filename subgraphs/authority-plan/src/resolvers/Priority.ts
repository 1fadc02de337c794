import type { PriorityResolvers } from "../generated/resolvers-types";
import type { ActionPriority } from "../entities";
import { keepStated, linkBasis } from "./basis";

const placed = <T extends { placement: "stated" | "inferred" }>(rows: T[], includeInferred: boolean) =>
  includeInferred ? rows : rows.filter((r) => r.placement === "stated");

export const Priority: PriorityResolvers = {
  themes: async (priority, _args, { loaders }) => (await loaders.themeIdsByPriority.load(priority.id)).map((id) => ({ id })),
  outcomes: async (priority, { includeInferred }, { loaders }) =>
    placed((await loaders.outcomesByPriority.load(priority.id)).filter((o) => o.kind === "outcome"), includeInferred),
  successCriteria: async (priority, { includeInferred }, { loaders }) =>
    placed((await loaders.outcomesByPriority.load(priority.id)).filter((o) => o.kind === "success-criterion"), includeInferred),
  indicators: async (priority, { includeInferred }, { loaders }) => placed(await loaders.indicatorsByPriority.load(priority.id), includeInferred),
  actions: (priority, { includeInferred }, { loaders }) =>
    keepStated(loaders.actionsByPriority.load(priority.id), () => loaders.priorityLinksByPriority.load(priority.id), (l: ActionPriority) => l.actionId, includeInferred),
  plan: async (priority, _args, { loaders }) => (await loaders.planById.load(priority.planId))!,
};

export const OutcomeStatement = {
  placement: (row: { placement: "stated" | "inferred"; placementNote: string | null }) => linkBasis(row.placement, row.placementNote),
};
