/**
 * One subgraph's share of a LAIT folder, into the database its settings name: the
 * registry takes the code lists and neighbour sets, education and care their topics'
 * measures. Migrates first. Used by `npm run import:lait` and `npm run bench`.
 * It loads the subgraphs' settings, entities and migrations only (not their servers),
 * so the import's process holds little besides the import.
 */
import { migrate, openDataSource, redact } from "@tees/subgraph-common/database";
import type { DatabaseSettings } from "@tees/subgraph-common/config";
import { importLait } from "@tees/outcomes/lait";
import { outcomeEntities } from "@tees/outcomes/entities";
import { outcomeMigrations } from "@tees/outcomes/migrations";
import { outcomeConfig } from "../subgraphs/outcomes/src/config";
import { outcomeDeployment } from "../subgraphs/outcomes/src/deployments";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionEntities } from "../subgraphs/region/src/entities";
import { regionMigrations } from "../subgraphs/region/src/migrations";
import { importLaitAreas } from "../subgraphs/region/src/seed";

export const LAIT_SUBGRAPHS = ["region", "education", "care"] as const;
export type LaitSubgraph = (typeof LAIT_SUBGRAPHS)[number];

function target(name: LaitSubgraph, env: NodeJS.ProcessEnv): { database: DatabaseSettings; entities: Parameters<typeof openDataSource>[1]; migrations: (url: string) => Parameters<typeof openDataSource>[2] } {
  if (name === "region") return { database: regionConfig(env).database, entities: regionEntities, migrations: regionMigrations };
  return { database: outcomeConfig(outcomeDeployment(name), env).database, entities: outcomeEntities, migrations: outcomeMigrations };
}

export async function importLaitInto(name: LaitSubgraph, env: NodeJS.ProcessEnv, folder: string) {
  const { database, entities, migrations } = target(name, env);
  const { dataSource } = await openDataSource(database, entities, migrations(database.url));
  try {
    await migrate(dataSource);
    const started = performance.now();
    const result =
      name === "region"
        ? { ...(await importLaitAreas(dataSource, folder)), figures: 0 }
        : await importLait(dataSource, folder, { topics: outcomeConfig(outcomeDeployment(name), env).topics });
    return { database: redact(database.url), ms: performance.now() - started, result };
  } finally {
    await dataSource.destroy();
  }
}
