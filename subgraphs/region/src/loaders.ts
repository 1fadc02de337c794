import type { DataSource } from "typeorm";
import { neighboursLoader } from "@tees/subgraph-common/lait/neighbour-loader";
import { rowsByColumn, rowsById } from "@tees/subgraph-common/loaders";
import { Area, Theme } from "./entities";

/** One set per request, so each request batches its own lookups and caches nothing across users. */
export function createLoaders(dataSource: DataSource) {
  return {
    areaByCode: rowsById(dataSource, Area, "code"),
    authoritiesByRegion: rowsByColumn(dataSource, Area, "regionCode", { name: "ASC" }, { kind: "local-authority" }),
    neighboursOf: neighboursLoader(dataSource),
    themeById: rowsById(dataSource, Theme),
  };
}
export type RegionLoaders = ReturnType<typeof createLoaders>;
