import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  Kind,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InterfaceTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
} from "graphql";

const require = createRequire(import.meta.url);

/** Parses a .graphql file; `specifier` is a path or a package path such as "@tees/authority-plan/plan.graphql". */
export function loadSdl(specifier: string): DocumentNode {
  const path = specifier.startsWith("/") ? specifier : require.resolve(specifier);
  return parse(readFileSync(path, "utf8"));
}

export function findInterface(document: DocumentNode, name: string): InterfaceTypeDefinitionNode {
  const found = document.definitions.find(
    (d): d is InterfaceTypeDefinitionNode => d.kind === Kind.INTERFACE_TYPE_DEFINITION && d.name.value === name,
  );
  if (!found) throw new Error(`interface ${name} not found`);
  return found;
}

export function withoutTypes(document: DocumentNode, names: string[]): DefinitionNode[] {
  return document.definitions.filter((d) => !("name" in d && d.name && names.includes(d.name.value)));
}

/** `type <name> implements <iface> @key(fields: "<key>") { <fields> }` */
export function entityImplementing(
  name: string,
  iface: string,
  key: string,
  fields: readonly FieldDefinitionNode[],
): ObjectTypeDefinitionNode {
  const base = parse(`type ${name} implements ${iface} @key(fields: ${JSON.stringify(key)}) { _: ID }`).definitions[0] as ObjectTypeDefinitionNode;
  return { ...base, fields };
}

export function documentOf(definitions: readonly DefinitionNode[]): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions };
}
