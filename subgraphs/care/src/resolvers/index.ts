import { outcomeResolvers } from "@tees/subgraph-common/outcomes/resolvers";
import { Query } from "./Query";

export function buildResolvers() {
  return {
    Query,
    Authority: { ...outcomeResolvers.Authority, care: outcomeResolvers.profile },
    CareProfile: outcomeResolvers.Profile,
    CareSeries: outcomeResolvers.Series,
    CareMeasure: outcomeResolvers.Measure,
    CareIndicatorOutcome: outcomeResolvers.IndicatorOutcome,
    Comparison: outcomeResolvers.Comparison,
    OutcomeFigure: outcomeResolvers.OutcomeFigure,
    Source: outcomeResolvers.Source,
  };
}
