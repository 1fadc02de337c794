/**
 * The stored comparisons' suite, registered once per engine by its test files
 * (test/stored-comparisons-sqlite.test.ts, test/stored-comparisons-mysql.test.ts), so that the two
 * engines run in two test processes side by side.
 *
 * Comparisons are computed when published figures are imported and stored (stored-comparisons.ts); a
 * read combines what was stored with the authority's own series. Checked here:
 * - against the oracle (test/support/comparison-oracle.ts: compare() as it was before comparisons were
 *   stored, recomputing from every area's values per request), field by field, for every area and
 *   measure, both neighbour sets, other numbers of trend points and targets, on the Tees Valley
 *   extract and on the national file;
 * - on the national file, against values this test computes on its own from the CSV rows, for a
 *   higher-is-better, a lower-is-better, a no-polarity and a No_Quartile measure, neighbour sets with
 *   missing values and a multi-year period;
 * - a local figure's write leaves them untouched; a re-import replaces them, leaving no stale row.
 * On embedded SQLite, and on MySQL/MariaDB when MYSQL_URL is set.
 *
 * The national blocks start from copies of the run's national templates (test/support/national.ts:
 * the national file imported once per run and engine into an education and a care database, as this
 * suite used to import it into databases of its own); the re-import test imports again, into its copy.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, openDataSource } from "@tees/subgraph-common/database";
import { EXTRACT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { neighbourSetIds, type NeighbourSetName } from "@tees/subgraph-common/lait/neighbour-sets";
import { Figure, Measure, OutcomeArea, outcomeEntities, StatisticalNeighbour, StoredComparison } from "@tees/outcomes/entities";
import { importLait } from "@tees/outcomes/lait";
import { createOutcomeContext, type OutcomeContext } from "@tees/outcomes/loaders";
import { outcomeMigrations } from "@tees/outcomes/migrations";
import { outcomeResolvers, type Series } from "@tees/outcomes/resolvers";
import { topicsOf } from "@tees/outcomes/deployments";
import { recordLocalFigure } from "@tees/outcomes/writes";
import { repoRoot } from "../../scripts/catalog";
import { oracleCompare } from "./comparison-oracle";
import { mysqlServerUrl, type DatabaseChoice, type ScratchDatabase } from "./mysql";
import { copyOfNational } from "./national";

const educationTopics = topicsOf("education");
const careTopics = topicsOf("care");

const NATIONAL = join(repoRoot, "../shared/reference-data/dfe-lait");
const hasNational = existsSync(join(NATIONAL, "bds_long.csv.gz"));
const SETS: NeighbourSetName[] = ["APRIL_2021", "MAY_2025"];
const ANALYST = { subject: "stored-comparisons-test", role: "analyst" as const, authority: null };

interface Opened {
  dataSource: DataSource;
  scratch: ScratchDatabase;
}

/**
 * a copy of the run's template of an outcomes subgraph with a LAIT folder imported (migrated, then the folder
 * imported for its topics: test/support/national.ts, one template per folder's content), opened; the national
 * file by default
 */
async function openImported(mysql: boolean, subgraph: string, topics: ReadonlySet<string>, folder = NATIONAL): Promise<Opened> {
  if (mysql && !mysqlServerUrl) throw new Error("the MySQL/MariaDB block needs MYSQL_URL");
  const choice: DatabaseChoice = mysql ? { kind: "mysql", serverUrl: mysqlServerUrl! } : { kind: "sqlite" };
  const scratch = await copyOfNational(choice, { subgraph, folder, topics });
  try {
    const { dataSource } = await openDataSource({ url: scratch.url, poolSize: 4, queueLimit: 0, queryTimeoutMs: 600_000 }, outcomeEntities, outcomeMigrations(scratch.url));
    return { dataSource, scratch };
  } catch (error) {
    await scratch.drop().catch(() => undefined);
    throw error;
  }
}

async function closeOutcomes(opened: Opened | undefined) {
  if (!opened) return;
  await opened.dataSource.destroy();
  await opened.scratch.drop();
}

