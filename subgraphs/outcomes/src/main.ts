import { readLifecycle, runMain, startService } from "@tees/subgraph-common/service";
import { loadConfig } from "./config";
import { outcomeService } from "./service";

await runMain(process.env.OUTCOMES_DEPLOYMENT ?? "outcomes", async () => {
  const config = loadConfig();
  return startService(outcomeService(config), { port: config.port, ...readLifecycle(process.env) });
});
