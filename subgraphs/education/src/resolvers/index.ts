import { outcomeResolvers } from "@tees/subgraph-common/outcomes/resolvers";
import type { MutationResolvers } from "../generated/resolvers-types";
import { Query } from "./Query";

/** the shared writes under this subgraph's mutation names, checked against its generated types */
const Mutation = {
  recordEducationLocalFigure: outcomeResolvers.Mutation.recordLocalFigure,
  deleteEducationLocalFigure: outcomeResolvers.Mutation.deleteLocalFigure,
} satisfies MutationResolvers;

export function buildResolvers() {
  return {
    Query,
    Mutation,
    Authority: { ...outcomeResolvers.Authority, education: outcomeResolvers.profile, educationAuditLog: outcomeResolvers.auditLog },
    EducationProfile: outcomeResolvers.Profile,
    EducationSeries: outcomeResolvers.Series,
    EducationMeasure: outcomeResolvers.Measure,
    EducationIndicatorOutcome: outcomeResolvers.IndicatorOutcome,
    Comparison: outcomeResolvers.Comparison,
    OutcomeFigure: outcomeResolvers.OutcomeFigure,
    Source: outcomeResolvers.Source,
    SourceDocument: outcomeResolvers.SourceDocument,
  };
}
