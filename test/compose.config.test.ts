import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, it, expect } from "vitest";
import { graphName, subgraphCatalog } from "../scripts/catalog";

/**
 * docker-compose.yml is valid and complete: `docker-compose config` (which needs no Docker
 * engine) must accept it, and its normalised output must hold every service, the health
 * checks and one database per subgraph; it must REFUSE to render while a database password
 * is missing. Needs the docker-compose binary (Debian: `apt-get install docker-compose`),
 * which CI's .ci/run installs; on a machine without it (only Node and npm) this file prints
 * one line saying the compose check did not run, and why. The assertions read the normalised
 * YAML of docker-compose 1.29 (Debian 12) and allow for Compose v2's quoting and long volume syntax.
 * The subgraphs it checks are the deployments' (subgraphs/<kind>/deployments/*.json), not a list here.
 */

const root = join(import.meta.dirname, "..");
const composeFile = join(root, "docker-compose.yml");

/** every subgraph, from the one list of deployments (scripts/catalog.ts), which also writes the compose file's subgraph blocks */
const subgraphs = subgraphCatalog().map(({ name, database, port, entry }) => ({ service: name, database, port, entry }));

/** the settings docker-compose.yml requires (no defaults): every database password, and the nonce store's */
const requiredPasswords = [
  "MYSQL_ROOT_PASSWORD",
  "NONCE_STORE_PASSWORD",
  ...subgraphs.flatMap(({ database }) => [`${database.toUpperCase()}_DB_PASSWORD`, `${database.toUpperCase()}_DB_DDL_PASSWORD`]),
];
/** throwaway values for them (what an operator's .env holds) */
const passwords = Object.fromEntries(requiredPasswords.map((name, i) => [name, `test-password-${i}-${name.toLowerCase().replace(/_/g, "-")}`]));
const envFileText = (values: Record<string, string>) => Object.entries(values).map(([k, v]) => `${k}=${v}`).join("\n") + "\n";

function writeEnvFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "tpg-compose-")), name);
  writeFileSync(file, text);
  return file;
}

/** docker-compose can run here; when not, one line says the check did not run */
const composeAvailable = (() => {
  const probe = spawnSync("docker-compose", ["version"], { encoding: "utf8", timeout: 60_000 });
  return !(probe.error && (probe.error as NodeJS.ErrnoException).code === "ENOENT");
})();
if (!composeAvailable) {
  console.warn(
    "docker-compose.yml check NOT run: docker-compose is not installed here (CI's .ci/run installs Debian's docker-compose and runs it; locally: apt-get install docker-compose)",
  );
}

/** The environment without any variable the compose file interpolates, so a developer's shell cannot change the result. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const [, name] of readFileSync(composeFile, "utf8").matchAll(/\$\{([A-Z0-9_]+)/g)) delete env[name!];
  return env;
}

function runComposeConfig(envFile: string) {
  const result = spawnSync("docker-compose", ["--env-file", envFile, "-f", composeFile, "config"], {
    cwd: root,
    env: cleanEnv(),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return result;
}

function composeConfig(envFile: string): string {
  const result = runComposeConfig(envFile);
  expect(result.status, `docker-compose config failed:\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** the lines of one top-level service's block in the normalised output */
function serviceBlock(config: string, service: string): string {
  const match = new RegExp(`^  ${service.replace(/-/g, "\\-")}:\\n((?:    .*\\n|\\n)*)`, "m").exec(config);
  expect(match, `service ${service} is missing from the normalised config`).not.toBeNull();
  return match![1]!;
}

