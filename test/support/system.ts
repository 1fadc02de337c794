/**
 * Starts the whole system for a test: every subgraph as a real HTTP server on
 * port 0 with its own real database (embedded SQLite, or a scratch MySQL/MariaDB
 * database), migrated and seeded; the supergraph composed from their real URLs;
 * and a gateway (Hive Gateway + router runtime, or Apollo Gateway) on port 0.
 *
 * How often the suite starts it, and seeds:
 *
 * - Seeding is most of a start (the Tees Valley LAIT extract's 147k rows into education and
 *   care). Each subgraph's database is migrated and seeded ONCE per run per engine, as a template
 *   (test/support/templates.ts; the run's folder comes from test/support/global-setup.ts), and
 *   every startSystem() gets its own copy of it: an SQLite file copy, or a MySQL/MariaDB scratch
 *   database filled server-side from the template schema. A test writes to its copy freely; no
 *   other file sees it. A system that seeds on purpose — its own SEED_FOLDER or other seeds in
 *   `serviceEnv`, `existingDatabases` — is seeded as before, for that subgraph.
 *
 * - `lait: "default"` (the national release, as a fresh npm start seeds it): the outcomes subgraphs
 *   start on a copy of the run's national import of their default LAIT folder (test/support/national.ts,
 *   imported once per run per engine), with their local figures loaded into it as their seed loads
 *   them; the registry and the plans are seeded as they start, with the national code lists.
 *
 * - Files that only read, through the gateway npm start runs (default options, embedded
 *   database), share ONE system per run: sharedSystem(). It is started lazily, the first time a
 *   file asks, in a process of its own (global-setup.ts runs a small control server on 127.0.0.1,
 *   hands its URL to the files with `provide`, and on the first request starts
 *   shared-system-process.ts with tsx, as npm start runs the services), and stopped at the end of
 *   the run. Both worker processes and every such file use it, so it costs one start for all of
 *   them, and files that never ask for it (a unit test run on its own) start nothing. One system
 *   per run, rather than one per worker, because vitest runs each file in a fresh module graph: a
 *   per-worker system would be per file anyway.
 *   A shared system gives URLs, secrets and tokens, not the subgraphs' objects (no data source,
 *   no statement counter): a file that writes, counts statements, stops a subgraph, needs
 *   other settings, or times requests against a bound (a rate-limit window, a latency limit:
 *   another file's requests to the shared system would count against it) starts its own system
 *   with startSystem().
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startService, type RunningService } from "@tees/subgraph-common/start-service";
import { EXTRACT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { graphName, subgraphCatalog, type SubgraphEntry } from "../../scripts/catalog";
import { composeApollo, composeGuild } from "../../scripts/composition";
import { buildGateway } from "../../gateway/src/server";
import { gatewayObservability, type GatewayObservability } from "../../gateway/src/observability";
import type { GatewayAuth, ObservabilitySettings } from "@tees/subgraph-common/config";
import { DEFAULT_LIMITS, DEFAULT_TOKEN_PARTY, type OperationLimits } from "../../gateway/src/config";
import { issueToken } from "../../gateway/src/identity";
import { type Identity, type Role } from "@tees/subgraph-common/signed-identity";
import { scratchDatabase, type DatabaseChoice } from "./mysql";
import { copyOfTemplate, templates } from "./templates";
import { seededOutcomesCopy } from "./national";
import { outcomeConfig } from "@tees/outcomes/config";
import { outcomeDeployment } from "@tees/outcomes/deployments";
import { inject } from "vitest";
import "./provided";
import { testSecret } from "./signed";

export type { DatabaseChoice };

/**
 * The LAIT folder the tests seed by default: the Tees Valley extract, which loads in a fraction
 * of the national release's time (npm start seeds the national one, seeds/lait). A test that
 * needs national figures asks for `lait: "default"` (the services' own default) once.
 */
export const EXTRACT_LAIT_ENV = { LAIT_FOLDER: EXTRACT_LAIT_FOLDER } as const;

export type GatewayChoice = "hive" | "apollo";

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface RequestOptions {
  /** a bearer token (see RunningSystem.token) */
  token?: string;
  /** any other headers, e.g. a forged identity */
  headers?: Record<string, string>;
}

