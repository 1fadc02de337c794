import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ConfigError, optionalString, readPort, requireString } from "@tees/subgraph-common/env";
import { readDatabaseSettings, type DatabaseSettings } from "@tees/subgraph-common/settings";
import { DEFAULT_LAIT_FOLDER, dictionaryFile } from "@tees/subgraph-common/lait/paths";
import { servedSdlFile } from "@tees/subgraph-common/sdl";

const deployment = z
  .object({
    code: z.string().regex(/^E\d{8}$/, "must be an ONS GSS code such as E06000003"),
    name: z.string().min(1),
    typeName: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "must be a GraphQL type name such as RedcarAndCleveland"),
    seedFolder: z.string().regex(/^[a-z0-9-]+$/),
    port: z.number().int().min(1).max(65535),
  })
  .strict();
export type Deployment = z.infer<typeof deployment>;

export interface PlanConfig {
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

export function readDeployment(file: string): Deployment {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`deployment file ${file}: ${(error as Error).message}`);
  }
  const parsed = deployment.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`deployment file ${file}: field "${issue.path.join(".")}": ${issue.message}`);
  }
  return parsed.data;
}

/** AUTHORITY_DEPLOYMENT names a file in deployments/ (e.g. redcar-and-cleveland); DEPLOYMENT_FILE gives a path instead. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlanConfig {
  const file = optionalString(env, "DEPLOYMENT_FILE") ?? join(deploymentsFolder, `${requireString(env, "AUTHORITY_DEPLOYMENT")}.json`);
  const config = readDeployment(file);
  return {
    deployment: config,
    schemaFile: servedSdlFile(file),
    port: readPort(env, "PORT", config.port),
    database: readDatabaseSettings(env, `sqlite:${join(root, `.data/plan-${config.seedFolder}.sqlite`)}`),
    seedFolder: optionalString(env, "SEED_FOLDER") ?? join(root, "seeds", config.seedFolder),
    measureDictionaryFile: optionalString(env, "MEASURE_DICTIONARY_FILE") ?? dictionaryFile(DEFAULT_LAIT_FOLDER),
  };
}
