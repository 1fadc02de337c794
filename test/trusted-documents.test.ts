/**
 * Trusted (persisted) documents (issue 18): the typed client's operations published by codegen's
 * client preset as a manifest (id → document), accepted by id at the real gateway (Hive Gateway +
 * router runtime) in front of the real subgraphs, and GATEWAY_ARBITRARY_DOCUMENTS deciding who may
 * send a document's text. One running system; each setting is its own gateway over its subgraphs.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getIntrospectionQuery, Kind, parse, print, type DocumentNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, loadConfig, type GatewayConfig } from "../gateway/src/config";
import { ConfigError } from "@tees/subgraph-common/config";
import { LIMIT_EXCEEDED } from "../gateway/src/limits";
import { buildGateway, FIRST_QUERY } from "../gateway/src/server";
import {
  committedManifest,
  DEFAULT_MANIFEST,
  DOCUMENT_MISSING,
  documentId,
  TRUSTED_DOCUMENT_NOT_FOUND,
  TRUSTED_DOCUMENT_REQUIRED,
  type TrustedDocumentsSettings,
} from "../gateway/src/trusted-documents";
import { startDashboard } from "../dashboard/src/server";
import { dashboardToken } from "../dashboard/src/token";
import { DEFAULT_TOKEN_PARTY } from "../gateway/src/config";
import { compareTheme } from "../gateway/client/compare";
import { execute, trustedDocumentId } from "../gateway/client/request";
import * as generated from "../gateway/client/generated/graphql";
import { CrossBoroughByThemeDocument, ThemesDocument } from "../gateway/client/generated/graphql";
import { subgraphCatalog } from "../scripts/catalog";
import { composeGuild } from "../scripts/composition";
import { secretsEnv } from "./support/signed";
import { startSystem, type GraphQLResponse, type RunningSystem } from "./support/system";

const OPERATIONS_DIR = join(import.meta.dirname, "../gateway/client/operations");
const TEES_VALLEY = ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"];
const THEMES_ID = trustedDocumentId(ThemesDocument);
const THEMES_TEXT = committedManifest().get(THEMES_ID)!;

interface Answer {
  status: number;
  body: GraphQLResponse;
}

async function post(url: string, body: unknown, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;
const messageOf = (answer: Answer) => answer.body.errors?.map((e) => e.message).join("; ") ?? "";

describe("trusted documents", () => {
  let system: RunningSystem;
  let supergraphSdl: string;
  let analyst: string;
  const open: Array<() => Promise<void>> = [];

  /** a gateway over the system's subgraphs with these settings (anonymous reads on, as a public deployment would) */
  async function gateway(settings: Partial<Pick<GatewayConfig, "trustedDocuments" | "limits">>): Promise<string> {
    const runtime = buildGateway({ supergraphSdl, subgraphUrls: {}, subgraphTimeoutMs: 10_000, auth: system.auth, ...settings }, { logging: process.env.GATEWAY_LOG === "1" });
    const server = createServer(runtime);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    open.push(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  /** production's trusted-documents settings, as loadConfig reads them from an environment with only the secrets set */
  let production: TrustedDocumentsSettings;
  let trustedOnlyForAnonymous: string;
  let trustedOnly: string;

  beforeAll(async () => {
    system = await startSystem();
    const composed = composeGuild(subgraphCatalog().map((entry) => ({ name: entry.name, url: system.services.get(entry.name)!.url, typeDefs: entry.typeDefs() })));
    if ("errors" in composed) throw new Error(composed.errors.join("\n"));
    supergraphSdl = composed.supergraphSdl;
    analyst = await system.token({ role: "analyst", authority: null });
    production = loadConfig({ NODE_ENV: "production", ...secretsEnv() }).trustedDocuments;
    trustedOnlyForAnonymous = await gateway({ trustedDocuments: production });
    trustedOnly = await gateway({ trustedDocuments: { ...production, arbitrary: "nobody" } });
  });
  afterAll(async () => {
    for (const close of open) await close();
    await system?.close();
  });

  describe("the manifest (codegen's client preset)", () => {
    it("holds every typed operation under the id embedded in its generated document, each id the SHA-256 of its text", () => {
      const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST, "utf8")) as Record<string, string>;
      const documents = Object.entries(generated).filter((entry): entry is [string, DocumentNode] => (entry[1] as { kind?: unknown } | null)?.kind === Kind.DOCUMENT);
      const operations = documents.filter(([, d]) => d.definitions.some((def) => def.kind === Kind.OPERATION_DEFINITION));
      // one entry per operation written in gateway/client/operations
      const written = readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith(".graphql"))
        .flatMap((f) => parse(readFileSync(join(OPERATIONS_DIR, f), "utf8")).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION));
      expect(written.length).toBeGreaterThan(10);
      expect(operations.length).toBe(written.length);
      expect(Object.keys(manifest).sort()).toEqual(operations.map(([, d]) => trustedDocumentId(d)).sort());
      for (const [name, document] of operations) {
        const id = trustedDocumentId(document);
        expect(id, name).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(documentId(manifest[id]!), name).toBe(id);
        // the manifest's text is the generated document (normalised), not another operation
        expect(print(parse(manifest[id]!)).length, name).toBeGreaterThan(0);
        const named = parse(manifest[id]!).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
        const own = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
        expect(named && "name" in named ? named.name?.value : null, name).toBe(own && "name" in own ? own.name?.value : undefined);
      }
    });

    it("is read once by the config, which fails fast naming the setting when it is missing, malformed or altered", () => {
      const dir = mkdtempSync(join(tmpdir(), "trusted-"));
      const env = { ...secretsEnv() };
      expect(loadConfig(env).trustedDocuments.documents).toEqual(committedManifest());
      const missing = join(dir, "none.json");
      expect(() => loadConfig({ ...env, GATEWAY_TRUSTED_DOCUMENTS_FILE: missing })).toThrow(ConfigError);
      expect(() => loadConfig({ ...env, GATEWAY_TRUSTED_DOCUMENTS_FILE: missing })).toThrow(/^GATEWAY_TRUSTED_DOCUMENTS_FILE .*none\.json: ENOENT/);
      const altered = join(dir, "altered.json");
      writeFileSync(altered, JSON.stringify({ [THEMES_ID]: THEMES_TEXT.replace("description", "") }));
      expect(() => loadConfig({ ...env, GATEWAY_TRUSTED_DOCUMENTS_FILE: altered })).toThrow(`GATEWAY_TRUSTED_DOCUMENTS_FILE ${altered}: entry ${THEMES_ID}: the id is not the SHA-256 of its document`);
      const badId = join(dir, "bad-id.json");
      writeFileSync(badId, JSON.stringify({ "md5:abc": THEMES_TEXT }));
      expect(() => loadConfig({ ...env, GATEWAY_TRUSTED_DOCUMENTS_FILE: badId })).toThrow(/entry "md5:abc": an id must be "sha256:" and 64 lower-case hex digits/);
      const notObject = join(dir, "list.json");
      writeFileSync(notObject, JSON.stringify([THEMES_TEXT]));
      expect(() => loadConfig({ ...env, GATEWAY_TRUSTED_DOCUMENTS_FILE: notObject })).toThrow(/list\.json: is not a JSON object of document id → document/);
    });

    it("GATEWAY_ARBITRARY_DOCUMENTS: everyone by default (npm start), authenticated under NODE_ENV=production, a wrong value named", () => {
      const env = secretsEnv();
      expect(loadConfig(env).trustedDocuments.arbitrary).toBe("everyone");
      expect(production.arbitrary).toBe("authenticated");
      expect(loadConfig({ ...env, NODE_ENV: "production", GATEWAY_ARBITRARY_DOCUMENTS: "nobody" }).trustedDocuments.arbitrary).toBe("nobody");
      expect(loadConfig({ ...env, GATEWAY_ARBITRARY_DOCUMENTS: "authenticated" }).trustedDocuments.arbitrary).toBe("authenticated");
      expect(() => loadConfig({ ...env, GATEWAY_ARBITRARY_DOCUMENTS: "analysts" })).toThrow('GATEWAY_ARBITRARY_DOCUMENTS must be one of everyone, authenticated, nobody, got "analysts"');
    });
  });

  describe("by id", () => {
    it("refuses an unknown id with a 400 naming it, before any subgraph is asked", async () => {
      const unknown = `sha256:${"0".repeat(64)}`;
      system.resetStatements();
      for (const url of [system.gatewayUrl, trustedOnlyForAnonymous]) {
        const answer = await post(url, { documentId: unknown });
        expect(answer.status, url).toBe(400);
        expect(codeOf(answer)).toBe(TRUSTED_DOCUMENT_NOT_FOUND);
        expect(messageOf(answer)).toContain(`no trusted document has the id "${unknown}"`);
        expect(messageOf(answer)).toContain(`the ${committedManifest().size} documents of its typed client's manifest`);
        expect(answer.body.data).toBeUndefined();
      }
      // Apollo's form (a bare hex hash), and an id that is not a hash at all: shown back cut short, without control characters
      const apollo = await post(trustedOnlyForAnonymous, { extensions: { persistedQuery: { version: 1, sha256Hash: "f".repeat(64) } } });
      expect(apollo.status).toBe(400);
      expect(messageOf(apollo)).toContain(`no trusted document has the id "${"f".repeat(64)}"`);
      const odd = await post(trustedOnlyForAnonymous, { documentId: `x\u0000\n${"y".repeat(500)}` });
      expect(odd.status).toBe(400);
      // the first 80 characters, less the two control characters
      expect(messageOf(odd)).toContain(`the id "x${"y".repeat(77)}…"`);
      expect(system.statements()).toBe(0);
    });

    it("refuses a request with neither a document nor an id, naming both", async () => {
      const answer = await post(trustedOnlyForAnonymous, { variables: {} });
      expect(answer.status).toBe(400);
      expect(codeOf(answer)).toBe(DOCUMENT_MISSING);
      expect(messageOf(answer)).toMatch(/the request has no document: send its text \(query\) or a trusted document's id \(documentId/);
    });

    it("answers a known id, in both forms (documentId; Apollo's extensions.persistedQuery), by POST and by GET", async () => {
      const byText = await post(system.gatewayUrl, { query: THEMES_TEXT });
      expect(byText.status).toBe(200);
      const themes = (byText.body.data as { themes: unknown[] }).themes;
      expect(themes.length).toBeGreaterThan(5);
      const byId = await post(trustedOnlyForAnonymous, { documentId: THEMES_ID });
      expect(byId.status).toBe(200);
      expect(byId.body).toEqual(byText.body);
      const apollo = await post(trustedOnlyForAnonymous, { extensions: { persistedQuery: { version: 1, sha256Hash: THEMES_ID.slice("sha256:".length) } } });
      expect(apollo.body).toEqual(byText.body);
      const get = await fetch(`${trustedOnlyForAnonymous}?documentId=${encodeURIComponent(THEMES_ID)}`, { headers: { accept: "application/graphql-response+json" } });
      expect(get.status).toBe(200);
      expect(await get.json()).toEqual(byText.body);
    });
  });

  describe("who may send a document's text (GATEWAY_ARBITRARY_DOCUMENTS)", () => {
    const variables = { codes: TEES_VALLEY, theme: "early-years", educationMeasures: ["FSP_NEW_GOODDEV"], careMeasures: ["LAC"] };
    const crossBorough = () => committedManifest().get(trustedDocumentId(CrossBoroughByThemeDocument))!;

    it("authenticated (production's default): an anonymous caller's text is refused (403, naming the setting) while the same document by id answers; an analyst's text answers", async () => {
      system.resetStatements();
      const refused = await post(trustedOnlyForAnonymous, { query: crossBorough(), variables });
      expect(refused.status).toBe(403);
      expect(codeOf(refused)).toBe(TRUSTED_DOCUMENT_REQUIRED);
      expect(messageOf(refused)).toBe(
        "an anonymous caller may send trusted documents only (GATEWAY_ARBITRARY_DOCUMENTS=authenticated): send the typed client's document id (documentId), or a bearer token to send the document's text (query)",
      );
      expect(system.statements()).toBe(0);

      const byId = await post(trustedOnlyForAnonymous, { documentId: trustedDocumentId(CrossBoroughByThemeDocument), variables });
      expect(byId.status).toBe(200);
      expect(byId.body.errors).toBeUndefined();
      const authorities = (byId.body.data as { authorities: Array<{ code: string; priorities: unknown[] | null }> }).authorities;
      expect(authorities.map((a) => a.code).sort()).toEqual(TEES_VALLEY);
      // the two authorities with plan subgraphs have early-years priorities; the others have none held (null)
      expect(authorities.filter((a) => a.priorities !== null).map((a) => a.code).sort()).toEqual(["E06000003", "E06000004"]);

      const analystText = await post(trustedOnlyForAnonymous, { query: crossBorough(), variables }, analyst);
      expect(analystText.status).toBe(200);
      expect(analystText.body).toEqual(byId.body);
      // any role with a token: an editor (whose writes are not in the manifest)
      const editor = await system.token({ role: "editor", authority: "E06000003" });
      expect((await post(trustedOnlyForAnonymous, { query: "{ themes { id } }" }, editor)).status).toBe(200);
    });

    it("authenticated: an analyst's text sent chunked (no Content-Length) is still the analyst's", async () => {
      const body = JSON.stringify({ query: "{ themes { id } }" });
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      });
      const init = { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${analyst}` }, body: stream, duplex: "half" } as RequestInit;
      const answer = await fetch(trustedOnlyForAnonymous, init);
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as GraphQLResponse<{ themes: unknown[] }>).data?.themes.length).toBeGreaterThan(5);
    });

    it("nobody: even an analyst's text is refused, naming the setting; by id it answers", async () => {
      const refused = await post(trustedOnly, { query: THEMES_TEXT }, analyst);
      expect(refused.status).toBe(403);
      expect(codeOf(refused)).toBe(TRUSTED_DOCUMENT_REQUIRED);
      expect(messageOf(refused)).toMatch(/^this gateway accepts trusted documents only \(GATEWAY_ARBITRARY_DOCUMENTS=nobody\)/);
      const byId = await post(trustedOnly, { documentId: THEMES_ID }, analyst);
      expect(byId.status).toBe(200);
      expect((byId.body.data as { themes: unknown[] }).themes.length).toBeGreaterThan(5);
    });

    it("everyone (npm start's default, startSystem's gateway): GraphiQL's first query and its introspection query answer anonymously as text", async () => {
      const first = await post(system.gatewayUrl, { query: FIRST_QUERY });
      expect(first.status).toBe(200);
      expect(first.body.errors).toBeUndefined();
      expect((first.body.data as { authorities: unknown[] }).authorities.length).toBeGreaterThanOrEqual(5);
      const introspection = await post(system.gatewayUrl, { query: getIntrospectionQuery() });
      expect(introspection.status).toBe(200);
      expect((introspection.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(20);
    });
  });

  it("applies every operation limit to a document sent by id (tokens, depth, aliases, directives, cost)", async () => {
    // the typed operations fit the limits, so an aliased, directed and deep document is added to this gateway's manifest
    const heavy = `query Heavy($with: Boolean!) { a: themes { id } b: themes { id } c: themes { id @include(if: $with) } authorities(codes: ["E06000003"]) { priorities { actions { priorities { actions { title } } } } } }`;
    const documents = new Map([...committedManifest(), [documentId(heavy), heavy]]);
    const id = documentId(heavy);
    const limited = async (limits: Partial<typeof DEFAULT_LIMITS>) => gateway({ trustedDocuments: { documents, arbitrary: "nobody" }, limits: { ...DEFAULT_LIMITS, ...limits } });
    const cases: Array<[Partial<typeof DEFAULT_LIMITS>, RegExp]> = [
      [{ tokens: 20 }, /Token limit of 20 exceeded \(GATEWAY_MAX_TOKENS\)/],
      [{ depth: 4 }, /depth limit of 4 exceeded, found \d+ \(GATEWAY_MAX_DEPTH\)/],
      [{ aliases: 2 }, /Aliases limit of 2 exceeded, found 3 \(GATEWAY_MAX_ALIASES\)/],
      [{ directives: 0 }, /Directives limit of 0 exceeded, found 1 \(GATEWAY_MAX_DIRECTIVES\)/],
      [{ cost: 20 }, /Query cost limit of 20 exceeded, found \d+ \(GATEWAY_MAX_COST\)/],
    ];
    system.resetStatements();
    for (const [limits, message] of cases) {
      const answer = await post(await limited(limits), { documentId: id, variables: { with: true } });
      expect(answer.status, JSON.stringify(limits)).toBe(400);
      expect(codeOf(answer), JSON.stringify(limits)).toBe(LIMIT_EXCEEDED);
      expect(messageOf(answer)).toMatch(message);
    }
    expect(system.statements()).toBe(0);
    // within the limits, the same document by id answers
    const fits = await post(await limited({}), { documentId: id, variables: { with: true } });
    expect(fits.status).toBe(200);
    expect(fits.body.errors).toBeUndefined();
    expect((fits.body.data as { a: unknown[]; c: unknown[] }).c).toEqual((fits.body.data as { a: unknown[] }).a);
  });

  describe("the typed client sends ids", () => {
    it("npm run compare's operations run end to end by id on a gateway that refuses an anonymous caller's text", async () => {
      const comparison = await compareTheme(trustedOnlyForAnonymous, { theme: "early-years", codes: TEES_VALLEY, neighbours: "MAY_2025" });
      expect(comparison.errors).toEqual([]);
      expect(comparison.theme.id).toBe("early-years");
      expect(comparison.authorities.map((a) => a.code).sort()).toEqual(TEES_VALLEY);
      expect(comparison.measures.length).toBeGreaterThan(0);
      // the same answer as through the open gateway with a token
      const open = await compareTheme(system.gatewayUrl, { theme: "early-years", codes: TEES_VALLEY, neighbours: "MAY_2025" });
      expect(comparison).toEqual(open);
    });

    it("the dashboard's pages all come through by id from a gateway that takes no text at all (nobody)", async () => {
      const token = dashboardToken({ kind: "secret", secret: system.auth.jwtSecrets[0]!, issuer: DEFAULT_TOKEN_PARTY, audience: DEFAULT_TOKEN_PARTY, lifetimeSeconds: 600 });
      const dashboard = await startDashboard({ gatewayUrl: trustedOnly, token, port: 0 });
      open.push(() => dashboard.close());
      const pages = [
        "/", "/authorities/E06000003", "/authorities/E06000003/measures/LAC", "/measures/LAC", "/lead-groups", "/lead-groups/malap",
        "/compare?authorities=E06000003&authorities=E06000004&theme=early-years", "/about/data",
      ];
      for (const path of pages) {
        const response = await fetch(dashboard.url + path);
        const html = await response.text();
        expect(response.status, path).toBe(200);
        expect(html, path).not.toContain("unavailable right now");
        expect(html, path).toMatch(/Redcar and Cleveland|Stockton-on-Tees|Children looked after|LAC/);
      }
      // the same gateway refuses the dashboard's own token when it sends text
      const analystOfDashboard = await system.token({ role: "analyst", authority: null, subject: "dashboard" });
      expect((await post(trustedOnly, { query: "{ themes { id } }" }, analystOfDashboard)).status).toBe(403);
    });

    it("execute() names the operation and the gateway's refusal when the gateway does not know the client's id", async () => {
      const other = await gateway({ trustedDocuments: { documents: new Map([[documentId(THEMES_TEXT), THEMES_TEXT]]), arbitrary: "nobody" } });
      expect((await execute(other, ThemesDocument, {}, undefined)).data.themes.length).toBeGreaterThan(5);
      await expect(execute(other, CrossBoroughByThemeDocument, { codes: TEES_VALLEY, theme: "early-years" }, undefined)).rejects.toThrow(
        `gateway answered 400: no trusted document has the id "${trustedDocumentId(CrossBoroughByThemeDocument)}"`,
      );
      // a document without an id is never sent as text
      const handWritten = parse("query Hand { themes { id } }") as typeof ThemesDocument;
      await expect(execute(other, handWritten, {}, undefined)).rejects.toThrow("Hand has no trusted-document id (__meta__.hash)");
    });
  });
});
