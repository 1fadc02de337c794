/**
 * Points the supergraph's subgraphs at other URLs (deployment configuration, not
 * business logic): `@join__graph(name: "region", url: "...")` per override, keyed
 * by the graph's enum name (REGION, REDCAR_AND_CLEVELAND, ...).
 */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  let sdl = supergraphSdl;
  for (const [graph, url] of Object.entries(urls)) {
    const pattern = new RegExp(`(\\n\\s*${graph}\\s+@join__graph\\(name:\\s*"[^"]*",\\s*url:\\s*)"[^"]*"`);
    if (!pattern.test(sdl)) throw new Error(`SUBGRAPH_URL_${graph}: the supergraph has no subgraph ${graph}`);
    sdl = sdl.replace(pattern, `$1${JSON.stringify(url)}`);
  }
  return sdl;
}

/** graph enum name (REGION, REDCAR_AND_CLEVELAND, ...) → the URL the supergraph gives it */
export function subgraphEndpoints(supergraphSdl: string): Map<string, string> {
  return new Map([...subgraphGraphs(supergraphSdl)].map(([graph, { url }]) => [graph, url]));
}

/** graph enum name → the subgraph's name as composed (region, redcar-and-cleveland, ...: what requests are signed for) and its URL */
export function subgraphGraphs(supergraphSdl: string): Map<string, { name: string; url: string }> {
  const graphs = new Map<string, { name: string; url: string }>();
  for (const match of supergraphSdl.matchAll(/\n\s*([A-Z0-9_]+)\s+@join__graph\(name:\s*"([^"]*)",\s*url:\s*"([^"]*)"/g)) {
    graphs.set(match[1]!, { name: match[2]!, url: match[3]! });
  }
  return graphs;
}
