/**
 * GraphiQL works on a network without internet access: the page, its script, styles and editor
 * workers all come from the gateway (from an installed npm package), under a
 * Content-Security-Policy that allows nothing from elsewhere. Over HTTP everywhere; in a real
 * browser (Chromium, no internet) where /usr/bin/chromium is installed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/catalog";
import { buildGateway } from "../gateway/src/server";
import { hasChromium, isLocal, launchOfflineChromium, screenshotDir, type OfflineBrowser } from "./support/browser";
import { startSystem, type RunningSystem } from "./support/system";

if (!hasChromium) console.warn("GraphiQL browser tests NOT run: /usr/bin/chromium is not installed (apt-get install chromium; CI installs it)");

/** the policy's directives; fails unless every source is this origin, data:, 'none' or inline styles */
function expectNothingExternal(header: string | null) {
  expect(header, "content-security-policy header").toBeTruthy();
  const directives = new Map(
    header!.split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name!.toLowerCase(), sources] as const;
    }),
  );
  expect(directives.get("default-src")).toEqual(["'none'"]);
  expect(directives.get("script-src")).toEqual(["'self'"]);
  const allowed: Record<string, string[]> = { "style-src": ["'self'", "'unsafe-inline'"], "img-src": ["'self'", "data:"], "font-src": ["'self'", "data:"] };
  for (const [name, sources] of directives) {
    for (const source of sources) expect(["'none'", "'self'", ...(allowed[name] ?? [])], `${name} ${source}`).toContain(source);
  }
  for (const name of ["connect-src", "worker-src", "base-uri", "form-action", "frame-ancestors"]) expect(directives.has(name), name).toBe(true);
}

let system: RunningSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await system?.close();
});

const openPage = () => fetch(system.gatewayUrl, { headers: { accept: "text/html" } });

