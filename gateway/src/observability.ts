/**
 * The gateway's metrics, traces and request log. Metrics are Hive Gateway's own Prometheus plugin
 * (@graphql-mesh/plugin-prometheus: request counts, phase and HTTP latency histograms, per-subgraph
 * execution and fetch latency, subgraph errors) in this gateway's own prom-client Registry, plus a few
 * counters it has no metric for (requests by operation and outcome, limit refusals by limit, token
 * refusals). Traces are Hive Gateway's OpenTelemetry plugin (@graphql-hive/plugin-opentelemetry: spans
 * for the HTTP request, the operation, parse, validate, execute, each subgraph execution and each
 * upstream fetch, with W3C traceparent sent to the subgraphs) on this gateway's own tracer provider,
 * and a span and a histogram for query planning (query-plan.ts).
 * Metrics are served on their own listener (METRICS_PORT), never by the public one.
 */
import { randomFillSync } from "node:crypto";
import type { GatewayConfigContext, GatewayPlugin } from "@graphql-hive/gateway-runtime";
import usePrometheus, { createCounter, createHistogram } from "@graphql-mesh/plugin-prometheus";
import { useOpenTelemetry } from "@graphql-hive/plugin-opentelemetry";
import { isSpanContextValid, trace } from "@opentelemetry/api";
import { Kind, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { Counter, Histogram, Registry } from "prom-client";
import {
  boundedLabel, requestLogger, startMetricsServer, startTracing, traceIdOf, useAsGatewayTracer, type MetricsServer, type Tracing,
} from "@tees/subgraph-common/observability";
import type { ObservabilitySettings } from "@tees/subgraph-common/config";
import { LIMIT_EXCEEDED } from "./limits";
import { observePlanning } from "./query-plan";

export interface GatewayObservability {
  /** the plugins to put FIRST in the gateway's list (they time and trace everything after them) */
  plugins(context: GatewayConfigContext): GatewayPlugin[];
  registry: Registry;
  tracing: Tracing | null;
  /** starts the metrics listener when METRICS_PORT is set; its URL, or null */
  listen(): Promise<string | null>;
  close(): Promise<void>;
}

/** what the gateway learns of one request on its way through, for its counters and log line */
interface RequestState {
  started: number;
  operation: string | null;
  role: string | null;
  errors: number;
  /** when tracing is on: the trace id of the OpenTelemetry plugin's request span */
  traceId: string | null;
  /** when tracing is off: a trace id of our own, sent on as traceparent so the subgraphs' log lines join this one */
  ownTraceId: string | null;
}

/**
 * `length` random hex digits (a trace id: 32, a span id: 16), from a pool of random bytes filled 4 KB
 * at a time (randomBytes per id meant a call into OpenSSL and a new Buffer per request and per subgraph fetch).
 */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function randomHex(length: number): string {
  const bytes = length / 2;
  if (poolAt + bytes > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += bytes;
  return pool.toString("hex", poolAt - bytes, poolAt);
}

const SECONDS: [number, ...number[]] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** "... (GATEWAY_MAX_DEPTH)": the setting a limit's message names at its end (limits.ts writes it so) */
function settingOf(message: string): string {
  const open = message.lastIndexOf("(");
  if (open < 0 || !message.endsWith(")")) return "unknown";
  const setting = message.slice(open + 1, -1);
  return setting.startsWith("GATEWAY_") && setting.length <= 60 ? setting : "unknown";
}

export function gatewayObservability(settings: ObservabilitySettings): GatewayObservability {
  const registry = new Registry();
  const metricsOn = settings.metricsPort !== null;
  const tracing = settings.tracing ? startTracing(settings.tracing, "gateway") : null;
  const log = requestLogger("gateway", settings);
  const operation = boundedLabel();
  const states = new WeakMap<Request, RequestState>();
  let server: MetricsServer | null = null;

  const requestsTotal = new Counter({ name: "gateway_requests_total", help: "GraphQL requests by operation name and outcome (ok; error: answered with errors; refused: 4xx; failed: 5xx)", labelNames: ["operation", "outcome"], registers: [registry] });
  const limitRefusals = new Counter({ name: "gateway_limit_refusals_total", help: "Requests refused by an operation limit, by its setting (GATEWAY_MAX_DEPTH, GATEWAY_MAX_TOKENS, GATEWAY_MAX_ALIASES, GATEWAY_MAX_DIRECTIVES, GATEWAY_MAX_COST, GATEWAY_MAX_BODY_BYTES, GATEWAY_RATE_LIMIT)", labelNames: ["limit"], registers: [registry] });
  const planSeconds = new Histogram({ name: "gateway_query_plan_seconds", help: "Time to plan an operation the gateway had no plan for yet (plans are cached per document and operation), by outcome", labelNames: ["outcome"], buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30], registers: [registry] });
  const tokenRefusals = new Counter({ name: "gateway_token_refusals_total", help: "Requests refused 401 by the bearer-token check: missing (no Authorization header while anonymous reads are off) or invalid", labelNames: ["reason"], registers: [registry] });

  /** counters, and the one log line, for every request that reached the GraphQL endpoint */
  const requestPlugin: GatewayPlugin = {
    onRequest({ request, url }) {
      if (url.pathname !== "/graphql") return;
      // tracing on: the OpenTelemetry plugin's request span is active here (its instrumentation wraps every hook)
      const active = tracing ? trace.getActiveSpan()?.spanContext() : undefined;
      states.set(request, {
        started: performance.now(), operation: null, role: null, errors: 0,
        traceId: active && isSpanContextValid(active) ? active.traceId : null, ownTraceId: tracing ? null : randomHex(32),
      });
    },
    onParams({ params, request }) {
      const state = states.get(request);
      if (state) state.operation = params.operationName ?? null;
    },
    onParse() {
      // without an operationName in the request, the document's own (single) operation's name
      return ({ result, context }) => {
        const state = states.get(context.request);
        if (!state || state.operation || !result || result instanceof Error || !("definitions" in result)) return;
        const operations = (result as DocumentNode).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
        if (operations.length === 1) state.operation = operations[0]!.name?.value ?? null;
      };
    },
    onContextBuilding() {
      return ({ context }) => {
        const state = states.get(context.request);
        const identity = (context as { identity?: { role?: string } }).identity;
        if (state && identity?.role) state.role = identity.role;
      };
    },
    onFetch({ context, options, setOptions }) {
      // tracing off: a traceparent of our own (not sampled), so the subgraphs log the same trace id; tracing on: the OpenTelemetry plugin sends the real one
      const request = (context as { request?: Request } | undefined)?.request;
      const own = request ? states.get(request)?.ownTraceId : null;
      if (!own) return;
      const traceparent = `00-${own}-${randomHex(16)}-00`;
      const current = options.headers as HeadersInit | undefined;
      if (current === undefined || (!Array.isArray(current) && typeof (current as Headers).get !== "function")) {
        // the runtime's own: a plain object of lower-case names (accept, content-type, identity.ts's), copied as it is
        setOptions({ ...options, headers: { ...(current as Record<string, string> | undefined), traceparent } });
        return;
      }
      const headers = new Headers(current);
      headers.set("traceparent", traceparent);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
    onResultProcess({ result, request }) {
      if (Array.isArray(result) || !("errors" in result) || !result.errors) return;
      const state = states.get(request);
      if (state) state.errors += result.errors.length;
      if (!metricsOn) return;
      for (const error of result.errors) {
        if (error.extensions?.code === LIMIT_EXCEEDED) limitRefusals.inc({ limit: settingOf(error.message) });
      }
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (!state) return;
      const status = response.status;
      const outcome = status >= 500 ? "failed" : status >= 400 ? "refused" : state.errors ? "error" : "ok";
      if (metricsOn) {
        requestsTotal.inc({ operation: operation(state.operation), outcome });
        if (status === 413) limitRefusals.inc({ limit: "GATEWAY_MAX_BODY_BYTES" });
        if (status === 429) limitRefusals.inc({ limit: "GATEWAY_RATE_LIMIT" });
        if (status === 401) tokenRefusals.inc({ reason: request.headers.has("authorization") ? "invalid" : "missing" });
      }
      const traceId = state.traceId ?? state.ownTraceId ?? traceIdOf(request.headers.get("traceparent"));
      const durationMs = Math.round((performance.now() - state.started) * 10) / 10;
      // the role only: never the token or its subject
      log.info({ traceId, operation: state.operation, durationMs, status, outcome, role: state.role, ...(state.errors ? { errors: state.errors } : {}) }, "request");
    },
  };

  const plugins = (context: GatewayConfigContext): GatewayPlugin[] => {
    const list: GatewayPlugin[] = [];
    // planning has no hook in the runtime: query-plan.ts wraps the planner
    observePlanning({ tracer: tracing?.tracer ?? null, planned: metricsOn ? (seconds, outcome) => planSeconds.observe({ outcome }, seconds) : null });
    if (tracing) {
      // the plugin takes the global provider's tracer whatever `traces.tracer` says (useAsGatewayTracer)
      useAsGatewayTracer(tracing.tracer);
      // no graphql.operation.hash attribute: computing it normalises and hashes every document, sampled or not
      list.push(useOpenTelemetry({ ...context, traces: { tracer: tracing.tracer }, flushOnDispose: false, hashOperation: null }));
    }
    if (metricsOn) {
      list.push(
        usePrometheus({
          log: context.log,
          registry,
          // the public listener never serves metrics: they are on METRICS_PORT (startMetricsServer)
          endpoint: false,
          // operation names and paths come from clients: unbounded labels are left out (gateway_requests_total bounds them)
          labels: { operationName: false, path: false, url: false },
          metrics: {
            graphql_envelop_request_time_summary: false,
            // gateway_requests_total counts requests (by operation and outcome); the context phase is the token check, timed in the request
            graphql_envelop_request: false,
            graphql_envelop_phase_context: false,
            graphql_envelop_deprecated_field: false,
            graphql_envelop_phase_subscribe: false,
            graphql_yoga_http_duration: SECONDS,
            graphql_envelop_request_duration: SECONDS,
            graphql_gateway_fetch_duration: SECONDS,
            // by subgraph only (the operation a subgraph is sent is the client's name again)
            graphql_gateway_subgraph_execute_duration: createHistogram({
              registry,
              histogram: { name: "graphql_gateway_subgraph_execute_duration", help: "Time spent on each subgraph execution, by subgraph", labelNames: ["subgraphName"], buckets: SECONDS },
              fillLabelsFn: ({ subgraphName }) => ({ subgraphName }),
            }),
            graphql_gateway_subgraph_execute_errors: createCounter({
              registry,
              counter: { name: "graphql_gateway_subgraph_execute_errors", help: "Errors in subgraphs' answers, by subgraph", labelNames: ["subgraphName"] },
              fillLabelsFn: ({ subgraphName }) => ({ subgraphName }),
            }),
          },
        }) as GatewayPlugin,
      );
    }
    list.push(requestPlugin);
    return list;
  };

  return {
    plugins,
    registry,
    tracing,
    async listen() {
      if (!metricsOn) return null;
      server = await startMetricsServer(registry, settings.metricsPort!, settings.metricsHost);
      return server.url;
    },
    async close() {
      await server?.close();
      await tracing?.shutdown().catch(() => undefined);
    },
  };
}
