import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { rowsByColumn, rowsById } from "../loaders";
import { Figure, Measure, SourceDocument } from "./entities";

/** area + optional measure filter → figures, batched into one query per distinct filter */
interface FigureKey {
  areaCode: string;
  measureCodes: readonly string[] | null;
}

export function createOutcomeLoaders(dataSource: DataSource) {
  return {
    figuresByArea: new DataLoader<FigureKey, Figure[], string>(
      async (keys) => {
        const byFilter = new Map<string, FigureKey[]>();
        for (const key of keys) {
          const filter = key.measureCodes ? [...key.measureCodes].sort().join(",") : "*";
          byFilter.set(filter, [...(byFilter.get(filter) ?? []), key]);
        }
        const found = new Map<string, Figure[]>();
        for (const [filter, group] of byFilter) {
          const rows = await dataSource.getRepository(Figure).find({
            where: {
              areaCode: In(group.map((k) => k.areaCode)),
              ...(filter === "*" ? {} : { measureCode: In(filter.split(",")) }),
            },
            order: { periodEndYear: "ASC", periodLabel: "ASC" },
          });
          for (const key of group) found.set(JSON.stringify([key.areaCode, filter]), rows.filter((r) => r.areaCode === key.areaCode));
        }
        return keys.map((k) => found.get(JSON.stringify([k.areaCode, k.measureCodes ? [...k.measureCodes].sort().join(",") : "*"])) ?? []);
      },
      { cacheKeyFn: (k) => JSON.stringify([k.areaCode, k.measureCodes]) },
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
