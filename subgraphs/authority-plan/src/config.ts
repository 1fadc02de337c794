import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { ConfigError, readDeploymentFile, optionalString, readDatabaseSettings, readPort, requireString, type DatabaseSettings, type Env } from "@tees/subgraph-common/config";
import { DEFAULT_LAIT_FOLDER, dictionaryFile } from "@tees/subgraph-common/lait/paths";
import { isAudience } from "@tees/subgraph-common/signed-identity";
import { servedSdlFile } from "@tees/subgraph-common/sdl";

const deployment = z
  .object({
    code: z.string().regex(/^E\d{8}$/, "must be an ONS GSS code such as E06000003"),
    name: z.string().min(1),
    typeName: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "must be a GraphQL type name such as RedcarAndCleveland"),
    /** the folder of seeds/ holding its plans (seeds only: the deployment's name is its file's, deploymentName) */
    seedFolder: z.string().regex(/^[a-z0-9-]+$/),
    port: z.number().int().min(1).max(65535),
  })
  .strict();
export type Deployment = z.infer<typeof deployment>;

export interface PlanConfig {
  /** the deployment's name (deploymentName): the subgraph's name in the supergraph and the audience of its signed requests */
  name: string;
  deployment: Deployment;
  /** the SDL it serves: written by `npm run compose` beside its deployment file */
  schemaFile: string;
  port: number;
  database: DatabaseSettings;
  seedFolder: string;
  /** the LAIT data dictionary: which measure codes exist and which outcomes subgraph holds each */
  measureDictionaryFile: string;
}

const root = join(import.meta.dirname, "../../..");
export const deploymentsFolder = join(import.meta.dirname, "../deployments");

/** The name of a deployment: its file's name without .json (deployments/redcar-and-cleveland.json: redcar-and-cleveland). */
export function deploymentName(file: string): string {
  const name = basename(file, ".json");
  if (!isAudience(name)) throw new ConfigError(`deployment file ${file}: its name "${name.slice(0, 100)}" names the subgraph, so it must be 1 to 100 of A-Z a-z 0-9 _ -`);
  return name;
}

export function readDeployment(file: string): Deployment {
  return readDeploymentFile(file, deployment);
}

/** AUTHORITY_DEPLOYMENT names a file in deployments/ (e.g. redcar-and-cleveland); DEPLOYMENT_FILE gives a path instead. */
export function loadConfig(env: Env = process.env): PlanConfig {
  const file = optionalString(env, "DEPLOYMENT_FILE") ?? join(deploymentsFolder, `${requireString(env, "AUTHORITY_DEPLOYMENT")}.json`);
  const config = readDeployment(file);
  const name = deploymentName(file);
  return {
    name,
    deployment: config,
    schemaFile: servedSdlFile(file),
    port: readPort(env, "PORT", config.port),
    database: readDatabaseSettings(env, `sqlite:${join(root, `.data/plan-${name}.sqlite`)}`),
    seedFolder: optionalString(env, "SEED_FOLDER") ?? join(root, "seeds", config.seedFolder),
    measureDictionaryFile: optionalString(env, "MEASURE_DICTIONARY_FILE") ?? dictionaryFile(DEFAULT_LAIT_FOLDER),
  };
}
