/**
 * Section "limits": what the gateway's list-aware cost and the subgraphs' cancellation buy, measured in
 * one run on one in-process system (every subgraph on port 0, the Tees Valley extract: answering the
 * refused query on the national data would take minutes for one figure):
 * - the issue's three-alias query (every authority x every education measure, three trendPoints):
 *   refused by GATEWAY_MAX_COST, against answered with the cost limit and the work budget raised;
 * - an ordinary one-authority query alone, and sent right after a heavy query that the gateway gave up on
 *   (its subgraph timeout), so the subgraph had to stop working on it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_LIMITS, type OperationLimits } from "../../gateway/src/config";
import { buildGateway } from "../../gateway/src/server";
import { subgraphCatalog } from "../catalog";
import { composeGuild } from "../composition";
import { postTo, startSystem, type RunningSystem } from "../../test/support/system";
import { machineLine, SectionReport } from "./report";

export const THREE_ALIAS_QUERY = `{ ${[5, 6, 7]
  .map((n) => `t${n}: authorities { code education { measures { comparison(trendPoints: ${n}) { rank { position } trend { direction } } } } }`)
  .join(" ")} }`;
const HEAVY = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: authorities { code education { measures { comparison(target: ${i + 1}) { rank { position } target { rag } } } } }`).join(" ")} }`;
const ORDINARY = `{ authority(code: "E06000003") { name education { measures(codes: ["FSP_NEW_GOODDEV"]) { latest { value } comparison { rank { position } } } } } }`;

async function serve(system: RunningSystem, limits: OperationLimits, subgraphTimeoutMs: number) {
  const composed = composeGuild(subgraphCatalog().map((s) => ({ name: s.name, url: system.services.get(s.name)!.url, typeDefs: s.typeDefs() })));
  if ("errors" in composed) throw new Error(composed.errors.join("\n"));
  const runtime = buildGateway({ supergraphSdl: composed.supergraphSdl, subgraphUrls: {}, subgraphTimeoutMs, auth: system.auth, limits }, { logging: false });
  const server = createServer(runtime);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

/** ms of each of `runs` answers, and what the last one said */
async function timed(url: string, query: string, runs: number, expectStatus: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const answer = await postTo(url, query);
    times.push(performance.now() - started);
    if (answer.status !== expectStatus) throw new Error(`expected ${expectStatus}, got ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return times.sort((a, b) => a - b);
}
const median = (times: number[]) => times[Math.floor(times.length / 2)]!;

export async function limitsSection(): Promise<string[]> {
  const system = await startSystem({ serviceEnv: { education: { WORK_BUDGET_ROWS: "100000000", WORK_BUDGET_STATEMENTS: "1000000" } } });
  const report = new SectionReport();
  const refusing = await serve(system, DEFAULT_LIMITS, 10_000);
  const raised = await serve(system, { ...DEFAULT_LIMITS, cost: Number.MAX_SAFE_INTEGER }, 600_000);
  const impatient = await serve(system, { ...DEFAULT_LIMITS, cost: Number.MAX_SAFE_INTEGER }, 1_500);
  try {
    await timed(raised.url, ORDINARY, 3, 200); // warm
    const refused = await timed(refusing.url, THREE_ALIAS_QUERY, 20, 400);
    const answered = await timed(raised.url, THREE_ALIAS_QUERY, 3, 200);
    const alone = await timed(impatient.url, ORDINARY, 20, 200);
    const afterHeavy: number[] = [];
    const heavyEnded: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await postTo(impatient.url, HEAVY);
      heavyEnded.push(performance.now() - started);
      afterHeavy.push(...(await timed(impatient.url, ORDINARY, 1, 200)));
    }
    afterHeavy.sort((a, b) => a - b);
    heavyEnded.sort((a, b) => a - b);
    report.line("## Operation limits: refusing by cost, and stopping abandoned work");
    report.line();
    report.line(machineLine());
    report.line();
    report.line(
      "One in-process system (every subgraph and the gateway in one Node process, SQLite, the Tees Valley extract), " +
        `GATEWAY_MAX_COST ${DEFAULT_LIMITS.cost.toLocaleString("en-GB")} (gateway/src/cost.ts). The three-alias query is the issue's ` +
        "(every authority × every education measure, trendPoints 5, 6 and 7); answered with the cost limit and education's work budget raised. " +
        "The heavy query is ten aliases of every authority × every education measure against different targets; the gateway gives it 1.5 s (SUBGRAPH_TIMEOUT_MS), " +
        "then the ordinary query (one authority, one measure) is sent at once.",
    );
    report.line();
    report.table(["measure", "value"], ["l", "r"], [
      ["three-alias query refused (400, GATEWAY_MAX_COST), median of 20", `${median(refused).toFixed(1)} ms`],
      ["three-alias query answered, limits raised, median of 3", `${median(answered).toFixed(0)} ms`],
      ["ratio: answered / refused", `${(median(answered) / median(refused)).toFixed(0)}×`],
      ["ordinary query alone, median of 20", `${median(alone).toFixed(1)} ms`],
      ["heavy query ended by the 1.5 s subgraph timeout, median of 5", `${median(heavyEnded).toFixed(0)} ms`],
      ["ordinary query right after it, median of 5", `${median(afterHeavy).toFixed(1)} ms`],
      ["ratio: right after / alone", `${(median(afterHeavy) / median(alone)).toFixed(1)}×`],
    ]);
    report.line();
    report.line("The timeout fires late here because the subgraphs share the gateway's event loop: by the subgraph's longest indivisible step (one SQLite statement, graphql-js walking a list).");
  } finally {
    await refusing.close();
    await raised.close();
    await impatient.close();
    await system.close();
  }
  return report.lines;
}
