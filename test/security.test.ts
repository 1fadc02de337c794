/**
 * Identity, zero-trust subgraphs, authorisation and resilience, each shown through the real
 * gateway (Hive Gateway + router runtime) in front of real subgraphs on the embedded database:
 * tokens verified at the gateway, identity signed to each subgraph with its own secret,
 * every permission decided by the subgraph that owns the data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { parse } from "graphql";
import { AUDIENCE_HEADER, IDENTITY_HEADER, SIGNATURE_HEADER, decodeIdentity, encodeIdentity, signRequest, TIMESTAMP_HEADER } from "@tees/subgraph-common/signed-identity";
import { DEFAULT_TOKEN_PARTY } from "../gateway/src/config";
import { subgraphCatalog } from "../scripts/catalog";
import { proxiedGateway, type ProxiedGateway } from "./support/gateway";
import { analyst, callSubgraph, editorOf, testSecret } from "./support/signed";
import { startSystem, type RunningSystem } from "./support/system";
import { gatewayOverTestSubgraph, type GatewayOverTestSubgraph } from "./support/test-subgraph";

const REDCAR = "E06000003";
const STOCKTON = "E06000004";

const READ = `{ authorities(codes: ["${REDCAR}", "${STOCKTON}"]) { code name education { measures(codes: ["FSP_NEW_GOODDEV"]) { latest { value } } } } }`;

/** a subgraph with the fields READ asks for, and figures to answer it */
const readable = {
  name: "readable",
  typeDefs: parse(`
    type Query { authorities(codes: [ID!]): [Authority!]! }
    type Authority { code: ID! name: String! education: Outcomes }
    type Outcomes { measures(codes: [ID!]): [MeasureSeries!]! }
    type MeasureSeries { latest: Figure }
    type Figure { value: Float }
  `),
  resolvers: {
    Query: { authorities: (_: unknown, { codes }: { codes: string[] }) => codes.map((code) => ({ code, name: `Authority ${code}`, education: {} })) },
    Outcomes: { measures: (_: unknown, { codes }: { codes: string[] }) => codes.map(() => ({ latest: { value: 71.5 } })) },
  },
};

const recordFigure = `mutation Record($input: LocalFigureInput!) { recordEducationLocalFigure(input: $input) { id value source { document { key } } } }`;
const figureInput = (document: string, publisher: string, value: number | null = 71.5) => ({
  key: "gld-percent-2025",
  measureCode: "FSP_NEW_GOODDEV",
  label: "Children reaching a good level of development (test figure)",
  value,
  unit: "%",
  period: { label: "2024/25", start: "2024-09", end: "2025-07" },
  source: { document, section: "Headline measures", newDocument: { title: "Early years update 2025 (test document)", publisher, asAt: "2025-09" } },
});
const educationAudit = `query Audit($reps: [_Any!]!) { _entities(representations: $reps) { ... on Authority { code educationAuditLog { operation entityId actor role authorityCode after } } } }`;
const authorityAudit = (code: string) => `{ authority(code: "${code}") { code educationAuditLog { operation actor role } } }`;

function codes(body: { errors?: Array<{ extensions?: Record<string, unknown> }> }): unknown[] {
  return (body.errors ?? []).map((e) => e.extensions?.code);
}

