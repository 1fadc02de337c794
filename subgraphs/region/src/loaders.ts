import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { neighboursLoader } from "@tees/subgraph-common/lait/neighbour-loader";
import { Area, Theme } from "./entities";

/** One set per request, so each request batches its own lookups and caches nothing across users. */
export function createLoaders(dataSource: DataSource) {
  const areas = dataSource.getRepository(Area);
  const themes = dataSource.getRepository(Theme);
  return {
    areaByCode: new DataLoader<string, Area | null>(async (codes) => {
      const rows = await areas.findBy({ code: In([...codes]) });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    authoritiesByRegion: new DataLoader<string, Area[]>(async (regionCodes) => {
      const rows = await areas.find({ where: { regionCode: In([...regionCodes]), kind: "local-authority" }, order: { name: "ASC" } });
      return regionCodes.map((code) => rows.filter((r) => r.regionCode === code));
    }),
    neighboursOf: neighboursLoader(dataSource),
    themeById: new DataLoader<string, Theme | null>(async (ids) => {
      const rows = await themes.findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
export type RegionLoaders = ReturnType<typeof createLoaders>;