/** what a test reaches a system by: its gateway, its keys, and tokens */
export interface SystemClient {
  gatewayUrl: string;
  /** the gateway's token settings, with every subgraph's secret (for another gateway over the same subgraphs) */
  auth: GatewayAuth;
  /** a token the gateway accepts, for this identity */
  token(identity: { role: Role; authority: string | null; subject?: string }): Promise<string>;
  /** subgraph name → where it listens */
  services: ReadonlyMap<string, { url: string; port: number }>;
  /** subgraph name → the secret it shares with the gateway (to call it directly, signed) */
  secrets: ReadonlyMap<string, string>;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** the same, with the HTTP status */
  post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<{ status: number; body: GraphQLResponse<T> }>;
}

/** the run's shared read-only system (see the top of this file); close() leaves it to the run */
export interface SharedSystem extends SystemClient {
  close(): Promise<void>;
}

export interface RunningSystem {
  gatewayUrl: string;
  /** the key the gateway's tokens are signed with (the shared system hands it to the files) */
  jwtSecret: string;
  /** the gateway's token settings, with every subgraph's secret (for a second gateway in front of proxies) */
  auth: GatewayAuth;
  /** a token the gateway accepts, for this identity */
  token(identity: { role: Role; authority: string | null; subject?: string }): Promise<string>;
  services: Map<string, RunningService>;
  /** subgraph name → the secret it shares with the gateway (to call it directly, signed) */
  secrets: ReadonlyMap<string, string>;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** the same, with the HTTP status */
  post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<{ status: number; body: GraphQLResponse<T> }>;
  /** the gateway's metrics listener (when SystemOptions.observability turns metrics on), and its tracer */
  gatewayObservability: { metricsUrl: string | null; flushTraces(): Promise<void> };
  /** total SQL statements run by every subgraph since the last reset */
  statements(): number;
  resetStatements(): void;
  close(): Promise<void>;
}


export interface SystemOptions {
  database?: DatabaseChoice;
  gateway?: GatewayChoice;
  /** subgraph name → a database already migrated and loaded (e.g. the national LAIT import): used as it is, not seeded, not dropped */
  existingDatabases?: Record<string, string>;
  /** subgraph name → extra settings (e.g. SEED_FOLDER for test data) */
  serviceEnv?: Record<string, Record<string, string>>;
  /** reads without a token (default: allowed, as on the embedded start) */
  anonymousRead?: boolean;
  subgraphTimeoutMs?: number;
  /** which LAIT data the outcomes subgraphs are seeded with: the Tees Valley extract (default) or the services' own default (the national release) */
  lait?: "extract" | "default";
  /** metrics, tracing and logs for the gateway and every subgraph (default: all off); service names come from the services */
  observability?: ObservabilitySettings;
  /** the gateway's operation limits, over DEFAULT_LIMITS (e.g. a test that asks for every list at once raises the cost) */
  limits?: Partial<OperationLimits>;
  /** the services to start (default: the committed deployments, subgraphCatalog()); e.g. subgraphCatalog(folders) with a third authority */
  catalog?: SubgraphEntry[];
}

/** tokens for this identity, signed with the gateway's key, valid for an hour */
export const tokenIssuer = (jwtSecret: string): SystemClient["token"] => ({ role, authority, subject }) =>
  issueToken(jwtSecret, {
    subject: subject ?? `${role}${authority ? `@${authority}` : ""}`, role, ...(authority ? { authority } : {}),
    expiresIn: "1h", issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY,
  });

function client(gatewayUrl: string, jwtSecret: string): Pick<SystemClient, "gatewayUrl" | "token" | "query" | "post"> {
  const post = <T,>(query: string, variables?: Record<string, unknown>, options?: RequestOptions) => postTo<T>(gatewayUrl, query, variables, options);
  return {
    gatewayUrl,
    token: tokenIssuer(jwtSecret),
    post,
    async query<T>(query: string, variables?: Record<string, unknown>, options?: RequestOptions) {
      return (await post<T>(query, variables, options)).body;
    },
  };
}

/** the shared system as the control server sends it to the files (global-setup.ts) */
export interface SharedSystemDescription {
  gatewayUrl: string;
  jwtSecret: string;
  auth: GatewayAuth;
  secrets: Record<string, string>;
  services: Record<string, { url: string; port: number }>;
}

