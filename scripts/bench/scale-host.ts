/**
 * One process of a benchmark's subgraphs (scripts/bench/scale.ts, gateways.ts): starts every service
 * its spec file lists, each on its own port (0: any free one) and its own database, signed as the
 * gateway will sign for it, then prints `READY {"<name>":"<url>",...}` and serves until SIGTERM.
 * Several plan deployments per process, as the issue allows; never used by npm start.
 *
 *   node --import tsx scripts/bench/scale-host.ts <spec.json>
 */
import { readFileSync } from "node:fs";
import { startService, type RunningService } from "@tees/subgraph-common/start-service";
import { loadConfig as planConfig } from "../../subgraphs/authority-plan/src/config";
import { planService } from "../../subgraphs/authority-plan/src/service-definition";
import { loadConfig as regionConfig } from "../../subgraphs/region/src/config";
import { regionService } from "../../subgraphs/region/src/service-definition";
import { subgraphCatalog } from "../catalog";

export type HostedService =
  | { kind: "plan"; name: string; deploymentFile: string; seedFolder: string; databaseUrl: string; secret: string }
  | { kind: "region"; name: "region"; planAuthoritiesFile: string; laitFolder: string; databaseUrl: string; secret: string }
  /** one of npm start's own subgraphs (scripts/catalog.ts), on a new database it migrates and seeds */
  | { kind: "catalog"; name: string; databaseUrl: string; secret: string; env: Record<string, string> };

const specFile = process.argv[2];
if (!specFile) throw new Error("usage: scale-host.ts <spec.json>");
const spec = JSON.parse(readFileSync(specFile, "utf8")) as { services: HostedService[] };

const catalogEntry = (name: string) => {
  const entry = subgraphCatalog().find((e) => e.name === name);
  if (!entry) throw new Error(`no subgraph ${name} in scripts/catalog.ts`);
  return entry;
};

const running: RunningService[] = [];
const urls: Record<string, string> = {};
for (const s of spec.services) {
  const common = { DATABASE_URL: s.databaseUrl, DB_POOL_SIZE: "2", DB_QUEUE_LIMIT: "200", DB_QUERY_TIMEOUT_MS: "30000" };
  const lifecycle = {
    port: 0,
    host: "127.0.0.1",
    // the databases are copies of one seeded template: migrated and loaded already
    migrateOnStart: false,
    seedOnStart: "never" as const,
    signing: { secrets: [s.secret], maxSkewMs: 30_000 },
  };
  const service =
    s.kind === "catalog"
      ? await startService(catalogEntry(s.name).service({ ...common, ...s.env }), { ...lifecycle, migrateOnStart: true, seedOnStart: "always" })
      : s.kind === "plan"
      ? await startService(planService(planConfig({ ...common, DEPLOYMENT_FILE: s.deploymentFile, SEED_FOLDER: s.seedFolder })), lifecycle)
      : await startService(regionService(regionConfig({ ...common, PLAN_AUTHORITIES_FILE: s.planAuthoritiesFile, LAIT_FOLDER: s.laitFolder })), lifecycle);
  running.push(service);
  urls[s.name] = service.url;
}
console.log(`READY ${JSON.stringify(urls)}`);

process.on("SIGTERM", async () => {
  for (const service of running) await service.close().catch(() => undefined);
  process.exit(0);
});
