import type { PerformanceIndicatorResolvers } from "../generated/resolvers-types";
import type { StatedValueColumns } from "../entities/PerformanceIndicator";

/** A value the plan does not state at all is null; one stated without a figure keeps its text and a null value. */
const stated = (value: StatedValueColumns) => (value.text === null ? null : value);

export const PerformanceIndicator: PerformanceIndicatorResolvers = {
  target: (indicator) => stated(indicator.target),
  current: (indicator) => stated(indicator.current),
};
