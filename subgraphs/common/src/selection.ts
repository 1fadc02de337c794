import { collectSubFields } from "@graphql-tools/utils";
import type { FieldNode, GraphQLObjectType, GraphQLOutputType, GraphQLResolveInfo } from "graphql";

/** the object type under lists and non-null, or null when it is not an object type (nothing selected on it is collected) */
function objectTypeOf(type: GraphQLOutputType): GraphQLObjectType | null {
  while ("ofType" in type) type = type.ofType;
  return "isTypeOf" in type ? (type as GraphQLObjectType) : null;
}

/**
 * The names of the fields asked for on each object of the result of the field being resolved, or, with a
 * path, within the fields of that path (`selectedFields(info, "comparison")`: what its items' `comparison`
 * asks for, under every alias): as execution will collect them (fragments, aliases, type conditions,
 * @skip/@include), by @graphql-tools/utils, memoized per request and selection. Null when the path is not
 * asked for, or leads to a type that is not an object type. A resolver of a list uses it to read ahead, in
 * one batch, what the list's items will need, only when they will need it.
 *
 * No graphql type predicates here (isObjectType, getNamedType): this module may be given a schema built
 * by another copy of graphql than its own (the CommonJS build beside the ES module one, as under vitest),
 * and graphql's predicates refuse another copy's types.
 */
export function selectedFields(info: GraphQLResolveInfo, ...path: string[]): Set<string> | null {
  let type = objectTypeOf(info.returnType);
  // the same field nodes' array for every item of a list: the memo's key (collectSubFields only reads it)
  let nodes = info.fieldNodes as FieldNode[];
  for (let depth = 0; ; depth += 1) {
    if (!type) return null;
    const { fields } = collectSubFields(info.schema, info.fragments, info.variableValues, type, nodes);
    const names = new Set<string>();
    for (const group of fields.values()) for (const node of group) names.add(node.name.value);
    const wanted = path[depth];
    if (wanted === undefined) return names;
    if (!names.has(wanted)) return null;
    const found: FieldNode[] = [];
    for (const group of fields.values()) for (const node of group) if (node.name.value === wanted) found.push(node);
    const field = type.getFields()[wanted];
    if (!field) return null;
    type = objectTypeOf(field.type);
    nodes = found;
  }
}