export function describeSystem(system: RunningSystem): SharedSystemDescription {
  return {
    gatewayUrl: system.gatewayUrl, jwtSecret: system.jwtSecret, auth: system.auth, secrets: Object.fromEntries(system.secrets),
    services: Object.fromEntries([...system.services].map(([name, service]) => [name, { url: service.url, port: service.port }])),
  };
}

/**
 * The run's shared system, for a file that only reads through the default gateway: started by the
 * first file that asks (in a process of its own), used by every file after it, stopped at the end of the run.
 */
export async function sharedSystem(): Promise<SharedSystem> {
  const response = await fetch(inject("sharedSystemUrl"), { method: "POST" });
  const text = await response.text();
  if (!response.ok) throw new Error(`the shared system did not start: ${text}`);
  const described = JSON.parse(text) as SharedSystemDescription;
  return {
    ...client(described.gatewayUrl, described.jwtSecret),
    auth: described.auth,
    secrets: new Map(Object.entries(described.secrets)),
    services: new Map(Object.entries(described.services)),
    close: async () => undefined,
  };
}

/** settings a subgraph reads at run time only: a system that sets only these still starts on the seeded template */
const RUNTIME_ONLY_SETTINGS = ["WORK_BUDGET_ROWS", "WORK_BUDGET_STATEMENTS", "DB_POOL_SIZE", "DB_QUEUE_LIMIT", "DB_QUERY_TIMEOUT_MS"];
const seededAsTemplate = (env: Record<string, string> | undefined) => Object.keys(env ?? {}).every((key) => RUNTIME_ONLY_SETTINGS.includes(key));

/** One GraphQL request to a gateway, as a client sends it (with a bearer token if given). */
export async function postTo<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>, options: RequestOptions = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}


