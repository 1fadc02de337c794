import { readLifecycle, runMain, startService } from "@tees/subgraph-common/service";
import { loadConfig } from "./config";
import { careService } from "./service";

await runMain("care", async () => {
  const config = loadConfig();
  return startService(careService(config), { port: config.port, ...readLifecycle(process.env) });
});
