/**
 * The practical floor for the "gateways" benchmark (scripts/bench/gateways.ts): a hand-written fan-out
 * that answers the benchmark's two queries (gateways.ts QUERIES) by calling the subgraphs directly,
 * signed as the project's gateway signs, with no parsing, validation or planning of the client's
 * query: the registry first, then every plan subgraph and the outcome subgraphs at once. The bench
 * checks that its answers equal the project gateway's. Never used by npm start.
 *
 *   node --import tsx scripts/bench/fanout.ts <spec.json>   (prints READY <url>)
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { signRequest, type Identity } from "@tees/subgraph-common/signed-identity";

export interface FanoutSpec {
  subgraphs: Array<{ name: string; url: string; secret: string }>;
  /** plan authorities' GraphQL type → the subgraph that serves it */
  planTypes: Record<string, string>;
}

const spec = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as FanoutSpec;
const subgraphs = new Map(spec.subgraphs.map((s) => [s.name, s]));
const analyst: Identity = { subject: "fanout-bench", role: "analyst", authority: null };

type Json = Record<string, unknown>;
interface Authority extends Json { __typename: string; code: string }

async function call(name: string, query: string, variables?: Json): Promise<Json> {
  const subgraph = subgraphs.get(name);
  if (!subgraph) throw new Error(`no subgraph ${name}`);
  const body = JSON.stringify({ query, variables });
  const response = await fetch(subgraph.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signRequest({ secret: subgraph.secret, audience: name }, analyst, "POST", body) },
    body,
  });
  const answer = (await response.json()) as { data?: Json; errors?: unknown[] };
  if (!answer.data || answer.errors) throw new Error(`${name}: ${response.status} ${JSON.stringify(answer.errors).slice(0, 300)}`);
  return answer.data;
}

/** `fields` of every authority from its plan subgraph (plan authorities) and from each outcome subgraph, merged in */
async function extend(authorities: Authority[], planFields: string | null, outcomes: Array<{ subgraph: string; fields: string }>): Promise<void> {
  const calls: Array<Promise<void>> = [];
  if (planFields) {
    for (const [typeName, subgraph] of Object.entries(spec.planTypes)) {
      const mine = authorities.filter((a) => a.__typename === typeName);
      if (!mine.length) continue;
      const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typeName} { ${planFields} } } }`;
      calls.push(call(subgraph, query, { representations: mine.map((a) => ({ __typename: typeName, code: a.code })) }).then((data) => {
        (data._entities as Json[]).forEach((entity, i) => Object.assign(mine[i]!, entity));
      }));
    }
  }
  for (const { subgraph, fields } of outcomes) {
    const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Authority { ${fields} } } }`;
    calls.push(call(subgraph, query, { representations: authorities.map((a) => ({ __typename: "Authority", code: a.code })) }).then((data) => {
      (data._entities as Json[]).forEach((entity, i) => Object.assign(authorities[i]!, entity));
    }));
  }
  await Promise.all(calls);
}

const pick = (object: Json, keys: string[]) => Object.fromEntries(keys.map((k) => [k, object[k] ?? null]));

const PRIORITIES_Q1 = `priorities(theme: "early-years") { title plan { title period { label } } actions { title leadGroups { name canonicalName } } }`;
const PRIORITIES_Q2 = `priorities(theme: "early-years") { title }`;

/** the README's cross-borough query (gateway/src/server.ts FIRST_QUERY) */
async function crossBorough(): Promise<Json> {
  const region = await call("region", `{ authorities(region: "E12000001") { __typename code name hasPlanSubgraph ... on LocalAuthority { ${PRIORITIES_Q1} } } }`);
  const authorities = region.authorities as Authority[];
  await extend(authorities, PRIORITIES_Q1, [
    { subgraph: "education", fields: `education { measures(codes: ["FSP_NEW_GOODDEV"]) { measure { name polarity } latest { value period { label } } } }` },
    { subgraph: "care", fields: `care { measures(codes: ["LAC"]) { measure { name } latest { value period { label } } } }` },
  ]);
  return { authorities: authorities.map((a) => pick(a, ["code", "name", "hasPlanSubgraph", "priorities", "education", "care"])) };
}

/** two authorities' priorities for a theme */
async function twoAuthorities(): Promise<Json> {
  const region = await call("region", `{ authorities(codes: ["E06000003", "E06000004"]) { __typename code name ... on LocalAuthority { ${PRIORITIES_Q2} } } }`);
  const authorities = region.authorities as Authority[];
  await extend(authorities, PRIORITIES_Q2, []);
  return { authorities: authorities.map((a) => pick(a, ["name", "priorities"])) };
}

const answers: Record<string, () => Promise<Json>> = { TeesValley: crossBorough, TwoAuthorities: twoAuthorities };

async function readBody(request: IncomingMessage): Promise<{ operationName?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as { operationName?: string };
}

const server = createServer(async (request, response) => {
  try {
    const { operationName } = await readBody(request);
    const answer = operationName ? answers[operationName] : undefined;
    if (!answer) throw new Error(`this fan-out answers only ${Object.keys(answers).join(" and ")}`);
    const data = await answer();
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data }));
  } catch (error) {
    response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
