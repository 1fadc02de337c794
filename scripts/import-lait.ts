/**
 * npm run import:lait -- <LAIT folder> [--only region,education,care]
 *
 * Loads a DfE LAIT folder (see ../shared/reference-data/dfe-lait/README.md): the
 * registry takes the code lists and both statistical-neighbour sets; education and
 * care each take the measures of their own topics (README: "Which topics go where").
 * Each database is brought up to date by its migrations first. Each subgraph's import
 * is one transaction: a malformed row is reported with its file, line and reason and
 * that subgraph keeps what it had. Re-running it changes nothing. Databases come from
 * DATABASE_URL_REGION / _EDUCATION / _CARE, or the embedded defaults.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { migrate, openDataSource, redact } from "@tees/subgraph-common/database";
import { importLait } from "@tees/subgraph-common/outcomes/lait";
import { loadConfig as educationConfig } from "../subgraphs/education/src/config";
import { loadConfig as careConfig } from "../subgraphs/care/src/config";
import { importLaitAreas } from "../subgraphs/region/src/seed";
import { scriptEnvFor, subgraphCatalog } from "./catalog";

const args = process.argv.slice(2);
const onlyIndex = args.indexOf("--only");
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? "").split(",") : ["region", "education", "care"];
const folder = args.find((a, i) => !a.startsWith("--") && (onlyIndex < 0 || i !== onlyIndex + 1));
if (!folder || !existsSync(folder) || only.some((n) => !["region", "education", "care"].includes(n))) {
  console.error("usage: npm run import:lait -- <LAIT folder> [--only region,education,care]");
  process.exit(2);
}
const laitFolder = resolve(folder);
const catalog = new Map(subgraphCatalog().map((s) => [s.name, s]));

let failed = false;
for (const name of only) {
  // a national import's deletes and inserts are long statements: the service's query limit is for requests, not for this
  const env = scriptEnvFor(name, { DB_QUERY_TIMEOUT_MS: "600000", ...process.env });
  const service = catalog.get(name)!.service(env);
  const started = performance.now();
  const { dataSource } = await openDataSource(service.database, service.entities, service.migrations(service.database.url));
  try {
    await migrate(dataSource);
    const result =
      name === "region"
        ? await importLaitAreas(dataSource, laitFolder)
        : await importLait(dataSource, laitFolder, { topics: (name === "education" ? educationConfig(env) : careConfig(env)).topics });
    console.log(`${name} (${redact(service.database.url)}): imported in ${((performance.now() - started) / 1000).toFixed(1)} s`, result);
  } catch (error) {
    failed = true;
    console.error(`${name}: import failed, nothing changed: ${(error as Error).message}`);
  } finally {
    await dataSource.destroy();
  }
}
process.exit(failed ? 1 : 0);
