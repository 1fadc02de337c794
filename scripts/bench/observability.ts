/**
 * Section "observability": what metrics and tracing cost on the cross-borough query. Three systems
 * side by side in this process (every subgraph, the gateway; Tees Valley extract): both off, metrics
 * on (every service's Prometheus registry, scraped during the run as Prometheus would), and tracing
 * at 10% (parentbased_traceidratio 0.1, OTLP/HTTP protobuf to a real receiver started here). Rounds
 * alternate between the three, so drift of a shared, noisy machine falls on all of them alike; the
 * figures are ratios of the same run. Request logs are silent in all three (LOG_LEVEL=silent).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { readObservability, type ObservabilitySettings } from "@tees/subgraph-common/config";
import { startSystem, type RunningSystem } from "../../test/support/system";
import { machineLine, SectionReport } from "./report";

const CROSS_BOROUGH = `query TeesValley {
  authorities(region: "E12000001") {
    code name hasPlanSubgraph
    priorities(theme: "early-years") { title plan { title period { label } } actions { title leadGroups { name canonicalName } } }
    education { measures(codes: ["FSP_NEW_GOODDEV"]) { measure { name polarity } latest { value period { label } } } }
    care { measures(codes: ["LAC"]) { measure { name } latest { value period { label } } } }
  }
}`;

const CLIENTS = 4;
const ROUND_MS = 2_500;
const ROUNDS = 30;

/** An OTLP/HTTP receiver: accepts every export, counts the requests and bytes. */
async function receiver() {
  let posts = 0;
  let bytes = 0;
  const server: Server = createServer((request, response) => {
    request.on("data", (chunk: Buffer) => (bytes += chunk.length));
    request.on("end", () => {
      posts += 1;
      response.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, counts: () => ({ posts, bytes }), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Variant { name: string; system: RunningSystem; token: string; latencies: number[]; requests: number; elapsedMs: number; perRound: number[]; cpuPerRequest: number[] }

async function round(variant: Variant): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const requestsBefore = variant.requests;
  const until = started + ROUND_MS;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < until) {
      const t = performance.now();
      const answer = await variant.system.query(CROSS_BOROUGH, undefined, { token: variant.token });
      if (answer.errors) throw new Error(`${variant.name}: ${JSON.stringify(answer.errors).slice(0, 300)}`);
      variant.latencies.push(performance.now() - t);
      variant.requests += 1;
    }
  }));
  const elapsed = performance.now() - started;
  variant.elapsedMs += elapsed;
  variant.perRound.push(((variant.requests - requestsBefore) * 1000) / elapsed);
  // this process's CPU time (client, gateway, subgraphs, receiver: all here) per request, in ms
  const cpu = process.cpuUsage(cpuBefore);
  variant.cpuPerRequest.push((cpu.user + cpu.system) / 1000 / Math.max(1, variant.requests - requestsBefore));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

export async function observabilitySection(): Promise<string[]> {
  const report = new SectionReport();
  const otlp = await receiver();
  const quiet = { logLevel: "silent" } as const;
  const settings: Record<string, ObservabilitySettings> = {
    "both off": { ...readObservability({}), ...quiet },
    "metrics on": { ...readObservability({ METRICS_PORT: "0" }), ...quiet },
    "tracing 10%": { ...readObservability({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.1" }), ...quiet },
  };
  const variants: Variant[] = [];
  let scrapes = 0;
  let scraper: NodeJS.Timeout | undefined;
  try {
    for (const [name, observability] of Object.entries(settings)) {
      const system = await startSystem({ observability });
      variants.push({ name, system, token: await system.token({ role: "analyst", authority: null }), latencies: [], requests: 0, elapsedMs: 0, perRound: [], cpuPerRequest: [] });
    }
    // warm every system (plans cached, connections open), then measure
    for (const variant of variants) {
      await round(variant);
      Object.assign(variant, { latencies: [], requests: 0, elapsedMs: 0, perRound: [], cpuPerRequest: [] });
    }
    // Prometheus scrapes the metrics system's six listeners every 5 s (compose's prometheus.yml: every 15 s; this is harsher)
    const metrics = variants.find((v) => v.name === "metrics on")!.system;
    const listeners = [metrics.gatewayObservability.metricsUrl!, ...[...metrics.services.values()].map((s) => s.metricsUrl!)];
    scraper = setInterval(() => {
      for (const url of listeners) void fetch(url).then((r) => r.text()).then(() => (scrapes += 1));
    }, 5_000);
    for (let i = 0; i < ROUNDS; i += 1) {
      // a different order each round
      for (let j = 0; j < variants.length; j += 1) await round(variants[(i + j) % variants.length]!);
    }
    clearInterval(scraper);
    const traced = variants.find((v) => v.name === "tracing 10%")!.system;
    await traced.gatewayObservability.flushTraces();
    for (const service of traced.services.values()) await service.flushTraces();
  } finally {
    if (scraper) clearInterval(scraper);
    for (const variant of variants) await variant.system.close();
    await otlp.close();
  }

  const base = variants[0]!;
  const throughput = (v: Variant) => (v.requests * 1000) / v.elapsedMs;
  // each round's throughput against both off's in the same rotation (adjacent in time), then the median of those ratios
  const pairedRatios = (v: Variant) => v.perRound.map((r, i) => r / base.perRound[i]!);
  const spread = (v: Variant) => {
    const ratios = [...pairedRatios(v)].sort((a, b) => a - b);
    return `${ratios[Math.floor(ratios.length / 4)]!.toFixed(2)}–${ratios[Math.floor((3 * ratios.length) / 4)]!.toFixed(2)}`;
  };
  const cpuRatios = (v: Variant) => v.cpuPerRequest.map((c, i) => c / base.cpuPerRequest[i]!);
  const rows = variants.map((v) => [
    v.name,
    v.requests,
    throughput(v).toFixed(1),
    (throughput(v) / throughput(base)).toFixed(3),
    median(pairedRatios(v)).toFixed(3),
    spread(v),
    median(v.cpuPerRequest).toFixed(1),
    median(cpuRatios(v)).toFixed(3),
    quantile(v.latencies, 0.5).toFixed(1),
    (quantile(v.latencies, 0.5) / quantile(base.latencies, 0.5)).toFixed(3),
    quantile(v.latencies, 0.95).toFixed(1),
  ]);
  const metricsRatio = median(pairedRatios(variants[1]!));
  const tracingRatio = median(pairedRatios(variants[2]!));
  const { posts, bytes } = otlp.counts();

  report.line("## Observability: the cost of metrics and of tracing");
  report.line();
  report.line(machineLine());
  report.line();
  report.line(`The cross-borough query (the five Tees Valley authorities' early-years priorities with their actions and lead groups, one education and one care measure: region, both plan subgraphs, education and care, one fetch each) through three systems side by side in one process (Tees Valley extract, embedded SQLite), ${CLIENTS} concurrent clients, ${ROUNDS} rounds of ${ROUND_MS / 1000} s each per system, the systems taking turns in a rotating order after one warm-up round each. **both off**: no metrics listener, no tracing; **metrics on**: Hive Gateway's Prometheus plugin and the gateway's and subgraphs' prom-client registries, every listener scraped every 5 s during the run (compose scrapes every 15 s) (${scrapes} scrapes); **tracing 10%**: Hive Gateway's OpenTelemetry plugin and the subgraphs' spans (request, resolvers that wait on the database, SQL statements), \`parentbased_traceidratio\` at 0.1, OTLP/HTTP protobuf to a receiver in this process (${posts} exports, ${(bytes / 1024).toFixed(0)} KB). Request logs silent in all three.`);
  report.line();
  report.table(["system", "requests", "requests/s", "× both off (totals)", "× both off (median of rounds)", "rounds' middle half", "CPU ms / request", "CPU × both off", "p50 ms", "p50 × both off", "p95 ms"], ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"], rows);
  report.line();
  report.line(`"× both off (median of rounds)" pairs each round with both off's round of the same rotation and takes the median of the ${ROUNDS} ratios (less moved by the load of other work on a shared machine than the totals); "rounds' middle half" is their interquartile range: a difference inside it is noise. By that median, throughput with metrics is ${metricsRatio.toFixed(3)} × both off (aim: a cost under 5%, i.e. at least 0.95) and with tracing at 10% ${tracingRatio.toFixed(3)} ×. "CPU ms / request" is this process's CPU time (the clients, the gateway, the subgraphs and the receiver all run in it) per answered request, median of the rounds, and "CPU × both off" the median of the paired ratios: what each costs in work, which the load of other processes moves far less than throughput. By CPU, a request costs ${median(cpuRatios(variants[1]!)).toFixed(3)} × both off's work with metrics and ${median(cpuRatios(variants[2]!)).toFixed(3)} × with tracing at 10%. Load average when the run began: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (other work on a shared machine moves these figures: compare with the previous run kept below).`);
  return report.lines;
}
