/**
 * Composes the subgraphs into gateway/supergraph.graphql (the file the gateway
 * serves; committed), its API schema (gateway/api-schema.graphql, for the typed
 * client) and each subgraph's SDL to gateway/subgraphs/ (what codegen reads). `--check` fails if either is out of date instead of writing.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { print } from "graphql";
import { subgraphCatalog, repoRoot } from "./catalog";
import { composeGuild } from "./composition";

const check = process.argv.includes("--check");
const subgraphs = subgraphCatalog().map((s) => ({ name: s.name, url: `http://localhost:${s.port}/graphql`, typeDefs: s.typeDefs() }));
const composed = composeGuild(subgraphs);
if ("errors" in composed) {
  console.error(`composition failed:\n${composed.errors.join("\n")}`);
  process.exit(1);
}
const outputs = new Map<string, string>([
  [join(repoRoot, "gateway/supergraph.graphql"), composed.supergraphSdl + "\n"],
  // the API schema clients see: what the typed client is generated from
  [join(repoRoot, "gateway/api-schema.graphql"), composed.apiSchemaSdl + "\n"],
  ...subgraphs.map((s): [string, string] => [join(repoRoot, "gateway/subgraphs", `${s.name}.graphql`), print(s.typeDefs) + "\n"]),
]);
let stale = 0;
for (const [file, content] of outputs) {
  const current = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (current === content) continue;
  stale += 1;
  if (check) console.error(`out of date: ${file}`);
  else {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${file}`);
  }
}
if (check && stale) {
  console.error("run `npm run compose` and commit the result");
  process.exit(1);
}
if (!stale) console.log("supergraph and subgraph schemas are up to date");