describe("GraphiQL's page over HTTP", () => {
  it("refers only to the gateway's own files, and every one of them is there", async () => {
    const page = await openPage();
    expect(page.status).toBe(200);
    expectNothingExternal(page.headers.get("content-security-policy"));
    const html = await page.text();
    expect(html).toContain("<title>Tees Partnership Graph</title>");
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    expect(references.filter((r) => !r.startsWith("data:"))).toHaveLength(3); // styles, start, GraphiQL
    const origin = new URL(system.gatewayUrl).origin;
    for (const reference of references) {
      const url = new URL(reference, system.gatewayUrl);
      if (url.protocol === "data:") continue;
      expect(url.origin, reference).toBe(origin);
      const file = await fetch(url);
      expect(file.status, reference).toBe(200);
      expect(file.headers.get("content-type"), reference).toMatch(reference.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
      expect((await file.arrayBuffer()).byteLength, reference).toBeGreaterThan(500);
    }
    // the page's options (default query among them) travel as data, not as a script
    const options = JSON.parse(/<script type="application\/json" id="graphiql-options">(.*?)<\/script>/s.exec(html)![1]!);
    expect(options.defaultQuery).toMatch(/query TeesValley/);
  });

  it("serves the editor's workers and favicon, gzipped when asked, cached for good; an unknown file or id is a 404", async () => {
    const html = await (await openPage()).text();
    const base = /href="(\/graphiql\/[0-9a-f]{16}\/)graphiql\.css"/.exec(html)![1]!;
    const url = (file: string) => new URL(`${base}${file}`, system.gatewayUrl);
    for (const worker of ["editor.worker.js", "json.worker.js", "graphql.worker.js"]) {
      const response = await fetch(url(worker));
      expect(response.status, worker).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expectNothingExternal(response.headers.get("content-security-policy"));
    }
    // (Node's fetch undoes the compression: the same text either way)
    const raw = await fetch(url("graphiql.js"), { headers: { "accept-encoding": "gzip" } });
    expect(raw.headers.get("content-encoding")).toBe("gzip");
    const plain = await fetch(url("graphiql.js"), { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect((await raw.text()).length).toBe((await plain.text()).length);
    expect((await fetch(url("favicon.ico"))).headers.get("content-type")).toMatch(/^image\//);
    expect((await fetch(url("nothing.js"))).status).toBe(404);
    expect((await fetch(new URL("/graphiql/0000000000000000/graphiql.js", system.gatewayUrl))).status).toBe(404);
  });

  it("is not there when introspection is off (production): no page, no files", async () => {
    const runtime = buildGateway({
      supergraphSdl: readFileSync(join(repoRoot, "gateway/supergraph.graphql"), "utf8"),
      subgraphUrls: {},
      subgraphTimeoutMs: 1000,
      auth: system.auth,
      introspection: false,
    }, { logging: false });
    try {
      const html = await (await openPage()).text();
      const path = /href="(\/graphiql\/[0-9a-f]{16}\/graphiql\.css)"/.exec(html)![1]!;
      const page = await runtime.fetch("http://127.0.0.1/graphql", { headers: { accept: "text/html" } });
      expect(await page.text()).not.toContain("graphiql");
      expect((await runtime.fetch(`http://127.0.0.1${path}`)).status).toBe(404);
    } finally {
      await runtime.dispose();
    }
  });
});

describe.runIf(hasChromium)("GraphiQL in Chromium, with no internet", () => {
  let browser: OfflineBrowser;
  beforeAll(async () => {
    browser = await launchOfflineChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("the recorder sees a page that tries to leave this machine (so it would see GraphiQL's)", async () => {
    const page = await browser.context.newPage();
    await page.goto("http://graphiql-test.invalid/").catch(() => undefined);
    await page.close();
    expect(browser.outside.join("\n")).toMatch(/graphiql-test\.invalid/);
    browser.outside.length = 0;
  });

  it("loads from the gateway alone, runs the first query and shows real data in the result pane", async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const refused: string[] = [];
    const errors: string[] = [];
    browser.context.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));

    const response = await page.goto(system.gatewayUrl, { waitUntil: "load" });
    expect(response!.status()).toBe(200);
    // by "load", the page has asked for its script and styles: from here (Yoga's default page asks unpkg.com)
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    expectNothingExternal(await response!.headerValue("content-security-policy"));
    const run = page.locator(".graphiql-execute-button");
    await run.waitFor({ state: "visible", timeout: 30_000 });
    // the editor holds the gateway's first query (Monaco: wait for its workers and text)
    await expect.poll(() => page.locator(".graphiql-query-editor").innerText(), { timeout: 30_000 }).toMatch(/TeesValley/);

    const answered = page.waitForResponse((r) => r.url() === system.gatewayUrl && r.request().method() === "POST" && (r.request().postData() ?? "").includes("TeesValley"));
    await run.click();
    const answer = (await (await answered).json()) as { data: { authorities: Array<{ code: string; name: string }> }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.authorities.map((a) => a.code)).toContain("E06000003");
    // what a person sees: the result pane shows the first authority's name
    const first = answer.data.authorities[0]!;
    await expect
      .poll(async () => (await page.locator(".graphiql-response").innerText()).replace(/\u00a0/g, " "), { timeout: 30_000 })
      .toContain(`"name": "${first.name}"`);
    await page.screenshot({ path: join(screenshotDir, "graphiql.png") });

    // every request the page made went to this machine, the editor's workers among them
    const workers = new Set(requests.flatMap((url) => /\/([a-z]+\.worker\.js)$/.exec(url)?.[1] ?? []));
    expect([...workers].sort(), requests.join("\n")).toEqual(["editor.worker.js", "graphql.worker.js", "json.worker.js"]);
    expect(requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(browser.outside).toEqual([]);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);

    // the policy is in force in the browser: a script from a CDN is refused before any request
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(`${e.effectiveDirective} ${e.blockedURI}`), { once: true });
          const script = document.createElement("script");
          script.src = "https://unpkg.com/graphiql/graphiql.min.js";
          document.body.append(script);
        }),
    );
    expect(blocked).toBe("script-src-elem https://unpkg.com/graphiql/graphiql.min.js");
    expect(browser.outside).toEqual([]);
    await page.close();
  });
});
