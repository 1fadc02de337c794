import { join } from "node:path";
import { Kind, parse, type DocumentNode, type ObjectTypeDefinitionNode } from "graphql";
import { documentOf, entityImplementing, findInterface, loadSdl } from "@tees/subgraph-common/sdl";

const baseSdl = loadSdl(join(import.meta.dirname, "../schema.graphql"));
const planSdl = loadSdl(join(import.meta.dirname, "../plan.graphql"));
const mutationsSdl = loadSdl(join(import.meta.dirname, "../mutations.graphql"));
const sourceSdl = loadSdl(join(import.meta.dirname, "../../common/schema/source.graphql"));
const auditSdl = loadSdl(join(import.meta.dirname, "../../common/schema/audit.graphql"));

/** The deployment's mutation namespace type, e.g. RedcarAndClevelandPlanMutations */
export const mutationsTypeName = (typeName: string): string => `${typeName}PlanMutations`;
/** The deployment's root Mutation field, e.g. redcarAndCleveland */
export const mutationFieldName = (typeName: string): string => `${typeName[0]!.toLowerCase()}${typeName.slice(1)}`;

function mutationTypes(typeName: string): ObjectTypeDefinitionNode[] {
  const template = mutationsSdl.definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "PlanMutations",
  );
  if (!template) throw new Error("mutations.graphql defines no PlanMutations type");
  const namespace: ObjectTypeDefinitionNode = { ...template, name: { kind: Kind.NAME, value: mutationsTypeName(typeName) } };
  const root = parse(`
    type Mutation {
      "Changes to ${typeName}'s plans: its editors only. One write per operation (see ${mutationsTypeName(typeName)})."
      ${mutationFieldName(typeName)}: ${mutationsTypeName(typeName)}!
    }
  `).definitions[0] as ObjectTypeDefinitionNode;
  return [root, namespace];
}

/**
 * The schema of one deployment: the shared plan SDL plus this authority's own
 * entity type (e.g. RedcarAndCleveland) carrying every field of the Authority interface,
 * and its own mutation namespace (e.g. Mutation.redcarAndCleveland: RedcarAndClevelandPlanMutations!).
 */
export function buildTypeDefs(typeName: string): DocumentNode {
  const fields = findInterface(planSdl, "Authority").fields ?? [];
  return documentOf([
    ...baseSdl.definitions,
    ...planSdl.definitions,
    entityImplementing(typeName, "Authority", "code", fields),
    ...mutationTypes(typeName),
    ...sourceSdl.definitions,
    ...auditSdl.definitions,
  ]);
}
