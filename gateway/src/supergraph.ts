import { Kind, parse, print, visit, type ConstDirectiveNode, type EnumTypeDefinitionNode } from "graphql";

/**
 * The supergraph's subgraphs are the values of its `join__Graph` enum, each with
 * `@join__graph(name: "...", url: "...")`. Read from the parsed document, not its text: the
 * printer wraps a long value's arguments onto several lines (a graph name such as
 * KINGSTON_UPON_HULL_CITY_OF with its URL passes 80 characters), which a line pattern misses.
 */
const GRAPH_ENUM = "join__Graph";

function joinGraph(directives: readonly ConstDirectiveNode[] | undefined): { name: string; url: string } | null {
  const directive = directives?.find((d) => d.name.value === "join__graph");
  if (!directive) return null;
  const argument = (name: string) => {
    const value = directive.arguments?.find((a) => a.name.value === name)?.value;
    return value?.kind === Kind.STRING ? value.value : null;
  };
  const name = argument("name");
  const url = argument("url");
  return name !== null && url !== null ? { name, url } : null;
}

/** graph enum name → the subgraph's name as composed (region, redcar-and-cleveland, ...: what requests are signed for) and its URL */
export function subgraphGraphs(supergraphSdl: string): Map<string, { name: string; url: string }> {
  const graphs = new Map<string, { name: string; url: string }>();
  if (!supergraphSdl.trim()) return graphs;
  for (const definition of parse(supergraphSdl, { noLocation: true }).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== GRAPH_ENUM) continue;
    for (const value of definition.values ?? []) {
      const graph = joinGraph(value.directives);
      if (graph) graphs.set(value.name.value, graph);
    }
  }
  return graphs;
}

/** graph enum name (REGION, REDCAR_AND_CLEVELAND, ...) → the URL the supergraph gives it */
export function subgraphEndpoints(supergraphSdl: string): Map<string, string> {
  return new Map([...subgraphGraphs(supergraphSdl)].map(([graph, { url }]) => [graph, url]));
}

/**
 * Points the supergraph's subgraphs at other URLs (deployment configuration, not business logic):
 * `@join__graph(name: "region", url: "...")` per override, keyed by the graph's enum name
 * (REGION, REDCAR_AND_CLEVELAND, ...). No override: the supergraph as it is.
 */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  if (Object.keys(urls).length === 0) return supergraphSdl;
  const known = subgraphGraphs(supergraphSdl);
  for (const graph of Object.keys(urls)) {
    if (!known.has(graph)) throw new Error(`SUBGRAPH_URL_${graph}: the supergraph has no subgraph ${graph}`);
  }
  const document = visit(parse(supergraphSdl, { noLocation: true }), {
    EnumTypeDefinition(node: EnumTypeDefinitionNode) {
      if (node.name.value !== GRAPH_ENUM) return undefined;
      return {
        ...node,
        values: node.values?.map((value) => {
          const url = urls[value.name.value];
          if (url === undefined) return value;
          return {
            ...value,
            directives: value.directives?.map((d) =>
              d.name.value !== "join__graph"
                ? d
                : { ...d, arguments: d.arguments?.map((a) => (a.name.value === "url" ? { ...a, value: { kind: Kind.STRING, value: url } } : a)) },
            ),
          };
        }),
      };
    },
  });
  return print(document);
}
