/**
 * The oracle of the stored comparisons: how a comparison was computed before comparisons were stored
 * (subgraphs/outcomes/src/comparison.ts `compare()` as of commit 76e6e58, with the rank and band
 * arithmetic of statistics.ts as it was then), kept verbatim so that the stored answers can be checked
 * against it field by field. Not used by the subgraphs.
 *
 * One change from that code, to its cost only: what every comparison in a period reads from all local
 * authorities' values (the list of values, its quartiles, the values tidied for ranking) is worked out
 * once per measure and period (periodValues) instead of once per comparison; each answer is computed
 * from it by the same arithmetic as before.
 */
import { neighbourSetInfo, type NeighbourSetName } from "@tees/subgraph-common/lait/neighbour-sets";
import type { StatisticalNeighbour } from "@tees/subgraph-common/entities/StatisticalNeighbour";
import type { Figure, Measure, OutcomeArea } from "@tees/outcomes/entities";
import { AMBER_TOLERANCE, MIN_TREND_POINTS, mean, median, ragAgainstTarget, trendOf, type Polarity } from "@tees/outcomes/statistics";

function quantileOfSorted(sorted: readonly number[], p: number): number {
  const h = p * (sorted.length + 1);
  if (h <= 1) return sorted[0]!;
  if (h >= sorted.length) return sorted[sorted.length - 1]!;
  const lower = Math.floor(h);
  return sorted[lower - 1]! + (h - lower) * (sorted[lower]! - sorted[lower - 1]!);
}

/** Rounded to 12 significant digits, so a value equal to a quartile as published is not put on the wrong side of it by float noise. */
const tidy = (value: number) => Number(value.toPrecision(12));

type QuartileBand = "A" | "B" | "C" | "D";

/** the quartiles of all authorities' values by type 6, tidied; null when there are none */
function quartilesOf(all: readonly number[]): [number, number, number] | null {
  if (!all.length) return null;
  const sorted = [...all].sort((a, b) => a - b);
  return [tidy(quantileOfSorted(sorted, 0.25)), tidy(quantileOfSorted(sorted, 0.5)), tidy(quantileOfSorted(sorted, 0.75))];
}

/**
 * Band of a value among all authorities' values (given by their quartiles), A = best quartile, D = worst;
 * a value on a quartile boundary takes the better band. No band without a polarity.
 */
function quartileBand(value: number, quartiles: [number, number, number] | null, polarity: Polarity): { band: QuartileBand | null; quartiles: [number, number, number] | null } {
  if (!quartiles) return { band: null, quartiles: null };
  if (!polarity) return { band: null, quartiles };
  const v = tidy(value);
  const band: QuartileBand =
    polarity === "high"
      ? v >= quartiles[2] ? "A" : v >= quartiles[1] ? "B" : v >= quartiles[0] ? "C" : "D"
      : v <= quartiles[0] ? "A" : v <= quartiles[1] ? "B" : v <= quartiles[2] ? "C" : "D";
  return { band, quartiles };
}

/**
 * Position among all values (given tidied), 1 = best by polarity ("1224" ranking: equal values share a
 * position); with no polarity, 1 = the highest value, which is an order, not a judgement.
 */
function rankOf(value: number, allTidied: readonly number[], polarity: Polarity): number {
  const v = tidy(value);
  const ahead = allTidied.filter((other) => (polarity === "low" ? other < v : other > v)).length;
  return ahead + 1;
}

/** what every comparison of a measure in one period reads from all local authorities' values */
interface PeriodValues {
  /** the published values of local authorities, in the order the period's values are held */
  laValues: number[];
  /** the same values, tidied, for ranks */
  tidied: number[];
  quartiles: [number, number, number] | null;
}

/** the period's values, keyed by the areas and the period's values they were worked out from */
const periodValuesCache = new WeakMap<ReadonlyMap<string, OutcomeArea>, WeakMap<ReadonlyMap<string, number | null>, PeriodValues>>();

function periodValues(values: ReadonlyMap<string, number | null> | undefined, areas: ReadonlyMap<string, OutcomeArea>): PeriodValues {
  let byValues = periodValuesCache.get(areas);
  const held = values && byValues?.get(values);
  if (held) return held;
  const laValues: number[] = [];
  for (const [code, value] of values ?? []) if (value !== null && areas.get(code)?.kind === "local-authority") laValues.push(value);
  const computed = { laValues, tidied: laValues.map(tidy), quartiles: quartilesOf(laValues) };
  if (values) {
    if (!byValues) periodValuesCache.set(areas, (byValues = new WeakMap()));
    byValues.set(values, computed);
  }
  return computed;
}

const ENGLAND = "E92000001";

/** What a comparison needs, loaded per request by the outcome loaders. */
export interface ComparisonInput {
  measure: Measure;
  areaCode: string;
  /** the authority's figures for the measure, oldest first (published and local) */
  series: readonly Figure[];
  /** published values of the measure for every area held, by period label then area code */
  valuesByPeriod: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  areas: ReadonlyMap<string, OutcomeArea>;
  /** local authorities in the code list, and how many of them the last import held figures for */
  localAuthorities: { total: number; withFigures: number };
  neighbours: readonly StatisticalNeighbour[];
  neighbourSet: NeighbourSetName;
  trendPoints: number;
  target: number | null;
}