/** What the oracle reads: every area's published values of every measure by period, the areas and both neighbour sets. */
async function oracleInputs(dataSource: DataSource) {
  const rows: Array<{ measureCode: string; areaCode: string; periodLabel: string; value: number | null }> = await dataSource
    .getRepository(Figure)
    .createQueryBuilder("f")
    .select(["f.measureCode AS measureCode", "f.areaCode AS areaCode", "f.periodLabel AS periodLabel", "f.value AS value"])
    .where("f.kind = :kind", { kind: "published" })
    .getRawMany();
  const valuesByMeasure = new Map<string, Map<string, Map<string, number | null>>>();
  for (const row of rows) {
    if (!valuesByMeasure.has(row.measureCode)) valuesByMeasure.set(row.measureCode, new Map());
    const periods = valuesByMeasure.get(row.measureCode)!;
    if (!periods.has(row.periodLabel)) periods.set(row.periodLabel, new Map());
    periods.get(row.periodLabel)!.set(row.areaCode, row.value === null ? null : Number(row.value));
  }
  const areaRows = await dataSource.getRepository(OutcomeArea).find();
  const localAuthorities = areaRows.filter((a) => a.kind === "local-authority");
  const neighbours = new Map<string, StatisticalNeighbour[]>();
  for (const pair of await dataSource.getRepository(StatisticalNeighbour).find({ order: { rank: "ASC" } })) {
    const key = `${pair.setId}|${pair.areaCode}`;
    if (!neighbours.has(key)) neighbours.set(key, []);
    neighbours.get(key)!.push(pair);
  }
  return {
    valuesByMeasure,
    areas: new Map(areaRows.map((a) => [a.code, a])),
    areaCodes: areaRows.map((a) => a.code),
    localAuthorities: { total: localAuthorities.length, withFigures: localAuthorities.filter((a) => a.hasPublishedFigures).length },
    neighbours,
  };
}

type Answer = Awaited<ReturnType<typeof outcomeResolvers.Series.comparison>>;
/**
 * the answer as a client gets it: every field of Comparison read, as execution reads it (a stored answer's are
 * getters of its class), and the parts a read loads only when asked for (the latest figure, the neighbours' values) awaited
 */
async function settle(answer: Answer) {
  const neighbours = answer.neighbours;
  return {
    authorityCode: answer.authorityCode, measureCode: answer.measureCode, polarity: answer.polarity,
    latest: await answer.latest, method: answer.method, trend: answer.trend, england: answer.england, region: answer.region,
    neighbours: neighbours && { ...neighbours, values: await neighbours.values },
    rank: answer.rank, target: answer.target, unavailable: answer.unavailable,
  };
}

interface Variant {
  neighbours: NeighbourSetName;
  trendPoints: number;
  target: number | null;
}

