import type { EntityManager } from "typeorm";
import { bulkInsert } from "@tees/subgraph-common/bulk-insert";
import { StatisticalNeighbour } from "@tees/subgraph-common/entities/StatisticalNeighbour";
import { NEIGHBOUR_SETS } from "@tees/subgraph-common/lait/code-lists";
import { DEFAULT_TREND_POINTS, trendOver, type PublishedPoint } from "./comparison";
import { Figure, Measure, neighbourColumns, OutcomeArea, StoredComparison, type StoredNeighbours } from "./entities";
import { bandIn, distributionOf, mean, median, rankIn, type Distribution } from "./statistics";

/** measures whose published figures are read back at once: a national measure is ~1,500 rows */
const MEASURES_PER_READ = 8;

interface FigureRow {
  id: string;
  measureCode: string;
  areaCode: string;
  periodLabel: string;
  periodEndYear: number | null;
  value: number | null;
}

/**
 * Computes and stores, for every measure held and every area with a published figure with a value, what
 * its comparison reads from other areas (see StoredComparison), replacing what was stored: called inside
 * the transaction that writes published figures, areas and neighbour sets, after they are written, so
 * that the stored comparisons always match them. Figures are read back a few measures at a time, in the
 * order the read path gives a series (period end year, then label), never all at once.
 */
export async function storeComparisons(manager: EntityManager): Promise<{ comparisons: number }> {
  // columns named: the migration that created the table runs this too, on the schema of its time
  const areas = await manager.getRepository(OutcomeArea).find({ select: { code: true, kind: true, regionCode: true } });
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const neighbourRows = await manager.getRepository(StatisticalNeighbour).find({
    select: { setId: true, areaCode: true, rank: true, neighbourCode: true },
    order: { setId: "ASC", areaCode: "ASC", rank: "ASC" },
  });
  const neighbours = new Map<string, string[]>(); // "<set>|<area>" → neighbour codes, closest first
  for (const row of neighbourRows) {
    const key = `${row.setId}|${row.areaCode}`;
    if (!neighbours.has(key)) neighbours.set(key, []);
    neighbours.get(key)!.push(row.neighbourCode);
  }
  const measures = await manager.getRepository(Measure).find({ select: { code: true, polarity: true }, order: { code: "ASC" } });

  await manager.createQueryBuilder().delete().from(StoredComparison).execute();
  let comparisons = 0;
  for (let i = 0; i < measures.length; i += MEASURES_PER_READ) {
    const chunk = measures.slice(i, i + MEASURES_PER_READ);
    const rows: FigureRow[] = await manager
      .getRepository(Figure)
      .createQueryBuilder("f")
      .select(["f.id AS id", "f.measureCode AS measureCode", "f.areaCode AS areaCode", "f.periodLabel AS periodLabel", "f.periodEndYear AS periodEndYear", "f.value AS value"])
      .where("f.kind = :kind AND f.measureCode IN (:...codes)", { kind: "published", codes: chunk.map((m) => m.code) })
      .orderBy("f.measureCode", "ASC")
      .addOrderBy("f.areaCode", "ASC")
      .addOrderBy("f.periodEndYear", "ASC")
      .addOrderBy("f.periodLabel", "ASC")
      .getRawMany();
    const stored: StoredComparison[] = [];
    let from = 0;
    for (const measure of chunk) {
      let to = from;
      while (to < rows.length && rows[to]!.measureCode === measure.code) to += 1;
      stored.push(...compareMeasure(measure, rows.slice(from, to), areaByCode, neighbours));
      from = to;
    }
    await bulkInsert(manager, StoredComparison, stored, 200);
    comparisons += stored.length;
  }
  return { comparisons };
}

/** every area's stored comparison for one measure, from its published figures (ordered by area, then as a series) */
function compareMeasure(
  measure: Pick<Measure, "code" | "polarity">,
  rows: readonly FigureRow[],
  areaByCode: ReadonlyMap<string, OutcomeArea>,
  neighbours: ReadonlyMap<string, readonly string[]>,
): StoredComparison[] {
  const valuesByPeriod = new Map<string, Map<string, number | null>>();
  const seriesByArea = new Map<string, Array<PublishedPoint & { id: string; value: number }>>();
  for (const row of rows) {
    const value = row.value === null ? null : Number(row.value);
    if (!valuesByPeriod.has(row.periodLabel)) valuesByPeriod.set(row.periodLabel, new Map());
    valuesByPeriod.get(row.periodLabel)!.set(row.areaCode, value);
    if (!seriesByArea.has(row.areaCode)) seriesByArea.set(row.areaCode, []);
    if (value !== null) seriesByArea.get(row.areaCode)!.push({ id: row.id, periodLabel: row.periodLabel, periodEndYear: row.periodEndYear === null ? null : Number(row.periodEndYear), value });
  }
  const distributions = new Map<string, Distribution>();
  const distributionFor = (period: string, values: ReadonlyMap<string, number | null>) => {
    let found = distributions.get(period);
    if (!found) {
      const laValues: number[] = [];
      for (const [code, value] of values) if (value !== null && areaByCode.get(code)?.kind === "local-authority") laValues.push(value);
      distributions.set(period, (found = distributionOf(laValues)));
    }
    return found;
  };

  const out: StoredComparison[] = [];
  for (const [areaCode, published] of seriesByArea) {
    const latest = published.at(-1);
    if (!latest) continue;
    const values = valuesByPeriod.get(latest.periodLabel)!;
    const distribution = distributionFor(latest.periodLabel, values);
    const regionCode = areaByCode.get(areaCode)?.regionCode ?? null;
    const row: Record<string, unknown> = {
      measureCode: measure.code,
      areaCode,
      periodLabel: latest.periodLabel,
      figureId: latest.id,
      value: latest.value,
      englandValue: values.get("E92000001") ?? null,
      regionValue: regionCode === null ? null : (values.get(regionCode) ?? null),
      rankPosition: rankIn(distribution, latest.value, measure.polarity),
      rankOutOf: distribution.ranked.length,
      band: bandIn(distribution, latest.value, measure.polarity),
      quartile1: distribution.quartiles?.[0] ?? null,
      quartile2: distribution.quartiles?.[1] ?? null,
      quartile3: distribution.quartiles?.[2] ?? null,
      trend: JSON.stringify(trendOver(published, DEFAULT_TREND_POINTS, measure.polarity)),
    };
    for (const setId of NEIGHBOUR_SETS) {
      const byCode: Record<string, number | null> = {};
      const withValue: number[] = [];
      // closest first, as the comparison lists them: the mean adds them in that order
      for (const code of neighbours.get(`${setId}|${areaCode}`) ?? []) {
        const value = values.get(code) ?? null;
        byCode[code] = value;
        if (value !== null) withValue.push(value);
      }
      // values last: a read that needs only the mean and median parses the text before them (comparison.ts, neighbourSummary)
      const stored: StoredNeighbours = { mean: mean(withValue), median: median(withValue), withValue: withValue.length, values: byCode };
      row[neighbourColumns[setId]] = JSON.stringify(stored);
    }
    out.push(row as unknown as StoredComparison);
  }
  return out;
}
