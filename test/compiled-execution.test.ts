/**
 * The outcomes subgraphs execute operations compiled by graphql-jit (subgraphs/common/src/compiled-execution.ts).
 * Their answers, errors included, must be exactly what graphql-js gives: the same subgraph's schema and
 * resolvers, built without compiling, on the same database, is the reference. The compiled one answers
 * through its real signed HTTP server (port 0), seeded with the Tees Valley extract on SQLite.
 * On the same subgraph: a list of series reads only the stored columns its comparisons ask for
 * (storedColumnsFor), so each field of a comparison asked alone must answer as when every field is asked.
 */
import type { GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubgraphServer } from "@tees/subgraph-common/apollo-server";
import { readServedSdl } from "@tees/subgraph-common/sdl";
import { startService, type RunningService } from "@tees/subgraph-common/start-service";
import { outcomeConfig } from "../subgraphs/outcomes/src/config";
import { outcomeDeployment } from "../subgraphs/outcomes/src/deployments";
import { buildResolvers } from "../subgraphs/outcomes/src/resolvers";
import { outcomeService } from "../subgraphs/outcomes/src/service-definition";
import type { OutcomeContext } from "../subgraphs/outcomes/src/loaders";
import { scratchDatabase, type ScratchDatabase } from "./support/mysql";
import { analyst, callSubgraph, testSecret } from "./support/signed";
import { EXTRACT_LAIT_ENV } from "./support/system";

const REDCAR = "E06000003";

/** every field of a comparison, twice under aliases with other arguments, through a fragment and an @include */
const EVERY_FIELD = `query($r: [_Any!]!, $withMethod: Boolean!) { _entities(representations: $r) { ... on Authority { care { measures { ...Series } } } } }
fragment Series on CareSeries {
  measure { code name polarity }
  latest { value period { label kind status } }
  c1: comparison { latest { id value period { label } sources { document { key } section } } method @include(if: $withMethod)
    england { areaCode name value } region { areaCode name value }
    neighbours { set { set label } mean median withValue values { rank areaCode name value } }
    rank { position outOf order band noBand quartiles national note } trend { direction slopePerYear tStatistic points fromPeriod toPeriod reason }
    target { target rag reason } unavailable polarity }
  c2: comparison(neighbours: APRIL_2021, trendPoints: 7, target: 50) { neighbours { mean median } trend { direction points } target { rag reason } rank { position } }
}`;

