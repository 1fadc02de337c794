import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { groupBy, loadOnce, rowsByColumn, rowsById } from "@tees/subgraph-common/loaders";
import { neighboursLoader } from "@tees/subgraph-common/lait/neighbour-loader";
import { Figure, FigureSource, Measure, OutcomeArea, OutcomeDocument, StoredComparison } from "./entities";
import type { Identity } from "@tees/subgraph-common/signed-identity";
import { DEFAULT_WORK_BUDGET, unbudgeted, Work, WorkCounters, type Statements, type WorkBudgetSettings } from "@tees/subgraph-common/work-budget";

/** area + optional measure filter → figures, batched into one query per distinct filter */
interface FigureKey {
  areaCode: string;
  measureCodes: readonly string[] | null;
}

/** each list of codes' filter, worked out once (a key's filter is asked for several times, and a list's profiles share their codes) */
const filters = new WeakMap<readonly string[], string>();
/** "*" for every measure, else the sorted codes: equal filters share one query and one cache entry */
const filterOf = (key: FigureKey): string => {
  if (!key.measureCodes) return "*";
  let filter = filters.get(key.measureCodes);
  if (filter === undefined) filters.set(key.measureCodes, (filter = [...key.measureCodes].sort().join(",")));
  return filter;
};

/** a list's read of stored comparisons: its area and filter, and the columns its comparisons read (storedColumnsFor: sorted) */
interface StoredKey extends FigureKey {
  columns: ReadonlyArray<keyof StoredComparison>;
}
const storedGroupOf = (key: StoredKey) => `${filterOf(key)}|${key.columns.join(",")}`;

/** the stored comparisons of these areas (and measures; null: all), as plain rows of these columns (null: all of them) */
function readStored(
  work: Statements,
  { areas, codes, columns }: { areas: readonly string[]; codes: readonly string[] | null; columns: ReadonlyArray<keyof StoredComparison> | null },
): Promise<StoredComparison[]> {
  return work.run((manager) => {
    const names = columns ?? manager.connection.getMetadata(StoredComparison).columns.map((c) => c.propertyName);
    const query = manager
      .getRepository(StoredComparison)
      .createQueryBuilder("s")
      .select(names.map((c) => `s.${c} AS ${c}`))
      .where("s.areaCode IN (:...areas)", { areas });
    if (codes) query.andWhere("s.measureCode IN (:...codes)", { codes });
    return query.getRawMany();
  });
}

/**
 * Every statement goes through `work` (the request's budget and cancellation, work-budget.ts): a batch
 * past the budget, or of a cancelled request, rejects, and with it every load() of the batch.
 */
