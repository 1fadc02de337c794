import { collectSubFields } from "@graphql-tools/utils";
import type { FieldNode, GraphQLObjectType, GraphQLOutputType, GraphQLResolveInfo } from "graphql";

/** the object type under lists and non-null, or null when it is not an object type (nothing selected on it is collected) */
function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType | null {
  while ("ofType" in type) type = type.ofType;
  return "isTypeOf" in type ? (type as GraphQLObjectType) : null;
}

/**
 * Whether the field being resolved asks for `name` on each object of its result, and, with more
 * names, for each of them within the one before (`selects(info, "comparison", "neighbours")`: its
 * items' `comparison` asks for `neighbours`): as execution will collect it (fragments, aliases, type
 * conditions, @skip/@include), by @graphql-tools/utils, memoized per request and selection. A resolver
 * of a list uses it to read ahead, in one batch, what the list's items will need, only when they will need it.
 *
 * No graphql type predicates here (isObjectType, getNamedType): this module may be given a schema built
 * by another copy of graphql than its own (the CommonJS build beside the ES module one, as under vitest),
 * and graphql's predicates refuse another copy's types.
 */
export function selects(info: GraphQLResolveInfo, name: string, ...within: string[]): boolean {
  let type = objectTypeOf(info.returnType);
  // the same field nodes' array for every item of a list: the memo's key (collectSubFields only reads it)
  let nodes = info.fieldNodes as FieldNode[];
  for (const wanted of [name, ...within]) {
    if (!type) return false;
    const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type, nodes);
    const found: FieldNode[] = [];
    for (const group of fields.values()) for (const node of group) if (node.name.value === wanted) found.push(node);
    if (found.length === 0) return false;
    const field = type.getFields()[wanted];
    if (!field) return false;
    type = objectTypeOf(field.type);
    nodes = found;
  }
  return true;
}
