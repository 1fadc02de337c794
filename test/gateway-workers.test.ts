import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphName, subgraphCatalog } from "../scripts/catalog";
import { composeGuild } from "../scripts/composition";
import { sharedSystem, type SharedSystem } from "./support/system";
import { testSecret } from "./support/signed";

/**
 * GATEWAY_WORKERS=2: the gateway process (gateway/src/index.ts, as `npm start` and the image run it)
 * forks two workers serving one port, sums their metrics on METRICS_PORT, replaces a worker that dies,
 * and stops them all on SIGTERM. The subgraphs are a seeded system started by the test.
 */
const root = join(import.meta.dirname, "..");
const QUERY = '{ authorities(codes: ["E06000003", "E06000004"]) { name priorities(theme: "early-years") { title } } }';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** the gateway's worker processes: children of `pid` running the gateway (tsx's esbuild service is a child too) */
const childrenOf = (pid: number) =>
  readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).filter((entry) => {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      return parent === pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("gateway/src/index.ts");
    } catch {
      return false;
    }
  }).map(Number);

const until = async (what: string, check: () => boolean | Promise<boolean>, ms = 60_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe("the gateway on several workers (GATEWAY_WORKERS)", () => {
  let system: SharedSystem;
  let gateway: ChildProcess;
  let output = "";
  let url: string;
  let metricsUrl: string;
  const dir = mkdtempSync(join(tmpdir(), "tpg-workers-"));

  beforeAll(async () => {
    system = await sharedSystem(); // only reads: the run's shared system
    const composed = composeGuild(subgraphCatalog().map((s) => ({ name: s.name, url: system.services.get(s.name)!.url, typeDefs: s.typeDefs() })));
    if ("errors" in composed) throw new Error(composed.errors.join("\n"));
    const supergraphFile = join(dir, "supergraph.graphql");
    writeFileSync(supergraphFile, composed.supergraphSdl);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, HOME: process.env.HOME, HOST: "127.0.0.1", PORT: String(port), SUPERGRAPH_FILE: supergraphFile,
      JWT_SECRETS: testSecret(), GATEWAY_ANONYMOUS_READ: "true", GATEWAY_RATE_LIMIT: "0", GATEWAY_WORKERS: "2", METRICS_PORT: "0", LOG_LEVEL: "warn",
    };
    for (const [name, secret] of system.secrets) env[`SUBGRAPH_SECRET_${graphName(name)}`] = secret;
    gateway = spawn(process.execPath, ["--import", "tsx", "gateway/src/index.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    gateway.stdout!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    gateway.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    url = `http://127.0.0.1:${port}`;
    await until("the metrics listener", () => /metrics at (\S+)/.test(output));
    metricsUrl = /metrics at (\S+)/.exec(output)![1]!;
    await until("two workers listening", () => (output.match(/GraphiQL at/g) ?? []).length === 2);
  }, 240_000);

  afterAll(async () => {
    if (gateway && gateway.exitCode === null) {
      gateway.kill("SIGKILL");
      for (const pid of childrenOf(gateway.pid!)) process.kill(pid, "SIGKILL");
    }
    await system?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ask = async () => {
    // a new connection each time, so the workers take turns
    const response = await fetch(`${url}/graphql`, {
      method: "POST", headers: { "content-type": "application/json", connection: "close" }, body: JSON.stringify({ query: QUERY }),
    });
    return { status: response.status, body: (await response.json()) as { data?: { authorities: Array<{ name: string }> }; errors?: unknown } };
  };
  const requestsCounted = async () => {
    const text = await (await fetch(metricsUrl)).text();
    return text.split("\n").filter((l) => l.startsWith("gateway_requests_total{")).reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(" ") + 1)), 0);
  };

  it("runs two workers on one port, answering, and sums their metrics", async () => {
    expect(childrenOf(gateway.pid!)).toHaveLength(2);
    const before = await requestsCounted();
    for (let i = 0; i < 20; i += 1) {
      const { status, body } = await ask();
      expect(status).toBe(200);
      expect(body.data?.authorities.map((a) => a.name)).toEqual(["Redcar and Cleveland", "Stockton-on-Tees"]);
    }
    // every request counted once, whichever worker answered it
    expect((await requestsCounted()) - before).toBe(20);
  });

  it("replaces a worker that dies, and keeps answering", async () => {
    const [first] = childrenOf(gateway.pid!);
    process.kill(first!, "SIGKILL");
    await until("a replacement worker", () => {
      const now = childrenOf(gateway.pid!);
      return now.length === 2 && !now.includes(first!);
    });
    await until("the replacement listening", () => (output.match(/GraphiQL at/g) ?? []).length === 3);
    for (let i = 0; i < 6; i += 1) expect((await ask()).status).toBe(200);
    expect(output).toMatch(/worker \d+ exited \(SIGKILL\): starting another/);
  });

  it("stops every worker on SIGTERM", async () => {
    const workers = childrenOf(gateway.pid!);
    const exited = new Promise<number | null>((resolve) => gateway.once("exit", resolve));
    gateway.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});