describe.skipIf(!composeAvailable)("docker-compose.yml", () => {
  let config = "";
  // only the required passwords: every other variable takes the compose file's own default
  beforeAll(() => {
    config = composeConfig(writeEnvFile("passwords.env", envFileText(passwords)));
  });

  it("refuses to render while a database password is missing or empty, naming it", () => {
    // every use of every password is required (`${NAME:?...}`), never defaulted ...
    const file = readFileSync(composeFile, "utf8");
    for (const name of requiredPasswords) {
      const uses = [...file.matchAll(new RegExp(`\\$\\{${name}(:.)`, "g"))].map((m) => m[1]);
      expect(uses.length, name).toBeGreaterThan(0);
      expect(uses.every((u) => u === ":?"), name).toBe(true);
    }
    // ... and docker-compose itself refuses (three cases; each run takes a second or two)
    const without = (name: string) => Object.fromEntries(Object.entries(passwords).filter(([k]) => k !== name));
    for (const [name, values] of [
      ["MYSQL_ROOT_PASSWORD", without("MYSQL_ROOT_PASSWORD")],
      ["EDUCATION_DB_DDL_PASSWORD", without("EDUCATION_DB_DDL_PASSWORD")],
      ["CARE_DB_PASSWORD", { ...passwords, CARE_DB_PASSWORD: "" }],
      ["NONCE_STORE_PASSWORD", without("NONCE_STORE_PASSWORD")],
    ] as const) {
      const result = runComposeConfig(writeEnvFile("missing.env", envFileText(values)));
      expect(result.status, name).not.toBe(0);
      expect(result.stderr, name).toContain(`set ${name} in .env`);
    }
  });

  it("has no development password left for a database, keeps root inside the mysql container, and migrates as a separate schema user", () => {
    expect(readFileSync(composeFile, "utf8")).not.toMatch(/_DB(?:_DDL)?_PASSWORD:-|ROOT_PASSWORD:-|NONCE_STORE_PASSWORD:-/);
    expect(config).not.toContain("dev-only-change-me@");
    const mysql = serviceBlock(config, "mysql");
    expect(mysql).toContain("MYSQL_ROOT_HOST: localhost");
    expect(mysql).toContain(`MYSQL_ROOT_PASSWORD: ${passwords.MYSQL_ROOT_PASSWORD}`);
    const migrate = serviceBlock(config, "migrate");
    expect(migrate).toMatch(/- scripts\/db\.ts\n +- migrate\n/);
    expect(migrate).toMatch(/restart: ['"]?no['"]?\n/);
    for (const { service, database } of subgraphs) {
      const password = passwords[`${database.toUpperCase()}_DB_DDL_PASSWORD`];
      expect(migrate, service).toContain(`DATABASE_URL_${graphName(service)}: mysql://${database}_ddl:${password}@mysql:3306/${database}\n`);
      const block = serviceBlock(config, service);
      expect(block, service).toContain(`DATABASE_URL: mysql://${database}:${passwords[`${database.toUpperCase()}_DB_PASSWORD`]}@mysql:3306/${database}\n`);
      expect(block, service).toMatch(/MIGRATE_ON_START: ['"]?false['"]?\n/);
      expect(block, service).toMatch(/depends_on:\n(?: {6}.*\n)*? {6}migrate:\n {8}condition: service_completed_successfully\n/);
    }
  });

  it("is accepted by docker-compose config and defines every service", () => {
    for (const service of ["mysql", ...subgraphs.map((s) => s.service), "gateway", "prometheus", "jaeger"]) serviceBlock(config, service);
  });

  it("runs MySQL 8.4 with an explicit max_connections, a ping health check and the init scripts", () => {
    const mysql = serviceBlock(config, "mysql");
    expect(mysql).toContain("image: mysql:8.4");
    expect(mysql).toMatch(/--max-connections=\d+/);
    expect(mysql).toMatch(/healthcheck:\n(?: +\S.*\n)*? +- mysqladmin\n +- ping/);
    // short volume syntax (docker-compose 1.x) or long syntax (Compose v2)
    expect(mysql).toMatch(/\/docker-entrypoint-initdb\.d(?::ro\n| *\n +read_only: true\n)/);
  });

  it("gives each subgraph its own database and user, a /ready health check, and waits for MySQL", () => {
    for (const { service, database, port, entry } of subgraphs) {
      const block = serviceBlock(config, service);
      expect(block, service).toMatch(new RegExp(`DATABASE_URL: mysql://${database}:[^@\\s]+@mysql:3306/${database}\\n`));
      expect(block, service).toMatch(new RegExp(`PORT: ['"]?${port}['"]?\\n`));
      expect(block, service).toContain(`- ${entry}`);
      expect(block, service).toContain("HOST: 0.0.0.0");
      expect(block, service).toMatch(/healthcheck:\n(?: +\S.*\n)*? +- fetch\(.*\/ready'/);
      expect(block, service).toMatch(/depends_on:\n(?: {6}.*\n)*? {6}mysql:\n {8}condition: service_healthy\n/);
      expect(block, service).toContain("dockerfile: deploy/Dockerfile");
    }
  });

  it("keeps the sum of the connection pools well under max_connections", () => {
    const maxConnections = Number(/--max-connections=(\d+)/.exec(serviceBlock(config, "mysql"))![1]);
    const pools = subgraphs.map(({ service }) => Number(/DB_POOL_SIZE: ['"]?(\d+)['"]?\n/.exec(serviceBlock(config, service))?.[1]));
    for (const pool of pools) expect(pool).toBeGreaterThan(0);
    expect(pools.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(maxConnections / 2);
  });

  it("runs Redis for the nonces of signed requests (password, no eviction, nothing saved), and every subgraph uses it", () => {
    const redis = serviceBlock(config, "redis");
    expect(redis).toMatch(/--requirepass/);
    expect(redis).toMatch(/--maxmemory-policy noeviction/);
    expect(redis).toMatch(/healthcheck:\n(?: +\S.*\n)*? +- .*redis-cli ping/);
    for (const { service } of subgraphs) {
      const block = serviceBlock(config, service);
      expect(block, service).toMatch(/NONCE_STORE_URL: redis:\/\/:[^@\s]+@redis:6379\n/);
      expect(block, service).toMatch(/depends_on:\n(?: +\S.*\n)*? +redis:\n +condition: service_healthy\n/);
    }
  });

  it("starts the gateway after every subgraph is healthy and points it at each one", () => {
    const gateway = serviceBlock(config, "gateway");
    expect(gateway).toMatch(/healthcheck:\n(?: +\S.*\n)*? +- fetch\(.*\/readiness'/);
    for (const { service, port } of subgraphs) {
      expect(gateway).toMatch(new RegExp(`depends_on:\\n(?: {6}.*\\n)*? {6}${service}:\\n {8}condition: service_healthy\\n`));
      const name = graphName(service);
      expect(gateway).toContain(`SUBGRAPH_URL_${name}: http://${service}:${port}/graphql`);
    }
  });

  it("runs Prometheus scraping every service's metrics listener, and Jaeger receiving every service's traces; neither listener is published", () => {
    const prometheus = serviceBlock(config, "prometheus");
    expect(prometheus).toMatch(/image: prom\/prometheus:v\d/);
    expect(prometheus).toMatch(/deploy\/prometheus\/prometheus\.yml/);
    const jaeger = serviceBlock(config, "jaeger");
    expect(jaeger).toMatch(/image: jaegertracing\/jaeger:2\./);
    expect(jaeger).toContain("receivers.otlp.protocols.http.endpoint=0.0.0.0:4318");
    // the targets Prometheus scrapes (deploy/prometheus/prometheus.yml), as host:port
    const targets = new Set([...readFileSync(join(root, "deploy/prometheus/prometheus.yml"), "utf8").matchAll(/^\s*(?:- targets: \[|-\s)"?([a-z0-9-]+:\d+)"?/gm)].map((m) => m[1]!));
    for (const service of [...subgraphs.map((s) => s.service), "gateway"]) {
      const block = serviceBlock(config, service);
      expect(block, service).toMatch(/METRICS_PORT: ['"]?9464['"]?\n/);
      expect(block, service).toContain("METRICS_HOST: 0.0.0.0");
      expect(block, service).toContain("OTEL_EXPORTER_OTLP_ENDPOINT: http://jaeger:4318\n");
      expect(block, service).toMatch(/OTEL_TRACES_SAMPLER: parentbased_traceidratio\n/);
      expect(block, service).toMatch(/LOG_LEVEL: info\n/);
      expect(block, service).not.toMatch(/9464:9464|:9464['"]?\n.*published/);
      expect(targets, service).toContain(`${service}:9464`);
    }
    expect(targets.size).toBe(subgraphs.length + 1);
  });

  it(".env.example matches the compose defaults once its passwords are set, and an unedited copy is refused", () => {
    const example = readFileSync(join(root, ".env.example"), "utf8");
    for (const name of requiredPasswords) expect(example, name).toMatch(new RegExp(`^${name}=$`, "m"));
    expect(runComposeConfig(join(root, ".env.example")).status).not.toBe(0);
    const filled = example.replace(/^([A-Z0-9_]+)=$/gm, (line, name: string) => (name in passwords ? `${name}=${passwords[name]}` : line));
    expect(composeConfig(writeEnvFile("filled.env", filled))).toBe(config);
  });
});
