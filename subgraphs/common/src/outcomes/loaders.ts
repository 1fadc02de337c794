import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { groupBy, loadOnce, rowsByColumn, rowsById } from "../loaders";
import { neighboursLoader } from "../lait/neighbour-loader";
import { Figure, Measure, OutcomeArea, OutcomeDocument, StoredComparison } from "./entities";
import type { Identity } from "../signed-identity";

/** area + optional measure filter → figures, batched into one query per distinct filter */
interface FigureKey {
  areaCode: string;
  measureCodes: readonly string[] | null;
}

/** "*" for every measure, else the sorted codes: equal filters share one query and one cache entry */
const filterOf = (key: FigureKey) => (key.measureCodes ? [...key.measureCodes].sort().join(",") : "*");

export function createOutcomeLoaders(dataSource: DataSource) {
  return {
    figuresByArea: new DataLoader<FigureKey, Figure[], string>(
      async (keys) => {
        const found = new Map<string, Figure[]>(); // "<filter>|<area>" → figures
        for (const [filter, filterKeys] of groupBy(keys, filterOf)) {
          const rows = await dataSource.getRepository(Figure).find({
            where: { areaCode: In(filterKeys.map((k) => k.areaCode)), ...(filter === "*" ? {} : { measureCode: In(filter.split(",")) }) },
            order: { periodEndYear: "ASC", periodLabel: "ASC" },
          });
          for (const [areaCode, figures] of groupBy(rows, (row) => row.areaCode)) found.set(`${filter}|${areaCode}`, figures);
        }
        return keys.map((k) => found.get(`${filterOf(k)}|${k.areaCode}`) ?? []);
      },
      { cacheKeyFn: (k) => `${filterOf(k)}|${k.areaCode}` },
    ),
    /** "<area code>|<measure code>" → what the import stored for that series' latest published figure; one query per batch */
    storedComparisons: new DataLoader<string, StoredComparison | null>(async (keys) => {
      const pairs = keys.map((key) => key.split("|") as [string, string]);
      const rows = await dataSource.getRepository(StoredComparison).find({
        where: { areaCode: In([...new Set(pairs.map((p) => p[0]))]), measureCode: In([...new Set(pairs.map((p) => p[1]))]) },
      });
      const found = new Map(rows.map((row) => [`${row.areaCode}|${row.measureCode}`, row]));
      return keys.map((key) => found.get(key) ?? null);
    }),
    /** "<area code>|<measure code>" → that series' figures, oldest first; one query per batch */
    seriesFigures: new DataLoader<string, Figure[]>(async (keys) => {
      const pairs = keys.map((key) => key.split("|") as [string, string]);
      const rows = await dataSource.getRepository(Figure).find({
        where: { areaCode: In([...new Set(pairs.map((p) => p[0]))]), measureCode: In([...new Set(pairs.map((p) => p[1]))]) },
        order: { periodEndYear: "ASC", periodLabel: "ASC" },
      });
      const found = groupBy(rows, (row) => `${row.areaCode}|${row.measureCode}`);
      return keys.map((key) => found.get(key) ?? []);
    }),
    /** every area of the code lists (under 200 rows), once per request */
    areas: loadOnce(async () => {
      const rows = await dataSource.getRepository(OutcomeArea).find();
      const localAuthorities = rows.filter((a) => a.kind === "local-authority");
      return {
        byCode: new Map(rows.map((r) => [r.code, r])),
        /** in the code list, and how many of them the last import held figures for */
        localAuthorities: { total: localAuthorities.length, withFigures: localAuthorities.filter((a) => a.hasPublishedFigures).length },
      };
    }),
    neighboursOf: neighboursLoader(dataSource),
    localFiguresByArea: rowsByColumn(dataSource, Figure, "areaCode", { periodEndYear: "ASC", periodLabel: "ASC" }, { kind: "local" }),
    measureByCode: rowsById(dataSource, Measure, "code"),
    documentByKey: rowsById(dataSource, OutcomeDocument, "key"),
  };
}
export type OutcomeLoaders = ReturnType<typeof createOutcomeLoaders>;

export interface OutcomeContext {
  dataSource: DataSource;
  loaders: OutcomeLoaders;
  /** who is asking, as the gateway signed it */
  identity: Identity;
}

export function createOutcomeContext(dataSource: DataSource, identity: Identity): OutcomeContext {
  return { dataSource, loaders: createOutcomeLoaders(dataSource), identity };
}
