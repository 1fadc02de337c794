import type { ServiceDefinition } from "@tees/subgraph-common/start-service";
import type { RegionConfig } from "./config";
import { createContext, type RegionContext } from "./context";
import { Area, regionEntities, StatisticalNeighbour } from "./entities";
import { regionMigrations } from "./migrations";
import { seedRegion } from "./seed";
import { readRegionSdl } from "./schema";
import { buildServer } from "./apollo-server";

export function regionService(config: RegionConfig): ServiceDefinition<RegionContext> {
  const planTypes = new Map(config.planAuthorities.map((a) => [a.code, a.typeName]));
  // the SDL file compose wrote: read at once, so a missing or stale one fails before anything starts
  const typeDefs = readRegionSdl(config.schemaFile, config.planAuthorities);
  return {
    name: "region",
    database: config.database,
    entities: regionEntities,
    migrations: regionMigrations,
    seed: (dataSource) => seedRegion(dataSource, config.seedFolder, config.laitFolder),
    // a database from before the neighbour sets were kept counts as empty, so it is seeded again
    isEmpty: async (dataSource) =>
      (await dataSource.getRepository(Area).count()) === 0 || (await dataSource.getRepository(StatisticalNeighbour).count()) === 0,
    buildServer: () => buildServer(config, typeDefs),
    context: (dataSource, identity) => createContext(dataSource, planTypes, identity),
  };
}
