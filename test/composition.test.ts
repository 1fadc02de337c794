import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse, print, visit, Kind } from "graphql";
import { describe, expect, it } from "vitest";
import { planDeployments, repoRoot, subgraphCatalog } from "../scripts/catalog";
import { composeApollo, composeGuild, type ComposableSubgraph } from "../scripts/composition";
import { readPlanAuthorities } from "../subgraphs/region/src/config";

const subgraphs = (): ComposableSubgraph[] =>
  subgraphCatalog().map((s) => ({ name: s.name, url: `http://localhost:${s.port}/graphql`, typeDefs: s.typeDefs() }));

describe("composition", () => {
  it("composes with no errors under The Guild's composition", () => {
    const result = composeGuild(subgraphs());
    expect("errors" in result ? result.errors : []).toEqual([]);
  });

  it("composes with no errors under Apollo's composition", () => {
    const result = composeApollo(subgraphs());
    expect("errors" in result ? result.errors : []).toEqual([]);
  });

  it("the committed supergraph.graphql (the one the gateway serves) equals a fresh composition", () => {
    const result = composeGuild(subgraphs());
    if ("errors" in result) throw new Error(result.errors.join("\n"));
    expect(readFileSync(join(repoRoot, "gateway/supergraph.graphql"), "utf8")).toBe(result.supergraphSdl + "\n");
  });

  it("each deployment's committed SDL file (the one it serves, beside its JSON) is its template's instantiation", () => {
    for (const s of subgraphCatalog()) {
      expect(readFileSync(s.schemaFile, "utf8"), s.name).toBe(print(s.instantiate()) + "\n");
    }
  });

  it("each committed deployment's service, as its entry point builds it, serves its committed SDL file (then only the federation definitions)", async () => {
    for (const s of subgraphCatalog()) {
      const server = s.service({}).buildServer();
      await server.start();
      try {
        const response = await server.executeOperation<{ _service: { sdl: string } }>({ query: "{ _service { sdl } }" });
        const served = response.body.kind === "single" ? response.body.singleResult.data?._service.sdl : undefined;
        const file = readFileSync(s.schemaFile, "utf8");
        expect(served?.startsWith(file), s.name).toBe(true);
        expect(parse(served!.slice(file.length)).definitions.map((d) => ("name" in d && d.name ? d.name.value : "")), s.name).toContain("_Service");
      } finally {
        await server.stop();
      }
    }
  });

  it("every implementation of Authority carries the plan fields, and education/care reach every authority", () => {
    const result = composeGuild(subgraphs());
    if ("errors" in result) throw new Error(result.errors.join("\n"));
    const supergraph = parse(result.supergraphSdl);
    const implementations = new Map<string, string[]>();
    visit(supergraph, {
      ObjectTypeDefinition(node) {
        if (node.interfaces?.some((i) => i.name.value === "Authority")) {
          implementations.set(node.name.value, (node.fields ?? []).map((f) => f.name.value));
        }
      },
    });
    expect([...implementations.keys()].sort()).toEqual(["LocalAuthority", "RedcarAndCleveland", "StocktonOnTees"]);
    for (const [type, fields] of implementations) {
      expect(fields, type).toEqual(expect.arrayContaining(["code", "name", "plans", "priorities", "actions", "groups", "linkedPlans", "education", "care"]));
    }
  });

  describe("a schema change that breaks composition fails with the composer's message", () => {
    // one deployment drifts from the shared plan types: Priority.title becomes an Int
    const drifted = () =>
      subgraphs().map((s) =>
        s.name !== "stockton-on-tees"
          ? s
          : {
              ...s,
              typeDefs: visit(s.typeDefs, {
                ObjectTypeDefinition(node) {
                  if (node.name.value !== "Priority") return undefined;
                  return {
                    ...node,
                    fields: node.fields?.map((f) =>
                      f.name.value === "title" ? { ...f, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "Int" } } } } : f,
                    ),
                  };
                },
              }),
            },
      );

    it("The Guild's composition names the field", () => {
      const result = composeGuild(drifted() as ComposableSubgraph[]);
      expect("errors" in result).toBe(true);
      expect(("errors" in result ? result.errors : []).join("\n")).toMatch(/Priority\.title/);
    });

    it("Apollo's composition names the field", () => {
      const result = composeApollo(drifted() as ComposableSubgraph[]);
      expect("errors" in result).toBe(true);
      expect(("errors" in result ? result.errors : []).join("\n")).toMatch(/Priority\.title/);
    });
  });

  it("the registry's plan authorities and the plan deployments agree (configuration, not code)", () => {
    const registry = readPlanAuthorities(join(repoRoot, "subgraphs/region/deployments/plan-authorities.json"));
    const deployments = planDeployments().map((d) => ({ code: d.code, typeName: d.typeName }));
    expect(deployments.sort((a, b) => a.code.localeCompare(b.code))).toEqual(registry.sort((a, b) => a.code.localeCompare(b.code)));
    expect(readdirSync(join(repoRoot, "seeds")).sort()).toEqual(expect.arrayContaining(planDeployments().map((d) => d.seedFolder)));
  });
});
