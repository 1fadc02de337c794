/**
 * Every service of the system, with its default port and how to run it: used by
 * `npm run compose`, `npm start` and the tests. Plan deployments come from
 * subgraphs/authority-plan/deployments/*.json (one file per authority), outcomes
 * deployments from subgraphs/outcomes/deployments/*.json (education, care).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { DocumentNode } from "graphql";
import type { ServiceDefinition } from "@tees/subgraph-common/start-service";
import { deploymentsFolder, loadConfig as planConfig, readDeployment } from "../subgraphs/authority-plan/src/config";
import { planService } from "../subgraphs/authority-plan/src/service-definition";
import { outcomeConfig } from "../subgraphs/outcomes/src/config";
import { outcomeDeployments } from "../subgraphs/outcomes/src/deployments";
import { outcomeService } from "../subgraphs/outcomes/src/service-definition";
import { buildTypeDefs as outcomeTypeDefs } from "../subgraphs/outcomes/src/schema";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionService } from "../subgraphs/region/src/service-definition";
import { buildTypeDefs as planTypeDefs } from "../subgraphs/authority-plan/src/schema";
import { readPlanAuthorities } from "../subgraphs/region/src/config";
import { buildTypeDefs as regionTypeDefs } from "../subgraphs/region/src/schema";

export const repoRoot = join(import.meta.dirname, "..");
export const GATEWAY_PORT = 4000;

export interface SubgraphEntry {
  name: string;
  port: number;
  /** the TypeScript entry point, relative to the repo root */
  entry: string;
  /** environment that selects this deployment */
  env: Record<string, string>;
  typeDefs: () => DocumentNode;
  /** the service as its main.ts builds it, from these settings (DATABASE_URL, ...) */
  service: (env: NodeJS.ProcessEnv) => ServiceDefinition<any>;
}

export const planDeployments = () =>
  readdirSync(deploymentsFolder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => readDeployment(join(deploymentsFolder, f)));

export { graphName, scriptEnvFor } from "./script-env";

export function subgraphCatalog(): SubgraphEntry[] {
  return [
    {
      name: "region",
      port: 4001,
      entry: "subgraphs/region/src/main.ts",
      env: {},
      typeDefs: () => regionTypeDefs(readPlanAuthorities(join(repoRoot, "subgraphs/region/plan-authorities.json"))),
      service: (env) => regionService(regionConfig(env)),
    },
    ...planDeployments().map((d) => ({
      name: d.seedFolder,
      port: d.port,
      entry: "subgraphs/authority-plan/src/main.ts",
      env: { AUTHORITY_DEPLOYMENT: d.seedFolder },
      typeDefs: () => planTypeDefs(d.typeName),
      service: (env: NodeJS.ProcessEnv) => planService(planConfig({ ...env, AUTHORITY_DEPLOYMENT: d.seedFolder })),
    })),
    ...outcomeDeployments().map((d) => ({
      name: d.name,
      port: d.port,
      entry: "subgraphs/outcomes/src/main.ts",
      env: { OUTCOMES_DEPLOYMENT: d.name },
      typeDefs: () => outcomeTypeDefs(d),
      service: (env: NodeJS.ProcessEnv) => outcomeService(outcomeConfig(d, env)),
    })),
  ];
}
