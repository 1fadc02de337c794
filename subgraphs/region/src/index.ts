import { readLifecycle, runMain, startService } from "@tees/subgraph-common/service";
import { loadConfig } from "./config";
import { regionService } from "./service";

const config = loadConfig();
await runMain("region", () => startService(regionService(config), { port: config.port, ...readLifecycle(process.env) }), config.database.url);