describe("compiled execution (graphql-jit) answers as graphql-js does", () => {
  let scratch: ScratchDatabase;
  let service: RunningService;
  let secret: string;
  let definition: ReturnType<typeof outcomeService>;
  let reference: ReturnType<typeof buildSubgraphServer<OutcomeContext>>;
  let authorities: Array<{ __typename: string; code: string }>;

  beforeAll(async () => {
    scratch = await scratchDatabase({ kind: "sqlite" }, "compiled_execution");
    secret = testSecret();
    const config = outcomeConfig(outcomeDeployment("care"), { DATABASE_URL: scratch.url, ...EXTRACT_LAIT_ENV });
    definition = outcomeService(config);
    service = await startService(definition, {
      port: 0, host: "127.0.0.1", migrateOnStart: true, seedOnStart: "always", signing: { secrets: [secret], maxSkewMs: 30_000 },
    });
    reference = buildSubgraphServer<OutcomeContext>(readServedSdl(config.schemaFile, config.name), buildResolvers(config.deployment));
    await reference.start();
    const rows: Array<{ code: string }> = await service.dataSource.query("SELECT code FROM area WHERE kind = 'local-authority' ORDER BY code");
    authorities = rows.map((row) => ({ __typename: "Authority", code: row.code }));
  }, 120_000);

  afterAll(async () => {
    await reference?.stop();
    await service?.close();
    await scratch?.drop();
  });

  /** the same operation both ways: the compiled subgraph over HTTP, the reference in process with the same kind of context */
  async function both(query: string, variables: Record<string, unknown>) {
    const compiled = await callSubgraph({ url: service.url, name: definition.name }, secret, analyst, query, variables);
    const response = await reference.executeOperation({ query, variables }, { contextValue: definition.context(service.dataSource, analyst) });
    if (response.body.kind !== "single") throw new Error("the reference answered incrementally");
    const { data, errors } = response.body.singleResult;
    return { compiled: { status: compiled.status, data: compiled.body.data, errors: compiled.body.errors as readonly GraphQLFormattedError[] | undefined }, reference: { status: response.http.status ?? 200, data, errors } };
  }

  it("every field of every comparison of every authority, with aliases, a fragment and @include", async () => {
    for (const withMethod of [true, false]) {
      const { compiled, reference } = await both(EVERY_FIELD, { r: authorities, withMethod });
      expect(compiled.errors).toBeUndefined();
      expect(compiled).toEqual(reference);
      const measures = (compiled.data as { _entities: Array<{ care: { measures: unknown[] } }> })._entities.flatMap((e) => e.care.measures);
      expect(measures.length).toBeGreaterThan(5_000); // 37 authorities with figures, each with some hundreds of measures
    }
  }, 120_000);

  it("errors in a long list: the same messages, paths, codes and nulls", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Authority { care { measures(codes: ["LAC", "CareLeaverEET"]) { measure { code } comparison(trendPoints: 3) { rank { position } } } } } } }`;
    const { compiled, reference } = await both(query, { r: authorities.slice(0, 40) });
    expect(compiled.errors?.length).toBeGreaterThan(10);
    for (const error of compiled.errors ?? []) {
      expect(error).toMatchObject({ message: "trendPoints must be a whole number from 5 to 50 (got 3)", extensions: { code: "BAD_USER_INPUT" } });
    }
    expect(compiled.status).toBe(reference.status);
    expect(compiled.data).toEqual(reference.data);
    // graphql-js lists one error of the items of a list of non-null items and drops their siblings'; compiled, each is listed
    expect(compiled.errors).toEqual(expect.arrayContaining([...(reference.errors ?? [])]));
    expect(reference.errors?.length).toBeGreaterThan(0);
  });

  it("each field of a comparison asked alone answers as when every field is asked (a list reads only the columns asked for)", async () => {
    type Series = { measure: { code: string }; c1: Record<string, unknown>; c2: Record<string, unknown> };
    type Answer = { _entities: Array<{ care: { measures: Array<{ measure: { code: string }; comparison: Record<string, unknown> }> } }> };
    const full = await callSubgraph<{ _entities: Array<{ care: { measures: Series[] } }> }>({ url: service.url, name: definition.name }, secret, analyst, EVERY_FIELD, { r: authorities, withMethod: true });
    expect(full.body.errors).toBeUndefined();
    const everyField = full.body.data!._entities.flatMap((e) => e.care.measures);
    const fields: Array<[string, string, "c1" | "c2"]> = [
      ["latest", "latest { id value period { label } sources { document { key } section } }", "c1"],
      ["method", "method", "c1"],
      ["england", "england { areaCode name value }", "c1"],
      ["region", "region { areaCode name value }", "c1"],
      ["neighbours", "neighbours { set { set label } mean median withValue values { rank areaCode name value } }", "c1"],
      ["rank", "rank { position outOf order band noBand quartiles national note }", "c1"],
      ["trend", "trend { direction slopePerYear tStatistic points fromPeriod toPeriod reason }", "c1"],
      ["unavailable", "unavailable", "c1"],
      ["polarity", "polarity", "c1"],
      ["target", "target { rag reason }", "c2"],
    ];
    for (const [field, selection, alias] of fields) {
      const args = alias === "c2" ? "(neighbours: APRIL_2021, trendPoints: 7, target: 50)" : "";
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Authority { care { measures { measure { code } comparison${args} { ${selection} } } } } } }`;
      const alone = await callSubgraph<Answer>({ url: service.url, name: definition.name }, secret, analyst, query, { r: authorities });
      expect(alone.body.errors, field).toBeUndefined();
      const series = alone.body.data!._entities.flatMap((e) => e.care.measures);
      expect(series.length, field).toBe(everyField.length);
      series.forEach((one, i) => {
        expect(one.measure.code).toBe(everyField[i]!.measure.code);
        expect(one.comparison[field], `${field} of ${one.measure.code}`).toEqual(everyField[i]![alias][field]);
      });
    }
  }, 120_000);

  it("an indicator's outcome, the measures of a topic, and a variable of the wrong type", async () => {
    const outcome = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CareIndicatorOutcome { measure { code } series { latest { value } comparison { rank { position band } target { rag } } } } } }`;
    const indicator = await both(outcome, { r: [{ __typename: "CareIndicatorOutcome", authorityCode: REDCAR, measureCode: "LAC", target: 50 }] });
    expect(indicator.compiled.errors).toBeUndefined();
    expect(indicator.compiled).toEqual(indicator.reference);

    const topic = await both(`query($t: String) { careMeasures(topic: $t) { code name polarity } }`, { t: "Children Looked After" });
    expect(topic.compiled).toEqual(topic.reference);

    const wrong = await both(`query($r: [_Any!]!, $n: Int!) { _entities(representations: $r) { ... on Authority { care { measures { comparison(trendPoints: $n) { rank { position } } } } } } }`, { r: authorities.slice(0, 1), n: "five" });
    // the client's error, as graphql-js gives it (400, BAD_USER_INPUT, the variable's place), in graphql-jit's words:
    // graphql-js says `...; Int cannot represent...`, graphql-jit `...; Expected type Int; Int cannot represent...`
    expect(wrong.compiled.status).toBe(400);
    expect(wrong.compiled.status).toBe(wrong.reference.status);
    expect(wrong.compiled.data).toBeUndefined();
    expect(wrong.reference.data).toBeUndefined();
    const [compiledError, referenceError] = [wrong.compiled.errors?.[0], wrong.reference.errors?.[0]];
    expect(wrong.compiled.errors).toHaveLength(1);
    expect(compiledError?.extensions).toEqual(referenceError?.extensions);
    expect(compiledError?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(compiledError?.locations).toEqual(referenceError?.locations);
    expect(compiledError?.message).toMatch(/^Variable "\$n" got invalid value "five"; /);
    expect(compiledError?.message).toContain("Int cannot represent non-integer value");
  });
});
