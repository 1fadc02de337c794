/**
 * The arithmetic of a comparison, kept apart from data access so that tests can
 * check it against independent calculations. Polarity: "high" = higher is better,
 * "low" = lower is better, null = no judgement.
 */
export type Polarity = "high" | "low" | null;

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Quantile of type 6 (Hyndman & Fan; R's `quantile(type = 6)`, Excel's
 * QUARTILE.EXC): position p(n+1) on the sorted values, interpolated, clamped to
 * the ends.
 */
export function quantileType6(values: readonly number[], p: number): number | null {
  return values.length ? quantileOfSorted([...values].sort((a, b) => a - b), p) : null;
}

function quantileOfSorted(sorted: readonly number[], p: number): number {
  const h = p * (sorted.length + 1);
  if (h <= 1) return sorted[0]!;
  if (h >= sorted.length) return sorted[sorted.length - 1]!;
  const lower = Math.floor(h);
  return sorted[lower - 1]! + (h - lower) * (sorted[lower]! - sorted[lower - 1]!);
}

/** Rounded to 12 significant digits, so a value equal to a quartile as published is not put on the wrong side of it by float noise. */
export const tidy = (value: number) => Number(value.toPrecision(12));

export type QuartileBand = "A" | "B" | "C" | "D";

/**
 * The local authorities' values for one measure and period, prepared once so that each authority's
 * rank and band is a binary search: the values rounded (tidy) and sorted, and the quartile cut points
 * (type 6 on the values as held, then rounded). Storing comparisons and the functions below share it.
 */
export interface Distribution {
  /** tidy values, ascending */
  readonly ranked: readonly number[];
  readonly quartiles: [number, number, number] | null;
}

export function distributionOf(all: readonly number[]): Distribution {
  if (!all.length) return { ranked: [], quartiles: null };
  const sorted = [...all].sort((a, b) => a - b);
  const quartiles: [number, number, number] = [tidy(quantileOfSorted(sorted, 0.25)), tidy(quantileOfSorted(sorted, 0.5)), tidy(quantileOfSorted(sorted, 0.75))];
  return { ranked: all.map(tidy).sort((a, b) => a - b), quartiles };
}

/** how many of the ascending values are below `v` (strictly), or at or below it */
function countBelow(sorted: readonly number[], v: number, orEqual: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < v || (orEqual && sorted[middle]! === v)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Position among the distribution's values, 1 = best by polarity ("1224" ranking: equal values share a
 * position); with no polarity, 1 = the highest value, which is an order, not a judgement.
 */
export function rankIn(distribution: Distribution, value: number, polarity: Polarity): number {
  const v = tidy(value);
  const ahead = polarity === "low" ? countBelow(distribution.ranked, v, false) : distribution.ranked.length - countBelow(distribution.ranked, v, true);
  return ahead + 1;
}

/** Band of a value in the distribution, A = best quartile, D = worst; a value on a quartile boundary takes the better band. No band without a polarity. */
export function bandIn(distribution: Distribution, value: number, polarity: Polarity): QuartileBand | null {
  const quartiles = distribution.quartiles;
  if (!quartiles || !polarity) return null;
  const v = tidy(value);
  return polarity === "high"
    ? v >= quartiles[2] ? "A" : v >= quartiles[1] ? "B" : v >= quartiles[0] ? "C" : "D"
    : v <= quartiles[0] ? "A" : v <= quartiles[1] ? "B" : v <= quartiles[2] ? "C" : "D";
}

/**
 * Band of a value among all authorities' values, A = best quartile, D = worst; a value
 * on a quartile boundary takes the better band. No band without a polarity.
 */
export function quartileBand(value: number, all: readonly number[], polarity: Polarity): { band: QuartileBand | null; quartiles: [number, number, number] | null } {
  const distribution = distributionOf(all);
  return { band: bandIn(distribution, value, polarity), quartiles: distribution.quartiles };
}

/**
 * Position among all values, 1 = best by polarity ("1224" ranking: equal values share a
 * position); with no polarity, 1 = the highest value, which is an order, not a judgement.
 */
export function rankOf(value: number, all: readonly number[], polarity: Polarity): number {
  return rankIn(distributionOf(all), value, polarity);
}

/** Two-sided 5% critical values of Student's t, by degrees of freedom (1-30); beyond 30 the normal 1.96 is close enough. */
const T_CRITICAL_95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const tCritical95 = (df: number) => T_CRITICAL_95[df - 1] ?? 1.96;

export type TrendDirection = "IMPROVING" | "WORSENING" | "NO_SIGNIFICANT_CHANGE";
export const MIN_TREND_POINTS = 5;

export interface Trend {
  direction: TrendDirection | null;
  /** least-squares change per year; null when there are too few points */
  slopePerYear: number | null;
  tStatistic: number | null;
  points: number;
  reason: string | null;
}

/**
 * Trend of a series of (year, value) points: least-squares slope, significant when
 * |t| of the slope exceeds Student's t at 5% (two-sided, n - 2 degrees of freedom).
 * Improving or worsening by polarity; fewer than five points → no trend.
 */
export function trendOf(points: ReadonlyArray<{ year: number; value: number }>, polarity: Polarity): Trend {
  const n = points.length;
  if (n < MIN_TREND_POINTS) {
    return { direction: null, slopePerYear: null, tStatistic: null, points: n, reason: `only ${n} published value${n === 1 ? "" : "s"}; a trend needs at least ${MIN_TREND_POINTS}` };
  }
  const mx = mean(points.map((p) => p.year))!;
  const my = mean(points.map((p) => p.value))!;
  const sxx = points.reduce((s, p) => s + (p.year - mx) ** 2, 0);
  if (sxx === 0) return { direction: null, slopePerYear: null, tStatistic: null, points: n, reason: "the values are all for the same year" };
  const slope = points.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0) / sxx;
  const residual = points.reduce((s, p) => s + (p.value - (my + slope * (p.year - mx))) ** 2, 0);
  const standardError = Math.sqrt(residual / (n - 2) / sxx);
  const t = standardError === 0 ? (slope === 0 ? 0 : Infinity * Math.sign(slope)) : slope / standardError;
  const significant = Math.abs(t) > tCritical95(n - 2);
  const base = { slopePerYear: tidy(slope), tStatistic: Number.isFinite(t) ? tidy(t) : null, points: n };
  if (!significant) return { ...base, direction: "NO_SIGNIFICANT_CHANGE", reason: null };
  if (!polarity) {
    return { ...base, direction: null, reason: `values ${slope > 0 ? "rise" : "fall"} significantly, but the measure has no polarity, so neither is better` };
  }
  const better = polarity === "high" ? slope > 0 : slope < 0;
  return { ...base, direction: better ? "IMPROVING" : "WORSENING", reason: null };
}

export type Rag = "RED" | "AMBER" | "GREEN";
/** within this share of the target (on the wrong side) is amber */
export const AMBER_TOLERANCE = 0.05;

/** Latest value against a local target: green when met, amber when short by at most 5% of the target, else red. */
export function ragAgainstTarget(value: number, target: number, polarity: Polarity): { rag: Rag | null; reason: string | null } {
  if (!polarity) return { rag: null, reason: "the measure has no polarity, so meeting a target cannot be judged" };
  const v = tidy(value);
  const met = polarity === "high" ? v >= target : v <= target;
  if (met) return { rag: "GREEN", reason: null };
  const shortBy = Math.abs(v - target);
  return { rag: shortBy <= Math.abs(target) * AMBER_TOLERANCE ? "AMBER" : "RED", reason: null };
}
