/**
 * What signing costs per subgraph request: the gateway's signRequest plus the subgraph's verifyRequest
 * of one 1.6 KB request (the same body as `npm run bench`'s identity section), with nonces in process
 * and, when a Redis answers at REDIS_URL (default redis://127.0.0.1:6379), in Redis (one SET NX PX round trip).
 *   npx tsx scripts/bench-signing.ts
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { NonceMemory, signRequest, verifyRequest, type Identity, type NonceStore } from "@tees/subgraph-common/signed-identity";
import { RedisNonceStore } from "@tees/subgraph-common/nonce-store";
import { FIRST_QUERY } from "../gateway/src/server";

const secret = "x".repeat(43);
const key = { secret, audience: "education" };
const identity: Identity = { subject: "editor@E06000003", role: "editor", authority: "E06000003" };
const body = JSON.stringify({ query: FIRST_QUERY, variables: { representations: Array.from({ length: 20 }, (_, i) => ({ __typename: "Authority", code: `E0600000${i}` })) } });
const options = { secrets: [secret], maxSkewMs: 30_000, audience: "education" };

/** mean µs of sign + verify over `rounds`, the median of `runs` runs (the machine is shared: single runs wander) */
async function measure(nonces: NonceStore, rounds: number, runs = 5): Promise<number> {
  const results: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    for (let i = 0; i < rounds; i += 1) {
      const headers = signRequest(key, identity, "POST", body);
      const verified = await verifyRequest((name) => headers[name], "POST", body, options, nonces);
      if (!verified.ok) throw new Error(verified.reason);
    }
    results.push(((performance.now() - started) * 1000) / rounds);
  }
  return results.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

console.log(`sign + verify of one ${(body.length / 1024).toFixed(1)} KB request, nonces in process: ${(await measure(new NonceMemory(30_000), 20_000)).toFixed(1)} µs (median of 5 runs of 20,000)`);

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `tees-bench-${randomBytes(4).toString("hex")}:`;
let store: RedisNonceStore | undefined;
try {
  store = await RedisNonceStore.connect({ kind: "redis", url: redisUrl, prefix, timeoutMs: 1_000 }, "education", 30_000);
} catch (error) {
  console.log(`nonces in Redis: not measured (${(error as Error).message})`);
}
if (store) {
  console.log(`sign + verify, nonces in Redis (${redisUrl}, one SET NX PX each, sequential): ${(await measure(store, 2_000)).toFixed(1)} µs (median of 5 runs of 2,000)`);
  await store.close();
  const admin = new Redis(redisUrl);
  const keys = await admin.keys(`${prefix}*`);
  for (let i = 0; i < keys.length; i += 500) await admin.del(...keys.slice(i, i + 500));
  admin.disconnect();
}
