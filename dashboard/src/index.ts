/** The dashboard as a service: settings read once (failing fast naming the setting), then listening. */
import { ConfigError } from "@tees/subgraph-common/config";
import { loadConfig } from "./config";
import { startDashboard } from "./server";
import { dashboardToken } from "./token";

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`dashboard: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
const token = dashboardToken(config.token);
// the token is asked for once now, so a bad DASHBOARD_TOKEN_FILE stops the start rather than every page
try {
  await token();
} catch (error) {
  console.error(`dashboard: ${(error as Error).message}`);
  process.exit(2);
}
const running = await startDashboard({ gatewayUrl: config.gatewayUrl, token, gatewayTimeoutMs: config.gatewayTimeoutMs, host: config.host, port: config.port });
console.log(`dashboard listening on ${running.url} (${config.host}), reading ${config.gatewayUrl}`);
const stop = () => void running.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
