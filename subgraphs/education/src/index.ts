import { readLifecycle, runMain, startService } from "@tees/subgraph-common/service";
import { loadConfig } from "./config";
import { educationService } from "./service";

await runMain("education", async () => {
  const config = loadConfig();
  return startService(educationService(config), { port: config.port, ...readLifecycle(process.env) });
});
