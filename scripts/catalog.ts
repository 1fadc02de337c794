/**
 * Every service of the system, with its default port and how to run it: used by
 * `npm run compose`, `npm start` and the tests. Plan deployments come from
 * subgraphs/authority-plan/deployments/*.json (one file per authority).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { DocumentNode } from "graphql";
import type { ServiceDefinition } from "@tees/subgraph-common/start-service";
import { deploymentsFolder, loadConfig as planConfig, readDeployment } from "../subgraphs/authority-plan/src/config";
import { planService } from "../subgraphs/authority-plan/src/service-definition";
import { loadConfig as careConfig } from "../subgraphs/care/src/config";
import { careService } from "../subgraphs/care/src/service";
import { loadConfig as educationConfig } from "../subgraphs/education/src/config";
import { educationService } from "../subgraphs/education/src/service";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionService } from "../subgraphs/region/src/service-definition";
import { buildTypeDefs as planTypeDefs } from "../subgraphs/authority-plan/src/schema";
import { typeDefs as careTypeDefs } from "../subgraphs/care/src/server";
import { typeDefs as educationTypeDefs } from "../subgraphs/education/src/server";
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
  /** the service as its index.ts builds it, from these settings (DATABASE_URL, ...) */
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
    {
      name: "education", port: 4002, entry: "subgraphs/education/src/index.ts", env: {}, typeDefs: () => educationTypeDefs,
      service: (env) => educationService(educationConfig(env)),
    },
    {
      name: "care", port: 4003, entry: "subgraphs/care/src/index.ts", env: {}, typeDefs: () => careTypeDefs,
      service: (env) => careService(careConfig(env)),
    },
  ];
}
