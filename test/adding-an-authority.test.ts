import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Kind, parse, type DocumentNode } from "graphql";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig as planConfig } from "../subgraphs/authority-plan/src/config";
import { planService } from "../subgraphs/authority-plan/src/service-definition";
import { loadConfig as outcomesLoadConfig } from "../subgraphs/outcomes/src/config";
import { outcomeService } from "../subgraphs/outcomes/src/service-definition";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionService } from "../subgraphs/region/src/service-definition";
import { planAuthoritiesFile, repoRoot, subgraphCatalog, type DeploymentFolders } from "../scripts/catalog";
import { composedFiles, writeFiles } from "../scripts/compose-files";
import { deploymentFiles } from "../scripts/deployment-files";
import { analyst, callSubgraph } from "./support/signed";
import { startSystem, type RunningSystem } from "./support/system";

/**
 * README "Adding an authority", proved: a third plan deployment (test/fixtures/hartlepool: its
 * JSON file and TEST FIXTURE seeds, a relabelled copy of Stockton-on-Tees' plan) is composed with
 * compose's own code into a temporary folder (the committed files are not touched), the system is
 * started from that folder, and the README's analyst query, read from the README itself and sent
 * unchanged, gives the new authority's priorities.
 */

const fixture = join(import.meta.dirname, "fixtures/hartlepool");

/** docker-compose can run here (CI's .ci/run installs it); when not, one line says that check did not run */
const composeAvailable = (() => {
  const probe = spawnSync("docker-compose", ["version"], { encoding: "utf8", timeout: 60_000 });
  return !(probe.error && (probe.error as NodeJS.ErrnoException).code === "ENOENT");
})();
if (!composeAvailable) console.warn("the third authority's docker-compose file NOT checked: docker-compose is not installed here (apt-get install docker-compose)");
const HARTLEPOOL = "E06000001";
const FIXTURE_LABEL = "TEST FIXTURE (a copy of Stockton-on-Tees' plan, not Hartlepool's): ";

/** the query under README "A first query", exactly as the README prints it */
function readmeQuery(): string {
  const tokens = new MarkdownIt().parse(readFileSync(join(repoRoot, "README.md"), "utf8"), {});
  const heading = tokens.findIndex((t, i) => t.type === "heading_open" && tokens[i + 1]?.content === "A first query");
  const fence = tokens.slice(heading).find((t) => t.type === "fence" && t.info.trim() === "graphql");
  if (heading < 0 || !fence) throw new Error('README.md has no graphql block under "A first query"');
  return fence.content;
}

const typeNames = (document: DocumentNode) =>
  document.definitions.flatMap((d) => (d.kind === Kind.OBJECT_TYPE_DEFINITION ? [d.name.value] : []));

interface Answer {
  authorities: Array<{ name: string; priorities: Array<{ title: string; plan: { title: string } }> | null }>;
}

