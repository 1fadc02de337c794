/**
 * Side-by-side comparison of priorities, lead groups and outcome figures for a theme.
 * npm run compare -- --theme <theme id> [--authorities E06000003,E06000004,...]
 *                    [--format md|csv|json] [--neighbours MAY_2025|APRIL_2021]
 *                    [--measures CODE,...] [--stated-only] [--gateway http://localhost:4000/graphql]
 * npm run compare -- --inspections [--authorities ...] [--format md|csv|json]: the latest inspection
 *                    judgement of each authority (gateway/client/inspections.ts), in place of a theme.
 * npm run compare -- --bodies [--authorities ...] [--stated-only] [--format md|csv|json]: the lead groups,
 *                    boards and linked plans the authorities share, inferred matches labelled (as npm run common-bodies).
 * Authorities default to the five Tees Valley authorities. Needs a running gateway (npm start).
 */
import { parseArgs } from "node:util";
import { compareTheme, renderCsv, renderMarkdown } from "../gateway/client/compare";
import { fetchCommonBodies, renderCommonBodiesCsv, renderCommonBodiesMarkdown } from "../gateway/client/common-bodies";
import { compareLatestJudgements, renderJudgementsCsv, renderJudgementsMarkdown } from "../gateway/client/inspections";
import type { StatisticalNeighbourSet } from "../gateway/client/generated/graphql";

const TEES_VALLEY = ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"];
const usage =
  "usage: npm run compare -- --theme <theme id> [--authorities CODE,...] [--format md|csv|json] [--neighbours MAY_2025|APRIL_2021] [--stated-only] [--gateway URL]\n" +
  "       npm run compare -- --inspections [--authorities CODE,...] [--format md|csv|json] [--gateway URL]\n" +
  "       npm run compare -- --bodies [--authorities CODE,...] [--stated-only] [--format md|csv|json] [--gateway URL]";

let options;
try {
  options = parseArgs({
    options: {
      theme: { type: "string" },
      inspections: { type: "boolean", default: false },
      bodies: { type: "boolean", default: false },
      authorities: { type: "string" },
      format: { type: "string", default: "md" },
      neighbours: { type: "string", default: "MAY_2025" },
      measures: { type: "string" },
      "stated-only": { type: "boolean", default: false },
      gateway: { type: "string", default: process.env.GATEWAY_URL ?? "http://localhost:4000/graphql" },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const fail = (message: string): never => {
  console.error(`${message}\n${usage}`);
  process.exit(2);
};
if ([options.inspections, options.bodies, !!options.theme].filter(Boolean).length > 1) fail("--theme, --inspections and --bodies are different comparisons: give one");
if (!options.theme && !options.inspections && !options.bodies) fail("--theme is required (e.g. children-in-care-and-care-leavers; the registry's themes query lists them)");
if (!["md", "csv", "json"].includes(options.format!)) fail(`--format must be md, csv or json, not "${options.format}"`);
if (!["MAY_2025", "APRIL_2021"].includes(options.neighbours!)) fail(`--neighbours must be MAY_2025 or APRIL_2021, not "${options.neighbours}"`);
const codes = options.authorities ? options.authorities.split(",").map((c) => c.trim()).filter(Boolean) : TEES_VALLEY;
const bad = codes.filter((c) => !/^E\d{8}$/.test(c));
if (bad.length) fail(`--authorities takes ONS codes such as E06000003; not: ${bad.join(", ")}`);

if (options.bodies) {
  try {
    const statedOnly = options["stated-only"] === true;
    const result = await fetchCommonBodies(options.gateway!, codes, statedOnly);
    const output =
      options.format === "json" ? JSON.stringify(result, null, 2) + "\n" : options.format === "csv" ? renderCommonBodiesCsv(result) : renderCommonBodiesMarkdown(result, statedOnly);
    await new Promise<void>((done) => process.stdout.write(output, () => done()));
    process.exit(0);
  } catch (error) {
    console.error(`compare failed: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (options.inspections) {
  try {
    const result = await compareLatestJudgements(options.gateway!, codes);
    const output =
      options.format === "json" ? JSON.stringify(result, null, 2) + "\n" : options.format === "csv" ? renderJudgementsCsv(result) : renderJudgementsMarkdown(result);
    // written in full (a pipe is asynchronous) before the theme comparison below is skipped
    await new Promise<void>((done) => process.stdout.write(output, () => done()));
    process.exit(0);
  } catch (error) {
    console.error(`compare failed: ${(error as Error).message}`);
    process.exit(1);
  }
}

// a measure named with --measures goes to the subgraph whose topics hold it: ask both, each answers for its own
const extra = options.measures ? options.measures.split(",").map((m) => m.trim()).filter(Boolean) : [];
try {
  const result = await compareTheme(options.gateway!, {
    theme: options.theme!,
    codes,
    neighbours: options.neighbours as StatisticalNeighbourSet,
    extraMeasures: { education: extra, care: extra },
    statedOnly: options["stated-only"] === true,
  });
  const output = options.format === "json" ? JSON.stringify(result, null, 2) + "\n" : options.format === "csv" ? renderCsv(result) : renderMarkdown(result);
  process.stdout.write(output);
} catch (error) {
  console.error(`compare failed: ${(error as Error).message}`);
  process.exit(1);
}