const areaValue = (code: string | null, input: ComparisonInput, values: ReadonlyMap<string, number | null> | undefined) => {
  if (!code) return null;
  const area = input.areas.get(code);
  return area ? { areaCode: code, name: area.name, value: values?.get(code) ?? null } : null;
};

/**
 * How an authority's latest published figure for a measure compares, by the rules of
 * DESIGN.md: England, region, statistical neighbours (set named), rank and quartile
 * band among all authorities (polarity-aware), trend, and a local target. Every
 * comparison is for the period of the latest figure; each part says why when it
 * cannot be given.
 */
export function oracleCompare(input: ComparisonInput) {
  const { measure, areaCode } = input;
  const polarity = measure.polarity;
  const published = input.series.filter((f) => f.kind === "published" && f.value !== null);
  const latest = published.at(-1) ?? null;
  const method = [
    `Every comparison is for the period of the authority's latest published figure${latest ? ` (${latest.periodLabel})` : ""}.`,
    "Statistical neighbours: mean and median of the neighbours with a published value for that period (the authority itself excluded).",
    "Rank: among local authorities with a published value for that period; 1 = best by polarity (equal values share a rank), or the highest value when the measure has no polarity.",
    "Quartile band: quartiles of those values by quantile type 6 (as R's quantile(type = 6) and Excel's QUARTILE.EXC); A = best quarter, D = worst; a value on a boundary takes the better band.",
    `Trend: least-squares slope over the last ${Math.max(input.trendPoints, MIN_TREND_POINTS)} published values against their period's end year; significant when |t| exceeds Student's t at 5% (two-sided); at least ${MIN_TREND_POINTS} values needed.`,
    `Target: green when the latest value meets the target in the better direction, amber when short by at most ${AMBER_TOLERANCE * 100}% of the target, otherwise red.`,
  ];

  const trendSeries = published.slice(-Math.max(input.trendPoints, MIN_TREND_POINTS));
  const undated = trendSeries.some((f) => f.periodEndYear === null);
  const trend = undated
    ? { direction: null, slopePerYear: null, tStatistic: null, points: trendSeries.length, reason: "some periods of the series have no year to place them on" }
    : trendOf(trendSeries.map((f) => ({ year: f.periodEndYear!, value: f.value! })), polarity);
  const trendAnswer = { ...trend, fromPeriod: trendSeries[0]?.periodLabel ?? null, toPeriod: trendSeries.at(-1)?.periodLabel ?? null };

  const base = { authorityCode: areaCode, measureCode: measure.code, polarity, latest, method, trend: trendAnswer };
  if (!latest) {
    return {
      ...base,
      england: null,
      region: null,
      neighbours: null,
      rank: null,
      target: input.target === null ? null : { target: input.target, rag: null, reason: "no published figure with a value to compare" },
      unavailable: "no published figure with a value for this authority",
    };
  }

  const values = input.valuesByPeriod.get(latest.periodLabel);
  const self = input.areas.get(areaCode);

  const neighbourValues = input.neighbours.map((pair) => {
    const area = input.areas.get(pair.neighbourCode);
    return { rank: pair.rank, closeness: pair.closeness, areaCode: pair.neighbourCode, name: area?.name ?? pair.neighbourCode, value: values?.get(pair.neighbourCode) ?? null };
  });
  const withValue = neighbourValues.flatMap((n) => (n.value === null ? [] : [n.value]));

  const { laValues, tidied, quartiles: periodQuartiles } = periodValues(values, input.areas);
  const national = input.localAuthorities.withFigures === input.localAuthorities.total;
  // each answer its own array of quartiles, as when they were worked out per comparison
  const { band, quartiles } = quartileBand(latest.value!, periodQuartiles && [...periodQuartiles], polarity);
  const noBand = !polarity
    ? "the measure has no polarity (the data dictionary makes no judgement of which way is better), so no band is given"
    : !measure.quartileBanding
      ? "the LAIT data dictionary marks this measure No_Quartile, so no band is given"
      : null;

  return {
    ...base,
    england: areaValue(ENGLAND, input, values),
    region: areaValue(self?.regionCode ?? null, input, values),
    neighbours: {
      set: neighbourSetInfo(input.neighbourSet),
      mean: mean(withValue),
      median: median(withValue),
      withValue: withValue.length,
      values: neighbourValues,
    },
    rank: {
      position: rankOf(latest.value!, tidied, polarity),
      outOf: laValues.length,
      order: polarity ? "BEST_FIRST" : "HIGHEST_FIRST",
      band: noBand ? null : band,
      noBand,
      quartiles,
      national,
      note: national
        ? null
        : `figures are held for ${input.localAuthorities.withFigures} of ${input.localAuthorities.total} English local authorities (a regional extract): this is a rank among those, not a national one; import the national file with npm run import:lait`,
    },
    target: input.target === null ? null : { target: input.target, ...ragAgainstTarget(latest.value!, input.target, polarity) },
    unavailable: null,
  };
}
