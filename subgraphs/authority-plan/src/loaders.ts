import type { DataSource } from "typeorm";
import { linkValues, loadOnce, rowsByColumn, rowsById, rowsThroughLink } from "@tees/subgraph-common/loaders";
import {
  Action, ActionLeadGroup, ActionLinkedPlan, ActionPrinciple, ActionPriority, ActionTheme, ContextFigure, LeadGroup, LinkedPlan,
  OutcomeStatement, PerformanceIndicator, Plan, PlanStatement, Principle, Priority, PriorityTheme, ProgressNote, SourceDocument,
} from "./entities";
import { evidenceLoaders } from "./evidence-loaders";

const byOrdinal = { ordinal: "ASC" } as const;

/**
 * One set per request. Every list edge and every lookup goes through a loader,
 * so a query costs a fixed number of statements however many rows it returns.
 */
export function createLoaders(dataSource: DataSource) {
  return {
    // this database holds one authority's data, so "the authority's X" is "all X"
    allPlans: loadOnce(() => dataSource.getRepository(Plan).find({ order: { startYear: "DESC", title: "ASC" } })),
    allPriorities: loadOnce(() => dataSource.getRepository(Priority).find({ order: { planId: "ASC", ordinal: "ASC" } })),
    allActions: loadOnce(() => dataSource.getRepository(Action).find({ order: { planId: "ASC", ordinal: "ASC" } })),
    allGroups: loadOnce(() => dataSource.getRepository(LeadGroup).find({ order: { name: "ASC" } })),
    allLinkedPlans: loadOnce(() => dataSource.getRepository(LinkedPlan).find({ order: { title: "ASC" } })),
    priorityIdsByTheme: linkValues(dataSource, PriorityTheme, "themeId", "priorityId"),
    actionIdsByTheme: linkValues(dataSource, ActionTheme, "themeId", "actionId"),

    planById: rowsById(dataSource, Plan),
    documentByKey: rowsById(dataSource, SourceDocument, "key"),
    statementsByPlan: rowsByColumn(dataSource, PlanStatement, "planId", byOrdinal),
    principlesByPlan: rowsByColumn(dataSource, Principle, "planId", byOrdinal),
    prioritiesByPlan: rowsByColumn(dataSource, Priority, "planId", byOrdinal),
    indicatorsByPlan: rowsByColumn(dataSource, PerformanceIndicator, "planId", byOrdinal),
    actionsByPlan: rowsByColumn(dataSource, Action, "planId", byOrdinal),
    contextFiguresByPlan: rowsByColumn(dataSource, ContextFigure, "planId", byOrdinal),

    outcomesByPriority: rowsByColumn(dataSource, OutcomeStatement, "priorityId", byOrdinal),
    indicatorsByPriority: rowsByColumn(dataSource, PerformanceIndicator, "priorityId", byOrdinal),
    themeIdsByPriority: linkValues(dataSource, PriorityTheme, "priorityId", "themeId"),
    actionsByPriority: rowsThroughLink(dataSource, Action, { table: ActionPriority, ownerColumn: "priorityId", targetColumn: "actionId" }),

    progressByAction: rowsByColumn(dataSource, ProgressNote, "actionId", byOrdinal),
    themeIdsByAction: linkValues(dataSource, ActionTheme, "actionId", "themeId"),
    prioritiesByAction: rowsThroughLink(dataSource, Priority, { table: ActionPriority, ownerColumn: "actionId", targetColumn: "priorityId" }),
    principlesByAction: rowsThroughLink(dataSource, Principle, { table: ActionPrinciple, ownerColumn: "actionId", targetColumn: "principleId" }),
    groupsByAction: rowsThroughLink(dataSource, LeadGroup, { table: ActionLeadGroup, ownerColumn: "actionId", targetColumn: "groupId" }),
    linkedPlansByAction: rowsThroughLink(dataSource, LinkedPlan, { table: ActionLinkedPlan, ownerColumn: "actionId", targetColumn: "linkedPlanId" }),
    actionsByGroup: rowsThroughLink(dataSource, Action, { table: ActionLeadGroup, ownerColumn: "groupId", targetColumn: "actionId" }),
    // link rows with their basis (stated or inferred), by either end
    priorityLinksByAction: rowsByColumn(dataSource, ActionPriority, "actionId", { priorityId: "ASC" }),
    priorityLinksByPriority: rowsByColumn(dataSource, ActionPriority, "priorityId", { actionId: "ASC" }),
    groupLinksByAction: rowsByColumn(dataSource, ActionLeadGroup, "actionId", { groupId: "ASC" }),
    groupLinksByGroup: rowsByColumn(dataSource, ActionLeadGroup, "groupId", { actionId: "ASC" }),
    actionsByLinkedPlan: rowsThroughLink(dataSource, Action, { table: ActionLinkedPlan, ownerColumn: "linkedPlanId", targetColumn: "actionId" }),
    ...evidenceLoaders(dataSource),
  };
}
export type PlanLoaders = ReturnType<typeof createLoaders>;
