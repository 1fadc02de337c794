import { collectSubFields } from "@graphql-tools/utils";
import type { FieldNode, GraphQLObjectType, GraphQLOutputType, GraphQLResolveInfo } from "graphql";

/**
 * Whether the field being resolved asks for `name` on each object of its result: as execution will
 * collect it (fragments, type conditions, @skip/@include), memoized per request and selection by
 * @graphql-tools/utils. A resolver of a list uses it to read ahead, in one batch, what the list's items
 * will need, only when they will need it.
 *
 * No graphql type predicates here (isObjectType, getNamedType): this module may be given a schema built
 * by another copy of graphql than its own (the CommonJS build beside the ES module one, as under vitest),
 * and graphql's predicates refuse another copy's types.
 */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  let type: GraphQLOutputType = info.returnType;
  while ("ofType" in type) type = type.ofType; // under lists and non-null
  if (!("isTypeOf" in type)) return false; // not an object type: nothing selected on it is collected here
  // the same field nodes' array for every item of a list: the memo's key (collectSubFields only reads it)
  const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type as GraphQLObjectType, info.fieldNodes as FieldNode[]);
  for (const nodes of fields.values()) if (nodes.some((node) => node.name.value === name)) return true;
  return false;
}
