/** Moved to start-service.ts; kept until education, care and the outcomes code (moving to subgraphs/outcomes) import it from there. */
export { readLifecycle } from "./config";
export { runMain, startService, type RunningService, type ServiceDefinition } from "./start-service";