export async function startSystem({
  database = { kind: "sqlite" }, gateway = "hive", existingDatabases = {}, serviceEnv = {}, anonymousRead = true, subgraphTimeoutMs = 10_000, lait = "extract", observability, limits,
  catalog: ownCatalog,
}: SystemOptions = {}): Promise<RunningSystem> {
  const catalog = ownCatalog ?? subgraphCatalog();
  const cleanups: Array<() => Promise<void>> = [];
  // one secret per subgraph, fresh for each system (as npm start does)
  const secrets = new Map(catalog.map((entry) => [entry.name, testSecret()]));
  const lifecycle = { port: 0, host: "127.0.0.1", migrateOnStart: true, seedOnStart: "always" as const, ...(observability ? { observability } : {}) };
  let gatewayWatch: GatewayObservability | undefined;
  let gatewayMetricsUrl: string | null = null;
  const services = new Map<string, RunningService>();
  try {
    const laitEnv = lait === "extract" ? EXTRACT_LAIT_ENV : {};
    // a subgraph seeded as every other system's is (a committed deployment, no database of its own, no seeds
    // of its own) starts on a copy of the run's template; another set of deployments is seeded as it starts
    const fromTemplate = catalog.filter((entry) => !ownCatalog && lait === "extract" && !existingDatabases[entry.name] && seededAsTemplate(serviceEnv[entry.name]));
    const seeded = await templates(database, fromTemplate, laitEnv);
    // with the national release, an outcomes subgraph of the committed deployments with no seeds of its own starts on a copy of the run's national import
    const fromNational = new Set(catalog.filter((entry) => !ownCatalog && lait === "default" && entry.kind === "outcomes" && !existingDatabases[entry.name]
      && seededAsTemplate(serviceEnv[entry.name])).map((entry) => entry.name));
    for (const entry of catalog) {
      const existing = existingDatabases[entry.name];
      const template = seeded.get(entry.name);
      const national = fromNational.has(entry.name);
      const scratch = existing ? undefined
        : template ? await copyOfTemplate(database, entry.name, template)
        : national ? await seededOutcomesCopy(database, outcomeConfig(outcomeDeployment(entry.name), { ...laitEnv, ...serviceEnv[entry.name] }))
        : await scratchDatabase(database, entry.name.replace(/-/g, "_"));
      if (scratch) cleanups.push(scratch.drop);
      const env = { DATABASE_URL: existing ?? scratch!.url, DB_POOL_SIZE: "5", DB_QUEUE_LIMIT: "50", DB_QUERY_TIMEOUT_MS: "30000",
        ...laitEnv, ...serviceEnv[entry.name] };
      const signing = { secrets: [secrets.get(entry.name)!], maxSkewMs: 30_000 };
      services.set(entry.name, await startService(entry.service(env), { ...lifecycle, signing, ...(existing || template || national ? { seedOnStart: "never" as const } : {}) }));
    }

    const subgraphs = catalog.map((s) => ({ name: s.name, url: services.get(s.name)!.url, typeDefs: s.typeDefs() }));
    const jwtSecret = testSecret();
    const auth: GatewayAuth = {
      jwtSecrets: [jwtSecret], jwks: null, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, anonymousRead,
      subgraphSecrets: Object.fromEntries([...secrets].map(([name, secret]) => [graphName(name), secret])),
    };
    let handler: Parameters<typeof createServer>[1];
    let disposeGateway: () => Promise<void>;
    if (gateway === "hive") {
      const composed = composeGuild(subgraphs);
      if ("errors" in composed) throw new Error(composed.errors.join("\n"));
      gatewayWatch = observability ? gatewayObservability(observability) : undefined;
      const runtime = buildGateway({ supergraphSdl: composed.supergraphSdl, subgraphUrls: {}, subgraphTimeoutMs, auth, ...(limits ? { limits: { ...DEFAULT_LIMITS, ...limits } } : {}) }, { logging: process.env.GATEWAY_LOG === "1", observability: gatewayWatch });
      gatewayMetricsUrl = (await gatewayWatch?.listen()) ?? null;
      handler = runtime;
      disposeGateway = async () => {
        await runtime.dispose();
        await gatewayWatch?.close();
      };
    } else {
      ({ handler, dispose: disposeGateway } = await apolloGatewayHandler(subgraphs.map((s) => ({ ...s, secret: secrets.get(s.name)! }))));
    }
    const server: Server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    return {
      ...client(gatewayUrl, jwtSecret),
      gatewayObservability: { metricsUrl: gatewayMetricsUrl, flushTraces: async () => gatewayWatch?.tracing?.flush() },
      services,
      secrets,
      auth,
      jwtSecret,
      statements: () => [...services.values()].reduce((sum, s) => sum + s.counter.count, 0),
      resetStatements: () => services.forEach((s) => s.counter.reset()),
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await disposeGateway();
        for (const service of services.values()) await service.close().catch(() => undefined);
        for (const cleanup of cleanups) await cleanup().catch(() => undefined);
      },
    };
  } catch (error) {
    await gatewayWatch?.close().catch(() => undefined);
    for (const service of services.values()) await service.close().catch(() => undefined);
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw error;
  }
}

/**
 * Apollo Gateway (dev dependency) on Apollo's composition of the same subgraphs, behind Apollo Server.
 * It signs every subgraph request too (as an analyst: the token check is Hive Gateway's part), through
 * its data source's `fetcher`, which sees the exact body sent: any router can take part if it signs.
 */
async function apolloGatewayHandler(subgraphs: Array<{ name: string; url: string; secret: string; typeDefs: import("graphql").DocumentNode }>) {
  const analyst: Identity = { subject: "apollo-gateway-test", role: "analyst", authority: null };
  const { ApolloServer, HeaderMap } = await import("@apollo/server");
  const composed = composeApollo(subgraphs);
  if ("errors" in composed) throw new Error(composed.errors.join("\n"));
  const { signingApolloGateway } = await import("./apollo-signing");
  const apolloGateway = signingApolloGateway(composed.supergraphSdl, subgraphs, analyst);
  const server = new ApolloServer({ gateway: apolloGateway, includeStacktraceInErrorResponses: false });
  await server.start();
  const handler: Parameters<typeof createServer>[1] = async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(request.headers)) if (typeof v === "string") headers.set(k, v);
    const result = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "POST", headers, search: "", body: JSON.parse(Buffer.concat(chunks).toString() || "{}") },
      context: async () => ({}),
    });
    for (const [k, v] of result.headers) response.setHeader(k, v);
    response.statusCode = result.status ?? 200;
    response.end(result.body.kind === "complete" ? result.body.string : "");
  };
  return { handler, dispose: () => server.stop() };
}
