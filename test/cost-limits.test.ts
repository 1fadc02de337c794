/**
 * The gateway's list-aware cost (gateway/src/cost.ts): every figure of LIST_SIZES measured again
 * from the data, the cost of every legitimate operation (typed client, README, GraphiQL's default
 * query) listed and within GATEWAY_MAX_COST, and the abusive ones over it. In process: the API
 * schema and the seeds; the plan lists are measured through a real system (SQLite), as served.
 */
import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { parse as parseCsv } from "csv-parse";
import { parse, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../gateway/src/config";
import { LIST_SIZES, listSize, listSizeGaps, operationCost, planAuthorityCount, readPlanAuthorityCount, runtimeGraphql } from "../gateway/src/cost";
import { buildGateway, FIRST_QUERY } from "../gateway/src/server";
import { readCsv } from "../subgraphs/common/src/csv";
import { domainOfTopic } from "../subgraphs/outcomes/src/topics";
import { Figure } from "../subgraphs/outcomes/src/entities";
import { postTo, startSystem, type RunningSystem } from "./support/system";
import { operationsOf, plausibleVariables } from "./support/operations";

// the schema with the gateway runtime's copy of graphql-js (cost.ts explains)
const { buildSchema, isInterfaceType, isObjectType, validate } = runtimeGraphql;
const ROOT = join(import.meta.dirname, "..");
const OPERATIONS_DIR = join(ROOT, "gateway/client/operations");
const apiSchema: GraphQLSchema = buildSchema(readFileSync(join(ROOT, "gateway/api-schema.graphql"), "utf8"));
const model = { sizes: LIST_SIZES, planAuthorities: readPlanAuthorityCount() };

/** the issue's query: every authority × every education measure, three times under aliases with different trendPoints */
export const THREE_ALIAS_QUERY = `{ ${[5, 6, 7]
  .map((n) => `t${n}: authorities { code education { measures { comparison(trendPoints: ${n}) { rank { position } trend { direction } } } } }`)
  .join(" ")} }`;

/** the ```graphql blocks of the README */
function readmeQueries(): string[] {
  const text = readFileSync(join(ROOT, "README.md"), "utf8");
  const blocks: string[] = [];
  let at = text.indexOf("```graphql\n");
  while (at >= 0) {
    const end = text.indexOf("```", at + 11);
    blocks.push(text.slice(at + 11, end));
    at = text.indexOf("```graphql\n", end + 3);
  }
  return blocks;
}

const max = (values: Iterable<number>) => Math.max(0, ...values);
const countBy = <T,>(items: Iterable<T>, key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe("list sizes (LIST_SIZES) against the data", () => {
  it("has a figure for every list field of the API schema", () => {
    expect(listSizeGaps(apiSchema)).toEqual([]);
  });

  it("counts authorities with plan subgraphs from the registry's own list, as many as the schema has plan types", () => {
    const authority = apiSchema.getType("Authority");
    expect(isInterfaceType(authority)).toBe(true);
    const planTypes = apiSchema.getPossibleTypes(authority as never).filter((t) => t.name !== "LocalAuthority");
    expect(readPlanAuthorityCount()).toBe(planTypes.length);
    // the gateway counts them from the schema it serves
    expect(planAuthorityCount(apiSchema)).toBe(planTypes.length);
  });

  it("areas, regions and themes: the national code list (seeds/region) and the theme taxonomy", () => {
    const areas = readCsv(join(ROOT, "seeds/region/areas.csv")).map((r) => r.record);
    const authorities = areas.filter((a) => a.kind === "local-authority");
    const largestRegion = max(countBy(authorities, (a) => a.region_code!).values());
    const themes = JSON.parse(readFileSync(join(ROOT, "seeds/region/themes.json"), "utf8")) as unknown[];
    console.log(`measured: ${authorities.length} authorities, largest region ${largestRegion}, ${areas.filter((a) => a.kind === "region").length} regions, ${themes.length} themes`);
    expect(LIST_SIZES.authorities).toBe(authorities.length);
    expect(LIST_SIZES.largestRegion).toBe(largestRegion);
    expect(LIST_SIZES.regions).toBe(areas.filter((a) => a.kind === "region").length);
    expect(LIST_SIZES.themes).toBe(themes.length);
  });

  it("measures per subgraph and per topic: the LAIT data dictionary", () => {
    const codes = { education: new Set<string>(), care: new Set<string>() };
    const byTopic = new Map<string, Set<string>>();
    for (const { record } of readCsv(join(ROOT, "seeds/lait/lait_data_dictionary.csv"))) {
      const domain = domainOfTopic(record.Topic ?? "");
      const code = record.Measure_short?.trim();
      if (!domain || !code) continue;
      codes[domain as keyof typeof codes].add(code);
      const key = `${domain}|${record.Topic}`;
      if (!byTopic.has(key)) byTopic.set(key, new Set());
      byTopic.get(key)!.add(code);
    }
    const largest = (domain: string) => max([...byTopic].filter(([k]) => k.startsWith(`${domain}|`)).map(([, v]) => v.size));
    console.log(`measured: education ${codes.education.size} measures (largest topic ${largest("education")}), care ${codes.care.size} (largest topic ${largest("care")})`);
    expect(LIST_SIZES.educationMeasures).toBe(codes.education.size);
    expect(LIST_SIZES.careMeasures).toBe(codes.care.size);
    expect(LIST_SIZES.educationLargestTopic).toBe(largest("education"));
    expect(LIST_SIZES.careLargestTopic).toBe(largest("care"));
  });

  it("statistical neighbours per authority in each published set", () => {
    for (const file of ["statistical_neighbours_2021-04.csv", "statistical_neighbours_2025-05.csv"]) {
      const most = max(countBy(readCsv(join(ROOT, "seeds/lait", file)), (r) => r.record.la_number!).values());
      expect(most, file).toBeLessThanOrEqual(LIST_SIZES.neighbours);
      expect(most, file).toBeGreaterThan(0);
    }
  });

  describe("measured through a running system (plan seeds, local figures)", () => {
    let system: RunningSystem;
    let url: string;
    let close: () => Promise<void>;
    beforeAll(async () => {
      system = await startSystem();
      // the measuring query asks for every plan list at once: a gateway with the cost limit out of the way
      const composed = await import("../scripts/composition").then(({ composeGuild }) =>
        import("../scripts/catalog").then(({ subgraphCatalog }) =>
          composeGuild(subgraphCatalog().map((s) => ({ name: s.name, url: system.services.get(s.name)!.url, typeDefs: s.typeDefs() })))));
      if ("errors" in composed) throw new Error(composed.errors.join("\n"));
      const runtime = buildGateway({ supergraphSdl: composed.supergraphSdl, subgraphUrls: {}, subgraphTimeoutMs: 30_000, auth: system.auth, limits: { ...DEFAULT_LIMITS, cost: 100_000_000 } }, { logging: false });
      const server = createServer(runtime);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      close = async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await runtime.dispose();
      };
    }, 180_000);
    afterAll(async () => {
      await close?.();
      await system?.close();
    });

    it("plan lists: the longest of each, as the plan subgraphs serve the seeds", async () => {
      const T = "__typename";
      const answer = await postTo<{ authorities: Array<Record<string, unknown>> }>(url, `{
        authorities(withPlanSubgraph: true) {
          plans { priorities { ${T} } actions { ${T} } indicators { ${T} } statements { ${T} } principles { ${T} } contextFigures { ${T} }
            scope { ${T} } inspections { findings { ${T} } } findings { figures { ${T} } } memberships { ${T} } glossary { ${T} } }
          priorities { ${T} actions { ${T} } indicators { ${T} } outcomes { ${T} } successCriteria { ${T} } themes { ${T} } }
          actions { leadGroups { ${T} } linkedPlans { ${T} } principles { ${T} } priorities { ${T} } progress { ${T} } themes { ${T} } priorityLinks { ${T} } leadGroupLinks { ${T} } }
          groups { actions { ${T} } }
          linkedPlans { actions { ${T} } }
          inspections { findings { ${T} } } findings { figures { ${T} } } memberships { ${T} } glossary { ${T} }
        }
      }`);
      expect(answer.body.errors).toBeUndefined();
      const measured = new Map<string, number>();
      const note = (key: string, list: unknown) => {
        if (Array.isArray(list)) measured.set(key, Math.max(measured.get(key) ?? 0, list.length));
      };
      const walk = (owner: string, item: Record<string, unknown>) => {
        for (const [field, value] of Object.entries(item)) {
          if (!Array.isArray(value)) continue;
          note(`${owner}.${field}`, value);
          const child = { plans: "Plan", priorities: "Priority", actions: "Action", groups: "LeadGroup", linkedPlans: "LinkedPlan", inspections: "Inspection", findings: "Finding" }[field];
          if (child) for (const element of value as Array<Record<string, unknown>>) walk(child, element);
        }
      };
      for (const authority of answer.body.data!.authorities) walk("Authority", authority);
      const rows = Object.entries(LIST_SIZES.plan).map(([key, size]) => `${key.padEnd(26)} measured ${String(measured.get(key) ?? "none").padStart(4)}  table ${size}`);
      console.log(`plan lists (longest in the seeds / LIST_SIZES.plan):\n${rows.join("\n")}`);
      expect([...measured.keys()].sort()).toEqual(Object.keys(LIST_SIZES.plan).sort());
      for (const [key, size] of Object.entries(LIST_SIZES.plan)) {
        // the table holds the measured maximum (a list the seeds leave empty counts as one item)
        expect(size, key).toBe(Math.max(1, measured.get(key)!));
      }
    });

    it("figures per series (national file + local figures) and local figures per authority", async () => {
      const published = new Map<string, number>(); // "<measure>|<LA number>|<area name>" → figures
      const parser = createReadStream(join(ROOT, "seeds/lait/bds_long.csv.gz")).pipe(createGunzip()).pipe(parseCsv({ columns: true }));
      for await (const row of parser as AsyncIterable<Record<string, string>>) {
        const key = `${row["Short Desc"]}|${row["LA Number"]}|${row["LA and Regions"]}`;
        published.set(key, (published.get(key) ?? 0) + 1);
      }
      const most = { education: 0, care: 0 };
      const perSeries: number[] = [];
      for (const name of ["education", "care"] as const) {
        const local: Array<{ areaCode: string; measureCode: string | null }> = await system.services.get(name)!.dataSource.getRepository(Figure).find({ where: { kind: "local" }, select: { areaCode: true, measureCode: true } });
        most[name] = max(countBy(local, (f) => f.areaCode).values());
        perSeries.push(max(countBy(local.filter((f) => f.measureCode), (f) => `${f.areaCode}|${f.measureCode}`).values()));
      }
      const seriesMost = max(published.values()) + max(perSeries);
      // the documents that state one local figure: its source and any further ones (figure_source)
      const sources = await postTo<{ authorities: Array<Record<string, { localFigures: Array<{ sources: unknown[] }> } | null>> }>(url,
        "{ authorities(withPlanSubgraph: true) { education { localFigures { sources { section } } } care { localFigures { sources { section } } } } }");
      expect(sources.body.errors).toBeUndefined();
      const sourcesMost = max(sources.body.data!.authorities.flatMap((a) => [a.education, a.care]).flatMap((p) => p?.localFigures ?? []).map((f) => f.sources.length));
      console.log(`measured: at most ${sourcesMost} documents state one local figure`);
      expect(LIST_SIZES.figureSources).toBe(sourcesMost);
      console.log(`measured: ${max(published.values())} published figures per series at most, + ${max(perSeries)} local; local figures per authority: education ${most.education}, care ${most.care}`);
      expect(LIST_SIZES.seriesFigures).toBe(seriesMost);
      expect(LIST_SIZES.educationLocalFigures).toBe(most.education);
      expect(LIST_SIZES.careLocalFigures).toBe(most.care);
    }, 120_000);
  });
});

describe("the cost of every legitimate operation, and of abuse", () => {
  const legitimate: Array<{ name: string; cost: number }> = [];

  it(`prices every typed-client operation, the README's queries and GraphiQL's default query within GATEWAY_MAX_COST (${DEFAULT_LIMITS.cost})`, () => {
    for (const file of readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith(".graphql")).sort()) {
      for (const { name, document } of operationsOf(readFileSync(join(OPERATIONS_DIR, file), "utf8"))) {
        expect(validate(apiSchema, document), `${file} ${name}`).toEqual([]);
        const variables = plausibleVariables(apiSchema, document.definitions[0] as OperationDefinitionNode);
        legitimate.push({ name: `${file} ${name}`, cost: operationCost(model, apiSchema, document, variables) });
      }
    }
    readmeQueries().forEach((query, i) => legitimate.push({ name: `README query ${i + 1}`, cost: operationCost(model, apiSchema, parse(query)) }));
    legitimate.push({ name: "GraphiQL default (FIRST_QUERY)", cost: operationCost(model, apiSchema, parse(FIRST_QUERY)) });
    expect(readmeQueries().length).toBeGreaterThan(0);
    legitimate.sort((a, b) => b.cost - a.cost);
    console.log(`cost of each legitimate operation (limit ${DEFAULT_LIMITS.cost}):\n${legitimate.map((o) => `${o.name.padEnd(46)} ${String(o.cost).padStart(8)}`).join("\n")}`);
    for (const operation of legitimate) expect(operation.cost, operation.name).toBeLessThanOrEqual(DEFAULT_LIMITS.cost);
  });

  it("refuses the issue's three-alias query by far", () => {
    const cost = operationCost(model, apiSchema, parse(THREE_ALIAS_QUERY));
    console.log(`three-alias query: ${cost} (limit ${DEFAULT_LIMITS.cost})`);
    expect(cost).toBeGreaterThan(10 * DEFAULT_LIMITS.cost);
  });

  it("multiplies by list length and narrows by arguments and variables", () => {
    const one = operationCost(model, apiSchema, parse(`{ authorities(codes: ["E06000003"]) { code } }`));
    const all = operationCost(model, apiSchema, parse(`{ authorities { code } }`));
    expect(all).toBe(LIST_SIZES.authorities * one);
    const byVariable = (codes: string[]) => operationCost(model, apiSchema, parse(`query ($c: [ID!]) { authorities(codes: $c) { code } }`), { c: codes });
    expect(byVariable(["E06000003"])).toBe(one);
    expect(byVariable(["E06000003", "E06000004", "E06000004"])).toBe(2 * one);
    // no variable given: every authority
    expect(operationCost(model, apiSchema, parse(`query ($c: [ID!]) { authorities(codes: $c) { code } }`))).toBe(all);
    expect(operationCost(model, apiSchema, parse(`{ authorities(region: "E12000001") { code } }`))).toBe(LIST_SIZES.largestRegion * one);
    expect(operationCost(model, apiSchema, parse(`{ authorities(withPlanSubgraph: true) { code } }`))).toBe(readPlanAuthorityCount() * one);
    const measures = (selection: string) => operationCost(model, apiSchema, parse(`{ authority(code: "E06000003") { education { ${selection} { measure { code } } } } }`));
    expect(measures(`measures(codes: ["A", "B"])`) - measures(`measures(codes: ["A"])`)).toBe(measures(`measures(codes: ["A"])`) - measures(`measures(codes: [])`));
    expect(measures("measures")).toBeGreaterThan(200 * measures(`measures(codes: ["A"])`) / 2);
    // an audit log's cost follows its limit
    const audit = (limit: number) => operationCost(model, apiSchema, parse(`{ authority(code: "E06000003") { auditLog(limit: ${limit}) { operation } } }`));
    expect(audit(100)).toBeGreaterThan(audit(10));
  });

  it("the Authority types share one set of figures (a plan authority's type costs as the interface)", () => {
    const authority = apiSchema.getType("Authority");
    const concrete = apiSchema.getType("RedcarAndCleveland");
    if (!isInterfaceType(authority) || !isObjectType(concrete)) throw new Error("schema changed");
    expect(listSize(LIST_SIZES, 2, concrete, "priorities", {})).toBe(listSize(LIST_SIZES, 2, authority, "priorities", {}));
  });
});
