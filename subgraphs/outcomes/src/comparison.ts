import { neighbourSetIds, neighbourSetInfo, type NeighbourSetName } from "@tees/subgraph-common/lait/neighbour-sets";
import type { StatisticalNeighbour } from "@tees/subgraph-common/entities/StatisticalNeighbour";
import { neighbourColumns, type Figure, type Measure, type OutcomeArea, type StoredComparison, type StoredNeighbours } from "./entities";
import { AMBER_TOLERANCE, MIN_TREND_POINTS, ragAgainstTarget, trendOf, type Polarity, type QuartileBand, type Trend } from "./statistics";

const ENGLAND = "E92000001";
/** the schema's default `trendPoints`: the trend stored with each comparison is over this many points */
export const DEFAULT_TREND_POINTS = 5;

/** a published figure with a value, as a trend reads it */
export interface PublishedPoint {
  periodLabel: string;
  periodEndYear: number | null;
  value: number | null;
}

/** The trend over the last `trendPoints` (at least five) of an area's published values with a value, oldest first. */
export function trendOver(published: readonly PublishedPoint[], trendPoints: number, polarity: Polarity): Trend & { fromPeriod: string | null; toPeriod: string | null } {
  const trendSeries = published.slice(-Math.max(trendPoints, MIN_TREND_POINTS));
  const undated = trendSeries.some((f) => f.periodEndYear === null);
  const trend: Trend = undated
    ? { direction: null, slopePerYear: null, tStatistic: null, points: trendSeries.length, reason: "some periods of the series have no year to place them on" }
    : trendOf(trendSeries.map((f) => ({ year: f.periodEndYear!, value: f.value! })), polarity);
  return { ...trend, fromPeriod: trendSeries[0]?.periodLabel ?? null, toPeriod: trendSeries.at(-1)?.periodLabel ?? null };
}

/** What a comparison needs: what the import stored for the authority's latest published figure, the areas and neighbours, and the series when the stored trend is not the one asked for. */
export interface ComparisonInput {
  measure: Measure;
  areaCode: string;
  /** what the import stored for the authority's latest published figure with a value; null: it has none */
  stored: StoredComparison | null;
  /** loads a figure by id (the latest figure is loaded only when a query asks for it) */
  loadFigure: (id: string) => Promise<Figure | null>;
  /** the authority's published figures with a value for the measure, oldest first; needed (and then checked against `latest`) unless the default trend is asked for */
  published: readonly Figure[] | null;
  areas: ReadonlyMap<string, OutcomeArea>;
  /** local authorities in the code list, and how many of them the last import held figures for */
  localAuthorities: { total: number; withFigures: number };
  /** the authority's neighbours in the set, closest first (loaded only when a query asks for their values) */
  loadNeighbours: () => Promise<readonly StatisticalNeighbour[]>;
  neighbourSet: NeighbourSetName;
  trendPoints: number;
  target: number | null;
}

const areaValue = (code: string | null, areas: ReadonlyMap<string, OutcomeArea>, value: number | null) => {
  if (!code) return null;
  const area = areas.get(code);
  return area ? { areaCode: code, name: area.name, value } : null;
};

type TrendAnswer = ReturnType<typeof trendOver>;

/** what the import writes ahead of a stored neighbour set's values (stored-comparisons.ts writes mean, median, withValue, then values) */
const VALUES_KEY = ',"values":';

/**
 * The mean, median and count of a stored neighbour set, parsed without its values (the neighbours' own
 * figures, wanted only when a query asks for them): measured, parsing the values with them was a sixth
 * of what the national comparison allocated in the care subgraph. A text written otherwise is parsed whole.
 */
function neighbourSummary(text: string): Omit<StoredNeighbours, "values"> {
  const end = text.indexOf(VALUES_KEY);
  const summary = JSON.parse(end === -1 ? text : `${text.slice(0, end)}}`) as StoredNeighbours;
  return { mean: summary.mean, median: summary.median, withValue: summary.withValue };
}

