/** The typed client's operations as it sends them, with plausible variables (shared by the limits tests). */
import { Kind, parse, visit, type DocumentNode, type FragmentDefinitionNode, type GraphQLEnumType, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { runtimeGraphql } from "../../gateway/src/cost";

// the schema given is built with the gateway runtime's copy of graphql-js (gateway/src/cost.ts explains)
const { getNamedType, isEnumType, isListType, isNonNullType, typeFromAST } = runtimeGraphql;

export const TEES_VALLEY = ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"];

/** Each operation of a file as the typed client sends it: the operation and the fragments it uses. */
export function operationsOf(source: string): Array<{ name: string; document: DocumentNode }> {
  const file = parse(source);
  const fragments = new Map(file.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return file.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const used = new Map<string, FragmentDefinitionNode>();
      const pending: Array<OperationDefinitionNode | FragmentDefinitionNode> = [operation];
      for (let next = pending.pop(); next; next = pending.pop()) {
        visit(next, {
          FragmentSpread(spread) {
            const fragment = fragments.get(spread.name.value);
            if (fragment && !used.has(fragment.name.value)) {
              used.set(fragment.name.value, fragment);
              pending.push(fragment);
            }
          },
        });
      }
      return { name: operation.name?.value ?? "(anonymous)", document: { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] } };
    });
}

/**
 * Plausible values by variable name; a new operation with a required variable not named here fails, saying so.
 * Lists of codes are the five Tees Valley authorities (`npm run compare`'s default, the dashboard's widest comparison).
 */
const PLAUSIBLE: Record<string, unknown> = {
  code: "E06000003",
  codes: TEES_VALLEY,
  theme: "early-years",
  educationMeasures: ["FSP_NEW_GOODDEV"],
  education: ["FSP_NEW_GOODDEV"],
  careMeasures: ["LAC"],
  care: ["LAC"],
};

export function plausibleVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (name in PLAUSIBLE) variables[name] = PLAUSIBLE[name];
    else if (type && isEnumType(getNamedType(type))) {
      // the schema lists enum values oldest first; the newest is the likeliest choice
      const values = (getNamedType(type) as GraphQLEnumType).getValues();
      const value = values[values.length - 1]!.name;
      variables[name] = isListType(isNonNullType(type) ? type.ofType : type) ? [value] : value;
    } else if (type && isNonNullType(type) && !definition.defaultValue) {
      throw new Error(`operation ${operation.name?.value}: no plausible value for required $${name}; add one to PLAUSIBLE in test/support/operations.ts`);
    }
  }
  return variables;
}
