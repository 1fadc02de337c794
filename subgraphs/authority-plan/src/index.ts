import { readLifecycle, runMain, startService } from "@tees/subgraph-common/service";
import { loadConfig } from "./config";
import { planService } from "./service";

const config = loadConfig();
await runMain(config.deployment.seedFolder, () => startService(planService(config), { port: config.port, ...readLifecycle(process.env) }), config.database.url);
