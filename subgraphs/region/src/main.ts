import { readLifecycle } from "@tees/subgraph-common/config";
import { runMain, startService } from "@tees/subgraph-common/start-service";
import { loadConfig } from "./config";
import { regionService } from "./service-definition";

await runMain("region", async () => {
  const config = loadConfig();
  return startService(regionService(config), { port: config.port, ...readLifecycle(process.env) });
});
