/** An outcomes deployment's settings, read once (kept apart from the service so a script can read them without loading the server). */
import { join } from "node:path";
import {
  optionalString, readDatabaseSettings, readPort, readWorkBudget, requireString, type DatabaseSettings, type Env, type WorkBudgetSettings,
} from "@tees/subgraph-common/config";
import { DEFAULT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { servedSdlFile } from "@tees/subgraph-common/sdl";
import { deploymentsFolder, readOutcomeDeployment, type OutcomeDeployment } from "./deployments";

const root = join(import.meta.dirname, "../../..");

export interface OutcomeConfig {
  deployment: OutcomeDeployment;
  /** the SDL it serves: written by `npm run compose` beside its deployment file */
  schemaFile: string;
  /** the deployment's name, e.g. "education": its subgraph name, database and seed folder */
  name: string;
  port: number;
  database: DatabaseSettings;
  /** LAIT folder loaded by the seed (LAIT_FOLDER; default the national release in seeds/lait) */
  laitFolder: string;
  /** local figures from the authorities' own documents */
  localFiguresFolder: string;
  topics: ReadonlySet<string>;
  /** what one request may cost (WORK_BUDGET_STATEMENTS, WORK_BUDGET_ROWS) */
  workBudget: WorkBudgetSettings;
}

/**
 * A deployment's settings from the environment (PORT, DATABASE_URL, LAIT_FOLDER, ...) over its file's
 * defaults; `deploymentFile` is where it was read from (default deployments/<name>.json), beside which its SDL is.
 */
export function outcomeConfig(
  deployment: OutcomeDeployment,
  env: Env = process.env,
  deploymentFile = join(deploymentsFolder, `${deployment.name}.json`),
): OutcomeConfig {
  const { name } = deployment;
  return {
    deployment,
    schemaFile: servedSdlFile(deploymentFile),
    name,
    port: readPort(env, "PORT", deployment.port),
    database: readDatabaseSettings(env, `sqlite:${join(root, `.data/${name}.sqlite`)}`),
    laitFolder: optionalString(env, "LAIT_FOLDER") ?? DEFAULT_LAIT_FOLDER,
    localFiguresFolder: optionalString(env, "LOCAL_FIGURES_FOLDER") ?? join(root, "seeds", name, "local-figures"),
    topics: new Set(deployment.topics),
    workBudget: readWorkBudget(env),
  };
}

/** OUTCOMES_DEPLOYMENT names a file in deployments/ (e.g. education); DEPLOYMENT_FILE gives a path instead. */
export function loadConfig(env: Env = process.env): OutcomeConfig {
  const file = optionalString(env, "DEPLOYMENT_FILE") ?? join(deploymentsFolder, `${requireString(env, "OUTCOMES_DEPLOYMENT")}.json`);
  return outcomeConfig(readOutcomeDeployment(file), env, file);
}
