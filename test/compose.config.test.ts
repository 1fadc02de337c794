import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, it, expect } from "vitest";
import { graphName } from "../scripts/catalog";

/**
 * docker-compose.yml is valid and complete: `docker-compose config` (which needs no Docker
 * engine) must accept it, and its normalised output must hold every service, the health
 * checks and one database per subgraph. Needs the docker-compose binary (Debian:
 * `apt-get install docker-compose`); without it the test fails rather than skips.
 * The assertions read the normalised YAML of docker-compose 1.29 (Debian 12) and allow
 * for Compose v2's quoting and long volume syntax.
 */

const root = join(import.meta.dirname, "..");
const composeFile = join(root, "docker-compose.yml");

const subgraphs = [
  { service: "region", database: "region", port: 4001, entry: "subgraphs/region/src/index.ts" },
  { service: "redcar-and-cleveland", database: "plan_redcar_and_cleveland", port: 4101, entry: "subgraphs/authority-plan/src/index.ts" },
  { service: "stockton-on-tees", database: "plan_stockton_on_tees", port: 4102, entry: "subgraphs/authority-plan/src/index.ts" },
  { service: "education", database: "education", port: 4002, entry: "subgraphs/education/src/index.ts" },
  { service: "care", database: "care", port: 4003, entry: "subgraphs/care/src/index.ts" },
] as const;

/** The environment without any variable the compose file interpolates, so a developer's shell cannot change the result. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const [, name] of readFileSync(composeFile, "utf8").matchAll(/\$\{([A-Z0-9_]+)/g)) delete env[name!];
  return env;
}

function composeConfig(envFile: string): string {
  const result = spawnSync("docker-compose", ["--env-file", envFile, "-f", composeFile, "config"], {
    cwd: root,
    env: cleanEnv(),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      "docker-compose is not installed, so docker-compose.yml cannot be checked. " +
        "Install it (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y docker-compose`) and run the test again.",
    );
  }
  if (result.error) throw result.error;
  expect(result.status, `docker-compose config failed:\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** the lines of one top-level service's block in the normalised output */
function serviceBlock(config: string, service: string): string {
  const match = new RegExp(`^  ${service.replace(/-/g, "\\-")}:\\n((?:    .*\\n|\\n)*)`, "m").exec(config);
  expect(match, `service ${service} is missing from the normalised config`).not.toBeNull();
  return match![1]!;
}

describe("docker-compose.yml", () => {
  let config = "";
  // an empty env file: every variable takes the compose file's own default
  beforeAll(() => {
    const emptyEnvFile = join(mkdtempSync(join(tmpdir(), "tpg-compose-")), "empty.env");
    writeFileSync(emptyEnvFile, "");
    config = composeConfig(emptyEnvFile);
  });

  it("is accepted by docker-compose config and defines every service", () => {
    for (const service of ["mysql", ...subgraphs.map((s) => s.service), "gateway"]) serviceBlock(config, service);
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
      expect(block, service).toMatch(/depends_on:\n +mysql:\n +condition: service_healthy\n/);
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

  it("creates one database and one user per subgraph, each granted only its own database", () => {
    const init = readFileSync(join(root, "deploy/mysql-init/01-databases.sh"), "utf8");
    for (const { database } of subgraphs) {
      expect(init).toMatch(new RegExp(`"${database}\\|\\$\\{[A-Z_]+_DB_PASSWORD:-`));
    }
    expect(init).toContain("CREATE DATABASE IF NOT EXISTS \\`${name}\\`");
    expect(init).toContain("CREATE USER IF NOT EXISTS '${name}'@'%'");
    expect(init).toMatch(/GRANT [^;]+\n +ON \\`\$\{name\}\\`\.\* TO '\$\{name\}'@'%';/);
    expect(init).not.toMatch(/ON \*\.\*/);
  });

  it(".env.example matches the compose defaults (an unedited copy changes nothing)", () => {
    expect(composeConfig(join(root, ".env.example"))).toBe(config);
  });
});