describe("adding an authority: one deployment JSON file, its seeds, npm run compose", () => {
  const work = mkdtempSync(join(tmpdir(), "tpg-third-authority-"));
  const folders: DeploymentFolders = { plan: join(work, "authority-plan"), outcomes: join(work, "outcomes"), region: join(work, "region") };
  let system: RunningSystem;

  beforeAll(async () => {
    for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
    // the committed deployments' JSON files, and the new one: nothing else is written by hand
    for (const s of subgraphCatalog()) {
      if (s.kind !== "region") copyFileSync(s.settingsFile, join(s.kind === "plan" ? folders.plan : folders.outcomes, basename(s.settingsFile)));
    }
    copyFileSync(join(fixture, "hartlepool.json"), join(folders.plan, "hartlepool.json"));
    writeFiles(composedFiles(folders, join(work, "gateway")), { log: () => undefined });
    system = await startSystem({ catalog: subgraphCatalog(folders), serviceEnv: { hartlepool: { SEED_FOLDER: fixture } } });
  }, 300_000);

  afterAll(async () => {
    await system?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("compose writes the new deployment's SDL and registry entry, and every other deployment's SDL stays as committed", () => {
    const composed = subgraphCatalog(folders);
    const sdl = readFileSync(composed.find((s) => s.name === "hartlepool")!.schemaFile, "utf8");
    expect(sdl).toContain('type Hartlepool implements Authority @key(fields: "code")');
    expect(sdl).toContain("hartlepool: HartlepoolPlanMutations!");
    expect(JSON.parse(readFileSync(planAuthoritiesFile(folders), "utf8"))).toContainEqual({ code: HARTLEPOOL, typeName: "Hartlepool" });
    for (const committed of subgraphCatalog()) {
      const file = readFileSync(composed.find((s) => s.name === committed.name)!.schemaFile, "utf8");
      if (committed.kind === "region") {
        // the registry gains exactly one type: the new authority's
        const added = typeNames(parse(file)).filter((t) => !typeNames(committed.typeDefs()).includes(t));
        expect(added).toEqual(["Hartlepool"]);
      } else expect(file, committed.name).toBe(readFileSync(committed.schemaFile, "utf8"));
    }
  });

  it("the deployment files (compose file, .env.example, database init, scrape targets) gain the new subgraph from the same list", () => {
    const files = new Map([...deploymentFiles(subgraphCatalog(folders))].map(([file, text]) => [file.slice(repoRoot.length + 1), text]));
    const compose = files.get("docker-compose.yml")!;
    expect(compose).toContain("  hartlepool:\n    <<: *service-image\n");
    expect(compose).toContain("      AUTHORITY_DEPLOYMENT: hartlepool\n      PORT: \"4103\"\n");
    expect(compose).toContain("      DATABASE_URL_HARTLEPOOL: mysql://plan_hartlepool_ddl:${PLAN_HARTLEPOOL_DB_DDL_PASSWORD:?");
    expect(compose).toContain("      SUBGRAPH_URL_HARTLEPOOL: http://hartlepool:4103/graphql\n");
    expect(compose).toContain("      hartlepool:\n        condition: service_healthy\n");
    expect(files.get(".env.example")).toContain("\nPLAN_HARTLEPOOL_DB_PASSWORD=\n");
    expect(files.get(".env.example")).toContain("\nHARTLEPOOL_SIGNING_SECRET=hartlepool-signing-secret-dev-only-change-me\n");
    expect(files.get("deploy/mysql-init/01-databases.sh")).toContain('"plan_hartlepool|PLAN_HARTLEPOOL_DB_PASSWORD|PLAN_HARTLEPOOL_DB_DDL_PASSWORD"');
    expect(files.get("deploy/prometheus/prometheus.yml")).toContain("- hartlepool:9464\n");
  });

  it.skipIf(!composeAvailable)("docker-compose accepts the generated compose file with the new subgraph once its passwords are set", () => {
    const composeFile = join(work, "docker-compose.yml");
    writeFileSync(composeFile, deploymentFiles(subgraphCatalog(folders)).get(join(repoRoot, "docker-compose.yml"))!);
    const required = [...new Set([...readFileSync(composeFile, "utf8").matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]!))];
    expect(required).toEqual(expect.arrayContaining(["PLAN_HARTLEPOOL_DB_PASSWORD", "PLAN_HARTLEPOOL_DB_DDL_PASSWORD"]));
    const envFile = join(work, "passwords.env");
    writeFileSync(envFile, required.map((name, i) => `${name}=pw${i}x${name.toLowerCase()}`).join("\n") + "\n");
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/_(PASSWORD|SECRET|POOL_SIZE)$/.test(name)));
    const result = spawnSync("docker-compose", ["--env-file", envFile, "--project-directory", repoRoot, "-f", composeFile, "config"], { env, encoding: "utf8", timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\n {2}hartlepool:\n/);
    expect(result.stdout).toContain("DATABASE_URL: mysql://plan_hartlepool:pw");
    expect(result.stdout).toContain("SUBGRAPH_URL_HARTLEPOOL: http://hartlepool:4103/graphql");
  });

  it("the README's analyst query, unchanged, gives the new authority's priorities beside the others'", async () => {
    const result = await system.query<Answer>(readmeQuery());
    expect(result.errors).toBeUndefined();
    const byName = new Map(result.data!.authorities.map((a) => [a.name, a]));
    const hartlepool = byName.get("Hartlepool")?.priorities;
    expect(hartlepool?.length).toBeGreaterThan(0);
    for (const priority of hartlepool!) {
      expect(priority.title.startsWith(FIXTURE_LABEL), priority.title).toBe(true);
      expect(priority.plan.title.startsWith(FIXTURE_LABEL)).toBe(true);
    }
    for (const name of ["Redcar and Cleveland", "Stockton-on-Tees"]) {
      expect(byName.get(name)?.priorities?.length, name).toBeGreaterThan(0);
      expect(byName.get(name)!.priorities!.some((p) => p.title.startsWith(FIXTURE_LABEL)), name).toBe(false);
    }
    // an authority with no plan deployment still has none
    expect(byName.get("Darlington")?.priorities).toBeNull();
  });

  it("every running subgraph serves the SDL file compose wrote for it, byte for byte", async () => {
    for (const s of subgraphCatalog(folders)) {
      const { status, body } = await callSubgraph<{ _service: { sdl: string } }>(
        { url: system.services.get(s.name)!.url, name: s.name }, system.secrets.get(s.name)!, analyst, "{ _service { sdl } }",
      );
      expect(status, s.name).toBe(200);
      const served = body.data!._service.sdl;
      const file = readFileSync(s.schemaFile, "utf8");
      expect(served.startsWith(file), s.name).toBe(true);
      // after it, only the federation definitions Apollo's subgraph library adds to every subgraph
      for (const d of parse(served.slice(file.length)).definitions) {
        const name = "name" in d && d.name ? d.name.value : "";
        const federation =
          d.kind === Kind.DIRECTIVE_DEFINITION || name.startsWith("link__") || name.startsWith("federation__") || ["_Service", "_Any", "_Entity"].includes(name) ||
          ((d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.OBJECT_TYPE_DEFINITION) && name === "Query" && (d.fields ?? []).every((f) => f.name.value === "_entities" || f.name.value === "_service"));
        expect(federation, `${s.name}: ${d.kind} ${name}`).toBe(true);
      }
    }
  });

  it("a deployment whose SDL compose has not written yet refuses to start, saying to run npm run compose", () => {
    const alone = mkdtempSync(join(tmpdir(), "tpg-no-sdl-"));
    try {
      copyFileSync(join(fixture, "hartlepool.json"), join(alone, "hartlepool.json"));
      expect(() => planService(planConfig({ DEPLOYMENT_FILE: join(alone, "hartlepool.json") }))).toThrow(
        `subgraph hartlepool: its SDL file ${join(alone, "hartlepool.graphql")} does not exist: run \`npm run compose\``,
      );
      const care = subgraphCatalog().find((s) => s.name === "care")!;
      copyFileSync(care.settingsFile, join(alone, "care.json"));
      expect(() => outcomesLoadConfig({ DEPLOYMENT_FILE: join(alone, "care.json") })).not.toThrow();
      expect(() => outcomeService(outcomesLoadConfig({ DEPLOYMENT_FILE: join(alone, "care.json") }))).toThrow(
        `subgraph care: its SDL file ${join(alone, "care.graphql")} does not exist: run \`npm run compose\``,
      );
      // the registry: a list of plan authorities newer than its SDL (a third authority added, compose not run)
      copyFileSync(planAuthoritiesFile(folders), join(alone, "plan-authorities.json"));
      expect(() => regionService(regionConfig({ PLAN_AUTHORITIES_FILE: join(alone, "plan-authorities.json") }))).toThrow(
        `region: its SDL file ${join(alone, "region.graphql")} does not exist: run \`npm run compose\``,
      );
      copyFileSync(subgraphCatalog().find((s) => s.name === "region")!.schemaFile, join(alone, "region.graphql"));
      expect(() => regionService(regionConfig({ PLAN_AUTHORITIES_FILE: join(alone, "plan-authorities.json") }))).toThrow(
        `region: its SDL file ${join(alone, "region.graphql")} has no type for Hartlepool: run \`npm run compose\``,
      );
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });
});
