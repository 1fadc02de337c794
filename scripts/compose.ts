/**
 * `npm run compose`: the only place a template becomes SDL. Writes, from the deployments' JSON files
 * (scripts/catalog.ts), each deployment's SDL beside its JSON (subgraphs/<kind>/deployments/<name>.graphql,
 * the file it serves), the registry's plan-authorities.json, gateway/supergraph.graphql (the file the
 * gateway serves) and gateway/api-schema.graphql (for the typed client), and the neutral
 * instantiations codegen reads. All committed. `--check` fails if any is out of date instead of writing.
 */
import { composedFiles, neutralSchemaFiles, writeFiles } from "./compose-files";

const check = process.argv.includes("--check");
let files: Map<string, string>;
try {
  files = new Map([...composedFiles(), ...neutralSchemaFiles()]);
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
if (!stale.length) console.log("the deployments' SDL, the supergraph and the plan authorities are up to date");