/** Every area × every measure it has figures for: the stored-based answer against the oracle's, field by field. */
async function checkAgainstOracle(dataSource: DataSource): Promise<{ compared: number; mismatches: string[] }> {
  const inputs = await oracleInputs(dataSource);
  const mismatches: string[] = [];
  let compared = 0;
  const CHUNK = 12;
  for (let i = 0; i < inputs.areaCodes.length; i += CHUNK) {
    const context: OutcomeContext = createOutcomeContext(dataSource, ANALYST); // fresh loaders, as per request
    const work: Array<Promise<void>> = [];
    for (const areaCode of inputs.areaCodes.slice(i, i + CHUNK)) {
      const seriesList = (await outcomeResolvers.Profile.measures({ areaCode }, {}, context)) as Series[];
      // the series' figures for the oracle, loaded apart: the Series objects stay as a profile gives them
      const figuresList = await Promise.all(seriesList.map((series) => outcomeResolvers.Series.figures(series, {}, context)));
      seriesList.forEach((series, n) => {
        const figures = figuresList[n]!;
        const latest = figures.filter((f) => f.kind === "published" && f.value !== null).at(-1);
        const variants: Variant[] = SETS.map((set) => ({ neighbours: set, trendPoints: 5, target: null }));
        // other trend lengths and targets on every fifth series (and a target just short of the latest value: amber or red by polarity)
        if (n % 5 === 0) {
          variants.push({ neighbours: "MAY_2025", trendPoints: 7, target: 50 });
          variants.push({ neighbours: "APRIL_2021", trendPoints: 12, target: latest?.value ? latest.value * 1.03 : 1 });
          variants.push({ neighbours: "MAY_2025", trendPoints: 50, target: latest?.value ? latest.value * 0.97 : -1 });
        }
        for (const variant of variants) {
          work.push((async () => {
            const actual = await settle(await outcomeResolvers.Series.comparison(series, variant, context));
            const expected = oracleCompare({
              measure: series.measure,
              areaCode,
              series: figures,
              valuesByPeriod: inputs.valuesByMeasure.get(series.measure.code) ?? new Map(),
              areas: inputs.areas,
              localAuthorities: inputs.localAuthorities,
              neighbours: inputs.neighbours.get(`${neighbourSetIds[variant.neighbours]}|${areaCode}`) ?? [],
              neighbourSet: variant.neighbours,
              trendPoints: variant.trendPoints,
              target: variant.target,
            });
            compared += 1;
            if (!isDeepStrictEqual(actual, expected) && mismatches.length < 5) {
              mismatches.push(`${areaCode} ${series.measure.code} ${JSON.stringify(variant)}:\n  stored:   ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected)}`);
            }
          })());
        }
      });
    }
    await Promise.all(work);
  }
  return { compared, mismatches };
}

/** the national rows, read here without the importer's code */
interface SourceRow {
  measure: string;
  period: string;
  laNumber: string;
  value: string;
}
const csv = (file: string) => parse(readFileSync(file), { columns: true, record_delimiter: ["\r\n", "\n"] }) as Array<Record<string, string>>;

/** quantile type 6, written again here: position p(n + 1) on the sorted values, interpolated, clamped */
function type6(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = p * (sorted.length + 1);
  if (h <= 1) return sorted[0]!;
  if (h >= sorted.length) return sorted.at(-1)!;
  const k = Math.floor(h);
  return sorted[k - 1]! + (h - k) * (sorted[k]! - sorted[k - 1]!);
}

/** the engine the suite runs on; `run: false` registers its tests as skipped (the caller says why, out loud) */
export interface Engine {
  label: string;
  mysql: boolean;
  run: boolean;
}

