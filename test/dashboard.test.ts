/**
 * The dashboard over HTTP, against the real system (embedded databases, and MySQL/MariaDB when
 * MYSQL_URL is set; gateway; dashboard on port 0):
 * settings that fail fast naming the setting, the server-held token (never in a page; analysts only),
 * a strict CSP, clear refusals of bad input, CSV and SVG exports (sources and licence inside, formula
 * cells neutralised), and the first-load budget (at most 100 KB gzip, JavaScript at most 30 KB).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../dashboard/src/config";
import { dashboardToken } from "../dashboard/src/token";
import { OGL_ATTRIBUTION } from "../gateway/client/attribution";
import { issueToken } from "../gateway/src/identity";
import { startDashboardSystem, type RunningDashboard } from "./support/dashboard";
import { databases } from "./support/matrix";

const REDCAR = "E06000003";
const STOCKTON = "E06000004";
const secret = "a-test-secret-that-is-long-enough-0123456789";

describe("dashboard settings", () => {
  const base = { DASHBOARD_GATEWAY_URL: "http://gateway:4000/graphql", DASHBOARD_JWT_SECRET: secret };
  it("reads its settings once, with defaults", () => {
    const config = loadConfig(base);
    expect(config.port).toBe(4100);
    expect(config.token).toMatchObject({ kind: "secret", lifetimeSeconds: 3600, issuer: "tees-partnership-graph" });
  });
  it.each([
    [{ DASHBOARD_JWT_SECRET: secret }, /DASHBOARD_GATEWAY_URL is required/],
    [{ ...base, DASHBOARD_GATEWAY_URL: "gateway:4000" }, /DASHBOARD_GATEWAY_URL must be an http\(s\) URL/],
    [{ DASHBOARD_GATEWAY_URL: base.DASHBOARD_GATEWAY_URL }, /DASHBOARD_JWT_SECRET or DASHBOARD_TOKEN_FILE is required/],
    [{ ...base, DASHBOARD_TOKEN_FILE: "/run/token" }, /DASHBOARD_JWT_SECRET or DASHBOARD_TOKEN_FILE, not both/],
    [{ ...base, DASHBOARD_JWT_SECRET: "short" }, /DASHBOARD_JWT_SECRET must be at least/],
    [{ ...base, DASHBOARD_PORT: "70000" }, /DASHBOARD_PORT must be a whole number from 0 to 65535/],
    [{ ...base, DASHBOARD_TOKEN_LIFETIME_SECONDS: "999999" }, /DASHBOARD_TOKEN_LIFETIME_SECONDS must be a whole number from 60 to 86400/],
  ])("refuses %o naming the setting", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe("the dashboard's token", () => {
  it("signs an analyst token, and renews it before it expires", async () => {
    const token = dashboardToken({ kind: "secret", secret, issuer: "i", audience: "a", lifetimeSeconds: 120 });
    const first = decodeJwt(await token());
    expect(first).toMatchObject({ role: "analyst", sub: "dashboard", iss: "i", aud: "a" });
    expect(first.exp! - first.iat!).toBe(120);
  });
  it("from a file, takes only an analyst token", async () => {
    const folder = mkdtempSync(join(tmpdir(), "dashboard-token-"));
    try {
      const file = join(folder, "token");
      const party = { issuer: "tees-partnership-graph", audience: "tees-partnership-graph", expiresIn: "1h" };
      writeFileSync(file, await issueToken(secret, { subject: "e", role: "editor", authority: REDCAR, ...party }));
      await expect(dashboardToken({ kind: "file", path: file })()).rejects.toThrow(/holds a editor token: the dashboard takes only a read-only analyst token/);
      writeFileSync(file, "not a token");
      await expect(dashboardToken({ kind: "file", path: file })()).rejects.toThrow(/does not hold a JWT/);
      const analyst = await issueToken(secret, { subject: "dash", role: "analyst", ...party });
      writeFileSync(file, `${analyst}\n`);
      expect(await dashboardToken({ kind: "file", path: file })()).toBe(analyst);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.each(databases)("the dashboard over HTTP on $label", ({ database }) => {
  let running: RunningDashboard;
  beforeAll(async () => {
    running = await startDashboardSystem({ database });
  });
  afterAll(async () => running?.close());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(running.url + path, { headers, redirect: "manual" });

  it("answers /health, and every page with a strict CSP and no token in it", async () => {
    expect((await get("/health")).status).toBe(200);
    for (const path of ["/", `/authorities/${REDCAR}`, `/authorities/${REDCAR}/measures/LAC`, "/measures/LAC", "/lead-groups", "/about/data", "/accessibility"]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain("unsafe");
      const html = await response.text();
      expect(html, path).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // no JWT anywhere in a page
      expect(html).not.toContain("<script>"); // no inline script
    }
    // the gateway refuses anonymous reads in this system: the pages' figures came with the dashboard's token
    expect((await running.system.post("{ themes { id } }")).status).toBe(401);
  });

  it("turns the home page's GET forms into stable addresses", async () => {
    const authority = await get(`/authorities?code=${REDCAR}`);
    expect(authority.status).toBe(303);
    expect(authority.headers.get("location")).toBe(`/authorities/${REDCAR}`);
    const measure = await get("/measures?measure=LAC");
    expect(measure.headers.get("location")).toBe("/measures/LAC");
  });

  it("refuses bad input with a message naming what was wrong", async () => {
    const cases: Array<[string, number, string]> = [
      ["/authorities/REDCAR", 400, "is not an authority's ONS code"],
      ["/authorities/E06999999", 404, "no English local authority has the ONS code E06999999"],
      [`/authorities/${REDCAR}/measures/NOPE`, 404, "no published measure has the code"],
      [`/compare?authorities=${REDCAR}&theme=early-years`, 400, "choose 2 to 5 authorities to compare (1 chosen)"],
      [`/compare?authorities=${REDCAR}&authorities=${STOCKTON}&theme=nope`, 400, "is not a theme"],
      ["/measures/LAC?sort=evil", 400, "sort must be name, value or rank"],
      [`/authorities/${REDCAR}?topic=Nope`, 400, "is not a LAIT topic"],
      ["/authorities/%E0%A4%A", 400, "is not a valid part of an address"],
      ["/nowhere", 404, "No view of the dashboard has this address"],
    ];
    for (const [path, status, message] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(await response.text(), path).toContain(message);
    }
    expect((await fetch(`${running.url}/`, { method: "POST" })).status).toBe(405);
  });

  it("exports a measure as CSV (one row per figure, with source and licence) and as SVG with its title, source and licence", async () => {
    const csvResponse = await get(`/authorities/${REDCAR}/measures/LACnum/download.csv`);
    expect(csvResponse.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csvResponse.headers.get("content-disposition")).toMatch(/^attachment; filename="E06000003-LACnum.csv"/);
    const rows = parse(await csvResponse.text(), { columns: true }) as Array<Record<string, string>>;
    const local = rows.find((r) => r.kind === "local");
    expect(local?.value).toBe("425");
    expect(local?.licence).toContain("council's own document");
    const published2024 = rows.find((r) => r.kind === "published" && r.table === "series" && r.period === "2024");
    expect(published2024?.licence).toContain("Open Government Licence");
    // a missing figure is [x], never 0 or an empty cell
    for (const r of rows) if (r.value === "") throw new Error(`empty value in ${JSON.stringify(r)}`);

    const svg = await (await get(`/authorities/${REDCAR}/measures/LAC/chart.svg`)).text();
    expect(svg.startsWith('<?xml version="1.0"')).toBe(true);
    expect(svg).toContain("Children looked after rate per 10,000: Redcar and Cleveland");
    expect(svg).toContain("Source: Department for Education, Local Authority Interactive Tool (LAIT)");
    expect(svg).toContain("Data as at 2026-04-08.");
    // the licence statement word for word, across the lines it is wrapped into
    const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
    expect(words).toContain(OGL_ATTRIBUTION);
    const all = await (await get(`/measures/LAC/chart.svg?highlight=${REDCAR}`)).text();
    expect(all).toContain("Redcar and Cleveland: 144");
    const allCsv = parse(await (await get("/measures/LAC/download.csv")).text(), { columns: true }) as Array<Record<string, string>>;
    expect(allCsv.length).toBe((await running.system.query<{ authorities: unknown[] }>("{ authorities { code } }", {}, { token: await running.system.token({ role: "analyst", authority: null }) })).data!.authorities.length);
  });

  it("shows under each action a lead group leads the indicators of the action's priorities (read once per priority)", async () => {
    const token = await running.system.token({ role: "analyst", authority: null });
    // the same, asked the old way (each action's priorities' indicators), for the two plan authorities: within the cost limit
    const { data } = await running.system.query<{ authorities: Array<{ groups: Array<{ canonicalName: string; actions: Array<{ title: string; priorities: Array<{ indicators: Array<{ wording: string }> }> }> }> }> }>(
      `{ authorities(codes: ["${REDCAR}", "${STOCKTON}"]) { groups { canonicalName actions { title priorities { indicators { wording } } } } } }`, {}, { token },
    );
    const wordingsOf = (group: { actions: Array<{ priorities: Array<{ indicators: Array<{ wording: string }> }> }> }) =>
      group.actions.flatMap((a) => a.priorities.flatMap((p) => p.indicators.map((i) => i.wording)));
    // every group that leads actions under priorities with indicators
    const groups = data!.authorities.flatMap((a) => a.groups).filter((g) => wordingsOf(g).length > 0);
    expect(groups.length, "groups that lead actions under priorities with indicators").toBeGreaterThan(0);
    const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    for (const canonical of new Set(groups.map((g) => g.canonicalName))) {
      const page = await (await get(`/lead-groups/${encodeURIComponent(canonical)}`)).text();
      const expected = groups.filter((g) => g.canonicalName === canonical).flatMap(wordingsOf);
      for (const wording of new Set(expected)) expect(page, `${canonical}: ${wording}`).toContain(escape(wording));
    }
  });

  it("offers every table of a page as CSV, with the cells as shown, its caption and the licence", async () => {
    const page = await (await get("/lead-groups")).text();
    const links = [...page.matchAll(/href="(\/lead-groups\/table\.csv\?table=\d+)"/g)].map((m) => m[1]!);
    expect(links).toEqual(["/lead-groups/table.csv?table=1"]);
    const rows = parse(await (await get(links[0]!)).text(), { columns: true }) as Array<Record<string, string>>;
    const malap = rows.find((r) => r.Body === "malap");
    expect(malap?.["Redcar and Cleveland"]).toMatch(/Multi[- ]Agency Looked After Partnership|MALAP/i);
    expect(malap?.licence).toContain("Open Government Licence v3.0");
    expect(malap?.table).toBe("Bodies named in the plans");
    // the profile's tables keep the page's choices (its topic) in their addresses
    const profile = await (await get(`/authorities/${REDCAR}?topic=Children+Looked+After`)).text();
    const tables = [...profile.matchAll(/href="(\/authorities\/E06000003\/table\.csv\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    const last = parse(await (await get(tables.at(-1)!)).text(), { columns: true }) as Array<Record<string, string>>;
    expect(last.find((r) => r.Measure === "Children looked after rate per 10,000")?.["Latest (period)"]).toMatch(/^\d+ \(\d{4}\)$/);
    const wrong = await get(`/lead-groups/table.csv?table=9`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("this page has 1 table: table must be 1 to 1");
  });

  it("neutralises an editor's formula-like text in every CSV and shows it as text in the page", async () => {
    const editor = await running.system.token({ role: "editor", authority: STOCKTON });
    const plans = await running.system.query<{ authority: { plans: Array<{ id: string }> } }>(`{ authority(code: "${STOCKTON}") { plans { id } } }`, {}, { token: editor });
    const planId = plans.data!.authority.plans[0]!.id;
    const formula = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    const created = await running.system.query(
      "mutation ($input: CreatePriorityInput!) { stocktonOnTees { createPriority(input: $input) { id } } }",
      { input: { planId, title: formula, themes: ["early-years"], source: { section: "Test" } } },
      { token: editor },
    );
    expect(created.errors).toBeUndefined();
    const path = `/authorities/${STOCKTON}/plans/${encodeURIComponent(planId)}`;
    const csvText = await (await get(`${path}/download.csv`)).text();
    expect(csvText).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
    expect(csvText).not.toMatch(/(^|,)"=HYPERLINK/m);
    const html = await (await get(path)).text();
    expect(html).toContain("=HYPERLINK(&quot;http://example.invalid&quot;,&quot;click&quot;)");
  });

  it("first load (home page, its CSS and scripts) is at most 100 KB gzip, the scripts at most 30 KB", async () => {
    const home = await get("/", { "accept-encoding": "identity" });
    const html = await home.text();
    const references = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(references.length).toBe(3); // the CSS, the autocomplete and the dashboard's script
    let total = gzipSync(html, { level: 9 }).length;
    let script = 0;
    for (const reference of references) {
      const response = await get(reference, { "accept-encoding": "gzip" });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toContain("immutable");
      // the size as sent: fetch undoes the gzip, so it is measured again here
      const size = gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
      total += size;
      if (reference.endsWith(".js")) script += size;
    }
    console.log(`dashboard first load: ${(total / 1024).toFixed(1)} KB gzip in total, scripts ${(script / 1024).toFixed(1)} KB`);
    expect(total).toBeLessThanOrEqual(100 * 1024);
    expect(script).toBeLessThanOrEqual(30 * 1024);
  });
});
