/**
 * What `npm run compose` writes, as file → content, for a set of deployments: each deployment's SDL
 * beside its JSON (from its template, scripts/sdl.ts), the registry's plan-authorities.json (from the
 * plan deployments), the supergraph the gateway serves and its API schema. The committed system is
 * composed by scripts/compose.ts; a test composes another set (e.g. with a third authority) the same
 * way into a folder of its own.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { committedFolders, planAuthoritiesFile, planDeployments, repoRoot, subgraphCatalog, type DeploymentFolders } from "./catalog";
import { composeGuild } from "./composition";
import { NEUTRAL_OUTCOME_DEPLOYMENT, NEUTRAL_PLAN_TYPE, outcomeSdl, planSdl, regionSdl, sdlText } from "./sdl";

/** the registry's list of plan authorities, one line each */
export const planAuthoritiesText = (folders: DeploymentFolders): string =>
  `[\n${planDeployments(folders).map((d) => `  { "code": ${JSON.stringify(d.code)}, "typeName": ${JSON.stringify(d.typeName)} }`).join(",\n")}\n]\n`;

/**
 * The neutral instantiations codegen types the resolvers from (codegen.ts): the plan template for an
 * authority no deployment is, the registry with no plan authorities, and the outcomes template under
 * its own Domain* names. Repository files, not a deployment's.
 */
export const neutralSchemaFiles = (): Map<string, string> =>
  new Map([
    [join(repoRoot, "subgraphs/authority-plan/src/generated/template.graphql"), sdlText(planSdl(NEUTRAL_PLAN_TYPE))],
    [join(repoRoot, "subgraphs/region/src/generated/template.graphql"), sdlText(regionSdl([]))],
    [join(repoRoot, "subgraphs/outcomes/src/generated/template.graphql"), sdlText(outcomeSdl(NEUTRAL_OUTCOME_DEPLOYMENT))],
  ]);

/** Every file composing these deployments writes; `gatewayFolder` receives supergraph.graphql and api-schema.graphql. */
export function composedFiles(folders: DeploymentFolders = committedFolders, gatewayFolder = join(repoRoot, "gateway")): Map<string, string> {
  const plan = new Map<string, string>([[planAuthoritiesFile(folders), planAuthoritiesText(folders)]]);
  const catalog = subgraphCatalog(folders);
  const subgraphs = catalog.map((s) => ({ name: s.name, url: `http://localhost:${s.port}/graphql`, typeDefs: s.instantiate() }));
  const composed = composeGuild(subgraphs);
  if ("errors" in composed) throw new Error(`composition failed:\n${composed.errors.join("\n")}`);
  return new Map([
    ...plan,
    ...catalog.map((s, i): [string, string] => [s.schemaFile, sdlText(subgraphs[i]!.typeDefs)]),
    [join(gatewayFolder, "supergraph.graphql"), composed.supergraphSdl + "\n"],
    // the API schema clients see: what the typed client is generated from
    [join(gatewayFolder, "api-schema.graphql"), composed.apiSchemaSdl + "\n"],
  ]);
}

/** Writes the files that differ (or, with `check`, only lists them); returns the ones that were out of date. */
export function writeFiles(files: ReadonlyMap<string, string>, { check = false, log = console.log } = {}): string[] {
  const stale: string[] = [];
  for (const [file, content] of files) {
    const current = existsSync(file) ? readFileSync(file, "utf8") : null;
    if (current === content) continue;
    stale.push(file);
    if (check) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    log(`wrote ${file}`);
  }
  return stale;
}
