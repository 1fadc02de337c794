import type { ServiceDefinition } from "@tees/subgraph-common/start-service";
import { readServedSdl } from "@tees/subgraph-common/sdl";
import { readMeasureDomains } from "@tees/outcomes/topics";
import type { PlanConfig } from "./config";
import { createContext, type PlanContext } from "./context";
import { Plan, planEntities } from "./entities";
import { planMigrations } from "./migrations";
import { seedPlanFolder } from "./seeding/load";
import { buildServer } from "./apollo-server";

export function planService(config: PlanConfig): ServiceDefinition<PlanContext> {
  const measureDomains = readMeasureDomains(config.measureDictionaryFile);
  // the SDL file compose wrote beside the deployment's JSON: read at once, so a missing one fails before anything starts
  const typeDefs = readServedSdl(config.schemaFile, config.name);
  return {
    name: config.name,
    database: config.database,
    entities: planEntities,
    migrations: planMigrations,
    seed: (dataSource) => seedPlanFolder(dataSource, config.seedFolder, measureDomains),
    isEmpty: async (dataSource) => (await dataSource.getRepository(Plan).count()) === 0,
    buildServer: () => buildServer(typeDefs, config.deployment.typeName),
    context: (dataSource, identity) => createContext(dataSource, config.deployment, measureDomains, identity),
  };
}
