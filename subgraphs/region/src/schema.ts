/**
 * The registry's schema at run time: the SDL `npm run compose` wrote (scripts/sdl.ts) to
 * deployments/region.graphql, beside the plan-authorities.json it was written from. Nothing is
 * assembled here; the names of the plan fields come from the served SDL itself.
 */
import { Kind, type DocumentNode, type ObjectTypeDefinitionNode } from "graphql";
import { ConfigError } from "@tees/subgraph-common/config";
import { findInterface, readServedSdl } from "@tees/subgraph-common/sdl";
import type { PlanAuthority } from "./config";

/** The type for every authority that runs no plan subgraph. */
export const LOCAL_AUTHORITY_TYPE = "LocalAuthority";

const objectType = (document: DocumentNode, name: string) =>
  document.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name);

/**
 * The registry's served SDL, checked against its plan authorities: each must have its type there
 * (a plan-authorities.json newer than the SDL means compose was not run).
 */
export function readRegionSdl(file: string, planAuthorities: readonly PlanAuthority[]): DocumentNode {
  const document = readServedSdl(file, "region");
  const missing = planAuthorities.filter((a) => !objectType(document, a.typeName));
  if (missing.length) {
    throw new ConfigError(`region: its SDL file ${file} has no type for ${missing.map((a) => a.typeName).join(", ")}: run \`npm run compose\` and commit the result`);
  }
  return document;
}

/** The plan fields LocalAuthority carries (null there): its fields beyond the registry's Authority interface. */
export function planFieldNames(document: DocumentNode): string[] {
  const registry = new Set((findInterface(document, "Authority").fields ?? []).map((f) => f.name.value));
  const local = objectType(document, LOCAL_AUTHORITY_TYPE);
  if (!local) throw new ConfigError(`region: its SDL has no ${LOCAL_AUTHORITY_TYPE} type`);
  return (local.fields ?? []).map((f) => f.name.value).filter((name) => !registry.has(name));
}
