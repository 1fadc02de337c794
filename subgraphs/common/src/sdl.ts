import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { ConfigError } from "./config";
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

/**
 * The SDL file a deployment serves: beside the JSON file that configures it, under the same name
 * (deployments/redcar-and-cleveland.json → deployments/redcar-and-cleveland.graphql). Written by
 * `npm run compose` (scripts/sdl.ts) and committed, so the file a reviewer reads is the file that runs.
 */
export const servedSdlFile = (settingsFile: string, name = basename(settingsFile, ".json")): string =>
  join(dirname(settingsFile), `${name}.graphql`);

/** Reads a deployment's committed SDL file; a deployment whose file is not there yet fails, saying how to write it. */
export function readServedSdl(file: string, subgraph: string): DocumentNode {
  if (!existsSync(file)) {
    throw new ConfigError(`subgraph ${subgraph}: its SDL file ${file} does not exist: run \`npm run compose\` (it writes every deployment's SDL from its JSON) and commit the result`);
  }
  return parse(readFileSync(file, "utf8"));
}

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