/** registers the suite's describe blocks on one engine */
export function describeStoredComparisons({ label, mysql, run }: Engine): void {
  if (run && !hasNational) console.warn(`Stored comparisons on the national LAIT file (${label}) NOT run: ../shared/reference-data/dfe-lait is not beside the repository (CI has it)`);

  describe.runIf(run)(`stored comparisons on the Tees Valley extract (${label})`, () => {
    const opened: Opened[] = [];
    afterAll(async () => {
      for (const o of opened) await closeOutcomes(o);
    });

    it.each([
      ["education", educationTopics],
      ["care", careTopics],
    ] as const)("%s: every area × measure, both neighbour sets, other trend lengths and targets: exactly the oracle's answers", async (name, topics) => {
      // a copy of the run's template of the extract's import (imported once per engine and subgraph, as importLait
      // into a new database leaves it): care's is copied again by the test below
      const o = await openImported(mysql, name, topics, EXTRACT_LAIT_FOLDER);
      opened.push(o);
      const { compared, mismatches } = await checkAgainstOracle(o.dataSource);
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(1000);
    }, 300_000);

    it("a database from before stored comparisons (figures held, no stored_comparison table) gets them when migrated", async () => {
      // a copy of the care extract's import (the template the care test above made)
      const o = await openImported(mysql, "care", careTopics, EXTRACT_LAIT_FOLDER);
      opened.push(o);
      // back to the schema of before: the migration that made the table, and every one after it, undone
      const names = o.dataSource.migrations.map((m) => m.name ?? "");
      const made = names.findIndex((name) => /^StoredComparisons/.test(name));
      expect(made).toBeGreaterThan(-1);
      for (let i = names.length - 1; i >= made; i -= 1) await o.dataSource.undoLastMigration({ transaction: "all" });
      const runner = o.dataSource.createQueryRunner();
      try {
        expect(await runner.hasTable("stored_comparison")).toBe(false);
      } finally {
        await runner.release();
      }
      expect(await o.dataSource.getRepository(Figure).count()).toBeGreaterThan(1000);
      await migrate(o.dataSource);
      expect(await o.dataSource.getRepository(StoredComparison).count()).toBeGreaterThan(100);
      const { compared, mismatches } = await checkAgainstOracle(o.dataSource);
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(1000);
    }, 300_000);
  });

  describe.runIf(run && hasNational)(`stored comparisons on the national LAIT file (${label})`, () => {
    let education: Opened;
    let care: Opened;
    let rows: SourceRow[];
    const gss = new Map<string, string>(); // DfE number → GSS
    const dictionary = new Map<string, { polarity: string; noQuartile: boolean }>();
    const laOf = (code: string) => /^E0[6-9]|^E10/.test(code);

    beforeAll(async () => {
      const text = gunzipSync(readFileSync(join(NATIONAL, "bds_long.csv.gz"))).toString("utf8");
      rows = (parse(text, { columns: true, record_delimiter: ["\r\n", "\n"] }) as Array<Record<string, string>>).map((r) => ({
        measure: r["Short Desc"]!, period: r.Years!, laNumber: r["LA Number"]!, value: r.Values!,
      }));
      for (const r of csv(join(NATIONAL, "la_gss_codes.csv"))) gss.set(r.la_number!, r.gss_code!);
      const listed = new Map<string, number>();
      for (const r of csv(join(NATIONAL, "lait_data_dictionary.csv"))) {
        listed.set(r.Measure_short!, (listed.get(r.Measure_short!) ?? 0) + 1);
        dictionary.set(r.Measure_short!, { polarity: r.Polarity ?? "", noQuartile: r.No_Quartile?.trim() === "N" });
      }
      // a code listed under two topics takes the row of its subgraph's topic: left out here, so this reading needs no topics
      for (const [code, times] of listed) if (times > 1) dictionary.delete(code);
      // each a copy of the national file's import: the run's template, imported once per engine
      education = await openImported(mysql, "education", educationTopics);
      care = await openImported(mysql, "care", careTopics);
    }, 600_000);

    afterAll(async () => {
      await closeOutcomes(education);
      await closeOutcomes(care);
    });

    it("education and care: every area × measure, both neighbour sets, other trend lengths and targets: exactly the oracle's answers", async () => {
      for (const o of [education, care]) {
        const { compared, mismatches } = await checkAgainstOracle(o.dataSource);
        expect(mismatches).toEqual([]);
        expect(compared).toBeGreaterThan(30_000);
      }
    }, 900_000);

    /** one measure's stored comparisons checked against this test's own reading of the CSV rows */
    async function checkIndependently(dataSource: DataSource, measure: string) {
      const stored = await dataSource.getRepository(StoredComparison).findBy({ measureCode: measure });
      const measureRows = rows.filter((r) => r.measure === measure);
      // the measure's rows indexed once by area and period (the first row of each, as a search of the rows finds it) and by period
      const firstRow = new Map<string, Map<string, SourceRow>>(); // GSS code → period → row
      const rowsOfPeriod = new Map<string, SourceRow[]>();
      for (const r of measureRows) {
        const code = gss.get(r.laNumber);
        if (code !== undefined) {
          if (!firstRow.has(code)) firstRow.set(code, new Map());
          const periods = firstRow.get(code)!;
          if (!periods.has(r.period)) periods.set(r.period, r);
        }
        if (!rowsOfPeriod.has(r.period)) rowsOfPeriod.set(r.period, []);
        rowsOfPeriod.get(r.period)!.push(r);
      }
      const valueOf = (code: string, period: string) => {
        const raw = firstRow.get(code)?.get(period)?.value;
        return raw === undefined || raw === "-" ? null : Number(raw);
      };
      const neighbourSets = new Map<string, string[]>();
      for (const set of ["2021-04", "2025-05"]) {
        for (const r of csv(join(NATIONAL, `statistical_neighbours_${set}.csv`))) {
          if (r.neighbour_la_number === "-") continue;
          const key = `${set}|${gss.get(r.la_number!)}`;
          neighbourSets.set(key, [...(neighbourSets.get(key) ?? []), `${r.rank}|${gss.get(r.neighbour_la_number!)}`]);
        }
      }
      const { polarity, noQuartile } = dictionary.get(measure)!;
      let missingNeighbourValues = 0;
      const authorities = stored.filter((s) => laOf(s.areaCode));
      expect(authorities.length).toBeGreaterThan(100);
      for (const s of authorities) {
        expect(valueOf(s.areaCode, s.periodLabel)).toBe(s.value);
        expect(s.englandValue).toBe(valueOf("E92000001", s.periodLabel));
        const all = (rowsOfPeriod.get(s.periodLabel) ?? []).filter((r) => r.value !== "-" && laOf(gss.get(r.laNumber) ?? "")).map((r) => Number(r.value));
        expect(s.rankOutOf).toBe(all.length);
        const better = polarity === "Low" ? all.filter((v) => v < s.value) : all.filter((v) => v > s.value);
        expect(s.rankPosition).toBe(1 + better.length);
        const q = [0.25, 0.5, 0.75].map((p) => type6(all, p));
        expect(s.quartile1).toBeCloseTo(q[0]!, 9);
        expect(s.quartile2).toBeCloseTo(q[1]!, 9);
        expect(s.quartile3).toBeCloseTo(q[2]!, 9);
        const expectedBand = polarity === "High"
          ? s.value >= q[2]! ? "A" : s.value >= q[1]! ? "B" : s.value >= q[0]! ? "C" : "D"
          : polarity === "Low" ? s.value <= q[0]! ? "A" : s.value <= q[1]! ? "B" : s.value <= q[2]! ? "C" : "D" : null;
        expect(s.band).toBe(expectedBand);
        for (const [set, column] of [["2021-04", "neighbours2021"], ["2025-05", "neighbours2025"]] as const) {
          const held = JSON.parse(s[column]) as { mean: number | null; median: number | null; withValue: number };
          const values = (neighbourSets.get(`${set}|${s.areaCode}`) ?? [])
            .sort((a, b) => Number(a.split("|")[0]) - Number(b.split("|")[0]))
            .map((n) => valueOf(n.split("|")[1]!, s.periodLabel));
          const present = values.filter((v): v is number => v !== null);
          missingNeighbourValues += values.length - present.length;
          expect(held.withValue).toBe(present.length);
          if (present.length === 0) {
            expect(held.mean).toBeNull();
          } else {
            expect(held.mean).toBeCloseTo(present.reduce((a, b) => a + b, 0) / present.length, 9);
            const sorted = [...present].sort((a, b) => a - b);
            const middle = sorted.length / 2;
            expect(held.median).toBeCloseTo(sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2, 9);
          }
        }
      }
      return { polarity, noQuartile, missingNeighbourValues, periods: new Set(authorities.map((s) => s.periodLabel)) };
    }

    it("equal an independent computation from the CSV rows: higher- and lower-is-better, no polarity, No_Quartile, missing neighbour values, a multi-year period", async () => {
      const heldBy = async (dataSource: DataSource) => (await dataSource.getRepository(Measure).find()).map((m) => m.code);
      const held = [...(await heldBy(education.dataSource)).map((code) => ({ code, o: education })), ...(await heldBy(care.dataSource)).map((code) => ({ code, o: care }))];
      const stored = async (code: string, o: Opened) => o.dataSource.getRepository(StoredComparison).countBy({ measureCode: code });
      const pick = async (test: (code: string) => boolean, what: string) => {
        for (const h of held) if (dictionary.has(h.code) && test(h.code) && (await stored(h.code, h.o)) > 100) return h;
        throw new Error(`no measure held that is ${what}`);
      };
      const high = await pick((c) => dictionary.get(c)?.polarity === "High" && !dictionary.get(c)?.noQuartile, "higher-is-better");
      const low = await pick((c) => dictionary.get(c)?.polarity === "Low" && !dictionary.get(c)?.noQuartile, "lower-is-better");
      const none = await pick((c) => !["High", "Low"].includes(dictionary.get(c)?.polarity ?? ""), "without polarity");
      const noQuartile = await pick((c) => dictionary.get(c)?.noQuartile === true, "No_Quartile");
      // the measures with a row of a multi-year period, found in one pass over the rows
      const multiYearMeasures = new Set(rows.filter((r) => /^\d{4}\/\d{2}-\d{2}\/\d{2}/.test(r.period)).map((r) => r.measure));
      const multiYear = await pick((c) => multiYearMeasures.has(c), "of multi-year periods");
      const checked = [];
      for (const h of [high, low, none, noQuartile, multiYear]) checked.push({ code: h.code, ...(await checkIndependently(h.o.dataSource, h.code)) });
      expect(checked[2]!.polarity).not.toMatch(/High|Low/);
      expect(checked[3]!.noQuartile).toBe(true);
      expect([...checked[4]!.periods].some((p) => /^\d{4}\/\d{2}-\d{2}\/\d{2}/.test(p))).toBe(true);
      expect(checked.some((c) => c.missingNeighbourValues > 0)).toBe(true);
      // through the resolver: No_Quartile and no polarity give no band and say why
      const context = createOutcomeContext(noQuartile.o.dataSource, ANALYST);
      const area = (await noQuartile.o.dataSource.getRepository(StoredComparison).findOneByOrFail({ measureCode: noQuartile.code, areaCode: "E06000003" })).areaCode;
      const series = ((await outcomeResolvers.Profile.measures({ areaCode: area }, { codes: [noQuartile.code] }, context)) as Series[])[0]!;
      const answer = await outcomeResolvers.Series.comparison(series, { neighbours: "MAY_2025", trendPoints: 5 }, context);
      expect(answer.rank?.band).toBeNull();
      expect(answer.rank?.noBand).toMatch(/No_Quartile|no polarity/);
    }, 300_000);

    it("a local figure's write leaves the published comparisons untouched", async () => {
      const { dataSource } = care;
      const measure = "LAC";
      const snapshot = async () => (await dataSource.getRepository(StoredComparison).find({ where: { measureCode: measure }, order: { areaCode: "ASC" } }));
      const before = await snapshot();
      const editor = createOutcomeContext(dataSource, { subject: "stored-comparisons-editor", role: "editor", authority: "E06000003" });
      await recordLocalFigure(editor, "recordCareLocalFigure", {
        key: "lac-2030", measureCode: measure, label: "Children looked after (rate per 10,000)", value: 1, unit: "rate per 10,000", period: { label: "2030" },
        source: { document: "redcar-and-cleveland-test-care-report-2030", section: "Headline measures", newDocument: { title: "Care report (test document)", publisher: "Redcar and Cleveland Borough Council" } },
      });
      expect(await snapshot()).toEqual(before);
      // and the answer with the local figure in the series is the oracle's
      const inputs = await oracleInputs(dataSource);
      const context = createOutcomeContext(dataSource, ANALYST);
      const series = ((await outcomeResolvers.Profile.measures({ areaCode: "E06000003" }, { codes: [measure] }, context)) as Series[])[0]!;
      const figures = await outcomeResolvers.Series.figures(series, {}, context);
      expect(figures.some((f) => f.kind === "local")).toBe(true);
      for (const variant of [{ neighbours: "MAY_2025" as const, trendPoints: 5, target: null }, { neighbours: "APRIL_2021" as const, trendPoints: 9, target: 80 }]) {
        expect(await settle(await outcomeResolvers.Series.comparison(series, variant, context))).toStrictEqual(oracleCompare({
          measure: series.measure, areaCode: "E06000003", series: figures, valuesByPeriod: inputs.valuesByMeasure.get(measure)!, areas: inputs.areas,
          localAuthorities: inputs.localAuthorities, neighbours: inputs.neighbours.get(`${neighbourSetIds[variant.neighbours]}|E06000003`) ?? [],
          neighbourSet: variant.neighbours, trendPoints: variant.trendPoints, target: variant.target,
        }));
      }
    }, 120_000);

    it("a re-import replaces them: a changed value moves its rank, band and neighbours' mean; an area whose figures are gone keeps no stored row", async () => {
      const { dataSource } = care;
      const measure = "LACStable_2016on"; // lower is better
      const repo = dataSource.getRepository(StoredComparison);
      const before = await repo.find({ where: { measureCode: measure } });
      const las = before.filter((s) => laOf(s.areaCode));
      const period = las.map((s) => s.periodLabel).sort().at(-1)!;
      const atPeriod = las.filter((s) => s.periodLabel === period);
      const worst = atPeriod.reduce((a, b) => (b.value > a.value ? b : a));
      const gone = atPeriod.find((s) => s.areaCode !== worst.areaCode)!;
      // an authority with the changed one among its 2025 neighbours
      const neighbour = await dataSource.getRepository(StatisticalNeighbour).findOneByOrFail({ setId: "2025-05", neighbourCode: worst.areaCode });
      const neighbourBefore = before.find((s) => s.areaCode === neighbour.areaCode)!;
      const lowest = Math.min(...atPeriod.map((s) => s.value));
      const dfeOf = new Map([...gss].map(([dfe, code]) => [code, dfe]));

      const folder = mkdtempSync(join(tmpdir(), "stored-reimport-"));
      try {
        for (const f of ["lait_data_dictionary.csv", "la_gss_codes.csv", "la_code_list.csv", "statistical_neighbours_2021-04.csv", "statistical_neighbours_2025-05.csv"]) copyFileSync(join(NATIONAL, f), join(folder, f));
        const lines = gunzipSync(readFileSync(join(NATIONAL, "bds_long.csv.gz"))).toString("utf8").split(/\r?\n/);
        const header = parse(lines[0]!)[0] as string[];
        const at = (name: string) => header.indexOf(name);
        let changed = 0;
        const kept = lines.filter((line, i) => {
          if (i === 0 || !line.includes(measure)) return true;
          const cells = parse(line)[0] as string[];
          if (cells[at("Short Desc")] !== measure) return true;
          return cells[at("LA Number")] !== dfeOf.get(gone.areaCode);
        }).map((line, i) => {
          if (i === 0 || !line.includes(measure)) return line;
          const cells = parse(line)[0] as string[];
          if (cells[at("Short Desc")] !== measure || cells[at("LA Number")] !== dfeOf.get(worst.areaCode) || cells[at("Years")] !== period) return line;
          changed += 1;
          cells[at("Values")] = String(lowest - 1);
          return cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
        });
        expect(changed).toBe(1);
        writeFileSync(join(folder, "bds_long.csv"), kept.join("\n"));
        await importLait(dataSource, folder, { topics: careTopics });
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
      const after = await repo.find({ where: { measureCode: measure } });
      const moved = after.find((s) => s.areaCode === worst.areaCode)!;
      expect(worst.rankPosition).toBeGreaterThan(1);
      expect(moved).toMatchObject({ value: lowest - 1, rankPosition: 1, band: "A", rankOutOf: worst.rankOutOf - 1 });
      expect(after.find((s) => s.areaCode === gone.areaCode)).toBeUndefined();
      const meanOf = (s: StoredComparison) => (JSON.parse(s.neighbours2025) as { mean: number | null }).mean;
      expect(meanOf(after.find((s) => s.areaCode === neighbour.areaCode)!)).not.toBe(meanOf(neighbourBefore));
      // no stale row anywhere: one stored comparison per area and measure with a published value, no more
      const [expected] = (await dataSource.query("SELECT COUNT(*) AS n FROM (SELECT DISTINCT measureCode, areaCode FROM figure WHERE kind = 'published' AND value IS NOT NULL) t")) as Array<{ n: number | string }>;
      expect(await repo.count()).toBe(Number(expected!.n));
    }, 300_000);
  });
}
