/**
 * Operation limits, protocol hygiene and error masking at the gateway, through the real gateway
 * (buildGateway) in front of the real subgraphs. Between them sits a counting proxy per subgraph,
 * so "rejected before any subgraph is called" is measured where it matters, at the subgraphs'
 * door (and, independently, by their SQL statement count). Then heavy work that passes the cost (the
 * limit raised): a subgraph timeout, the query sent right after, and a client that leaves, read from
 * education's own work counters.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { MaxTokensParserWLexer } from "@escape.tech/graphql-armor-max-tokens";
import { buildSchema, parse, print, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, loadConfig, type OperationLimits } from "../gateway/src/config";
import { LIMIT_EXCEEDED } from "../gateway/src/limits";
import { LIST_SIZES, operationCost, readPlanAuthorityCount, runtimeGraphql } from "../gateway/src/cost";
import { buildGateway } from "../gateway/src/server";
import { subgraphCatalog } from "../scripts/catalog";
import { composeGuild } from "../scripts/composition";
import { startSystem, type GraphQLResponse, type RunningSystem } from "./support/system";
import { secretsEnv } from "./support/signed";
import { startProxy, type Proxy } from "./support/proxy";
import { operationsOf, plausibleVariables } from "./support/operations";

const OPERATIONS_DIR = join(import.meta.dirname, "../gateway/client/operations");

interface Gateway {
  url: string;
  close(): Promise<void>;
}

/** the running system's token settings and subgraph secrets (set once it starts) */
let systemAuth: RunningSystem["auth"];

/** one system for the file: both parts below only read, one after the other */
let started: Promise<RunningSystem> | undefined;
const fileSystem = () => (started ??= startSystem());
afterAll(async () => {
  await (await started?.catch(() => undefined))?.close();
});

async function serveGateway(supergraphSdl: string, settings: Partial<Pick<ReturnType<typeof loadConfig>, "introspection" | "limits" | "subgraphUrls" | "subgraphTimeoutMs">> = {}): Promise<Gateway> {
  const runtime = buildGateway({ supergraphSdl, subgraphUrls: {}, subgraphTimeoutMs: 10_000, auth: systemAuth, ...settings }, { logging: process.env.GATEWAY_LOG === "1" });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

interface Answer {
  status: number;
  body: GraphQLResponse;
  text: string;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as GraphQLResponse, text };
}

const COST_MODEL = { sizes: LIST_SIZES, planAuthorities: readPlanAuthorityCount() };

/** What each limit measures on a document, by the same rules the gateway runs (GraphQL Armor's, and cost.ts with these variables). */
function measure(schema: GraphQLSchema, costSchema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}): Record<keyof Omit<OperationLimits, "bodyBytes">, number> & { errors: string[] } {
  const found = { depth: 0, aliases: 0, directives: 0, cost: 0, tokens: 0 };
  const record = (key: keyof typeof found) => [(_context: unknown, details: { n: number }) => void (found[key] = Math.max(found[key], details.n))];
  const errors = validate(schema, document, [
    maxDepthRule({ n: Number.MAX_SAFE_INTEGER, flattenFragments: true, onAccept: record("depth") }),
    maxAliasesRule({ n: Number.MAX_SAFE_INTEGER, onAccept: record("aliases") }),
    maxDirectivesRule({ n: Number.MAX_SAFE_INTEGER, onAccept: record("directives") }),
  ]).map((e) => e.message);
  if (errors.length === 0) found.cost = operationCost(COST_MODEL, costSchema, document, variables);
  const parser = new MaxTokensParserWLexer(print(document), { n: Number.MAX_SAFE_INTEGER });
  parser.parseDocument();
  found.tokens = parser.tokenCount;
  return { ...found, errors };
}

