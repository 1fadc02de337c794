import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { rowsByColumn, rowsById } from "../loaders";
import { Figure, Measure, SourceDocument } from "./entities";

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
        const areasByFilter = new Map<string, string[]>();
        for (const key of keys) areasByFilter.set(filterOf(key), [...(areasByFilter.get(filterOf(key)) ?? []), key.areaCode]);
        const found = new Map<string, Figure[]>(); // "<filter>|<area>" → figures
        for (const [filter, areaCodes] of areasByFilter) {
          const rows = await dataSource.getRepository(Figure).find({
            where: { areaCode: In(areaCodes), ...(filter === "*" ? {} : { measureCode: In(filter.split(",")) }) },
            order: { periodEndYear: "ASC", periodLabel: "ASC" },
          });
          for (const row of rows) {
            const key = `${filter}|${row.areaCode}`;
            found.set(key, [...(found.get(key) ?? []), row]);
          }
        }
        return keys.map((k) => found.get(`${filterOf(k)}|${k.areaCode}`) ?? []);
      },
      { cacheKeyFn: (k) => `${filterOf(k)}|${k.areaCode}` },
    ),
    localFiguresByArea: rowsByColumn(dataSource, Figure, "areaCode", { periodEndYear: "ASC", periodLabel: "ASC" }, { kind: "local" }),
    measureByCode: rowsById(dataSource, Measure, "code"),
    documentByKey: rowsById(dataSource, SourceDocument, "key"),
  };
}
export type OutcomeLoaders = ReturnType<typeof createOutcomeLoaders>;

export interface OutcomeContext {
  dataSource: DataSource;
  loaders: OutcomeLoaders;
}

export function createOutcomeContext(dataSource: DataSource): OutcomeContext {
  return { dataSource, loaders: createOutcomeLoaders(dataSource) };
}
