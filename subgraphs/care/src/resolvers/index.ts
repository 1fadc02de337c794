import { outcomeResolvers } from "@tees/subgraph-common/outcomes/resolvers";
import { Query } from "./Query";

export function buildResolvers() {
  return {
    Query,
    Authority: { ...outcomeResolvers.Authority, care: outcomeResolvers.profile },
    CareProfile: outcomeResolvers.Profile,
    CareSeries: outcomeResolvers.Series,
    CareMeasure: outcomeResolvers.Measure,
    OutcomeFigure: outcomeResolvers.OutcomeFigure,
    Source: outcomeResolvers.Source,
  };
}
