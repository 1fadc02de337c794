import type { PlanResolvers } from "../generated/resolvers-types";
import { evidencePlanFields } from "./Evidence";

export const Plan: PlanResolvers = {
  period: (plan) => ({ label: plan.periodLabel, startYear: plan.startYear, endYear: plan.endYear }),
  statements: async (plan, { kind }, { loaders }) => {
    const rows = await loaders.statementsByPlan.load(plan.id);
    return kind ? rows.filter((s) => s.kind === kind) : rows;
  },
  principles: async (plan, { kind }, { loaders }) => {
    const rows = await loaders.principlesByPlan.load(plan.id);
    return kind ? rows.filter((p) => p.kind === kind) : rows;
  },
  priorities: (plan, _args, { loaders }) => loaders.prioritiesByPlan.load(plan.id),
  indicators: async (plan, _args, { loaders }) => (await loaders.indicatorsByPlan.load(plan.id)).filter((i) => i.priorityId === null),
  actions: async (plan, { includeNarrative }, { loaders }) => {
    const rows = await loaders.actionsByPlan.load(plan.id);
    return includeNarrative ? rows : rows.filter((a) => !a.narrative);
  },
  metadataSource: (plan) =>
    plan.metadataSection === null ? null : { document: plan.documentKey, section: plan.metadataSection, quote: plan.metadataQuote },
  contextFigures: (plan, _args, { loaders }) => loaders.contextFiguresByPlan.load(plan.id),
  ...evidencePlanFields,
};
