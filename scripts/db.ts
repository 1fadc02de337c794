/**
 * npm run db:migrate [-- <subgraph>...]   apply pending migrations
 * npm run db:seed    [-- <subgraph>...]   load the seeds (idempotent)
 *
 * A named subgraph reads its settings as the service does (DATABASE_URL, ...).
 * With no names, every subgraph is done, each with DATABASE_URL_<NAME> if set
 * (e.g. DATABASE_URL_REDCAR_AND_CLEVELAND) or else its embedded database.
 */
import { migrate, openDataSource, redact } from "@tees/subgraph-common/database";
import { scriptEnvFor, subgraphCatalog } from "./catalog";

const [command, ...names] = process.argv.slice(2);
if (command !== "migrate" && command !== "seed") {
  console.error("usage: tsx scripts/db.ts migrate|seed [subgraph...]");
  process.exit(2);
}

const catalog = new Map(subgraphCatalog().map((s) => [s.name, s]));
const known = [...catalog.keys()];
const unknown = names.filter((n) => !known.includes(n));
if (unknown.length) {
  console.error(`unknown subgraph ${unknown.join(", ")}; known: ${known.join(", ")}`);
  process.exit(2);
}
const targets = names.length ? names : known;
try {
  for (const name of targets) {
    const env = names.length ? process.env : scriptEnvFor(name);
    const service = catalog.get(name)!.service(env);
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
