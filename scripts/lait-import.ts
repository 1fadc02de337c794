/**
 * One subgraph's share of a LAIT folder, into the database its settings name: the
 * registry takes the code lists and neighbour sets, education and care their topics'
 * measures. Migrates first. Used by `npm run import:lait` and `npm run bench`.
 */
import { migrate, openDataSource, redact } from "@tees/subgraph-common/database";
import { importLait } from "@tees/subgraph-common/outcomes/lait";
import { loadConfig as educationConfig } from "../subgraphs/education/src/config";
import { loadConfig as careConfig } from "../subgraphs/care/src/config";
import { importLaitAreas } from "../subgraphs/region/src/seed";
import { subgraphCatalog } from "./catalog";

export const LAIT_SUBGRAPHS = ["region", "education", "care"] as const;
export type LaitSubgraph = (typeof LAIT_SUBGRAPHS)[number];

export async function importLaitInto(name: LaitSubgraph, env: NodeJS.ProcessEnv, folder: string) {
  const service = subgraphCatalog().find((s) => s.name === name)!.service(env);
  const { dataSource } = await openDataSource(service.database, service.entities, service.migrations(service.database.url));
  try {
    await migrate(dataSource);
    const started = performance.now();
    const result =
      name === "region"
        ? { ...(await importLaitAreas(dataSource, folder)), figures: 0 }
        : await importLait(dataSource, folder, { topics: (name === "education" ? educationConfig(env) : careConfig(env)).topics });
    return { database: redact(service.database.url), ms: performance.now() - started, result };
  } finally {
    await dataSource.destroy();
  }
}
