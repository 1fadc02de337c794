import { readLifecycle, runMain, startService } from "@tees/subgraph-common/service";
import { loadConfig } from "./config";
import { educationService } from "./service";

const config = loadConfig();
await runMain("education", () => startService(educationService(config), { port: config.port, ...readLifecycle(process.env) }), config.database.url);
