/**
 * Section "trusted": the cross-borough query (the typed client's CrossBoroughByTheme, the five Tees
 * Valley authorities) sent by its trusted-document id against the same document sent as text, through
 * the same gateway in the same run: throughput and request size.
 */
import { committedManifest } from "../../gateway/src/trusted-documents";
import { trustedDocumentId } from "../../gateway/client/request";
import { CrossBoroughByThemeDocument } from "../../gateway/client/generated/graphql";
import type { RunningSystem } from "../../test/support/system";
import { machineLine, SectionReport } from "./report";

const TEES_VALLEY = ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"];
const CLIENTS = 8;
/** seconds per run of one form; ROUNDS runs of each, alternated, so the shared machine's drift falls on both */
const SECONDS = 2;
const ROUNDS = 10;

export async function trustedSection(system: RunningSystem, data: string): Promise<string[]> {
  const id = trustedDocumentId(CrossBoroughByThemeDocument);
  const text = committedManifest().get(id);
  if (!text) throw new Error(`the manifest has no ${id} (npm run codegen)`);
  // as the operation is meant to run: one education and one care measure
  const variables = { codes: TEES_VALLEY, theme: "early-years", educationMeasures: ["FSP_NEW_GOODDEV"], careMeasures: ["LAC"] };
  const bodies = {
    text: JSON.stringify({ query: text, operationName: "CrossBoroughByTheme", variables }),
    id: JSON.stringify({ documentId: id, operationName: "CrossBoroughByTheme", variables }),
  };
  const token = await system.token({ role: "analyst", authority: null });

  /** queries per second: CLIENTS concurrent clients sending `body` for SECONDS; every answer must carry the five authorities and no error */
  const run = async (body: string) => {
    let done = 0;
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const response = await fetch(system.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
        const answer = (await response.json()) as { data?: { authorities?: unknown[] }; errors?: unknown[] };
        if (response.status !== 200 || answer.errors || answer.data?.authorities?.length !== TEES_VALLEY.length) throw new Error(`unexpected answer ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
        done += 1;
      }
    }));
    return done / SECONDS;
  };

  await run(bodies.text); // warm: the gateway's plan and parse caches, the subgraphs' pools
  await run(bodies.id);
  const rates = { text: [] as number[], id: [] as number[] };
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // the order within a round alternates too
    const first = round % 2 === 0 ? "text" : "id";
    const second = first === "text" ? "id" : "text";
    const a = await run(bodies[first]);
    const b = await run(bodies[second]);
    rates[first].push(a);
    rates[second].push(b);
    ratios.push(first === "id" ? a / b : b / a);
  }
  const mean = (values: number[]) => values.reduce((x, y) => x + y, 0) / values.length;
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const range = (values: number[]) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;
  const [textRate, idRate] = [mean(rates.text), mean(rates.id)];

  const report = new SectionReport();
  report.line("## Trusted documents: by id against text");
  report.line();
  report.line(machineLine());
  report.line();
  report.line(
    `The typed client's cross-borough query (CrossBoroughByTheme: the five Tees Valley authorities' early-years priorities, actions, lead groups, and one education and one care measure: FSP_NEW_GOODDEV, LAC) through one gateway (Hive Gateway + router runtime, analyst token), ${data}, ${CLIENTS} concurrent clients; ${ROUNDS} rounds of ${SECONDS} s by text and ${SECONDS} s by id (the order alternating), after a warm-up of each:`,
  );
  report.line();
  report.table(["sent as", "request body", "queries/s, mean of the rounds", "range of the rounds"], ["l", "r", "r", "r"], [
    ["text (`query`)", `${Buffer.byteLength(bodies.text)} B`, textRate.toFixed(1), range(rates.text)],
    ["trusted-document id (`documentId`)", `${Buffer.byteLength(bodies.id)} B`, idRate.toFixed(1), range(rates.id)],
  ]);
  report.line();
  report.line(
    `By id / as text, the median of the ${ROUNDS} rounds' ratios: **${median(ratios).toFixed(2)}×** the throughput (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}), with a request body ${((Buffer.byteLength(bodies.id) / Buffer.byteLength(bodies.text)) * 100).toFixed(0)}% the size. GraphQL Yoga's parser and validation cache (on by default) keeps documents by their text, so after the first request an id saves the upload, not the parse; the subgraph fetches are the same either way. On a shared machine the spread of the rounds is the noise: read a ratio inside it as no difference.`,
  );
  return report.lines;
}
