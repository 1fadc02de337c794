import { join } from "node:path";
import { Kind, type DocumentNode } from "graphql";
import { documentOf, entityImplementing, findInterface, loadSdl, withoutTypes } from "@tees/subgraph-common/sdl";
import type { PlanAuthority } from "./config";

const regionSdl = loadSdl(join(import.meta.dirname, "../schema.graphql"));
const planSdl = loadSdl(join(import.meta.dirname, "../../authority-plan/plan.graphql"));
const sourceSdl = loadSdl(join(import.meta.dirname, "../../common/schema/source.graphql"));
const neighboursSdl = loadSdl(join(import.meta.dirname, "../../common/schema/neighbours.graphql"));
// plan.graphql's Authority.auditLog returns AuditEntry (null here: the registry holds no plan data)
const auditSdl = loadSdl(join(import.meta.dirname, "../../common/schema/audit.graphql"));

/** The type for every authority that runs no plan subgraph. */
export const LOCAL_AUTHORITY_TYPE = "LocalAuthority";

/**
 * The registry's schema: its own types, one concrete Authority type per plan
 * authority, and LocalAuthority, which carries the plan fields (from the same
 * plan.graphql the plan subgraphs use) so that every implementation of the
 * composed Authority interface has them.
 */
export function buildTypeDefs(planAuthorities: PlanAuthority[]): DocumentNode {
  const registryFields = findInterface(regionSdl, "Authority").fields ?? [];
  const planFields = (findInterface(planSdl, "Authority").fields ?? []).filter((f) => f.name.value !== "code");
  return documentOf([
    ...regionSdl.definitions,
    ...planAuthorities.map((a) => entityImplementing(a.typeName, "Authority", "code", registryFields)),
    entityImplementing(LOCAL_AUTHORITY_TYPE, "Authority", "code", [...registryFields, ...planFields]),
    // the plan value types; the registry owns Theme and its own Authority interface, and serves no plan mutations (no inputs)
    ...withoutTypes(planSdl, ["Authority", "Theme"]).filter((d) => d.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION),
    ...sourceSdl.definitions,
    ...neighboursSdl.definitions,
    ...auditSdl.definitions,
  ]);
}

export const planFieldNames = (findInterface(planSdl, "Authority").fields ?? []).map((f) => f.name.value).filter((n) => n !== "code");
