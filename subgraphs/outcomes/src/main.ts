import { readLifecycle } from "@tees/subgraph-common/config";
import { runMain, startService } from "@tees/subgraph-common/start-service";
import { loadConfig } from "./config";
import { outcomeService } from "./service-definition";

// until the configuration is read its deployment is not known; once started, it logs as the deployment (runMain)
await runMain("outcomes", async () => {
  const config = loadConfig();
  return startService(outcomeService(config), { port: config.port, ...readLifecycle(process.env) });
});
