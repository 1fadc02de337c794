import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/catalog";
import { loadConfig as planConfig } from "../subgraphs/authority-plan/src/config";
import { planService } from "../subgraphs/authority-plan/src/service-definition";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { loadConfig as gatewayConfig } from "../gateway/src/config";
import { loadConfig as outcomesConfig } from "../subgraphs/outcomes/src/config";
import { ConfigError, readLifecycle } from "@tees/subgraph-common/config";
import { secretsEnv } from "./support/signed";
import { dataSourceOptions } from "@tees/subgraph-common/database";

describe("configuration fails fast, naming the setting", () => {
  it.each([
    ["a plan subgraph without its deployment", () => planConfig({}), /AUTHORITY_DEPLOYMENT is required/],
    ["an unknown deployment", () => planConfig({ AUTHORITY_DEPLOYMENT: "nowhere" }), /deployment file .*nowhere\.json/],
    ["a port that is not a number", () => regionConfig({ PORT: "forty" }), /PORT must be a whole number from 0 to 65535, got "forty"/],
    ["a pool size out of range", () => regionConfig({ DB_POOL_SIZE: "0" }), /DB_POOL_SIZE must be a whole number from 1 to 100, got "0"/],
    ["a queue limit of 0 (mysql2 would queue without limit)", () => regionConfig({ DB_QUEUE_LIMIT: "0" }), /DB_QUEUE_LIMIT must be a whole number from 1 to 10000, got "0"/],
    ["a query timeout too short to run anything", () => regionConfig({ DB_QUERY_TIMEOUT_MS: "50" }), /DB_QUERY_TIMEOUT_MS must be a whole number from 100 to 600000, got "50"/],
    ["a bad seed policy", () => readLifecycle({ SEED_ON_START: "sometimes" }), /SEED_ON_START must be never, if-empty or always/],
    ["a bad gateway subgraph URL", () => gatewayConfig({ SUBGRAPH_URL_REGION: "not a url", ...secretsEnv() }), /SUBGRAPH_URL_REGION is not a URL/],
    ["a subgraph without its signing secret", () => readLifecycle({}), /GATEWAY_SIGNING_SECRETS is required/],
    ["a signing secret too short to resist guessing", () => readLifecycle({ GATEWAY_SIGNING_SECRETS: `${"x".repeat(40)},short` }), /secret 2 is shorter than 32/],
    ["a development signing secret in production", () => readLifecycle({ NODE_ENV: "production", GATEWAY_SIGNING_SECRETS: "region-signing-secret-dev-only-change-me" }), /still the development default/],
    ["a gateway without a token key", () => gatewayConfig({ ...secretsEnv(), JWT_SECRETS: "" }), /JWT_SECRETS or JWT_JWKS_FILE is required/],
    ["a gateway missing one subgraph's secret", () => gatewayConfig({ ...secretsEnv(), SUBGRAPH_SECRET_CARE: "" }), /SUBGRAPH_SECRET_CARE is required/],
    ["a development token key in production", () => gatewayConfig({ ...secretsEnv(), NODE_ENV: "production", JWT_SECRETS: "jwt-signing-key-dev-only-change-me" }), /JWT_SECRETS \(secret 1\) is still the development default/],
    ["a token age cap that is not a number", () => gatewayConfig({ ...secretsEnv(), JWT_MAX_TOKEN_AGE_SECONDS: "1d" }), /JWT_MAX_TOKEN_AGE_SECONDS must be a whole number from 60 to 2592000, got "1d"/],
    ["a token age cap over 30 days", () => gatewayConfig({ ...secretsEnv(), JWT_MAX_TOKEN_AGE_SECONDS: "99999999" }), /JWT_MAX_TOKEN_AGE_SECONDS must be a whole number from 60 to 2592000/],
    ["a clock tolerance over 5 minutes", () => gatewayConfig({ ...secretsEnv(), JWT_CLOCK_TOLERANCE_SECONDS: "3600" }), /JWT_CLOCK_TOLERANCE_SECONDS must be a whole number from 0 to 300/],
    ["a rate limit that is not a number", () => gatewayConfig({ ...secretsEnv(), GATEWAY_RATE_LIMIT: "lots" }), /GATEWAY_RATE_LIMIT must be a whole number from 0 to 1000000, got "lots"/],
    ["a rate-limit window of 0", () => gatewayConfig({ ...secretsEnv(), GATEWAY_RATE_LIMIT_WINDOW_SECONDS: "0" }), /GATEWAY_RATE_LIMIT_WINDOW_SECONDS must be a whole number from 1 to 86400/],
    ["no room for any caller", () => gatewayConfig({ ...secretsEnv(), GATEWAY_RATE_LIMIT_MAX_CALLERS: "0" }), /GATEWAY_RATE_LIMIT_MAX_CALLERS must be a whole number from 1 to 1000000/],
    ["a proxy count that is not a number", () => gatewayConfig({ ...secretsEnv(), GATEWAY_TRUSTED_PROXIES: "yes" }), /GATEWAY_TRUSTED_PROXIES must be a whole number from 0 to 10/],
  ])("%s", (_label, load, message) => {
    expect(load).toThrow(message);
  });

  it("the gateway and every subgraph read settings with the same readers: one ConfigError, one message for the same mistake", () => {
    const thrown = (load: () => unknown): unknown => {
      try {
        load();
      } catch (error) {
        return error;
      }
      return null;
    };
    const fromGateway = thrown(() => gatewayConfig({ ...secretsEnv(), PORT: "forty" }));
    const fromRegion = thrown(() => regionConfig({ PORT: "forty" }));
    const fromPlan = thrown(() => planConfig({ AUTHORITY_DEPLOYMENT: "stockton-on-tees", PORT: "forty" }));
    for (const error of [fromGateway, fromRegion, fromPlan]) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe('PORT must be a whole number from 0 to 65535, got "forty"');
    }
    // true/false settings: the same message on both sides
    expect(() => readLifecycle({ GATEWAY_SIGNING_SECRETS: "x".repeat(40), MIGRATE_ON_START: "yes" })).toThrow(new ConfigError('MIGRATE_ON_START must be true or false, got "yes"'));
    expect(() => gatewayConfig({ ...secretsEnv(), GATEWAY_ANONYMOUS_READ: "yes" })).toThrow(new ConfigError('GATEWAY_ANONYMOUS_READ must be true or false, got "yes"'));
    // a number too long to be exact is refused, not rounded
    expect(() => regionConfig({ DB_POOL_SIZE: "9".repeat(40) })).toThrow(/DB_POOL_SIZE must be a whole number from 1 to 100/);
  });

  it("one auth settings type: the gateway's part signs with exactly the secrets each subgraph's part verifies", () => {
    const env = secretsEnv();
    const gateway = gatewayConfig(env).auth;
    for (const [graph, secret] of Object.entries(gateway.subgraphSecrets)) {
      const subgraph = readLifecycle({ GATEWAY_SIGNING_SECRETS: env[`SUBGRAPH_SECRET_${graph}`] }).signing;
      expect(subgraph.secrets, graph).toEqual([secret]);
      expect(subgraph.maxSkewMs, graph).toBe(30_000);
    }
    expect(Object.keys(gateway.subgraphSecrets).length).toBeGreaterThanOrEqual(4);
  });

  it("a plan deployment's name is its file's name; seedFolder only says where its seeds are", () => {
    const dir = mkdtempSync(join(tmpdir(), "tpg-deployment-"));
    const file = join(dir, "redcar-trial.json");
    writeFileSync(file, JSON.stringify({ code: "E06000003", name: "Redcar and Cleveland", typeName: "RedcarAndCleveland", seedFolder: "redcar-and-cleveland", port: 4101 }));
    // the SDL it serves, beside it (npm run compose writes it for the committed deployments)
    copyFileSync(join(repoRoot, "subgraphs/authority-plan/deployments/redcar-and-cleveland.graphql"), join(dir, "redcar-trial.graphql"));
    const config = planConfig({ DEPLOYMENT_FILE: file });
    expect(config.name).toBe("redcar-trial");
    expect(planService(config).name).toBe("redcar-trial");
    expect(config.seedFolder).toBe(join(repoRoot, "seeds", "redcar-and-cleveland"));
    expect(config.database.url).toBe(`sqlite:${join(repoRoot, ".data", "plan-redcar-trial.sqlite")}`);
    // the committed deployments keep their meaning: each one's name is the folder of its seeds
    for (const deployment of ["redcar-and-cleveland", "stockton-on-tees"]) {
      const committed = planConfig({ AUTHORITY_DEPLOYMENT: deployment });
      expect(committed.name).toBe(deployment);
      expect(committed.deployment.seedFolder).toBe(deployment);
    }
    // the name is the subgraph's name (the audience of its signed requests): a file name that cannot be one is refused
    const odd = join(dir, "redcar trial.json");
    writeFileSync(odd, readFileSync(file));
    expect(() => planConfig({ DEPLOYMENT_FILE: odd })).toThrow(/deployment file .*redcar trial\.json: its name "redcar trial" names the subgraph/);
  });

  it("the gateway's rate limit is on by default, and GATEWAY_RATE_LIMIT=0 turns it off", () => {
    expect(gatewayConfig({ ...secretsEnv() }).rateLimit).toEqual({ requests: 600, windowSeconds: 60, maxNewCallers: 20_000, trustedProxies: 0 });
    expect(gatewayConfig({ ...secretsEnv(), GATEWAY_RATE_LIMIT: "0" }).rateLimit).toBeNull();
  });

  it("a database URL of an unknown kind is refused, without printing its password", () => {
    const settings = { url: "postgres://app:secret@db/x", poolSize: 1, queueLimit: 1, queryTimeoutMs: 1000 };
    expect(() => dataSourceOptions(settings, [], [])).toThrow(/must start with sqlite: or mysql:\/\//);
    expect(() => dataSourceOptions(settings, [], [])).not.toThrow(/secret/);
  });

  it("a development database password (docker-compose.yml's defaults) is refused in production by every subgraph, naming DATABASE_URL, never the password", () => {
    const production = { NODE_ENV: "production" };
    const cases: Array<[string, (env: NodeJS.ProcessEnv) => unknown, string]> = [
      ["region", regionConfig, "mysql://region:region-dev-only-change-me@mysql:3306/region"],
      ["a plan subgraph", (env) => planConfig({ AUTHORITY_DEPLOYMENT: "stockton-on-tees", ...env }), "mysql://plan_stockton_on_tees:stockton-dev-only-change-me@mysql:3306/plan_stockton_on_tees"],
      ["education", (env: NodeJS.ProcessEnv) => outcomesConfig({ ...env, OUTCOMES_DEPLOYMENT: "education" }), "mariadb://education:education-dev-only-change-me@db.internal:3306/education"],
      ["care", (env: NodeJS.ProcessEnv) => outcomesConfig({ ...env, OUTCOMES_DEPLOYMENT: "care" }), "mysql://care:care%2Ddev%2Donly%2Dchange%2Dme@mysql:3306/care"], // percent-encoded is still the default
    ];
    for (const [label, load, url] of cases) {
      const error = (() => {
        try {
          load({ ...production, DATABASE_URL: url });
        } catch (e) {
          return e as Error;
        }
        return null;
      })();
      expect(error?.message, label).toMatch(/^DATABASE_URL: the database password is still a development default/);
      expect(error!.message, label).not.toContain(new URL(url).password);
      // the same URL outside production (a local trial), and a real password in production, are accepted
      expect(() => load({ DATABASE_URL: url }), label).not.toThrow();
      expect(() => load({ ...production, DATABASE_URL: url.replace(/:[^:@/]+@/, ":Xq3vR8tLw2ZpN6yB@") }), label).not.toThrow();
    }
    // the embedded default has no password at all
    expect(() => regionConfig(production)).not.toThrow();
  });

  it("a service started with a malformed setting exits at once with the message, not a stack trace", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "subgraphs/region/src/main.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DB_QUERY_TIMEOUT_MS: "soon" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DB_QUERY_TIMEOUT_MS must be a whole number");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
