import type { EntityManager } from "typeorm";
import { StatisticalNeighbour } from "../entities/StatisticalNeighbour";
import type { NeighbourPair } from "./code-lists";

/** Both published sets replace what was there (inside the caller's transaction). */
export async function replaceNeighbours(manager: EntityManager, pairs: readonly NeighbourPair[]): Promise<void> {
  await manager.createQueryBuilder().delete().from(StatisticalNeighbour).execute();
  for (let i = 0; i < pairs.length; i += 500) await manager.insert(StatisticalNeighbour, pairs.slice(i, i + 500));
}