describe("security through the gateway", () => {
  let system: RunningSystem;
  let tokens: { redcarEditor: string; stocktonEditor: string; analyst: string; admin: string };

  beforeAll(async () => {
    system = await startSystem();
    tokens = {
      redcarEditor: await system.token({ role: "editor", authority: REDCAR }),
      stocktonEditor: await system.token({ role: "editor", authority: STOCKTON }),
      analyst: await system.token({ role: "analyst", authority: null }),
      admin: await system.token({ role: "admin", authority: null }),
    };
  });
  afterAll(async () => system?.close());

  describe("bearer tokens at the gateway", () => {
    const sign = (claims: Record<string, unknown>, secret: string, edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
      edit(new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject("someone").setIssuer(DEFAULT_TOKEN_PARTY).setAudience(DEFAULT_TOKEN_PARTY).setIssuedAt().setExpirationTime("1h"))
        .sign(new TextEncoder().encode(secret));

    /** each token refused with 401 and its reason, before any subgraph ran a statement */
    const expectRefusedAtTheGateway = async (cases: Array<[string, string, RegExp]>) => {
      const before = system.statements();
      for (const [label, token, reason] of cases) {
        const { status, body } = await system.post(READ, undefined, { token });
        expect(status, label).toBe(401);
        expect(codes(body), label).toEqual(["UNAUTHENTICATED"]);
        expect(body.errors![0]!.message, label).toMatch(reason);
      }
      expect(system.statements(), "no subgraph ran a statement").toBe(before);
    };

    it("refuses a token that does not verify with 401 and the reason, before any subgraph is asked", async () => {
      const key = system.auth.jwtSecrets[0]!;
      const cases: Array<[string, string, RegExp]> = [
        ["not a JWT", "garbage", /malformed/],
        ["signed with another key", await sign({ role: "analyst" }, testSecret()), /signature does not verify/],
        ["expired", await sign({ role: "analyst" }, key, (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 60)), /expired/],
        ["for another audience", await sign({ role: "analyst" }, key, (jwt) => jwt.setAudience("someone-else")), /aud claim/],
        ["an editor without an authority", await sign({ role: "editor" }, key), /must name the authority/],
        ["an unknown role", await sign({ role: "superuser" }, key), /role must be one of analyst, editor, admin/],
        ["an analyst claiming an authority", await sign({ role: "analyst", authority: REDCAR }, key), /only an editor's token names an authority/],
      ];
      await expectRefusedAtTheGateway(cases);
    });

    it("refuses with 401 a subject the subgraphs would refuse, a lifetime over the cap, no iat or an iat in the future (not a 200 full of subgraph errors)", async () => {
      const key = system.auth.jwtSecrets[0]!;
      const now = Math.floor(Date.now() / 1000);
      // every claim as given (sign() always sets sub and iat)
      const raw = (claims: Record<string, unknown>) =>
        new SignJWT({ iss: DEFAULT_TOKEN_PARTY, aud: DEFAULT_TOKEN_PARTY, ...claims }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(key));
      const cases: Array<[string, string, RegExp]> = [
        ["a 201-character subject", await sign({ role: "analyst" }, key, (jwt) => jwt.setSubject("x".repeat(201))), /subject \(sub\) must be a string of 1 to 200 characters/],
        ["a numeric subject", await raw({ role: "analyst", sub: 42, iat: now, exp: now + 3600 }), /subject \(sub\) must be a string/],
        ["a 10000-day lifetime", await sign({ role: "analyst" }, key, (jwt) => jwt.setExpirationTime("10000d")), /lifetime .* is longer than the 24h the gateway accepts/],
        ["no iat", await raw({ role: "analyst", sub: "someone", exp: now + 3600 }), /no iat claim/],
        ["iat an hour ahead", await sign({ role: "analyst" }, key, (jwt) => jwt.setIssuedAt(now + 3600).setExpirationTime(now + 7200)), /iat claim is in the future/],
      ];
      await expectRefusedAtTheGateway(cases);
    });

    it("lets anonymous requests read on the embedded default, and every role read", async () => {
      for (const token of [undefined, tokens.analyst, tokens.redcarEditor, tokens.admin]) {
        const { status, body } = await system.post<{ authorities: Array<{ name: string }> }>(READ, undefined, { token });
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(body.data!.authorities.map((a) => a.name)).toEqual(["Redcar and Cleveland", "Stockton-on-Tees"]);
      }
    });
  });

  describe("anonymous reads off (the production setting)", () => {
    // the gateway's setting: its subgraph here is a small one answering READ (test/support/test-subgraph.ts)
    let closed: GatewayOverTestSubgraph;
    beforeAll(async () => {
      closed = await gatewayOverTestSubgraph(readable, { anonymousRead: false });
    });
    afterAll(async () => closed?.close());

    it("answers 401 without a token, reads with one; health and readiness need none", async () => {
      const anonymous = await closed.post(READ);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors![0]!.message).toMatch(/bearer token is required/);
      const withToken = await closed.post(READ, undefined, { token: await closed.token({ role: "analyst", authority: null }) });
      expect(withToken.status).toBe(200);
      expect(withToken.body.errors).toBeUndefined();
      for (const path of ["/healthcheck", "/readiness"]) {
        expect((await fetch(closed.gatewayUrl.replace(/\/graphql$/, path))).status, path).toBe(200);
      }
    });
  });

  describe("subgraphs trust only the gateway's signature", () => {
    const probes = {
      query: "{ __typename }",
      service: "{ _service { sdl } }",
      entities: `{ _entities(representations: [{ __typename: "Authority", code: "${REDCAR}" }]) { __typename } }`,
    };

    it("answers 401 to an unsigned call of every subgraph: queries, _service and _entities; 405 to anything but POST", async () => {
      for (const entry of subgraphCatalog()) {
        const service = system.services.get(entry.name)!;
        for (const [probe, query] of Object.entries(probes)) {
          const { status, body } = await callSubgraph(service, null, editorOf(REDCAR), query);
          expect(status, `${entry.name} ${probe}`).toBe(401);
          expect(codes(body)).toEqual(["UNAUTHENTICATED"]);
        }
        const get = await fetch(`${service.url}?query=${encodeURIComponent(probes.service)}`);
        expect(get.status, `${entry.name} GET`).toBe(405);
        // the same call signed with its own secret is answered
        expect((await callSubgraph(service, system.secrets.get(entry.name)!, analyst, probes.service)).status, `${entry.name} signed`).toBe(200);
      }
    });

    it("executes only what the signature covers: a signed GET's ?query= is refused (405), a POST's query string is ignored", async () => {
      const service = system.services.get("education")!;
      const key = { secret: system.secrets.get("education")!, audience: "education" };
      // a GET signed as the gateway would sign it: over an empty body, so the URL's operation is not covered
      const url = `${service.url}?query=${encodeURIComponent(probes.service)}`;
      const get = await fetch(url, { headers: signRequest(key, analyst, "GET", "") });
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      expect(await get.json()).toEqual({ errors: [{ message: "only POST is accepted on /graphql", extensions: { code: "METHOD_NOT_ALLOWED" } }] });
      for (const method of ["PUT", "DELETE", "PATCH"]) expect((await fetch(service.url, { method, headers: signRequest(key, analyst, method, "") })).status, method).toBe(405);
      // a POST whose signed body asks one thing and whose URL asks another: the body's operation runs
      const body = JSON.stringify({ query: "{ __typename }" });
      const post = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...signRequest(key, analyst, "POST", body) }, body });
      expect(post.status).toBe(200);
      expect(await post.json()).toEqual({ data: { __typename: "Query" } });
    });

    it("refuses a request signed for another subgraph, even one holding the same secret (the audience is signed)", async () => {
      const redcar = system.services.get("redcar-and-cleveland")!;
      const stocktonSecret = system.secrets.get("stockton-on-tees")!;
      const body = JSON.stringify({ query: probes.service });
      const send = (headers: Record<string, string>) =>
        fetch(redcar.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));
      // a request the gateway signed for Stockton-on-Tees, captured and sent to Redcar
      const forStockton = signRequest({ secret: stocktonSecret, audience: "stockton-on-tees" }, analyst, "POST", body);
      expect(await send(forStockton)).toMatchObject({ status: 401, text: expect.stringMatching(/signed for another subgraph/) });
      // Redcar's own secret, signed for Stockton, with the audience header rewritten: the signature no longer matches,
      // so even two subgraphs given one secret by mistake cannot take each other's requests
      const redcarSecret = system.secrets.get("redcar-and-cleveland")!;
      const relabelled = { ...signRequest({ secret: redcarSecret, audience: "stockton-on-tees" }, analyst, "POST", body), [AUDIENCE_HEADER]: "redcar-and-cleveland" };
      expect(await send(relabelled)).toMatchObject({ status: 401, text: expect.stringMatching(/signature does not match/) });
      // the protocol before the audience (v1) is refused by name
      expect(await send({ ...signRequest({ secret: redcarSecret, audience: "redcar-and-cleveland" }, analyst, "POST", body), [SIGNATURE_HEADER]: "v1=" + "0".repeat(64) }))
        .toMatchObject({ status: 401, text: expect.stringMatching(/protocol v1 is no longer accepted/) });
      expect((await send(signRequest({ secret: redcarSecret, audience: "redcar-and-cleveland" }, analyst, "POST", body))).status).toBe(200);
    });

    it("refuses another subgraph's secret, a body other than the one signed, an old timestamp and a replay", async () => {
      const url = system.services.get("redcar-and-cleveland")!.url;
      const secret = { secret: system.secrets.get("redcar-and-cleveland")!, audience: "redcar-and-cleveland" };
      const send = (headers: Record<string, string>, body: string) =>
        fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));
      const body = JSON.stringify({ query: probes.service });

      const otherSecret = await send(signRequest({ secret: system.secrets.get("stockton-on-tees")!, audience: "redcar-and-cleveland" }, analyst, "POST", body), body);
      expect(otherSecret).toMatchObject({ status: 401, text: expect.stringMatching(/signature does not match/) });

      const tampered = await send(signRequest(secret, analyst, "POST", body), JSON.stringify({ query: probes.entities }));
      expect(tampered).toMatchObject({ status: 401, text: expect.stringMatching(/signature does not match/) });

      const stale = await send(signRequest(secret, analyst, "POST", body, Date.now() - 120_000), body);
      expect(stale).toMatchObject({ status: 401, text: expect.stringMatching(/outside the allowed window/) });

      // an identity swapped into a validly signed request breaks the signature
      const signed = signRequest(secret, analyst, "POST", body);
      const promoted = await send({ ...signed, [IDENTITY_HEADER]: encodeIdentity(editorOf(REDCAR)) }, body);
      expect(promoted.status).toBe(401);

      const once = signRequest(secret, analyst, "POST", body);
      expect((await send(once, body)).status).toBe(200);
      expect(await send(once, body)).toMatchObject({ status: 401, text: expect.stringMatching(/already used/) });
    });

    it("serves /health and /ready without a signature (for the orchestrator)", async () => {
      for (const entry of subgraphCatalog()) {
        const base = system.services.get(entry.name)!.url.replace(/\/graphql$/, "");
        expect((await fetch(`${base}/health`)).status, `${entry.name} /health`).toBe(200);
        const ready = await fetch(`${base}/ready`);
        expect(ready.status, `${entry.name} /ready`).toBe(200);
        expect(await ready.json()).toMatchObject({ status: "ready" });
      }
    });
  });

  describe("through a gateway whose subgraph traffic is watched", () => {
    let gateway: ProxiedGateway;
    beforeAll(async () => {
      gateway = await proxiedGateway(system);
    });
    afterAll(async () => gateway?.close());

    it("ignores identity headers sent by a client: the subgraph sees the token's identity, signed", async () => {
      const education = gateway.proxies.get("education")!;
      const forged = {
        [IDENTITY_HEADER]: encodeIdentity(editorOf(REDCAR)),
        [SIGNATURE_HEADER]: "v1=" + "0".repeat(64),
        [TIMESTAMP_HEADER]: String(Date.now()),
      };
      const seenBefore = education.seen.length;
      const anonymous = await gateway.post(recordFigure, { input: figureInput("test-forged-document", "Redcar and Cleveland Borough Council") }, { headers: forged });
      expect(codes(anonymous.body)).toEqual(["UNAUTHENTICATED"]);
      const asAnalyst = await gateway.post(recordFigure, { input: figureInput("test-forged-document", "Redcar and Cleveland Borough Council") }, { headers: forged, token: tokens.analyst });
      expect(codes(asAnalyst.body)).toEqual(["FORBIDDEN"]);

      const seen = education.seen.slice(seenBefore);
      expect(seen.map((r) => decodeIdentity(String(r.headers[IDENTITY_HEADER])))).toEqual([
        { subject: "anonymous", role: "anonymous", authority: null },
        { subject: "analyst", role: "analyst", authority: null },
      ]);
      for (const request of seen) expect(request.headers[SIGNATURE_HEADER]).not.toBe(forged[SIGNATURE_HEADER]);
      const held = await system.services.get("education")!.dataSource.query("SELECT COUNT(*) AS n FROM source_document WHERE \"key\" = 'test-forged-document'");
      expect(Number(held[0].n)).toBe(0);
    });

    it("shares an in-flight subgraph answer only between requests of the same identity", async () => {
      const education = gateway.proxies.get("education")!;
      education.behave({ delayMs: 300 });
      try {
        const before = education.seen.length;
        const query = `{ authority(code: "${REDCAR}") { education { localFigures { value } } } }`;
        await Promise.all([
          ...Array.from({ length: 3 }, () => gateway.post(query)),
          ...Array.from({ length: 3 }, () => gateway.post(query, undefined, { token: tokens.admin })),
        ]);
        const identities = new Set(education.seen.slice(before).map((r) => decodeIdentity(String(r.headers[IDENTITY_HEADER])) as { role: string }).map((i) => i.role));
        expect([...identities].sort()).toEqual(["admin", "anonymous"]);
      } finally {
        education.behave({});
      }
    });
  });

  describe("plan writes: only the authority's own editors, in its own subgraph", () => {
    const updateAction = (namespace: string) => `mutation U($id: ID!, $input: UpdateActionInput!) { ${namespace} { updateAction(id: $id, input: $input) { id status } } }`;
    const planLog = (code: string) => `{ authority(code: "${code}") { code auditLog(limit: 5) { operation entityType entityId actor role before after } } }`;
    let stocktonAction: string;
    let redcarAction: string;

    beforeAll(async () => {
      const { data } = await system.query<{ authorities: Array<{ actions: Array<{ id: string; status: string | null }> }> }>(
        `{ authorities(codes: ["${REDCAR}", "${STOCKTON}"]) { code actions { id status } } }`,
      );
      redcarAction = data!.authorities[0]!.actions[0]!.id;
      stocktonAction = data!.authorities[1]!.actions[0]!.id;
    });

    const actionRow = (subgraph: string, id: string) =>
      system.services.get(subgraph)!.dataSource.query("SELECT * FROM action WHERE id = ?", [id]).then((rows: unknown[]) => JSON.stringify(rows));
    const auditCount = (subgraph: string) =>
      system.services.get(subgraph)!.dataSource.query("SELECT COUNT(*) AS n FROM audit_entry").then((rows: Array<{ n: number }>) => Number(rows[0]!.n));

    it("refuses Redcar's editor writing to Stockton-on-Tees, and an analyst or admin writing anywhere: FORBIDDEN, nothing changed", async () => {
      const before = await actionRow("stockton-on-tees", stocktonAction);
      const auditBefore = await auditCount("stockton-on-tees");
      const attempts: Array<[string, string | undefined, string, string]> = [
        ["Redcar's editor on Stockton's action", tokens.redcarEditor, "stocktonOnTees", "FORBIDDEN"],
        ["an analyst", tokens.analyst, "stocktonOnTees", "FORBIDDEN"],
        ["an admin", tokens.admin, "stocktonOnTees", "FORBIDDEN"],
        ["anonymous", undefined, "stocktonOnTees", "UNAUTHENTICATED"],
      ];
      for (const [who, token, namespace, code] of attempts) {
        const { body } = await system.post(updateAction(namespace), { id: stocktonAction, input: { status: "Completed (forged)" } }, { token });
        expect(codes(body), who).toEqual([code]);
        expect(body.data ?? null, who).toBeNull();
      }
      // a Stockton id sent to Redcar's own subgraph is not found there: Redcar's subgraph holds only Redcar's data
      const viaOwn = await system.post(updateAction("redcarAndCleveland"), { id: stocktonAction, input: { status: "Completed (forged)" } }, { token: tokens.redcarEditor });
      expect(codes(viaOwn.body)).toEqual(["BAD_USER_INPUT"]);
      expect(await actionRow("stockton-on-tees", stocktonAction)).toBe(before);
      expect(await auditCount("stockton-on-tees")).toBe(auditBefore);
    });

    it("leaves everything as it was when a write fails validation, naming the field", async () => {
      const before = await actionRow("redcar-and-cleveland", redcarAction);
      const auditBefore = await auditCount("redcar-and-cleveland");
      const { body } = await system.post(updateAction("redcarAndCleveland"), { id: redcarAction, input: { status: "On track", timescale: { text: "by summer", start: "summer 2025" } } }, { token: tokens.redcarEditor });
      expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
      expect(body.errors![0]!.message).toMatch(/input\.timescale\.start/);
      expect(await actionRow("redcar-and-cleveland", redcarAction)).toBe(before);
      expect(await auditCount("redcar-and-cleveland")).toBe(auditBefore);
    });

    it("records a successful write in the audit log: who, when, what changed; readable by that authority's editors and admins only", async () => {
      const startedAt = new Date().toISOString();
      const { body } = await system.post<{ redcarAndCleveland: { updateAction: { id: string; status: string } } }>(
        updateAction("redcarAndCleveland"), { id: redcarAction, input: { status: "On track (security test)" } }, { token: tokens.redcarEditor },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.redcarAndCleveland.updateAction).toEqual({ id: redcarAction, status: "On track (security test)" });

      const log = await system.post<{ authority: { auditLog: Array<{ operation: string; entityType: string; entityId: string; actor: string; role: string; before: string; after: string }> } }>(planLog(REDCAR), undefined, { token: tokens.redcarEditor });
      expect(log.body.errors).toBeUndefined();
      const entry = log.body.data!.authority.auditLog[0]!;
      expect(entry).toMatchObject({ operation: "updateAction", entityType: "Action", entityId: redcarAction, actor: `editor@${REDCAR}`, role: "editor" });
      expect(JSON.parse(entry.after)).toMatchObject({ status: "On track (security test)" });
      expect(JSON.parse(entry.before).status).not.toBe("On track (security test)");
      const at = await system.services.get("redcar-and-cleveland")!.dataSource.query("SELECT at FROM audit_entry WHERE entityId = ? ORDER BY at DESC", [redcarAction]);
      expect(at[0].at >= startedAt).toBe(true);

      expect((await system.post(planLog(REDCAR), undefined, { token: tokens.admin })).body.errors).toBeUndefined();
      for (const [who, token, code] of [["Stockton's editor", tokens.stocktonEditor, "FORBIDDEN"], ["an analyst", tokens.analyst, "FORBIDDEN"], ["anonymous", undefined, "UNAUTHENTICATED"]] as const) {
        const { body: denied } = await system.post<{ authority: { code: string; auditLog: unknown } }>(planLog(REDCAR), undefined, { token });
        expect(codes(denied), who).toEqual([code]);
        expect(denied.data!.authority, who).toEqual({ code: REDCAR, auditLog: null });
      }
    });
  });

  describe("education and care: local figures of one's own authority", () => {
    it("lets an editor record for their own authority only (from the token), audited; others are refused", async () => {
      const education = system.services.get("education")!;
      const countLocal = async () => Number((await education.dataSource.query("SELECT COUNT(*) AS n FROM figure WHERE kind = 'local'"))[0].n);
      const before = await countLocal();

      const byAnalyst = await system.post(recordFigure, { input: figureInput("stockton-on-tees-test-update", "Stockton-on-Tees Borough Council") }, { token: tokens.analyst });
      expect(codes(byAnalyst.body)).toEqual(["FORBIDDEN"]);
      const byAdmin = await system.post(recordFigure, { input: figureInput("stockton-on-tees-test-update", "Stockton-on-Tees Borough Council") }, { token: tokens.admin });
      expect(codes(byAdmin.body)).toEqual(["FORBIDDEN"]);
      expect(await countLocal()).toBe(before);

      const own = await system.post<{ recordEducationLocalFigure: { id: string } }>(recordFigure, { input: figureInput("stockton-on-tees-test-update", "Stockton-on-Tees Borough Council") }, { token: tokens.stocktonEditor });
      expect(own.body.errors).toBeUndefined();
      const figureId = own.body.data!.recordEducationLocalFigure.id;
      expect(await countLocal()).toBe(before + 1);

      // Redcar's editor cannot delete Stockton's figure
      const crossDelete = await system.post(`mutation { deleteEducationLocalFigure(id: "${figureId}") }`, undefined, { token: tokens.redcarEditor });
      expect(codes(crossDelete.body)).toEqual(["FORBIDDEN"]);
      expect(await countLocal()).toBe(before + 1);

      // the audit log, reached through entity resolution: Stockton's editors and admins only
      const stocktonLog = await system.post<{ authority: { educationAuditLog: Array<{ operation: string; actor: string; role: string }> } }>(authorityAudit(STOCKTON), undefined, { token: tokens.stocktonEditor });
      expect(stocktonLog.body.errors).toBeUndefined();
      expect(stocktonLog.body.data!.authority.educationAuditLog[0]).toEqual({ operation: "recordEducationLocalFigure", actor: `editor@${STOCKTON}`, role: "editor" });
      expect((await system.post(authorityAudit(STOCKTON), undefined, { token: tokens.admin })).body.errors).toBeUndefined();
      for (const [who, token, code] of [["Redcar's editor", tokens.redcarEditor, "FORBIDDEN"], ["an analyst", tokens.analyst, "FORBIDDEN"], ["anonymous", undefined, "UNAUTHENTICATED"]] as const) {
        const { body } = await system.post<{ authority: { code: string; educationAuditLog: unknown } }>(authorityAudit(STOCKTON), undefined, { token });
        expect(codes(body), who).toEqual([code]);
        // the rest of the answer stands: only the log is withheld
        expect(body.data!.authority, who).toEqual({ code: STOCKTON, educationAuditLog: null });
      }
      // and directly as _entities, as the gateway itself would ask
      const direct = await callSubgraph(education, system.secrets.get("education")!, editorOf(REDCAR), educationAudit, { reps: [{ __typename: "Authority", code: STOCKTON }] });
      expect(codes(direct.body)).toEqual(["FORBIDDEN"]);
    });
  });

  describe("resilience", () => {
    it("gives partial data and an error within the timeout when a subgraph is slow", async () => {
      const gateway = await proxiedGateway(system, { subgraphTimeoutMs: 700 });
      try {
        gateway.proxies.get("education")!.behave({ delayMs: 5_000 });
        const started = performance.now();
        const { status, body } = await gateway.post<{ authorities: Array<{ code: string; name: string; education: unknown }> }>(READ);
        const elapsed = performance.now() - started;
        expect(status).toBe(200);
        expect(elapsed, "answered within the timeout (plus margin), not after the subgraph").toBeLessThan(2_500);
        expect(body.data!.authorities.map((a) => [a.name, a.education])).toEqual([["Redcar and Cleveland", null], ["Stockton-on-Tees", null]]);
        expect(body.errors!.length).toBeGreaterThan(0);
        expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\//);
      } finally {
        await gateway.close();
      }
    });

    it("sends a mutation once: a connection cut mid-write is an error, not a retry", async () => {
      const gateway = await proxiedGateway(system);
      try {
        const education = gateway.proxies.get("education")!;
        education.behave({ drop: (request) => request.body.includes("recordEducationLocalFigure") });
        const { body } = await gateway.post(recordFigure, { input: figureInput("test-cut-document", "Redcar and Cleveland Borough Council") }, { token: tokens.redcarEditor });
        expect(body.data ?? null).toBeNull();
        expect(body.errors!.length).toBeGreaterThan(0);
        expect(education.seen.filter((r) => r.body.includes("recordEducationLocalFigure"))).toHaveLength(1);
      } finally {
        await gateway.close();
      }
    });
  });
});
