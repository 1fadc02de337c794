import type { DataSource } from "typeorm";
import { loadOnce, rowsByColumn, rowsById } from "@tees/subgraph-common/loaders";
import { Finding, GlossaryEntry, Inspection, LeadGroup, Membership, PlanScope, PlanStatus } from "./entities";

const byOrdinal = { ordinal: "ASC" } as const;
const byPlanThenOrdinal = { planId: "ASC", ordinal: "ASC" } as const;

/**
 * Loaders of a document's evidence (one set per request, spread into createLoaders):
 * each list is one batched statement per level of a query.
 */
export function evidenceLoaders(dataSource: DataSource) {
  return {
    // this database holds one authority's data, so "the authority's X" is "all X"
    allInspections: loadOnce(() => dataSource.getRepository(Inspection).find({ order: byPlanThenOrdinal })),
    allFindings: loadOnce(() => dataSource.getRepository(Finding).find({ order: byPlanThenOrdinal })),
    allMemberships: loadOnce(() => dataSource.getRepository(Membership).find({ order: byPlanThenOrdinal })),
    allGlossary: loadOnce(() => dataSource.getRepository(GlossaryEntry).find({ order: { termKey: "ASC", planId: "ASC", ordinal: "ASC" } })),

    inspectionById: rowsById(dataSource, Inspection),
    groupById: rowsById(dataSource, LeadGroup),
    inspectionsByPlan: rowsByColumn(dataSource, Inspection, "planId", byOrdinal),
    findingsByPlan: rowsByColumn(dataSource, Finding, "planId", byOrdinal),
    findingsByInspection: rowsByColumn(dataSource, Finding, "inspectionId", byOrdinal),
    membershipsByPlan: rowsByColumn(dataSource, Membership, "planId", byOrdinal),
    glossaryByPlan: rowsByColumn(dataSource, GlossaryEntry, "planId", byOrdinal),
    scopeByPlan: rowsByColumn(dataSource, PlanScope, "planId", byOrdinal),
    statusByPlan: rowsByColumn(dataSource, PlanStatus, "planId", byOrdinal),
  };
}
