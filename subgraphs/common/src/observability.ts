/**
 * Metrics, traces and request logs (their settings are read in config.ts, readObservability): the
 * OpenTelemetry tracer each service owns, and
 * for a subgraph the per-request record that its HTTP server, Apollo plugin, resolvers and database
 * fill in (statements, operation, error codes, caller role).
 *
 * Tests run several services in one process, so nothing here is process-global but the two things
 * OpenTelemetry must have globally and that hold no state of any one service: the async context
 * manager (AsyncLocalStorage) and the W3C trace-context propagator. Each service gets its OWN tracer
 * provider (its own resource, service.name = the service's name, exporter and sampler) and its own
 * prom-client Registry.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter as OTLPJsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OTLPProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler, AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, type Sampler,
} from "@opentelemetry/sdk-trace-base";
import { pino, type Logger } from "pino";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ConfigError, type ObservabilitySettings, type TracingSettings } from "./config";

// ---------------------------------------------------------------- tracing

let globalsInstalled = false;

/** The async context manager and the W3C propagator: global in OpenTelemetry, stateless, installed once. */
export function installTracingGlobals(): void {
  if (globalsInstalled) return;
  globalsInstalled = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

function samplerOf(settings: TracingSettings): Sampler {
  const ratio = new TraceIdRatioBasedSampler(settings.ratio);
  switch (settings.sampler) {
    case "always_on": return new AlwaysOnSampler();
    case "always_off": return new AlwaysOffSampler();
    case "traceidratio": return ratio;
    case "parentbased_always_on": return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case "parentbased_always_off": return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "parentbased_traceidratio": return new ParentBasedSampler({ root: ratio });
  }
}

export interface Tracing {
  tracer: Tracer;
  /** exports every finished span now (tests, shutdown) */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** This service's own tracer provider: its resource (service.name), sampler and OTLP/HTTP exporter. */
export function startTracing(settings: TracingSettings, serviceName: string): Tracing {
  installTracingGlobals();
  const exporter = settings.protocol === "http/json" ? new OTLPJsonTraceExporter({ url: settings.url }) : new OTLPProtoTraceExporter({ url: settings.url });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    sampler: samplerOf(settings),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  return {
    tracer: provider.getTracer("tees-partnership-graph"),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

let gatewayTracer: Tracer | undefined;
let dispatcherInstalled = false;

/**
 * Hive Gateway's OpenTelemetry plugin (1.5.3) ignores its `traces.tracer` option: it reads the option
 * before it resolves it (`tracer = traces?.tracer ?? trace.getTracer("gateway")` with `traces` still
 * unset) and always takes the GLOBAL provider's "gateway" tracer. So the gateway's tracer is reached
 * through a global provider that hands out the tracer of the gateway being built (one per process in
 * production; tests build at most one traced gateway at a time). Subgraphs never use it.
 */
export function useAsGatewayTracer(tracer: Tracer): void {
  installTracingGlobals();
  gatewayTracer = tracer;
  if (dispatcherInstalled) return;
  dispatcherInstalled = true;
  // set just above, before the first call: never undefined here
  trace.setGlobalTracerProvider({ getTracer: () => gatewayTracer! });
}

/** the trace id of a W3C traceparent header (00-<32 hex>-<16 hex>-<2 hex>), or null; fixed-length checks only */
export function traceIdOf(traceparent: string | undefined | null): string | null {
  if (!traceparent || traceparent.length !== 55 || traceparent[2] !== "-" || traceparent[35] !== "-" || traceparent[52] !== "-") return null;
  const id = traceparent.slice(3, 35);
  return /^[0-9a-f]{32}$/.test(id) && id !== "0".repeat(32) ? id : null;
}

// ---------------------------------------------------------------- bounded labels

/**
 * Operation names come from clients: a label taking every name a client invents would grow the
 * metrics without bound. The first `max` distinct names (of at most 100 characters) are kept as
 * they are; later new ones count as "other".
 */
export function boundedLabel(max = 200): (value: string | null | undefined) => string {
  const seen = new Set<string>();
  return (value) => {
    if (!value) return "anonymous";
    const name = value.length > 100 ? value.slice(0, 100) : value;
    if (seen.has(name)) return name;
    if (seen.size >= max) return "other";
    seen.add(name);
    return name;
  };
}

// ---------------------------------------------------------------- the metrics listener

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** GET /metrics of `registry` on its own listener (METRICS_PORT): the public listener never serves it. */
export async function startMetricsServer(registry: Registry, port: number, host: string): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    if ((request.url ?? "/").split("?")[0] !== "/metrics" || request.method !== "GET") {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found: GET /metrics\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(new ConfigError(`METRICS_PORT ${port}: ${error.message}`)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `http://${shown}:${address.port}/metrics`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export function requestLogger(service: string, settings: Pick<ObservabilitySettings, "logLevel" | "logDestination">): Logger {
  const options = { level: settings.logLevel, base: { service }, timestamp: pino.stdTimeFunctions.isoTime };
  return settings.logDestination ? pino(options, settings.logDestination) : pino(options);
}

// ---------------------------------------------------------------- a subgraph's requests

/** What one subgraph request is, as its parts learn it; held in AsyncLocalStorage for the request. */
interface RequestRecord {
  tracer: Tracer | null;
  statements: number;
  operation: string | null;
  errorCodes: string[];
  role: string | null;
}

const requests = new AsyncLocalStorage<RequestRecord>();

/** database/sql-log.ts: one SQL statement (as StatementCounter counts them: no BEGIN/COMMIT) for the request running now, if any */
export function countRequestStatement(): void {
  const record = requests.getStore();
  if (record) record.statements += 1;
}

/** start-service.ts: the caller's role, known once the gateway's signature is verified (never the subject or a token) */
export function recordCallerRole(role: string): void {
  const record = requests.getStore();
  if (record) record.role = role;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";

function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** the recording tracer of the request running now: null when tracing is off or this trace is not sampled */
function activeTracer(): Tracer | null {
  const tracer = requests.getStore()?.tracer;
  return tracer && trace.getActiveSpan()?.isRecording() ? tracer : null;
}

/**
 * database/data-source.ts: a span for one SQL statement (its text with placeholders, never the parameters),
 * a child of whatever is active (the resolver that asked, or the request).
 */
export function traceStatement<T>(sql: unknown, engine: string, run: () => Promise<T>): Promise<T> {
  const tracer = activeTracer();
  if (!tracer) return run();
  const text = typeof sql === "string" ? sql : "";
  const verb = text.trimStart().split(/\s/, 1)[0]?.toUpperCase() || "SQL";
  return tracer.startActiveSpan(`db ${verb}`, { kind: SpanKind.CLIENT, attributes: { "db.system": engine, "db.statement": text.slice(0, 500) } }, async (span) => {
    try {
      return await run();
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

type AnyResolver = (parent: unknown, args: unknown, context: unknown, info: { parentType: { name: string }; fieldName: string }) => unknown;

/**
 * The subgraph's own resolvers, each traced when it returns a promise (it waits on a loader, so on the
 * database): `resolve Type.field`, the parent of that loader's SQL spans. A resolver answering at once
 * (a field of an entity already loaded) makes no span: its span is never ended, so never exported.
 * Untraced requests call the resolver directly.
 */
export function tracedResolvers<T extends object>(resolvers: T): T {
  const out: Record<string, unknown> = {};
  for (const [typeName, fields] of Object.entries(resolvers)) {
    if (!fields || typeof fields !== "object" || Object.getPrototypeOf(fields) !== Object.prototype) {
      out[typeName] = fields;
      continue;
    }
    const wrapped: Record<string, unknown> = {};
    for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
      wrapped[field] = typeof resolver === "function" ? traceResolver(typeName, field, resolver as AnyResolver) : resolver;
    }
    out[typeName] = wrapped;
  }
  return out as T;
}

function traceResolver(typeName: string, field: string, resolver: AnyResolver): AnyResolver {
  const name = `resolve ${typeName}.${field}`;
  return function (this: unknown, parent, args, ctx, info) {
    const tracer = activeTracer();
    if (!tracer) return resolver.call(this, parent, args, ctx, info);
    return tracer.startActiveSpan(name, (span) => {
      let result: unknown;
      try {
        result = resolver.call(this, parent, args, ctx, info);
      } catch (error) {
        failed(span, error);
        span.end();
        throw error;
      }
      if (!isThenable(result)) return result;
      return Promise.resolve(result).then(
        (value) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          failed(span, error);
          span.end();
          throw error;
        },
      );
    });
  };
}

/** Apollo Server plugin: the operation's name and the codes of the errors sent, into the request's record. */
export const requestRecordPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName }) {
        const record = requests.getStore();
        if (record) record.operation = operationName ?? null;
      },
      async willSendResponse({ response }) {
        const record = requests.getStore();
        if (!record || response.body.kind !== "single") return;
        for (const error of response.body.singleResult.errors ?? []) {
          const code = error.extensions?.code;
          record.errorCodes.push(typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");
        }
      },
    };
  },
};

export interface SubgraphObservability {
  /** wraps the service's HTTP listener: each /graphql request is measured, traced and logged */
  wrap(listener: RequestListener): RequestListener;
  /** the mysql2 pool's connections in use, idle and waiting (SQLite has no pool: it says so instead) */
  watchDatabase(describe: () => DatabasePool): void;
  registry: Registry;
  /** GET /metrics on METRICS_PORT; null when metrics are off */
  metricsUrl: string | null;
  tracing: Tracing | null;
  close(): Promise<void>;
}

export type DatabasePool =
  | { engine: "sqlite" }
  | { engine: "mysql" | "mariadb"; size: number; all: number; free: number; waiting: number };

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STATEMENTS = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

/** One subgraph's metrics, tracer and request log. Off parts cost nothing per request. */
export async function startSubgraphObservability(service: string, settings: ObservabilitySettings): Promise<SubgraphObservability> {
  const registry = new Registry();
  const metricsOn = settings.metricsPort !== null;
  const operation = boundedLabel();
  const code = boundedLabel(100);
  const duration = new Histogram({ name: "subgraph_request_duration_seconds", help: "Time to answer one /graphql request, by operation and outcome (ok, error: answered with errors, refused: 4xx, failed: 5xx)", labelNames: ["operation", "outcome"], buckets: SECONDS, registers: [registry] });
  const statements = new Histogram({ name: "subgraph_sql_statements_per_request", help: "SQL statements one /graphql request ran (as StatementCounter counts them: no BEGIN/COMMIT)", labelNames: ["operation"], buckets: STATEMENTS, registers: [registry] });
  const errors = new Counter({ name: "subgraph_errors_total", help: "Errors sent to the gateway, by extensions.code (DATABASE_BUSY, DATABASE_TIMEOUT, DATABASE_UNAVAILABLE, WRITE_CONFLICT, BAD_USER_INPUT, FORBIDDEN, INTERNAL_SERVER_ERROR, ...)", labelNames: ["code"], registers: [registry] });
  const refusals = new Counter({ name: "subgraph_refused_requests_total", help: "Requests refused before execution, by HTTP status (401: not signed by the gateway, 503: nonce store down, ...)", labelNames: ["status"], registers: [registry] });
  const tracing = settings.tracing ? startTracing(settings.tracing, service) : null;
  const log = requestLogger(service, settings);
  const metrics = metricsOn ? await startMetricsServer(registry, settings.metricsPort!, settings.metricsHost) : null;

  const wrap = (listener: RequestListener): RequestListener => (request: IncomingMessage, response: ServerResponse) => {
    if ((request.url ?? "/").split("?")[0] !== "/graphql") return listener(request, response);
    const started = performance.now();
    const record: RequestRecord = { tracer: tracing?.tracer ?? null, statements: 0, operation: null, errorCodes: [], role: null };
    const header = request.headers.traceparent;
    const traceparent = Array.isArray(header) ? header[0] : header;
    let active: Context = ROOT_CONTEXT;
    let span: Span | null = null;
    if (tracing) {
      const parent = propagation.extract(ROOT_CONTEXT, request.headers);
      span = tracing.tracer.startSpan("POST /graphql", { kind: SpanKind.SERVER, attributes: { "http.request.method": "POST", "url.path": "/graphql" } }, parent);
      active = trace.setSpan(parent, span);
    }
    const traceId = span?.spanContext().traceId ?? traceIdOf(traceparent);
    response.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      const status = response.statusCode;
      const outcome = status >= 500 ? "failed" : status >= 400 ? "refused" : record.errorCodes.length ? "error" : "ok";
      const name = operation(record.operation);
      if (metricsOn) {
        duration.observe({ operation: name, outcome }, seconds);
        if (status < 400) statements.observe({ operation: name }, record.statements);
        else refusals.inc({ status: String(status) });
        for (const errorCode of record.errorCodes) errors.inc({ code: code(errorCode) });
      }
      if (span) {
        if (record.operation) span.updateName(`POST /graphql ${record.operation}`);
        span.setAttributes({ "http.response.status_code": status, "graphql.operation.name": record.operation ?? "", "tees.sql.statements": record.statements });
        if (status >= 500 || record.errorCodes.length) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      log.info({ traceId, operation: record.operation, durationMs: Math.round(seconds * 10_000) / 10, status, outcome, role: record.role, statements: record.statements, ...(record.errorCodes.length ? { errorCodes: record.errorCodes } : {}) }, "request");
    });
    requests.run(record, () => context.with(active, () => listener(request, response)));
  };

  return {
    wrap,
    registry,
    metricsUrl: metrics?.url ?? null,
    tracing,
    watchDatabase(describe) {
      if (!metricsOn) return;
      const first = describe();
      new Gauge({ name: "subgraph_database_info", help: "The database engine; pool=none for SQLite (one embedded connection, no pool: the pool gauges are absent)", labelNames: ["engine", "pool"], registers: [registry] })
        .set({ engine: first.engine, pool: first.engine === "sqlite" ? "none" : "mysql2" }, 1);
      if (first.engine === "sqlite") return;
      new Gauge({
        name: "subgraph_db_pool_connections", help: "mysql2 pool connections: in_use, idle, and waiting (requests queued for a connection; DB_QUEUE_LIMIT of them are allowed)", labelNames: ["state"], registers: [registry],
        collect() {
          const pool = describe();
          if (pool.engine === "sqlite") return;
          this.set({ state: "in_use" }, pool.all - pool.free);
          this.set({ state: "idle" }, pool.free);
          this.set({ state: "waiting" }, pool.waiting);
        },
      });
      new Gauge({ name: "subgraph_db_pool_size", help: "DB_POOL_SIZE: the most connections the pool opens", registers: [registry] }).set(first.size);
    },
    async close() {
      await metrics?.close();
      await tracing?.shutdown().catch(() => undefined);
      log.flush?.();
    },
  };
}
