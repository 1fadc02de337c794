import { join } from "node:path";
import type { DocumentNode } from "graphql";
import { documentOf, entityImplementing, findInterface, loadSdl } from "@tees/subgraph-common/sdl";

const baseSdl = loadSdl(join(import.meta.dirname, "../schema.graphql"));
const planSdl = loadSdl(join(import.meta.dirname, "../plan.graphql"));
const sourceSdl = loadSdl(join(import.meta.dirname, "../../common/schema/source.graphql"));

/**
 * The schema of one deployment: the shared plan SDL plus this authority's own
 * entity type (e.g. RedcarAndCleveland) carrying every field of the Authority interface.
 */
export function buildTypeDefs(typeName: string): DocumentNode {
  const fields = findInterface(planSdl, "Authority").fields ?? [];
  return documentOf([
    ...baseSdl.definitions,
    ...planSdl.definitions,
    entityImplementing(typeName, "Authority", "code", fields),
    ...sourceSdl.definitions,
  ]);
}
