import type { DataSource } from "typeorm";
import type { ServiceDefinition } from "@tees/subgraph-common/start-service";
import { readServedSdl } from "@tees/subgraph-common/sdl";
import { buildSubgraphServer } from "@tees/subgraph-common/apollo-server";
import { outcomeEntities, Figure, OutcomeArea } from "./entities";
import { importLait } from "./lait";
import { loadLocalFigures, readLocalFigures } from "./local-figures";
import { createOutcomeContext, type OutcomeContext } from "./loaders";
import { outcomeMigrations } from "./migrations";
import type { OutcomeConfig } from "./config";
import { buildResolvers } from "./resolvers";
import { WorkCounters } from "@tees/subgraph-common/work-budget";

export { loadConfig, outcomeConfig, type OutcomeConfig } from "./config";

export async function seedOutcomes(dataSource: DataSource, config: OutcomeConfig) {
  const local = readLocalFigures(config.localFiguresFolder); // validate before writing anything
  const published = await importLait(dataSource, config.laitFolder, { topics: config.topics });
  return { ...published, localFigures: await loadLocalFigures(dataSource, local) };
}

/** One outcomes deployment as a service: its database, seed, schema and resolvers. */
export function outcomeService(config: OutcomeConfig): ServiceDefinition<OutcomeContext> {
  // over the service's life, for /health
  const counters = new WorkCounters();
  // the SDL file compose wrote beside the deployment's JSON: read at once, so a missing one fails before anything starts
  const typeDefs = readServedSdl(config.schemaFile, config.name);
  return {
    name: config.name,
    database: config.database,
    entities: outcomeEntities,
    migrations: outcomeMigrations,
    seed: (dataSource) => seedOutcomes(dataSource, config),
    // a database from before the areas and neighbour sets were kept counts as empty, so it is seeded again
    isEmpty: async (dataSource) =>
      (await dataSource.getRepository(Figure).count()) === 0 || (await dataSource.getRepository(OutcomeArea).count()) === 0,
    // compiled execution: an answer can be every authority's comparisons, tens of thousands of fields
    buildServer: () => buildSubgraphServer<OutcomeContext>(typeDefs, buildResolvers(config.deployment), { compiled: true }),
    context: (dataSource, identity, request) => createOutcomeContext(dataSource, identity, { budget: config.workBudget, counters, signal: request?.signal }),
    health: () => counters.snapshot(),
  };
}
