import { createServer } from "node:http";
import { loadConfig } from "./config";
import { buildGateway } from "./server";

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(`[gateway] failed to start: ${(error as Error).message}`);
  process.exit(1);
}
const gateway = buildGateway(config);
const server = createServer(gateway);
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
    process.exit(0);
  });
}