/** the method texts (built only when a query asks for them) */
function methodOf(input: ComparisonInput, stored: StoredComparison | null): string[] {
  return [
    `Every comparison is for the period of the authority's latest published figure${stored ? ` (${stored.periodLabel})` : ""}.`,
    "Statistical neighbours: mean and median of the neighbours with a published value for that period (the authority itself excluded).",
    "Rank: among local authorities with a published value for that period; 1 = best by polarity (equal values share a rank), or the highest value when the measure has no polarity.",
    "Quartile band: quartiles of those values by quantile type 6 (as R's quantile(type = 6) and Excel's QUARTILE.EXC); A = best quarter, D = worst; a value on a boundary takes the better band.",
    `Trend: least-squares slope over the last ${Math.max(input.trendPoints, MIN_TREND_POINTS)} published values against their period's end year; significant when |t| exceeds Student's t at 5% (two-sided); at least ${MIN_TREND_POINTS} values needed.`,
    `Target: green when the latest value meets the target in the better direction, amber when short by at most ${AMBER_TOLERANCE * 100}% of the target, otherwise red.`,
  ];
}

/** the trend asked for: the stored one for the default number of points, else over the authority's own series */
function trendAnswerOf(input: ComparisonInput, stored: StoredComparison | null): TrendAnswer {
  const { published, trendPoints } = input;
  // with no stored comparison the authority has no published value (the import stores one for every area with a value)
  if (trendPoints === DEFAULT_TREND_POINTS && (stored || !published)) {
    return stored ? (JSON.parse(stored.trend) as TrendAnswer) : trendOver([], trendPoints, input.measure.polarity);
  }
  return trendOver(published ?? [], trendPoints, input.measure.polarity);
}

/**
 * How an authority's latest published figure for a measure compares, by the rules of
 * DESIGN.md: England, region, statistical neighbours (set named), rank and quartile
 * band among all authorities (polarity-aware), trend, and a local target. Every
 * comparison is for the period of the latest figure; each part says why when it
 * cannot be given. What depends on other areas (their values, rank, band, neighbours' mean and median,
 * the default trend) is read from what the import stored (stored-comparisons.ts); the rest (another
 * number of trend points, a target) from the authority's own series.
 */
export function compare(input: ComparisonInput) {
  const { measure, areaCode, stored, published } = input;
  const polarity = measure.polarity;
  const seriesLatest = published?.at(-1) ?? null;
  if (published && seriesLatest?.id !== stored?.figureId) {
    throw new Error(
      `the stored comparison of ${measure.code} for ${areaCode} is not for its latest published figure: comparisons are computed when published figures are imported (npm run import:lait, or the seed)`,
    );
  }
  if (!stored) {
    return {
      authorityCode: areaCode, measureCode: measure.code, polarity, latest: null, get method() { return methodOf(input, null); },
      trend: trendAnswerOf(input, null),
      england: null,
      region: null,
      neighbours: null,
      rank: null,
      target: input.target === null ? null : { target: input.target, rag: null, reason: "no published figure with a value to compare" },
      unavailable: "no published figure with a value for this authority",
    };
  }
  return new StoredAnswer(input, stored, seriesLatest);
}

/**
 * The stored columns each field of Comparison reads (StoredAnswer's getters below), so that a list of series
 * reads only those its comparisons ask for (Profile.measures): every authority × every measure reads tens of
 * thousands of rows, and each column is a value to decode in each (measured in SQLite, every authority × every
 * education measure: 372 ms for every column but the neighbours', about 100 ms for the keys and one or two more). The keys and the figure's id (what a series' latest figure is
 * checked against) are always read.
 */
const STORED_COLUMNS_OF = {
  // (the latest figure is loaded by figureId, always read)
  method: ["periodLabel"],
  trend: ["trend"],
  england: ["englandValue"],
  region: ["regionValue"],
  neighbours: Object.values(neighbourColumns),
  rank: ["rankPosition", "rankOutOf", "band", "quartile1", "quartile2", "quartile3"],
  target: ["value"],
} satisfies Partial<Record<keyof StoredAnswer, ReadonlyArray<keyof StoredComparison>>>;
const ALWAYS_READ: ReadonlyArray<keyof StoredComparison> = ["measureCode", "areaCode", "figureId"];

