import { outcomeResolvers } from "@tees/subgraph-common/outcomes/resolvers";
import { Query } from "./Query";

export function buildResolvers() {
  return {
    Query,
    Authority: { ...outcomeResolvers.Authority, education: outcomeResolvers.profile },
    EducationProfile: outcomeResolvers.Profile,
    EducationSeries: outcomeResolvers.Series,
    EducationMeasure: outcomeResolvers.Measure,
    EducationIndicatorOutcome: outcomeResolvers.IndicatorOutcome,
    Comparison: outcomeResolvers.Comparison,
    OutcomeFigure: outcomeResolvers.OutcomeFigure,
    Source: outcomeResolvers.Source,
  };
}
