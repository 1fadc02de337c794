/**
 * The gateway's de-duplication of identical in-flight subgraph queries (gateway/src/shared-fetches.ts):
 * through the real gateway over a small subgraph defined here, whose resolvers count how often they run
 * and take a while, so that requests sent together are in flight together.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "graphql";
import { setTimeout as sleep } from "node:timers/promises";
import { Session } from "node:inspector/promises";
import { gatewayOverTestSubgraph, type GatewayOverTestSubgraph } from "./support/test-subgraph";

let reads = 0;
let writes = 0;
const counter = {
  name: "counter",
  typeDefs: parse(`
    type Query { slow(label: String!): Reading! }
    type Mutation { bump(label: String!): Reading! }
    type Reading { label: String! items: [Item!]! }
    type Item { position: Int! }
  `),
  resolvers: {
    Query: {
      slow: async (_root: unknown, { label }: { label: string }) => {
        reads += 1;
        await sleep(300);
        return { label, items: Array.from({ length: 50 }, (_, i) => ({ position: i })) };
      },
    },
    Mutation: {
      bump: async (_root: unknown, { label }: { label: string }) => {
        writes += 1;
        await sleep(300);
        return { label, items: [] };
      },
    },
  },
};

const SLOW = `{ slow(label: "a") { label items { position } } }`;
const expected = { slow: { label: "a", items: Array.from({ length: 50 }, (_, i) => ({ position: i })) } };

describe("identical subgraph queries in flight at once", () => {
  let gateway: GatewayOverTestSubgraph;
  // closed when the block's tests are done (vitest runs what beforeAll returns)
  beforeAll(async () => {
    gateway = await gatewayOverTestSubgraph(counter);
    return () => gateway.close();
  });

  it("share one subgraph request for the same identity, and each client gets the whole answer", async () => {
    reads = 0;
    const answers = await Promise.all(Array.from({ length: 6 }, () => gateway.post(SLOW)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    for (const answer of answers) expect(answer.body).toEqual({ data: expected });
    expect(reads).toBe(1);
  });

  it("never share between identities: each token's query reaches the subgraph", async () => {
    const tokens = await Promise.all(["one", "two", "three"].map((subject) => gateway.token({ role: "analyst", authority: null, subject })));
    reads = 0;
    const answers = await Promise.all(tokens.map((token) => gateway.post(SLOW, undefined, { token })));
    for (const answer of answers) expect(answer.body).toEqual({ data: expected });
    expect(reads).toBe(3);
  });

  it("share nothing once the answer has arrived: a query sent after it runs again", async () => {
    reads = 0;
    await gateway.post(SLOW);
    await gateway.post(SLOW);
    expect(reads).toBe(2);
  });

  it("differ by a variable or an argument: not shared", async () => {
    reads = 0;
    await Promise.all([gateway.post(SLOW), gateway.post(`{ slow(label: "b") { label items { position } } }`)]);
    expect(reads).toBe(2);
  });

  it("never share mutations: each one reaches the subgraph", async () => {
    const token = await gateway.token({ role: "analyst", authority: null, subject: "writer" });
    writes = 0;
    const answers = await Promise.all(Array.from({ length: 3 }, () => gateway.post(`mutation { bump(label: "a") { label } }`, undefined, { token })));
    for (const answer of answers) expect(answer.body).toEqual({ data: { bump: { label: "a" } } });
    expect(writes).toBe(3);
  });

  it("leave nothing behind: a request that joined another's holds no controller or timer once answered", async () => {
    // the live AbortControllers in this process, counted by the inspector (queryObjects collects garbage first):
    // the subgraph-timeout plugin (limits.ts) gives each fetch one, and it had stayed in the executor's
    // long-lived set for every request that joined another (the soak's gateway grew 73 -> 94 MB in 5 minutes)
    const session = new Session();
    session.connect();
    const liveControllers = async () => {
      const { result: prototype } = await session.post("Runtime.evaluate", { expression: "AbortController.prototype" });
      const { objects } = await session.post("Runtime.queryObjects", { prototypeObjectId: prototype.objectId! });
      const { result } = await session.post("Runtime.callFunctionOn", { objectId: objects.objectId!, functionDeclaration: "function () { return this.length; }", returnByValue: true });
      await session.post("Runtime.releaseObjectGroup", { objectGroup: "console" }).catch(() => undefined);
      // the count stops this process (gateway and client both) for as long as the heap takes to walk, seconds in a
      // worker that has run other files: keep-alive sockets idle that long are closed by timers now overdue, so they
      // run before the next request (sent first, one went out on a socket the server then closed: ECONNRESET in a full run)
      await sleep(100);
      return result.value as number;
    };
    try {
      const batch = async () => {
        const answers = await Promise.all(Array.from({ length: 6 }, () => gateway.post(SLOW)));
        for (const answer of answers) expect(answer.body).toEqual({ data: expected });
      };
      await batch();
      const before = await liveControllers();
      reads = 0;
      for (let i = 0; i < 10; i += 1) await batch();
      // 50 requests joined another's: with the leak, 50 more controllers
      expect(reads).toBe(10);
      expect(await liveControllers() - before).toBeLessThan(10);
    } finally {
      session.disconnect();
    }
  });
});
