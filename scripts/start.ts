/**
 * `npm start`: the whole system on one machine with the embedded database.
 * Each subgraph runs as its own process (as it would be deployed), migrates and
 * seeds its own database file under .data/ on first run (the national LAIT data in
 * seeds/lait unless LAIT_FOLDER says otherwise), and the gateway starts
 * once every subgraph is ready, then the dashboard. Ctrl-C stops everything cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { GATEWAY_PORT, graphName, repoRoot, subgraphCatalog } from "./catalog";
import { jwtSecrets, newSecret } from "./dev-secrets";

const DASHBOARD_PORT = 4100;

const children = new Map<string, ChildProcess>();
let stopping = false;

function launch(name: string, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).map((line) => `${name.padEnd(22)}| ${line}`).join("\n");
  child.stdout!.on("data", (chunk: Buffer) => console.log(prefix(chunk)));
  child.stderr!.on("data", (chunk: Buffer) => console.error(prefix(chunk)));
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`${name} exited (${signal ?? `code ${code}`}); stopping everything`);
      void stop(1);
    }
  });
  children.set(name, child);
  return child;
}

async function waitUntilReady(name: string, url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready at ${url} within ${timeoutMs / 1000}s`);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log("\nstopping…");
  const exits = [...children.values()].map((child) => new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => { child.kill("SIGKILL"); resolve(); }, 10_000).unref();
  }));
  await Promise.all(exits);
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  const subgraphs = subgraphCatalog();
  // a fresh secret per subgraph on every run: only this run's gateway can call this run's subgraphs
  const gatewayEnv: Record<string, string> = { PORT: String(GATEWAY_PORT), JWT_SECRETS: jwtSecrets() };
  for (const s of subgraphs) {
    const secret = newSecret();
    gatewayEnv[`SUBGRAPH_SECRET_${graphName(s.name)}`] = secret;
    // DATABASE_URL_<NAME> (e.g. DATABASE_URL_EDUCATION) points one subgraph elsewhere; unset: its embedded file under .data/
    const databaseUrl = process.env[`DATABASE_URL_${graphName(s.name)}`];
    launch(s.name, s.entry, {
      ...s.env, PORT: String(s.port), MIGRATE_ON_START: "true", SEED_ON_START: "if-empty", GATEWAY_SIGNING_SECRETS: secret,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
  }
  // the first start seeds empty databases: education and care each import the national LAIT file (seeds/lait), which takes a while
  await Promise.all(subgraphs.map((s) => waitUntilReady(s.name, `http://127.0.0.1:${s.port}/ready`, 600_000)));
  launch("gateway", "gateway/src/index.ts", gatewayEnv);
  await waitUntilReady("gateway", `http://127.0.0.1:${GATEWAY_PORT}/healthcheck`);
  // the dashboard signs its own read-only (analyst) token with the gateway's key, as the gateway is given it
  launch("dashboard", "dashboard/src/index.ts", {
    DASHBOARD_HOST: "127.0.0.1", DASHBOARD_PORT: String(DASHBOARD_PORT), DASHBOARD_GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
    DASHBOARD_JWT_SECRET: gatewayEnv.JWT_SECRETS!.split(",")[0]!.trim(),
  });
  await waitUntilReady("dashboard", `http://127.0.0.1:${DASHBOARD_PORT}/health`);
  console.log(
    `\n  Tees Partnership Graph is running.\n  GraphiQL: http://localhost:${GATEWAY_PORT}/graphql (anonymous reads allowed)` +
      `\n  Dashboard: http://localhost:${DASHBOARD_PORT}/` +
      `\n  To write as an editor: npm run -s token -- --role editor --authority E06000003, then send Authorization: Bearer <token>` +
      `\n  Ctrl-C to stop.\n`,
  );
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}