export function createOutcomeLoaders(dataSource: DataSource, work: Statements = unbudgeted(dataSource)) {
  return {
    /** area + optional measure filter → the codes of the measures it has figures for (published or local); one query per distinct filter */
    measureCodesByArea: new DataLoader<FigureKey, string[], string>(
      async (keys) => {
        const found = new Map<string, string[]>(); // "<filter>|<area>" → measure codes
        for (const [filter, filterKeys] of groupBy(keys, filterOf)) {
          const rows: Array<{ areaCode: string; measureCode: string }> = await work.run((manager) => {
            const query = manager
              .getRepository(Figure)
              .createQueryBuilder("f")
              .select(["f.areaCode AS areaCode", "f.measureCode AS measureCode"])
              .distinct(true)
              .where("f.areaCode IN (:...areas) AND f.measureCode IS NOT NULL", { areas: filterKeys.map((k) => k.areaCode) });
            if (filter !== "*") query.andWhere("f.measureCode IN (:...codes)", { codes: filter.split(",") });
            return query.getRawMany();
          });
          for (const row of rows) {
            const key = `${filter}|${row.areaCode}`;
            if (!found.has(key)) found.set(key, []);
            found.get(key)!.push(row.measureCode);
          }
        }
        return keys.map((k) => found.get(`${filterOf(k)}|${k.areaCode}`) ?? []);
      },
      { cacheKeyFn: (k) => `${filterOf(k)}|${k.areaCode}` },
    ),
    /** "<area code>|<measure code>" → what the import stored for that series' latest published figure (plain rows); null: it has no published value; one query per batch */
    storedComparisons: new DataLoader<string, StoredComparison | null>(async (keys) => {
      const pairs = keys.map((key) => key.split("|") as [string, string]);
      const rows = await readStored(work, { areas: [...new Set(pairs.map((p) => p[0]))], codes: [...new Set(pairs.map((p) => p[1]))], columns: null });
      const found = new Map(rows.map((row) => [`${row.areaCode}|${row.measureCode}`, row]));
      return keys.map((key) => found.get(key) ?? null);
    }),
    /**
     * area + optional measure filter + the columns its comparisons read → what the import stored for each of its
     * series, by measure code, read ahead by a list of series (Profile.measures): one query per distinct filter and
     * columns, however many series the areas have, reading only the columns its comparisons ask for (storedColumnsFor)
     */
    storedComparisonsByArea: new DataLoader<StoredKey, Map<string, StoredComparison>, string>(
      async (keys) => {
        const found = new Map<string, Map<string, StoredComparison>>(); // "<filter>|<columns>|<area>" → by measure
        for (const [group, groupKeys] of groupBy(keys, storedGroupOf)) {
          const { measureCodes, columns } = groupKeys[0]!;
          const rows = await readStored(work, { areas: groupKeys.map((k) => k.areaCode), codes: measureCodes, columns });
          for (const row of rows) {
            const key = `${group}|${row.areaCode}`;
            if (!found.has(key)) found.set(key, new Map());
            found.get(key)!.set(row.measureCode, row);
          }
        }
        return keys.map((k) => found.get(`${storedGroupOf(k)}|${k.areaCode}`) ?? new Map());
      },
      { cacheKeyFn: (k) => `${storedGroupOf(k)}|${k.areaCode}` },
    ),
    figureById: rowsById(work, Figure, "id"),
    /** "<area code>|<measure code>" → that series' figures, oldest first; one query per batch */
    seriesFigures: new DataLoader<string, Figure[]>(async (keys) => {
      const pairs = keys.map((key) => key.split("|") as [string, string]);
      const rows = await work.run((manager) =>
        manager.getRepository(Figure).find({
          where: { areaCode: In([...new Set(pairs.map((p) => p[0]))]), measureCode: In([...new Set(pairs.map((p) => p[1]))]) },
          order: { periodEndYear: "ASC", periodLabel: "ASC" },
        }));
      const found = groupBy(rows, (row) => `${row.areaCode}|${row.measureCode}`);
      return keys.map((key) => found.get(key) ?? []);
    }),
    /** every area of the code lists (under 200 rows), once per request */
    areas: loadOnce(async () => {
      const rows = await work.run((manager) => manager.getRepository(OutcomeArea).find());
      const localAuthorities = rows.filter((a) => a.kind === "local-authority");
      return {
        byCode: new Map(rows.map((r) => [r.code, r])),
        /** in the code list, and how many of them the last import held figures for */
        localAuthorities: { total: localAuthorities.length, withFigures: localAuthorities.filter((a) => a.hasPublishedFigures).length },
      };
    }),
    neighboursOf: neighboursLoader(dataSource, work),
    /** a local figure id → the further documents that state it (figure_source), in order */
    furtherSourcesByFigure: rowsByColumn(work, FigureSource, "figureId", { ordinal: "ASC" }),
    localFiguresByArea: rowsByColumn(work, Figure, "areaCode", { periodEndYear: "ASC", periodLabel: "ASC" }, { kind: "local" }),
    measureByCode: rowsById(work, Measure, "code"),
    documentByKey: rowsById(work, OutcomeDocument, "key"),
  };
}
export type OutcomeLoaders = ReturnType<typeof createOutcomeLoaders>;

export interface OutcomeContext {
  dataSource: DataSource;
  loaders: OutcomeLoaders;
  /** who is asking, as the gateway signed it */
  identity: Identity;
  /** this request's work budget and cancellation: loaders' statements go through it, resolvers' units of work check it */
  work: Work;
}

/**
 * `budget` (default DEFAULT_WORK_BUDGET), `counters` (the service's, for /health), `signal`: fires when
 * the request's connection closes before its answer (signed-http-server.ts).
 */
export function createOutcomeContext(
  dataSource: DataSource,
  identity: Identity,
  { budget = DEFAULT_WORK_BUDGET, counters = new WorkCounters(), signal }: { budget?: WorkBudgetSettings; counters?: WorkCounters; signal?: AbortSignal } = {},
): OutcomeContext {
  const work = new Work(dataSource, budget, counters, signal);
  return { dataSource, loaders: createOutcomeLoaders(dataSource, work), identity, work };
}
