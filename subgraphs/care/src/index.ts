import { readLifecycle, runMain, startService } from "@tees/subgraph-common/service";
import { loadConfig } from "./config";
import { careService } from "./service";

const config = loadConfig();
await runMain("care", () => startService(careService(config), { port: config.port, ...readLifecycle(process.env) }), config.database.url);
