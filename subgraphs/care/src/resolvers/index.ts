import { outcomeResolvers } from "@tees/subgraph-common/outcomes/resolvers";
import type { MutationResolvers } from "../generated/resolvers-types";
import { Query } from "./Query";

/** the shared writes under this subgraph's mutation names, checked against its generated types */
const Mutation = {
  recordCareLocalFigure: outcomeResolvers.Mutation.recordLocalFigure,
  deleteCareLocalFigure: outcomeResolvers.Mutation.deleteLocalFigure,
} satisfies MutationResolvers;

export function buildResolvers() {
  return {
    Query,
    Mutation,
    Authority: { ...outcomeResolvers.Authority, care: outcomeResolvers.profile, careAuditLog: outcomeResolvers.auditLog },
    CareProfile: outcomeResolvers.Profile,
    CareSeries: outcomeResolvers.Series,
    CareMeasure: outcomeResolvers.Measure,
    CareIndicatorOutcome: outcomeResolvers.IndicatorOutcome,
    Comparison: outcomeResolvers.Comparison,
    OutcomeFigure: outcomeResolvers.OutcomeFigure,
    Source: outcomeResolvers.Source,
    SourceDocument: outcomeResolvers.SourceDocument,
  };
}
