import cluster from "node:cluster";
import { createServer } from "node:http";
import pino from "pino";
import { AggregatorRegistry, type PrometheusContentType } from "prom-client";
import { startMetricsServer } from "@tees/subgraph-common/observability";
import { loadConfig, type GatewayConfig } from "./config";
import { buildGateway } from "./server";
import { gatewayObservability } from "./observability";

let config: GatewayConfig;
try {
  config = loadConfig();
} catch (error) {
  console.error(`[gateway] failed to start: ${(error as Error).message}`);
  process.exit(1);
}
const label = cluster.isWorker ? `[gateway ${cluster.worker?.id}]` : "[gateway]";

if (config.workers > 1 && cluster.isPrimary) await primary(config);
else await serve(config);

/**
 * GATEWAY_WORKERS > 1: this process forks that many workers, which share the one port (node:cluster
 * hands each new connection to a worker), replaces a worker that dies, and serves their metrics
 * summed (prom-client's AggregatorRegistry asks every worker) on METRICS_PORT. Each worker counts its
 * own rate limit (README "Rate limit"). A worker that fails before it listens stops them all (exit 1).
 */
async function primary(settings: GatewayConfig): Promise<void> {
  let stopping = false;
  const listening = new Set<number>();
  cluster.on("listening", (worker) => listening.add(worker.id));
  for (let i = 0; i < settings.workers; i += 1) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (!listening.has(worker.id)) {
      // it never served: starting another would fail the same way, for ever
      stopping = true;
      console.error(`${label} worker ${worker.id} failed to start (${signal ?? code}): stopping`);
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exit(1);
    }
    console.error(`${label} worker ${worker.id} exited (${signal ?? code}): starting another`);
    cluster.fork();
  });
  let metrics: Awaited<ReturnType<typeof startMetricsServer>> | null = null;
  if (settings.observability.metricsPort !== null) {
    const aggregator = new AggregatorRegistry<PrometheusContentType>();
    // the metrics listener answers with every worker's metrics, summed
    aggregator.metrics = () => aggregator.clusterMetrics();
    metrics = await startMetricsServer(aggregator, settings.observability.metricsPort, settings.observability.metricsHost);
    console.log(`${label} metrics at ${metrics.url} (${settings.workers} workers, summed)`);
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      console.log(`${label} ${signal}: stopping ${settings.workers} workers`);
      const exits = Object.values(cluster.workers ?? {}).map((worker) => new Promise((resolve) => {
        worker?.once("exit", resolve);
        worker?.process.kill("SIGTERM");
      }));
      await Promise.all(exits);
      await metrics?.close();
      process.exit(0);
    });
  }
}

/** One gateway process: alone, or one of the workers. */
async function serve(settings: GatewayConfig): Promise<void> {
  // the request log written asynchronously: a line per request written synchronously was ~4% of the
  // gateway's CPU under load (a write system call each); pino flushes what is buffered when the process exits
  const observability = gatewayObservability({ ...settings.observability, logDestination: settings.observability.logDestination ?? pino.destination({ dest: 1, sync: false }) });
  const gateway = buildGateway(settings, { observability });
  const server = createServer(gateway);
  if (cluster.isWorker) {
    // the primary serves the metrics, asking each worker for its own registry's: an AggregatorRegistry
    // made here is what makes this worker answer those requests (prom-client adds its listener then)
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([observability.registry]);
  } else {
    try {
      const metricsUrl = await observability.listen();
      if (metricsUrl) console.log(`${label} metrics at ${metricsUrl}`);
    } catch (error) {
      console.error(`${label} failed to start: ${(error as Error).message}`);
      process.exit(1);
    }
  }
  server.listen(settings.port, settings.host, () => {
    console.log(`${label} GraphiQL at http://${settings.host === "0.0.0.0" ? "localhost" : settings.host}:${settings.port}/graphql`);
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      console.log(`${label} ${signal}: shutting down`);
      server.close();
      server.closeAllConnections();
      await gateway.dispose();
      await observability.close();
      process.exit(0);
    });
  }
}
