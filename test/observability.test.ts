/**
 * Metrics, traces and request logs with real servers: the whole system on port 0, its metrics
 * listeners scraped over HTTP, a real OTLP/HTTP receiver (a node:http server on port 0 decoding the
 * exporters' JSON), and the request log read line by line.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, readObservability, type ObservabilitySettings } from "@tees/subgraph-common/config";
import { startTracing } from "@tees/subgraph-common/observability";
import { databases } from "./support/matrix";
import { postTo, startSystem, type RunningSystem } from "./support/system";

const CROSS_BOROUGH = /* GraphQL */ `query TeesValley {
  authorities(region: "E12000001") {
    code name
    priorities(theme: "early-years") { title actions { title leadGroups { name } } }
    education { measures(codes: ["FSP_NEW_GOODDEV"]) { latest { value } } }
    care { measures(codes: ["LAC"]) { latest { value } } }
  }
}`;

/** the subgraphs a cross-borough query with plans, education and care fetches from, once each */
const INVOLVED = ["region", "redcar-and-cleveland", "stockton-on-tees", "education", "care"];

interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; service: string }

/** A real OTLP/HTTP trace receiver: POST /v1/traces with the JSON encoding (OTEL_EXPORTER_OTLP_PROTOCOL=http/json). */
async function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  let posts = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      posts += 1;
      if (request.url !== "/v1/traces" || !request.headers["content-type"]?.includes("application/json")) {
        response.writeHead(415).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: Array<Omit<OtlpSpan, "service">> }> }>;
      };
      for (const resourceSpans of body.resourceSpans) {
        const service = resourceSpans.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue ?? "?";
        for (const scope of resourceSpans.scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    posts: () => posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** log lines as pino writes them (one JSON object per line) */
function logSink() {
  const lines: string[] = [];
  return { lines, destination: { write: (text: string) => void lines.push(...text.split("\n").filter(Boolean)) }, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** a Prometheus text exposition: `name{labels}` → value (label order as written) */
async function scrape(url: string): Promise<Map<string, number>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of (await response.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

/** the increase of each sample between two scrapes */
function delta(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, value] of after) {
    const change = value - (before.get(key) ?? 0);
    if (change !== 0) out.set(key, change);
  }
  return out;
}

const sampleOf = (samples: Map<string, number>, name: string, label: string) => [...samples].filter(([key]) => key.startsWith(`${name}{`) && key.includes(label));

describe.each(databases)("observability on $label", ({ database }) => {
  let system: RunningSystem;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  const logs = logSink();
  let token: string;

  beforeAll(async () => {
    receiver = await otlpReceiver();
    const observability: ObservabilitySettings = {
      ...readObservability({ METRICS_PORT: "0", LOG_LEVEL: "info", OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_TRACES_SAMPLER: "always_on" }),
      logDestination: logs.destination,
    };
    system = await startSystem({ database, observability });
    token = await system.token({ role: "analyst", authority: null, subject: "observer" });
  }, 240_000);
  afterAll(async () => {
    await system?.close();
    await receiver?.close();
  });

  const flushAll = async () => {
    await system.gatewayObservability.flushTraces();
    for (const service of system.services.values()) await service.flushTraces();
  };

  it("counts one fetch per subgraph involved, with latency buckets, and each subgraph's SQL statements", async () => {
    const gatewayMetrics = system.gatewayObservability.metricsUrl!;
    const region = system.services.get("region")!;
    const before = await scrape(gatewayMetrics);
    const regionBefore = await scrape(region.metricsUrl!);
    const statementsBefore = region.counter.count;

    const { status, body } = await postTo(system.gatewayUrl, CROSS_BOROUGH, undefined, { token });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();

    const change = delta(before, await scrape(gatewayMetrics));
    for (const name of INVOLVED) {
      expect(change.get(`graphql_gateway_subgraph_execute_duration_count{subgraphName="${name}"}`), name).toBe(1);
      // the histogram's buckets: the +Inf one holds the fetch, and there are finite ones beside it
      expect(change.get(`graphql_gateway_subgraph_execute_duration_bucket{le="+Inf",subgraphName="${name}"}`), name).toBe(1);
      expect(sampleOf(await scrape(gatewayMetrics), "graphql_gateway_subgraph_execute_duration_bucket", `subgraphName="${name}"`).length).toBeGreaterThan(5);
    }
    // the upstream HTTP calls, one per subgraph (labelled by status only: no URLs in labels)
    expect([...change].filter(([key]) => key.startsWith("graphql_gateway_fetch_duration_count{")).reduce((n, [, v]) => n + v, 0)).toBe(INVOLVED.length);
    expect(change.get('gateway_requests_total{operation="TeesValley",outcome="ok"}')).toBe(1);

    // the region subgraph: its own listener says how many statements the request ran, as its counter counted them
    const regionChange = delta(regionBefore, await scrape(region.metricsUrl!));
    const ran = region.counter.count - statementsBefore;
    expect(ran).toBeGreaterThan(0);
    const sums = [...regionChange].filter(([key]) => key.startsWith("subgraph_sql_statements_per_request_sum{"));
    expect(sums.map(([, n]) => n)).toEqual([ran]);
    expect([...regionChange].filter(([key]) => key.startsWith("subgraph_request_duration_seconds_count{") && key.includes('outcome="ok"')).map(([, n]) => n)).toEqual([1]);
  });

  it("counts a subgraph's errors by their code", async () => {
    const redcar = system.services.get("redcar-and-cleveland")!;
    const before = await scrape(redcar.metricsUrl!);
    // an analyst may not write: the plan subgraph refuses it (FORBIDDEN), whatever the action
    const { body } = await postTo(system.gatewayUrl, `mutation Write { redcarAndCleveland { addProgressNote(actionId: "no-such-action", input: { text: "x", asAt: "2026-11" }) { text } } }`, undefined, { token });
    expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const change = delta(before, await scrape(redcar.metricsUrl!));
    expect(change.get('subgraph_errors_total{code="FORBIDDEN"}')).toBe(1);
    expect([...change].filter(([key]) => key.startsWith("subgraph_request_duration_seconds_count{") && key.includes('outcome="error"')).map(([, n]) => n)).toEqual([1]);
  });

  it("says which database connections are in use and waiting (MySQL), or that SQLite has no pool", async () => {
    const samples = await scrape(system.services.get("education")!.metricsUrl!);
    if (database.kind === "sqlite") {
      expect(samples.get('subgraph_database_info{engine="sqlite",pool="none"}')).toBe(1);
      expect(sampleOf(samples, "subgraph_db_pool_connections", "").length).toBe(0);
    } else {
      expect(samples.get("subgraph_db_pool_size")).toBe(5);
      for (const state of ["in_use", "idle", "waiting"]) expect(samples.get(`subgraph_db_pool_connections{state="${state}"}`), state).toBeGreaterThanOrEqual(0);
      // the seed and the earlier query opened connections, now idle
      expect(samples.get('subgraph_db_pool_connections{state="idle"}')).toBeGreaterThan(0);
    }
  });

  it("counts a refused limit by its setting, and refused tokens, and keeps metrics off the public listener", async () => {
    const gatewayMetrics = system.gatewayObservability.metricsUrl!;
    const before = await scrape(gatewayMetrics);
    const deep = `query TooDeep { authorities { priorities { actions { priorities { actions { priorities { actions { priorities { actions { priorities { title } } } } } } } } } } }`;
    const refusedDeep = await postTo(system.gatewayUrl, deep, undefined, { token });
    expect(refusedDeep.status).toBe(400);
    const big = await fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ themes { id } }`, variables: { pad: "x".repeat(70_000) } }) });
    expect(big.status).toBe(413);
    const badToken = await postTo(system.gatewayUrl, `{ themes { id } }`, undefined, { token: `${token}x` });
    expect(badToken.status).toBe(401);

    const change = delta(before, await scrape(gatewayMetrics));
    expect(change.get('gateway_limit_refusals_total{limit="GATEWAY_MAX_DEPTH"}')).toBe(1);
    expect(change.get('gateway_limit_refusals_total{limit="GATEWAY_MAX_BODY_BYTES"}')).toBe(1);
    expect(change.get('gateway_token_refusals_total{reason="invalid"}')).toBe(1);
    expect(change.get('gateway_requests_total{operation="TooDeep",outcome="refused"}')).toBe(1);

    const publicMetrics = await fetch(new URL("/metrics", system.gatewayUrl));
    expect(await publicMetrics.text()).not.toContain("gateway_requests_total");
    const subgraphPublic = await fetch(new URL("/metrics", system.services.get("care")!.url));
    expect(subgraphPublic.status).toBe(404);
  });

  it("sends one trace per request: the gateway's spans are the parents of every subgraph's, and the SQL under them", async () => {
    await flushAll();
    const already = new Set(receiver.spans.map((s) => s.traceId));
    const { body } = await postTo(system.gatewayUrl, CROSS_BOROUGH, undefined, { token });
    // the subgraphs verified the gateway's signature with traceparent beside it
    expect(body.errors).toBeUndefined();
    await flushAll();

    const traces = new Set(receiver.spans.map((s) => s.traceId).filter((id) => !already.has(id)));
    expect(traces.size).toBe(1);
    const [traceId] = [...traces];
    const spans = receiver.spans.filter((s) => s.traceId === traceId);
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const gatewaySpans = spans.filter((s) => s.service === "gateway");
    // one root: the gateway's HTTP request span
    const roots = spans.filter((s) => !s.parentSpanId);
    expect(roots.map((s) => s.service)).toEqual(["gateway"]);
    for (const phase of ["graphql.parse", "graphql.validate", "graphql.execute"]) expect(gatewaySpans.map((s) => s.name), phase).toContain(phase);
    for (const name of INVOLVED) {
      const served = spans.filter((s) => s.service === name && s.name.startsWith("POST /graphql"));
      expect(served.length, name).toBe(1);
      const parent = byId.get(served[0]!.parentSpanId!);
      expect(parent?.service, `${name}'s parent`).toBe("gateway");
      // and the SQL it ran, somewhere below its request span
      const below = (span: OtlpSpan): boolean => span.spanId === served[0]!.spanId || (!!span.parentSpanId && !!byId.get(span.parentSpanId) && below(byId.get(span.parentSpanId)!));
      expect(spans.filter((s) => s.service === name && s.name.startsWith("db ") && below(s)).length, `${name}'s SQL spans`).toBeGreaterThan(0);
    }
    expect(spans.some((s) => s.name.startsWith("resolve "))).toBe(true);

    // the log lines of that request at the gateway and each subgraph carry the same trace id, the role, never the token
    const lines = logs.parsed().filter((l) => l.traceId === traceId);
    const gatewayLine = lines.find((l) => l.service === "gateway");
    expect(gatewayLine).toMatchObject({ msg: "request", operation: "TeesValley", outcome: "ok", status: 200, role: "analyst" });
    expect(typeof gatewayLine!.durationMs).toBe("number");
    for (const name of INVOLVED) expect(lines.find((l) => l.service === name), name).toMatchObject({ role: "analyst", outcome: "ok", status: 200 });
    expect(logs.lines.join("\n")).not.toContain(token);
    expect(logs.lines.join("\n")).not.toContain("observer");
  });

  it("plans a document it has not seen under a graphql.plan span inside the operation's trace, and times it", async () => {
    await flushAll();
    const already = new Set(receiver.spans.map((s) => s.traceId));
    const before = await scrape(system.gatewayObservability.metricsUrl!);
    // a document the gateway has not planned yet (plans are cached per document and operation)
    const fresh = `query Plan${Date.now()} { authorities(codes: ["E06000003"]) { name } }`;
    const first = await postTo(system.gatewayUrl, fresh, undefined, { token });
    expect(first.body.errors).toBeUndefined();
    await postTo(system.gatewayUrl, fresh, undefined, { token });
    await flushAll();
    const traces = [...new Set(receiver.spans.map((s) => s.traceId).filter((id) => !already.has(id)))];
    expect(traces).toHaveLength(2);
    const plans = receiver.spans.filter((s) => traces.includes(s.traceId) && s.name === "graphql.plan");
    // planned once: the second request used the cached plan
    expect(plans).toHaveLength(1);
    const parent = receiver.spans.find((s) => s.spanId === plans[0]!.parentSpanId);
    expect(parent?.service).toBe("gateway");
    expect(parent?.traceId).toBe(plans[0]!.traceId);
    const change = delta(before, await scrape(system.gatewayObservability.metricsUrl!));
    expect(change.get('gateway_query_plan_seconds_count{outcome="ok"}')).toBe(1);
  });
});

describe("tracing off", () => {
  it("reads the standard variables, and refuses a bad one naming it", () => {
    expect(readObservability({}).tracing).toBeNull();
    expect(readObservability({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "true" }).tracing).toBeNull();
    expect(readObservability({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/" }).tracing).toEqual({ url: "http://collector:4318/v1/traces", protocol: "http/protobuf", sampler: "parentbased_always_on", ratio: 1 });
    expect(readObservability({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://c:4318/t", OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.1" }).tracing).toMatchObject({ url: "http://c:4318/t", ratio: 0.1 });
    expect(readObservability({}).metricsPort).toBeNull();
    const refused: Array<[Record<string, string>, string]> = [
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" }, "OTEL_EXPORTER_OTLP_PROTOCOL"],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_TRACES_SAMPLER_ARG: "1.5" }, "OTEL_TRACES_SAMPLER_ARG"],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318", OTEL_TRACES_SAMPLER: "sometimes" }, "OTEL_TRACES_SAMPLER"],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: "not a url" }, "OTEL_EXPORTER_OTLP_ENDPOINT"],
      [{ METRICS_PORT: "99999" }, "METRICS_PORT"],
      [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
      // Hive Gateway's own logger reads LOG_LEVEL too and would refuse to start on these
      [{ LOG_LEVEL: "silent" }, "LOG_LEVEL"],
      [{ LOG_LEVEL: "INFO" }, "LOG_LEVEL"],
    ];
    for (const [env, name] of refused) {
      expect(() => readObservability(env), name).toThrow(ConfigError);
      expect(() => readObservability(env), name).toThrow(name);
    }
  });

  it("samples as OTEL_TRACES_SAMPLER says: always_off sends nothing, a ratio sends about that share", async () => {
    const receiver = await otlpReceiver();
    try {
      const send = async (env: Record<string, string>, traces: number) => {
        const tracing = startTracing(readObservability({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", ...env }).tracing!, "sampling-test");
        for (let i = 0; i < traces; i += 1) tracing.tracer.startSpan(`root ${i}`).end();
        await tracing.flush();
        await tracing.shutdown();
      };
      await send({ OTEL_TRACES_SAMPLER: "always_off" }, 50);
      expect(receiver.spans.length).toBe(0);
      await send({ OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.1" }, 2000);
      // 10% of 2000 trace ids: 200 expected, and far from 0 or 2000 (binomial sd ~13)
      expect(receiver.spans.length).toBeGreaterThan(140);
      expect(receiver.spans.length).toBeLessThan(260);
      expect(new Set(receiver.spans.map((s) => s.service))).toEqual(new Set(["sampling-test"]));
    } finally {
      await receiver.close();
    }
  });

  it("sends nothing, and the logs of one request still share a trace id", async () => {
    const receiver = await otlpReceiver();
    const logs = logSink();
    // the endpoint is there, but OTEL_SDK_DISABLED=true: tracing is off
    const settings = readObservability({ LOG_LEVEL: "info", OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_SDK_DISABLED: "true" });
    const system = await startSystem({ observability: { ...settings, logDestination: logs.destination } });
    try {
      const { body } = await postTo(system.gatewayUrl, CROSS_BOROUGH);
      expect(body.errors).toBeUndefined();
      await system.gatewayObservability.flushTraces();
      for (const service of system.services.values()) await service.flushTraces();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.posts()).toBe(0);
      const gatewayLine = logs.parsed().find((l) => l.service === "gateway" && l.operation === "TeesValley");
      expect(gatewayLine).toMatchObject({ outcome: "ok", role: "anonymous" });
      expect(String(gatewayLine!.traceId)).toMatch(/^[0-9a-f]{32}$/);
      const joined = logs.parsed().filter((l) => l.service !== "gateway" && l.traceId === gatewayLine!.traceId).map((l) => l.service);
      expect(joined.sort()).toEqual([...INVOLVED].sort());
      expect(system.gatewayObservability.metricsUrl).toBeNull();
    } finally {
      await system.close();
      await receiver.close();
    }
  }, 240_000);
});
