/**
 * Every service of the system, with its default port and how to run it: used by `npm run compose`,
 * `npm start`, `npm run k8s`, the deployment files' checks and the tests. The one list of
 * deployments is the JSON files: plan deployments in subgraphs/authority-plan/deployments/*.json
 * (one per authority), outcomes deployments in subgraphs/outcomes/deployments/*.json (education,
 * care), and the registry (subgraphs/region), whose plan-authorities.json compose writes from the
 * plan deployments. Each deployment serves the SDL file beside its JSON (deployments/<name>.graphql),
 * which compose writes from its template (scripts/sdl.ts).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { DocumentNode } from "graphql";
import type { ServiceDefinition } from "@tees/subgraph-common/start-service";
import { readServedSdl, servedSdlFile } from "@tees/subgraph-common/sdl";
import { deploymentsFolder as planFolder, loadConfig as planConfig, readDeployment, type Deployment } from "../subgraphs/authority-plan/src/config";
import { planService } from "../subgraphs/authority-plan/src/service-definition";
import { outcomeConfig } from "../subgraphs/outcomes/src/config";
import { deploymentsFolder as outcomesFolder, readOutcomeDeployment } from "../subgraphs/outcomes/src/deployments";
import { outcomeService } from "../subgraphs/outcomes/src/service-definition";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionService } from "../subgraphs/region/src/service-definition";
import { outcomeSdl, planSdl, regionSdl } from "./sdl";

import { repoRoot } from "./repo-root";

export { repoRoot };
export const GATEWAY_PORT = 4000;

/** Where the deployments' JSON files are read from (and their SDL files written beside them). */
export interface DeploymentFolders {
  /** plan deployments: one <name>.json per authority */
  plan: string;
  /** outcomes deployments: one <name>.json each */
  outcomes: string;
  /** the registry's: plan-authorities.json and region.graphql, both written by compose */
  region: string;
}

/** The committed deployments, which `npm start`, docker-compose.yml and deploy/k8s run. */
export const committedFolders: DeploymentFolders = {
  plan: planFolder,
  outcomes: outcomesFolder,
  region: join(repoRoot, "subgraphs/region/deployments"),
};

export const planAuthoritiesFile = (folders: DeploymentFolders) => join(folders.region, "plan-authorities.json");

export interface SubgraphEntry {
  name: string;
  kind: "region" | "plan" | "outcomes";
  port: number;
  /** the TypeScript entry point, relative to the repo root */
  entry: string;
  /** environment that selects this deployment */
  env: Record<string, string>;
  /** its MySQL database, which is also its runtime user's name (docker-compose.yml, deploy/mysql-init) */
  database: string;
  /** its connection pool in docker-compose.yml (DB_POOL_SIZE): the outcome subgraphs answer the heaviest reads */
  poolSize: number;
  /** the JSON file that configures it (the region: its plan-authorities.json) */
  settingsFile: string;
  /** the SDL file it serves, beside its settings file */
  schemaFile: string;
  /** its template instantiated for it: what compose writes to schemaFile */
  instantiate: () => DocumentNode;
  /** the SDL it serves: schemaFile, read */
  typeDefs: () => DocumentNode;
  /** the service as its entry point builds it, from these settings (DATABASE_URL, ...) */
  service: (env: NodeJS.ProcessEnv) => ServiceDefinition<any>;
}

const jsonFiles = (folder: string) =>
  readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(folder, f));

export const planDeployments = (folders: DeploymentFolders = committedFolders): Deployment[] => jsonFiles(folders.plan).map(readDeployment);

export { graphName, scriptEnvFor } from "./script-env";

export function subgraphCatalog(folders: DeploymentFolders = committedFolders): SubgraphEntry[] {
  const committed = folders === committedFolders;
  const plans = jsonFiles(folders.plan).map((file) => ({ file, deployment: readDeployment(file) }));
  const outcomes = jsonFiles(folders.outcomes).map((file) => ({ file, deployment: readOutcomeDeployment(file) }));
  const regionFile = planAuthoritiesFile(folders);
  const regionEnv: Record<string, string> = committed ? {} : { PLAN_AUTHORITIES_FILE: regionFile };
  return [
    {
      name: "region",
      kind: "region",
      port: regionConfig({}).port,
      entry: "subgraphs/region/src/main.ts",
      env: regionEnv,
      database: "region",
      poolSize: 5,
      settingsFile: regionFile,
      schemaFile: servedSdlFile(regionFile, "region"),
      instantiate: () => regionSdl(plans.map(({ deployment: d }) => ({ code: d.code, typeName: d.typeName }))),
      typeDefs: () => readServedSdl(servedSdlFile(regionFile, "region"), "region"),
      service: (env) => regionService(regionConfig({ ...env, ...regionEnv })),
    },
    ...plans.map(({ file, deployment: d }): SubgraphEntry => {
      const env: Record<string, string> = committed ? { AUTHORITY_DEPLOYMENT: d.seedFolder } : { DEPLOYMENT_FILE: file };
      return {
        name: d.seedFolder,
        kind: "plan",
        port: d.port,
        entry: "subgraphs/authority-plan/src/main.ts",
        env,
        database: `plan_${d.seedFolder.replaceAll("-", "_")}`,
        poolSize: 5,
        settingsFile: file,
        schemaFile: servedSdlFile(file),
        instantiate: () => planSdl(d.typeName),
        typeDefs: () => readServedSdl(servedSdlFile(file), d.seedFolder),
        service: (serviceEnv) => planService(planConfig({ ...serviceEnv, ...env })),
      };
    }),
    ...outcomes.map(({ file, deployment: d }): SubgraphEntry => ({
      name: d.name,
      kind: "outcomes",
      port: d.port,
      entry: "subgraphs/outcomes/src/main.ts",
      env: committed ? { OUTCOMES_DEPLOYMENT: d.name } : { DEPLOYMENT_FILE: file },
      database: d.name,
      poolSize: 10,
      settingsFile: file,
      schemaFile: servedSdlFile(file),
      instantiate: () => outcomeSdl(d),
      typeDefs: () => readServedSdl(servedSdlFile(file), d.name),
      service: (serviceEnv) => outcomeService(outcomeConfig(d, serviceEnv, file)),
    })),
  ];
}
