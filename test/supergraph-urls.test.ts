import { describe, expect, it } from "vitest";
import { composeGuild } from "../scripts/composition";
import { subgraphGraphs, withSubgraphUrls } from "../gateway/src/supergraph";
import { planSdl as planTypeDefs, regionSdl as regionTypeDefs } from "../scripts/sdl";

/**
 * The gateway finds every subgraph of the supergraph, and points it at its configured URL, however
 * the composer printed it: a long graph name with its URL passes 80 characters and is printed
 * over several lines (found by the scale benchmark, with England's authorities' names).
 */
const longName = "kingston-upon-hull-city-of";
const composed = composeGuild([
  { name: "region", url: "http://region.internal:4001/graphql", typeDefs: regionTypeDefs([{ code: "E06000010", typeName: "KingstonUponHullCityOf" }]) },
  { name: longName, url: `http://${longName}.internal:4150/graphql`, typeDefs: planTypeDefs("KingstonUponHullCityOf") },
]);
if ("errors" in composed) throw new Error(composed.errors.join("\n"));
const sdl = composed.supergraphSdl;

describe("the supergraph's subgraphs", () => {
  it("are all found, even where the printer wrapped a graph's arguments over several lines", () => {
    expect(sdl).toMatch(/KINGSTON_UPON_HULL_CITY_OF @join__graph\(\n/);
    expect(subgraphGraphs(sdl)).toEqual(new Map([
      ["KINGSTON_UPON_HULL_CITY_OF", { name: longName, url: `http://${longName}.internal:4150/graphql` }],
      ["REGION", { name: "region", url: "http://region.internal:4001/graphql" }],
    ]));
  });

  it("take the URL a deployment sets for them, and only those", () => {
    const moved = withSubgraphUrls(sdl, { KINGSTON_UPON_HULL_CITY_OF: "http://10.0.0.7:4150/graphql" });
    expect(subgraphGraphs(moved).get("KINGSTON_UPON_HULL_CITY_OF")?.url).toBe("http://10.0.0.7:4150/graphql");
    expect(subgraphGraphs(moved).get("REGION")?.url).toBe("http://region.internal:4001/graphql");
    expect(withSubgraphUrls(sdl, {})).toBe(sdl);
  });

  it("refuse a URL for a subgraph the supergraph does not have, naming the setting", () => {
    expect(() => withSubgraphUrls(sdl, { HARTLEPOOL: "http://x:1/graphql" })).toThrow("SUBGRAPH_URL_HARTLEPOOL: the supergraph has no subgraph HARTLEPOOL");
  });
});
