import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ConfigError, optionalString, readDatabaseSettings, readPort, type DatabaseSettings, type Env } from "@tees/subgraph-common/config";
import { DEFAULT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { servedSdlFile } from "@tees/subgraph-common/sdl";

const planAuthorities = z.array(
  z.object({ code: z.string().regex(/^E\d{8}$/), typeName: z.string().regex(/^[A-Z][A-Za-z0-9]*$/) }).strict(),
);
export type PlanAuthority = z.infer<typeof planAuthorities>[number];

export interface RegionConfig {
  port: number;
  database: DatabaseSettings;
  /** which authorities run a plan subgraph, and the GraphQL type each one has */
  planAuthorities: PlanAuthority[];
  /** the SDL it serves: deployments/region.graphql, written by `npm run compose` beside plan-authorities.json */
  schemaFile: string;
  seedFolder: string;
  /** LAIT folder whose code lists and statistical-neighbour sets the seed loads (LAIT_FOLDER; default seeds/lait) */
  laitFolder: string;
}

const root = join(import.meta.dirname, "../../..");

export function readPlanAuthorities(file: string): PlanAuthority[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`PLAN_AUTHORITIES_FILE ${file}: ${(error as Error).message}`);
  }
  const parsed = planAuthorities.safeParse(data);
  if (!parsed.success) throw new ConfigError(`PLAN_AUTHORITIES_FILE ${file}: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export function loadConfig(env: Env = process.env): RegionConfig {
  const planAuthoritiesFile = optionalString(env, "PLAN_AUTHORITIES_FILE") ?? join(import.meta.dirname, "../deployments/plan-authorities.json");
  return {
    port: readPort(env, "PORT", 4001),
    database: readDatabaseSettings(env, `sqlite:${join(root, ".data/region.sqlite")}`),
    planAuthorities: readPlanAuthorities(planAuthoritiesFile),
    schemaFile: servedSdlFile(planAuthoritiesFile, "region"),
    seedFolder: optionalString(env, "SEED_FOLDER") ?? join(root, "seeds/region"),
    laitFolder: optionalString(env, "LAIT_FOLDER") ?? DEFAULT_LAIT_FOLDER,
  };
}
