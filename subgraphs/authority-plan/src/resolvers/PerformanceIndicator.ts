import type { IndicatorOutcome, PerformanceIndicatorResolvers } from "../generated/resolvers-types";
import type { StatedValueColumns } from "../entities/PerformanceIndicator";
import { outcomeDeployments } from "@tees/outcomes/deployments";
import { linkBasis } from "./basis";

/** A value the plan does not state at all is null; one stated without a figure keeps its text and a null value. */
const stated = (value: StatedValueColumns) =>
  value.text === null ? null : { ...value, dateStated: value.asAt !== null || value.periodStart !== null || value.periodEnd !== null };

/** outcomes deployment → its indicator outcome type (EducationIndicatorOutcome, ...), from subgraphs/outcomes/deployments */
const outcomeType = new Map(
  outcomeDeployments().map((d) => [d.name, `${d.typePrefix}IndicatorOutcome` as NonNullable<IndicatorOutcome["__typename"]>]),
);

export const PerformanceIndicator: PerformanceIndicatorResolvers = {
  target: (indicator) => stated(indicator.target),
  current: (indicator) => stated(indicator.current),
  placement: (indicator) => (indicator.priorityId === null ? null : linkBasis(indicator.placement, indicator.placementNote)),
  /** a reference the gateway resolves in education or care; the key carries this authority and the plan's target */
  outcome: (indicator, _args, { deployment, measureDomains }) => {
    if (!indicator.measureCode) return null;
    const domain = measureDomains.get(indicator.measureCode);
    if (!domain) throw new Error(`indicator ${indicator.id}: measure ${indicator.measureCode} is not in the LAIT data dictionary`);
    return { __typename: outcomeType.get(domain)!, authorityCode: deployment.code, measureCode: indicator.measureCode, target: indicator.target.value };
  },
};