/** the stored columns the comparison fields asked for read, in a fixed order (equal selections share a read) */
export function storedColumnsFor(fields: Iterable<string>): Array<keyof StoredComparison> {
  const columns = new Set<keyof StoredComparison>(ALWAYS_READ);
  const byField: Partial<Record<string, ReadonlyArray<keyof StoredComparison>>> = STORED_COLUMNS_OF;
  for (const field of fields) for (const column of byField[field] ?? []) columns.add(column);
  return [...columns].sort();
}

/**
 * A comparison read from what the import stored. Each part is built (or loaded, or parsed) only when a
 * query asks for it, by the class's getters: a comparison of every authority and measure asks for a few
 * fields of tens of thousands, and getters on the prototype cost nothing per comparison (measured: the
 * closures and parsed texts of an object built whole were a fifth of what such a query allocated).
 */
class StoredAnswer {
  readonly authorityCode: string;
  readonly measureCode: string;
  readonly polarity: Polarity;
  readonly unavailable = null;

  constructor(
    private readonly input: ComparisonInput,
    private readonly stored: StoredComparison,
    private readonly seriesLatest: Figure | null,
  ) {
    this.authorityCode = input.areaCode;
    this.measureCode = input.measure.code;
    this.polarity = input.measure.polarity;
  }

  get latest() {
    return this.seriesLatest ?? this.input.loadFigure(this.stored.figureId);
  }

  get method() {
    return methodOf(this.input, this.stored);
  }

  get trend() {
    return trendAnswerOf(this.input, this.stored);
  }

  get england() {
    return areaValue(ENGLAND, this.input.areas, this.stored.englandValue);
  }

  get region() {
    return areaValue(this.input.areas.get(this.input.areaCode)?.regionCode ?? null, this.input.areas, this.stored.regionValue);
  }

  get neighbours() {
    const { input } = this;
    const text = this.stored[neighbourColumns[neighbourSetIds[input.neighbourSet]]];
    const held = neighbourSummary(text);
    return {
      set: neighbourSetInfo(input.neighbourSet),
      mean: held.mean,
      median: held.median,
      withValue: held.withValue,
      get values() {
        const storedValues = (JSON.parse(text) as StoredNeighbours).values;
        return input.loadNeighbours().then((neighbours) => neighbours.map((pair) => {
          const area = input.areas.get(pair.neighbourCode);
          return { rank: pair.rank, closeness: pair.closeness, areaCode: pair.neighbourCode, name: area?.name ?? pair.neighbourCode, value: storedValues[pair.neighbourCode] ?? null };
        }));
      },
    };
  }

  get rank() {
    const { input, stored, polarity } = this;
    const national = input.localAuthorities.withFigures === input.localAuthorities.total;
    const noBand = !polarity
      ? "the measure has no polarity (the data dictionary makes no judgement of which way is better), so no band is given"
      : !input.measure.quartileBanding
        ? "the LAIT data dictionary marks this measure No_Quartile, so no band is given"
        : null;
    return {
      position: stored.rankPosition,
      outOf: stored.rankOutOf,
      order: polarity ? "BEST_FIRST" : "HIGHEST_FIRST",
      band: noBand ? null : (stored.band as QuartileBand | null),
      noBand,
      quartiles: stored.quartile1 === null ? null : ([stored.quartile1, stored.quartile2!, stored.quartile3!] as [number, number, number]),
      national,
      note: national
        ? null
        : `figures are held for ${input.localAuthorities.withFigures} of ${input.localAuthorities.total} English local authorities (a regional extract): this is a rank among those, not a national one; import the national file with npm run import:lait`,
    };
  }

  get target() {
    const { target } = this.input;
    return target === null ? null : { target, ...ragAgainstTarget(this.stored.value, target, this.polarity) };
  }
}
