/** Section "identity": what identity costs: the HMAC per subgraph request, and de-duplication keyed by identity. */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { RedisNonceStore } from "@tees/subgraph-common/nonce-store";
import { NonceMemory, signRequest, verifyRequest, type Identity, type NonceStore } from "@tees/subgraph-common/signed-identity";
import { FIRST_QUERY } from "../../gateway/src/server";
import type { RunningSystem } from "../../test/support/system";
import { machineLine, SectionReport } from "./report";

const secret = "x".repeat(43);
const key = { secret, audience: "education" };
const identity: Identity = { subject: "editor@E06000003", role: "editor", authority: "E06000003" };
const body = JSON.stringify({ query: FIRST_QUERY, variables: { representations: Array.from({ length: 20 }, (_, i) => ({ __typename: "Authority", code: `E0600000${i}` })) } });
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** mean µs of the gateway's signRequest plus the subgraph's verifyRequest of one request, nonces in `nonces` */
async function signingCost(nonces: NonceStore, rounds: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    const headers = signRequest(key, identity, "POST", body);
    const verified = await verifyRequest((name) => headers[name], "POST", body, { secrets: [secret], maxSkewMs: 30_000, audience: "education" }, nonces);
    if (!verified.ok) throw new Error(verified.reason);
  }
  return ((performance.now() - started) * 1000) / rounds;
}

/** runs `measure` against a Redis nonce store under a throwaway prefix (removed after), if a Redis answers */
async function withRedisStore(measure: (store: NonceStore) => Promise<number>): Promise<number | { notMeasured: string }> {
  const prefix = `tees-bench-${randomBytes(4).toString("hex")}:`;
  let store: RedisNonceStore;
  try {
    store = await RedisNonceStore.connect({ kind: "redis", url: redisUrl, prefix, timeoutMs: 1_000 }, "education", 30_000);
  } catch (error) {
    return { notMeasured: (error as Error).message };
  }
  try {
    return await measure(store);
  } finally {
    await store.close();
    const admin = new Redis(redisUrl);
    const keys = await admin.keys(`${prefix}*`);
    for (let i = 0; i < keys.length; i += 500) await admin.del(...keys.slice(i, i + 500));
    admin.disconnect();
  }
}

export async function identitySection(system: RunningSystem): Promise<string[]> {
  const report = new SectionReport();
  const memoryMicroseconds = await signingCost(new NonceMemory(30_000), 20_000);
  const redisMicroseconds = await withRedisStore((store) => signingCost(store, 2_000));

  // the first query of GraphiQL (the five Tees Valley authorities' priorities and outcomes), 8 clients for 5 s
  const clients = 8;
  const run = async (tokenFor: (client: number) => string | undefined) => {
    let done = 0;
    const until = performance.now() + 5_000;
    await Promise.all(Array.from({ length: clients }, async (_, client) => {
      const token = tokenFor(client);
      while (performance.now() < until) {
        const answer = await system.query(FIRST_QUERY, undefined, { token });
        if (answer.errors) throw new Error(JSON.stringify(answer.errors));
        done += 1;
      }
    }));
    return done / 5;
  };
  const shared = await system.token({ role: "analyst", authority: null });
  const own = await Promise.all(Array.from({ length: clients }, (_, i) => system.token({ role: "analyst", authority: null, subject: `analyst-${i}` })));
  await run(() => undefined); // warm
  const anonymous = await run(() => undefined);
  const oneToken = await run(() => shared);
  const ownTokens = await run((client) => own[client]);

  report.line("## Identity: signing and de-duplication");
  report.line();
  report.line(machineLine());
  report.line();
  report.line(`Every subgraph request carries the verified identity, signed with that subgraph's secret (HMAC-SHA256, protocol v2, over the target subgraph's name, the identity, the body, a timestamp and a nonce), and the subgraph checks it before parsing. Sign + verify of one ${(body.length / 1024).toFixed(1)} KB request: **${memoryMicroseconds.toFixed(1)} µs** with nonces in the process (mean of 20,000); ${typeof redisMicroseconds === "number" ? `**${redisMicroseconds.toFixed(1)} µs** with nonces in Redis at ${redisUrl} (one SET NX PX round trip each, sequential; mean of 2,000)` : `with nonces in Redis: not measured (${redisMicroseconds.notMeasured})`}.`);
  report.line();
  report.line(`The gateway shares one in-flight subgraph answer between identical queries only of the same identity (otherwise an audit log could reach the wrong caller). GraphiQL's first query (five authorities' priorities, lead groups and two outcome measures) on the national data, ${clients} concurrent clients for 5 s each:`);
  report.line();
  report.table(["callers", "queries/s"], ["l", "r"], [
    ["anonymous (one identity)", anonymous.toFixed(1)],
    ["one analyst token shared by every client", oneToken.toFixed(1)],
    [`each client its own analyst (${clients} identities: no sharing between them)`, ownTokens.toFixed(1)],
  ]);
  report.line();
  report.line("The difference between the last two rows is what de-duplication saves when callers share an identity; the token check (jose, HS256) is in all but the first.");
  return report.lines;
}
