import { readLifecycle } from "@tees/subgraph-common/config";
import { runMain, startService } from "@tees/subgraph-common/service";
import { loadConfig } from "./config";
import { planService } from "./service";

await runMain(process.env.AUTHORITY_DEPLOYMENT ?? "authority-plan", async () => {
  const config = loadConfig();
  return startService(planService(config), { port: config.port, ...readLifecycle(process.env) });
});