describe("operation limits at the gateway", () => {
  let system: RunningSystem;
  let proxies: Proxy[];
  let supergraphSdl: string;
  let apiSchema: GraphQLSchema;
  /** the same, with the gateway runtime's copy of graphql-js, for the cost (gateway/src/cost.ts explains) */
  let costSchema: GraphQLSchema;
  let gateway: Gateway;
  const subgraphRequests = () => proxies.reduce((sum, proxy) => sum + proxy.requests(), 0);

  beforeAll(async () => {
    system = await fileSystem();
    systemAuth = system.auth;
    const entries = subgraphCatalog();
    proxies = await Promise.all(entries.map((entry) => startProxy(system.services.get(entry.name)!.url)));
    const composed = composeGuild(entries.map((entry, i) => ({ name: entry.name, url: proxies[i]!.url, typeDefs: entry.typeDefs() })));
    if ("errors" in composed) throw new Error(composed.errors.join("\n"));
    supergraphSdl = composed.supergraphSdl;
    apiSchema = buildSchema(composed.apiSchemaSdl);
    costSchema = runtimeGraphql.buildSchema(composed.apiSchemaSdl);
    gateway = await serveGateway(supergraphSdl);
  });
  afterAll(async () => {
    await gateway?.close();
    for (const proxy of proxies ?? []) await proxy.close();
  });

  /** Sends the request and expects a 4xx naming the problem, with no subgraph request and no SQL run. */
  async function expectRejected(send: () => Promise<Answer>, status: number, message: RegExp) {
    const requestsBefore = subgraphRequests();
    const statementsBefore = system.statements();
    const answer = await send();
    expect(answer.status, answer.text).toBe(status);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.map((e) => e.message).join("\n")).toMatch(message);
    expect(subgraphRequests(), "requests that reached a subgraph").toBe(requestsBefore);
    expect(system.statements(), "SQL statements run").toBe(statementsBefore);
    return answer;
  }

  it("lets a plain query through to the subgraphs (so the counts below can move)", async () => {
    const requestsBefore = subgraphRequests();
    const statementsBefore = system.statements();
    const answer = await post(gateway.url, { query: "{ themes { id } }" });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(subgraphRequests()).toBeGreaterThan(requestsBefore);
    expect(system.statements()).toBeGreaterThan(statementsBefore);
  });

  // Action.priorities and Priority.actions form a cycle, so depth is only bounded by the limit
  const nested = (levels: number) => {
    // outermost first: Priority.actions, Action.priorities, Priority.actions, ...
    const fields = Array.from({ length: levels }, (_, i) => (i % 2 === 0 ? "actions" : "priorities"));
    const selection = fields.reduceRight((inner, field) => `${field} { ${inner} }`, "title");
    return `{ authorities(codes: ["E06000004"]) { priorities { ${selection} } } }`;
  };

  it(`rejects an operation deeper than ${DEFAULT_LIMITS.depth} with a 400 naming the limit; one at the limit runs`, async () => {
    // authorities > priorities > (levels) > title
    const answer = await expectRejected(() => post(gateway.url, { query: nested(DEFAULT_LIMITS.depth - 2) }), 400, new RegExp(`depth limit of ${DEFAULT_LIMITS.depth} exceeded, found ${DEFAULT_LIMITS.depth + 1} \\(GATEWAY_MAX_DEPTH\\)`));
    expect(answer.body.errors![0]!.extensions?.code).toBe(LIMIT_EXCEEDED);
    // the cycle multiplies list sizes at every level (Priority.actions 13 x Action.priorities 5 ...), so
    // the cost refuses it long before the depth does: the depth is shown with the cost out of the way
    const uncosted = await serveGateway(supergraphSdl, { limits: { ...DEFAULT_LIMITS, cost: Number.MAX_SAFE_INTEGER } });
    try {
      const atLimit = await post(uncosted.url, { query: nested(DEFAULT_LIMITS.depth - 3) });
      expect(atLimit.status, atLimit.text).toBe(200);
      expect(atLimit.body.errors).toBeUndefined();
    } finally {
      await uncosted.close();
    }
    await expectRejected(() => post(gateway.url, { query: nested(DEFAULT_LIMITS.depth - 3) }), 400, /GATEWAY_MAX_COST/);
  });

  it("rejects with a 400 also for a client that accepts only application/json", async () => {
    // GraphQL-over-HTTP lets such a client get 200 for request errors; a limit is not left to that
    await expectRejected(() => post(gateway.url, { query: nested(DEFAULT_LIMITS.depth) }, { accept: "application/json" }), 400, /GATEWAY_MAX_DEPTH/);
    await expectRejected(() => post(gateway.url, { query: `{ themes { ${"id ".repeat(DEFAULT_LIMITS.tokens)} } }` }, { accept: "application/json" }), 400, /GATEWAY_MAX_TOKENS/);
  });

  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: themes { id }`).join(" ")} }`;

  it(`rejects more than ${DEFAULT_LIMITS.aliases} aliases; ${DEFAULT_LIMITS.aliases} run`, async () => {
    await expectRejected(() => post(gateway.url, { query: aliased(DEFAULT_LIMITS.aliases + 1) }), 400, new RegExp(`Aliases limit of ${DEFAULT_LIMITS.aliases} exceeded, found ${DEFAULT_LIMITS.aliases + 1} \\(GATEWAY_MAX_ALIASES\\)`));
    const atLimit = await post(gateway.url, { query: aliased(DEFAULT_LIMITS.aliases) });
    expect(atLimit.status, atLimit.text).toBe(200);
    expect(atLimit.body.errors).toBeUndefined();
  });

  const directed = (count: number) => `{ themes { ${"id @include(if: true) ".repeat(count)} } }`;

  it(`rejects more than ${DEFAULT_LIMITS.directives} directives; ${DEFAULT_LIMITS.directives} run`, async () => {
    await expectRejected(() => post(gateway.url, { query: directed(DEFAULT_LIMITS.directives + 1) }), 400, new RegExp(`Directives limit of ${DEFAULT_LIMITS.directives} exceeded, found ${DEFAULT_LIMITS.directives + 1} \\(GATEWAY_MAX_DIRECTIVES\\)`));
    const atLimit = await post(gateway.url, { query: directed(DEFAULT_LIMITS.directives) });
    expect(atLimit.status, atLimit.text).toBe(200);
  });

  it(`rejects a document of more than ${DEFAULT_LIMITS.tokens} tokens, and stops reading it there`, async () => {
    await expectRejected(() => post(gateway.url, { query: `{ themes { ${"id ".repeat(DEFAULT_LIMITS.tokens)} } }` }, {}), 400, new RegExp(`Token limit of ${DEFAULT_LIMITS.tokens} exceeded \\(GATEWAY_MAX_TOKENS\\)`));
    // a huge document (still under the body limit) is refused as fast as a small one: the parser stops at the limit
    const huge = `{ themes { ${"id ".repeat(20_000)} } }`;
    const started = performance.now();
    await expectRejected(() => post(gateway.url, { query: huge }), 400, /GATEWAY_MAX_TOKENS/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it(`rejects an operation costing more than ${DEFAULT_LIMITS.cost}, even when depth, aliases and tokens are within bounds`, async () => {
    // the same leaf repeated at depth 9: each one costs 1.5^8, and depth, aliases and tokens stay legal
    const query = `{ authorities { priorities { actions { priorities { actions { priorities { actions { leadGroups { ${"name ".repeat(150)} } } } } } } } } }`;
    const measured = measure(apiSchema, costSchema, parse(query));
    expect(measured.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.depth);
    expect(measured.tokens).toBeLessThanOrEqual(DEFAULT_LIMITS.tokens);
    expect(measured.cost).toBeGreaterThan(DEFAULT_LIMITS.cost);
    await expectRejected(() => post(gateway.url, { query }), 400, new RegExp(`Query cost limit of ${DEFAULT_LIMITS.cost} exceeded, found \\d+ \\(GATEWAY_MAX_COST\\)`));
  });

  it("refuses the issue's three-alias query (every authority x every education measure, three trendPoints) with a 400 naming GATEWAY_MAX_COST, no subgraph called", async () => {
    const query = `{ ${[5, 6, 7].map((n) => `t${n}: authorities { code education { measures { comparison(trendPoints: ${n}) { rank { position } trend { direction } } } } }`).join(" ")} }`;
    const measured = measure(apiSchema, costSchema, parse(query));
    // within every other limit: only the cost refuses it
    expect(measured.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.depth);
    expect(measured.aliases).toBeLessThanOrEqual(DEFAULT_LIMITS.aliases);
    expect(measured.tokens).toBeLessThanOrEqual(DEFAULT_LIMITS.tokens);
    const answer = await expectRejected(() => post(gateway.url, { query }), 400, new RegExp(`Query cost limit of ${DEFAULT_LIMITS.cost} exceeded, found ${measured.cost} \\(GATEWAY_MAX_COST\\)`));
    expect(answer.body.errors![0]!.extensions?.code).toBe(LIMIT_EXCEEDED);
  });

  it("prices a list by its variables, known when execution starts: $codes of one authority runs, none (every authority) is refused", async () => {
    const query = `query ($codes: [ID!]) { authorities(codes: $codes) { code education { measures { comparison { rank { position } } } } } }`;
    const one = await post(gateway.url, { query, variables: { codes: ["E06000003"] } });
    expect(one.status, one.text).toBe(200);
    expect(one.body.errors).toBeUndefined();
    await expectRejected(() => post(gateway.url, { query, variables: {} }), 400, /Query cost limit of \d+ exceeded, found \d+ \(GATEWAY_MAX_COST\)/);
  });

  it(`refuses a body over ${DEFAULT_LIMITS.bodyBytes} bytes with a 413, by its length or while it streams in`, async () => {
    const big = JSON.stringify({ query: "{ themes { id } }", variables: { padding: "x".repeat(DEFAULT_LIMITS.bodyBytes) } });
    await expectRejected(() => post(gateway.url, big), 413, new RegExp(`request body larger than ${DEFAULT_LIMITS.bodyBytes} bytes \\(GATEWAY_MAX_BODY_BYTES\\)`));
    // chunked, with no Content-Length to check up front
    await expectRejected(async () => {
      const bytes = new TextEncoder().encode(big);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 8192) controller.enqueue(bytes.subarray(at, at + 8192));
          controller.close();
        },
      });
      const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json" }, body: stream, duplex: "half" } as RequestInit);
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as GraphQLResponse };
    }, 413, /GATEWAY_MAX_BODY_BYTES/);
  });

  it("refuses a batched request (an array of operations) with a 400", async () => {
    await expectRejected(() => post(gateway.url, [{ query: "{ themes { id } }" }, { query: "{ themes { name } }" }]), 400, /Batching is not supported/);
  });

  it("gives no field, argument or enum value suggestions", async () => {
    const field = await expectRejected(() => post(gateway.url, { query: "{ themes { nme } }" }), 400, /Cannot query field "nme" on type "Theme"/);
    const literal = await expectRejected(
      () => post(gateway.url, { query: `{ authorities { education { measures { comparison(neighbours: MAY_2024) { unavailable } } } } }` }),
      400,
      /Value "MAY_2024" does not exist in "StatisticalNeighbourSet" enum/,
    );
    // a variable's value is checked later than validation, and its error used to carry the suggestion too
    const variable = await post(gateway.url, {
      query: `query ($set: StatisticalNeighbourSet!) { authorities { education { measures { comparison(neighbours: $set) { unavailable } } } } }`,
      variables: { set: "MAY_2024" },
    });
    expect(variable.body.errors?.[0]?.message).toMatch(/does not exist in "StatisticalNeighbourSet" enum/);
    for (const answer of [field, literal, variable]) {
      const messages = answer.body.errors!.map((e) => e.message).join("\n");
      expect(messages).not.toMatch(/Did you mean/);
      expect(messages).not.toContain("MAY_2025");
      expect(messages).not.toContain('"name"');
    }
  });

  it("answers introspection and serves GraphiQL with the default (embedded) settings", async () => {
    const answer = await post(gateway.url, { query: "{ __schema { queryType { name } } }" });
    expect(answer.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    const page = await fetch(gateway.url, { headers: { accept: "text/html" } });
    expect(await page.text()).toContain("Tees Partnership Graph");
  });

  it("refuses introspection (400, no subgraph call) and serves no GraphiQL when introspection is off", async () => {
    const production = await serveGateway(supergraphSdl, { introspection: loadConfig({ NODE_ENV: "production", ...secretsEnv() }).introspection });
    try {
      await expectRejected(() => post(production.url, { query: "{ __schema { types { name } } }" }), 400, /introspection/i);
      await expectRejected(() => post(production.url, { query: `{ __type(name: "Authority") { fields { name } } }` }), 400, /introspection/i);
      const page = await fetch(production.url, { headers: { accept: "text/html" } });
      expect(await page.text()).not.toContain("Tees Partnership Graph");
      // ordinary queries still run
      const answer = await post(production.url, { query: "{ themes { id __typename } }" });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    } finally {
      await production.close();
    }
  });

  it("applies limits set in the environment (GATEWAY_MAX_DEPTH=4)", async () => {
    const strict = await serveGateway(supergraphSdl, { limits: loadConfig({ GATEWAY_MAX_DEPTH: "4", ...secretsEnv() }).limits });
    try {
      await expectRejected(() => post(strict.url, { query: nested(3) }), 400, /depth limit of 4 exceeded, found 6/);
      expect((await post(strict.url, { query: nested(1) })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("lets every operation of the typed client (gateway/client/operations, read now) through, within every limit", async () => {
    const files = readdirSync(OPERATIONS_DIR).filter((file) => file.endsWith(".graphql")).sort();
    expect(files.length).toBeGreaterThan(0);
    const rows: string[] = [];
    let operations = 0;
    for (const file of files) {
      for (const { name, document } of operationsOf(readFileSync(join(OPERATIONS_DIR, file), "utf8"))) {
        operations++;
        const operation = document.definitions[0] as OperationDefinitionNode;
        const variables = plausibleVariables(costSchema, operation);
        const found = measure(apiSchema, costSchema, document, variables);
        expect(found.errors, `${file} ${name} is valid against the API schema`).toEqual([]);
        rows.push(`${`${file} ${name}`.padEnd(44)} depth ${found.depth}/${DEFAULT_LIMITS.depth}  tokens ${found.tokens}/${DEFAULT_LIMITS.tokens}  aliases ${found.aliases}/${DEFAULT_LIMITS.aliases}  directives ${found.directives}/${DEFAULT_LIMITS.directives}  cost ${Math.ceil(found.cost)}/${DEFAULT_LIMITS.cost}`);
        for (const limit of ["depth", "tokens", "aliases", "directives", "cost"] as const) {
          expect(found[limit], `${file} ${name}: ${limit}`).toBeLessThanOrEqual(DEFAULT_LIMITS[limit]);
        }

        const body = JSON.stringify({ query: print(document), variables });
        expect(Buffer.byteLength(body), `${file} ${name}: request bytes`).toBeLessThanOrEqual(DEFAULT_LIMITS.bodyBytes);
        const answer = await post(gateway.url, body);
        expect(answer.status, `${file} ${name}: ${answer.text.slice(0, 500)}`).toBe(200);
        expect(answer.body.errors, `${file} ${name}`).toBeUndefined();
        expect(answer.body.data, `${file} ${name}`).toBeTruthy();
      }
    }
    console.log(`typed client operations against the gateway's limits (measured / limit):\n${rows.join("\n")}`);
    expect(operations).toBeGreaterThanOrEqual(files.length);
  });

  /** no stack trace, internal address or SQL in what the client got */
  function expectNothingInternal(answer: Answer, ports: string[]) {
    expect(answer.text).not.toMatch(/stack|\bat .+:\d+:\d+|\.ts\b|node_modules/i);
    expect(answer.text).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\//i);
    for (const port of ports) expect(answer.text).not.toMatch(new RegExp(`\\b${port}\\b`));
    expect(answer.text).not.toMatch(/SELECT|FROM|theme_hidden|no such table|SQLITE|QueryFailedError/i);
  }
  const internalPorts = () => [...system.services.values()].map((s) => String(s.port)).concat(proxies.map((p) => new URL(p.url).port));

  it("masks an error raised inside a subgraph: no stack trace, internal address or SQL reaches the client", async () => {
    const region = system.services.get("region")!;
    // a real database failure in the region subgraph: its table is gone while the query runs
    await region.dataSource.query(`ALTER TABLE "theme" RENAME TO "theme_hidden"`);
    let answer: Answer;
    try {
      answer = await post(gateway.url, { query: "{ themes { id name } }" });
    } finally {
      await region.dataSource.query(`ALTER TABLE "theme_hidden" RENAME TO "theme"`);
    }
    expect(answer.body.errors?.map((e) => e.message), answer.text).toEqual(["Internal error"]);
    expectNothingInternal(answer, internalPorts());
    // the gateway still works once the table is back
    expect((await post(gateway.url, { query: "{ themes { id } }" })).body.errors).toBeUndefined();
  });

  it("masks it at the gateway too, when a subgraph passes on its internals (stack, SQL, URL) itself", async () => {
    // stands in for the region subgraph: answers every request with an unmasked error
    const leaky = createServer((incoming, outgoing) => {
      incoming.resume().on("end", () => {
        outgoing.setHeader("content-type", "application/json");
        outgoing.end(JSON.stringify({
          data: { themes: null },
          errors: [{
            message: `SQLITE_ERROR: no such table: theme_hidden: SELECT "id" FROM "theme_hidden" (db at http://10.0.0.5:3306/plans)`,
            path: ["themes"],
            extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["QueryFailedError: SQLITE_ERROR", "    at Query.run (/app/node_modules/typeorm/driver.ts:10:5)"], exception: { sql: 'SELECT "id" FROM "theme_hidden"' } },
          }],
        }));
      });
    });
    await new Promise<void>((resolve) => leaky.listen(0, "127.0.0.1", resolve));
    const leakyPort = String((leaky.address() as AddressInfo).port);
    const exposed = await serveGateway(supergraphSdl, { subgraphUrls: { REGION: `http://127.0.0.1:${leakyPort}/graphql` } });
    try {
      const answer = await post(exposed.url, { query: "{ themes { id } }" });
      expect(answer.body.errors?.map((e) => e.message), answer.text).toEqual(["Internal error"]);
      expect(answer.body.errors![0]!.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", serviceName: "region" });
      expectNothingInternal(answer, [...internalPorts(), leakyPort, "3306"]);
      expect(answer.text).not.toContain("10.0.0.5");
    } finally {
      await exposed.close();
      leaky.closeAllConnections();
      await new Promise<void>((resolve) => leaky.close(() => resolve()));
    }
  });

  it("gives no detail of the gateway's own failures, even with NODE_ENV=development", async () => {
    // a subgraph address where nothing listens: the gateway's fetch fails with "connect ECONNREFUSED 127.0.0.1:<port>"
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = String((closed.address() as AddressInfo).port);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await serveGateway(supergraphSdl, { subgraphUrls: { REGION: `http://127.0.0.1:${closedPort}/graphql` } });
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "development";
    try {
      const answer = await post(unreachable.url, { query: "{ themes { id } }" });
      expect(answer.body.errors?.map((e) => e.message), answer.text).toEqual(["Unexpected error."]);
      expect(answer.text).not.toMatch(/ECONNREFUSED|originalError|request/);
      expectNothingInternal(answer, [...internalPorts(), closedPort]);
    } finally {
      process.env.NODE_ENV = nodeEnv;
      await unreachable.close();
    }
  });

  it("keeps a subgraph's deliberate (coded) error message for the client", async () => {
    const answer = await post(gateway.url, {
      query: `{ authority(code: "E06000003") { education { measures(codes: ["FSP_NEW_GOODDEV"]) { comparison(neighbours: MAY_2025, trendPoints: 2) { unavailable } } } } }`,
    });
    expect(answer.body.errors?.[0]?.message, answer.text).toMatch(/trendPoints must be a whole number from 5 to 50/);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

/**
 * Heavy work that passes the cost (the limit raised, as the benchmark does): what the gateway and the
 * education subgraph do when the gateway gives up on it, or its client goes away. Read from the
 * subgraph's own counters (/health: workUnits = statements run + comparisons computed, cancelledRequests).
 */
describe("heavy queries, timeouts and clients that leave, through the real gateway", () => {
  let system: RunningSystem;
  let supergraphSdl: string;
  const uncosted = { ...DEFAULT_LIMITS, cost: Number.MAX_SAFE_INTEGER };
  // every authority x every education measure, ten times over against different targets: a comparison computed per series per alias
  const HEAVY = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: authorities { code education { measures { comparison(target: ${i + 1}) { rank { position } target { rag } } } } }`).join(" ")} }`;
  const ORDINARY = `{ authority(code: "E06000003") { name education { measures(codes: ["FSP_NEW_GOODDEV"]) { latest { value } comparison { rank { position } } } } } }`;
  const educationHealth = async () => {
    const url = new URL(system.services.get("education")!.url);
    url.pathname = "/health";
    return (await (await fetch(url)).json()) as { workUnits: number; cancelledRequests: number; statements: number };
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** the median time of `runs` answers to `query` */
  const timed = async (url: string, query: string, runs = 5) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const answer = await post(url, { query });
      expect(answer.body.errors, answer.text.slice(0, 300)).toBeUndefined();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  };
  /** waits until the subgraph's work counter stops moving, and returns it */
  const settled = async () => {
    let last = (await educationHealth()).workUnits;
    for (;;) {
      await sleep(300);
      const now = (await educationHealth()).workUnits;
      if (now === last) return now;
      last = now;
    }
  };

  beforeAll(async () => {
    system = await fileSystem();
    systemAuth = system.auth;
    const composed = composeGuild(subgraphCatalog().map((entry) => ({ name: entry.name, url: system.services.get(entry.name)!.url, typeDefs: entry.typeDefs() })));
    if ("errors" in composed) throw new Error(composed.errors.join("\n"));
    supergraphSdl = composed.supergraphSdl;
  });

  /** the heavy query run to its end: time and units of work at education (set by the first test) */
  let full = { ms: 0, units: 0 };

  it("measures the heavy query run to its end (what the tests below stop early)", async () => {
    const gateway = await serveGateway(supergraphSdl, { limits: uncosted, subgraphTimeoutMs: 120_000 });
    try {
      const before = await educationHealth();
      const started = performance.now();
      const answer = await post(gateway.url, { query: HEAVY });
      const took = performance.now() - started;
      const after = await educationHealth();
      full = { ms: took, units: after.workUnits - before.workUnits };
      console.log(`heavy query alone: ${Math.round(took)} ms, ${full.units} units of work at education`);
      expect(answer.body.errors, answer.text.slice(0, 300)).toBeUndefined();
      expect(full.units).toBeGreaterThan(10_000);
    } finally {
      await gateway.close();
    }
  });

  it("a heavy query that passes the cost ends within the gateway's timeout with a clear error; an ordinary query right after answers in its normal time", async () => {
    // well inside the heavy query's own time (measured above), so that the gateway gives up while education is still
    // at work: education's work is the first part of that time, and once it is done, writing its answer (tens of
    // megabytes) and the gateway's reading of it hold this shared event loop in long pieces that no timer interrupts
    // (measured: the query alone 2.9 s; with a timeout of a third of that, education had answered before it fired)
    const timeoutMs = Math.min(1_500, Math.round(full.ms / 8));
    const gateway = await serveGateway(supergraphSdl, { limits: uncosted, subgraphTimeoutMs: timeoutMs });
    try {
      const alone = await timed(gateway.url, ORDINARY);
      const before = await educationHealth();
      const started = performance.now();
      const heavy = await post(gateway.url, { query: HEAVY });
      const took = performance.now() - started;
      const afterHeavy = performance.now();
      const rightAfter = await timed(gateway.url, ORDINARY, 1);
      const after = await educationHealth();
      console.log(`heavy query with a ${timeoutMs} ms subgraph timeout: answered in ${Math.round(took)} ms: ${heavy.body.errors?.[0]?.message}; ordinary query alone ${alone.toFixed(1)} ms, right after ${rightAfter.toFixed(1)} ms (sent ${Math.round(performance.now() - afterHeavy - rightAfter)} ms after); education cancelled ${after.cancelledRequests - before.cancelledRequests}`);
      // the subgraphs share this process's event loop with the gateway here, so its timer fires late by the
      // subgraph's longest indivisible step (one statement, graphql-js walking a list): the answer comes long
      // before the heavy query's own end, not to the millisecond
      expect(took, "waited for the timeout").toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(took, "ended well before the heavy query would have").toBeLessThan(full.ms * 0.75);
      expect(heavy.body.errors?.length, heavy.text.slice(0, 300)).toBeGreaterThan(0);
      expect(heavy.body.errors?.map((e) => e.message).join("\n")).toMatch(/timed out|timeout/i);
      expect(heavy.body.errors?.map((e) => e.extensions?.code)).toContain("GATEWAY_TIMEOUT");
      // had education gone on with the heavy query, the ordinary one would wait for the rest of it (the full query takes
      // full.ms; the issue measured a 4.8 s wait): within 5× its time alone, or half a second on a loaded machine (a few
      // milliseconds alone make 5× a bound that one late timer breaks)
      expect(rightAfter, `the ordinary query right after the heavy one (alone: ${alone.toFixed(1)} ms)`).toBeLessThan(Math.max(5 * alone, 500));
      expect(after.cancelledRequests - before.cancelledRequests, "education saw the gateway give up").toBeGreaterThan(0);
    } finally {
      await gateway.close();
    }
  });

  it("a client that disconnects mid-query stops the subgraph's work", async () => {
    const gateway = await serveGateway(supergraphSdl, { limits: uncosted, subgraphTimeoutMs: 120_000 });
    try {
      await settled();
      const before = await educationHealth();
      const client = new AbortController();
      const leaving = fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: HEAVY }),
        signal: client.signal,
      }).catch((error: unknown) => error);
      await sleep(Math.max(200, full.ms / 5));
      client.abort();
      expect(await leaving).toBeInstanceOf(Error);
      const stoppedAt = await settled();
      const after = await educationHealth();
      console.log(`client left after ${Math.round(Math.max(200, full.ms / 5))} ms: education did ${stoppedAt - before.workUnits} of the ${full.units} units the whole query takes (${Math.round(full.ms)} ms); cancelled requests +${after.cancelledRequests - before.cancelledRequests}`);
      expect(after.cancelledRequests - before.cancelledRequests).toBeGreaterThan(0);
      expect(stoppedAt - before.workUnits, "units of work done for the client that left").toBeLessThan(full.units * 0.8);
      // and the subgraph serves the next request
      expect((await post(gateway.url, { query: ORDINARY })).body.errors).toBeUndefined();
    } finally {
      await gateway.close();
    }
  });
});

describe("gateway settings fail fast, naming the setting", () => {
  it.each([
    [{ GATEWAY_INTROSPECTION: "yes" }, /GATEWAY_INTROSPECTION must be true or false, got "yes"/],
    [{ GATEWAY_MAX_DEPTH: "ten" }, /GATEWAY_MAX_DEPTH must be a whole number from 1 to 100, got "ten"/],
    [{ GATEWAY_MAX_TOKENS: "5" }, /GATEWAY_MAX_TOKENS must be a whole number/],
    [{ GATEWAY_MAX_ALIASES: "-1" }, /GATEWAY_MAX_ALIASES must be a whole number/],
    [{ GATEWAY_MAX_DIRECTIVES: "1e3" }, /GATEWAY_MAX_DIRECTIVES must be a whole number/],
    [{ GATEWAY_MAX_COST: "0" }, /GATEWAY_MAX_COST must be a whole number/],
    [{ GATEWAY_MAX_BODY_BYTES: "100" }, /GATEWAY_MAX_BODY_BYTES must be a whole number from 1024/],
  ])("%o", (env, message) => {
    expect(() => loadConfig({ ...secretsEnv(), ...env })).toThrow(message);
  });

  it("introspection is on by default, off when NODE_ENV=production, and GATEWAY_INTROSPECTION decides either way", () => {
    expect(loadConfig(secretsEnv()).introspection).toBe(true);
    expect(loadConfig({ ...secretsEnv(), NODE_ENV: "production" }).introspection).toBe(false);
    expect(loadConfig({ ...secretsEnv(), GATEWAY_INTROSPECTION: "false" }).introspection).toBe(false);
    expect(loadConfig({ ...secretsEnv(), NODE_ENV: "production", GATEWAY_INTROSPECTION: "true" }).introspection).toBe(true);
  });

  it("limits default to DEFAULT_LIMITS and each can be overridden", () => {
    expect(loadConfig(secretsEnv()).limits).toEqual(DEFAULT_LIMITS);
    expect(loadConfig({ ...secretsEnv(), GATEWAY_MAX_COST: "5000", GATEWAY_MAX_ALIASES: "0" }).limits).toEqual({ ...DEFAULT_LIMITS, cost: 5000, aliases: 0 });
  });
});
