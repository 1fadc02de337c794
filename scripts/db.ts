/**
 * npm run db:migrate [-- <subgraph>...]   apply pending migrations
 * npm run db:seed    [-- <subgraph>...]   load the seeds (idempotent)
 *
 * A named subgraph reads its settings as the service does (DATABASE_URL, ...).
 * With no names, every subgraph is done, each with DATABASE_URL_<NAME> if set
 * (e.g. DATABASE_URL_REDCAR_AND_CLEVELAND) or else its embedded database.
 */
import { migrate, openDataSource, redact } from "@tees/subgraph-common/database";
import type { ServiceDefinition } from "@tees/subgraph-common/service";
import { subgraphCatalog } from "./catalog";
import { loadConfig as planConfig } from "../subgraphs/authority-plan/src/config";
import { planService } from "../subgraphs/authority-plan/src/service";
import { loadConfig as careConfig } from "../subgraphs/care/src/config";
import { careService } from "../subgraphs/care/src/service";
import { loadConfig as educationConfig } from "../subgraphs/education/src/config";
import { educationService } from "../subgraphs/education/src/service";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionService } from "../subgraphs/region/src/service";

const [command, ...names] = process.argv.slice(2);
if (command !== "migrate" && command !== "seed") {
  console.error("usage: tsx scripts/db.ts migrate|seed [subgraph...]");
  process.exit(2);
}

function definition(name: string, env: NodeJS.ProcessEnv): ServiceDefinition<any> {
  if (name === "region") return regionService(regionConfig(env));
  if (name === "education") return educationService(educationConfig(env));
  if (name === "care") return careService(careConfig(env));
  return planService(planConfig({ ...env, AUTHORITY_DEPLOYMENT: env.AUTHORITY_DEPLOYMENT ?? name }));
}

const known = subgraphCatalog().map((s) => s.name);
const unknown = names.filter((n) => !known.includes(n));
if (unknown.length) {
  console.error(`unknown subgraph ${unknown.join(", ")}; known: ${known.join(", ")}`);
  process.exit(2);
}
const targets = names.length ? names : known;
try {
  for (const name of targets) {
    const env = names.length ? process.env : { ...process.env, DATABASE_URL: process.env[`DATABASE_URL_${name.toUpperCase().replace(/-/g, "_")}`] };
    const service = definition(name, env);
    const { dataSource } = await openDataSource(service.database, service.entities, service.migrations(service.database.url));
    try {
      if (command === "migrate") {
        const applied = await migrate(dataSource);
        console.log(`${name} (${redact(service.database.url)}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
      } else {
        console.log(`${name} (${redact(service.database.url)}): seeded`, await service.seed(dataSource));
      }
    } finally {
      await dataSource.destroy();
    }
  }
} catch (error) {
  console.error(`${command} failed: ${(error as Error).message}`);
  process.exit(1);
}
