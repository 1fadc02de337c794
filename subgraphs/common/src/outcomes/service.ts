import { join } from "node:path";
import type { DataSource } from "typeorm";
import { optionalString, readPort } from "../env";
import { DEFAULT_LAIT_FOLDER } from "../lait/paths";
import { readDatabaseSettings } from "../settings";
import type { ServiceDefinition } from "../service";
import { buildSubgraphServer } from "../subgraph";
import { outcomeEntities, Figure, OutcomeArea } from "./entities";
import { importLait } from "./lait";
import { loadLocalFigures, readLocalFigures } from "./local-figures";
import { createOutcomeContext, type OutcomeContext } from "./loaders";
import { outcomeMigrations } from "./migrations";
import type { DocumentNode } from "graphql";

const root = join(import.meta.dirname, "../../../..");

export interface OutcomeConfig {
  name: "education" | "care";
  port: number;
  database: ReturnType<typeof readDatabaseSettings>;
  /** LAIT folder loaded by the seed (the committed Tees Valley extract by default) */
  laitFolder: string;
  /** local figures from the authorities' own documents */
  localFiguresFolder: string;
  topics: ReadonlySet<string>;
}

export function loadOutcomeConfig(name: OutcomeConfig["name"], defaultPort: number, topics: ReadonlySet<string>, env = process.env): OutcomeConfig {
  return {
    name,
    port: readPort(env, "PORT", defaultPort),
    database: readDatabaseSettings(env, `sqlite:${join(root, `.data/${name}.sqlite`)}`),
    laitFolder: optionalString(env, "LAIT_FOLDER") ?? DEFAULT_LAIT_FOLDER,
    localFiguresFolder: optionalString(env, "LOCAL_FIGURES_FOLDER") ?? join(root, "seeds", name, "local-figures"),
    topics,
  };
}

export async function seedOutcomes(dataSource: DataSource, config: OutcomeConfig) {
  const local = readLocalFigures(config.localFiguresFolder); // validate before writing anything
  const published = await importLait(dataSource, config.laitFolder, { topics: config.topics });
  return { ...published, localFigures: await loadLocalFigures(dataSource, local) };
}

export function outcomeService(config: OutcomeConfig, typeDefs: DocumentNode, resolvers: object): ServiceDefinition<OutcomeContext> {
  return {
    name: config.name,
    database: config.database,
    entities: outcomeEntities,
    migrations: outcomeMigrations,
    seed: (dataSource) => seedOutcomes(dataSource, config),
    // a database from before the areas and neighbour sets were kept counts as empty, so it is seeded again
    isEmpty: async (dataSource) =>
      (await dataSource.getRepository(Figure).count()) === 0 || (await dataSource.getRepository(OutcomeArea).count()) === 0,
    buildServer: () => buildSubgraphServer<OutcomeContext>(typeDefs, resolvers),
    context: createOutcomeContext,
  };
}
