import { createServer } from "node:http";
import { loadConfig } from "./config";
import { buildGateway } from "./server";
import { gatewayObservability } from "./observability";

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`[gateway] failed to start: ${(error as Error).message}`);
  process.exit(1);
}
const observability = gatewayObservability(config.observability);
const gateway = buildGateway(config, { observability });
const server = createServer(gateway);
try {
  const metricsUrl = await observability.listen();
  if (metricsUrl) console.log(`[gateway] metrics at ${metricsUrl}`);
} catch (error) {
  console.error(`[gateway] failed to start: ${(error as Error).message}`);
  process.exit(1);
}
server.listen(config.port, config.host, () => {
  console.log(`[gateway] GraphiQL at http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/graphql`);
});
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`[gateway] ${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    await gateway.dispose();
    await observability.close();
    process.exit(0);
  });
}
