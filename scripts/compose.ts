/**
 * `npm run compose`: the only place a template becomes SDL. Writes, from the deployments' JSON files
 * (scripts/catalog.ts), each deployment's SDL beside its JSON (subgraphs/<kind>/deployments/<name>.graphql,
 * the file it serves), the registry's plan-authorities.json, gateway/supergraph.graphql (the file the
 * gateway serves) and gateway/api-schema.graphql (for the typed client), the neutral
 * instantiations codegen reads, and the per-subgraph blocks of docker-compose.yml, .env.example,
 * deploy/mysql-init and deploy/prometheus (scripts/deployment-files.ts). All committed. `--check` fails if any is out of date instead of writing.
 */
import { composedFiles, neutralSchemaFiles, writeFiles } from "./compose-files";
import { deploymentFiles } from "./deployment-files";

const check = process.argv.includes("--check");
let files: Map<string, string>;
try {
  files = new Map([...composedFiles(), ...neutralSchemaFiles(), ...deploymentFiles()]);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const stale = writeFiles(files, { check });
if (check && stale.length) {
  for (const file of stale) console.error(`out of date: ${file}`);
  console.error("run `npm run compose` and commit the result");
  process.exit(1);
}
if (!stale.length) console.log("the deployments' SDL, the supergraph, the plan authorities and the deployment files are up to date");
