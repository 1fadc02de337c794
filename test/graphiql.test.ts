/**
 * GraphiQL works on a network without internet access: the page, its script, styles and editor
 * workers all come from the gateway (from an installed npm package), under a
 * Content-Security-Policy that allows nothing from elsewhere. Over HTTP here; in a real browser
 * (Chromium, no internet) in test/graphiql-browser.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/catalog";
import { buildGateway } from "../gateway/src/server";
import { expectNothingExternal } from "./support/graphiql";
import { sharedSystem, type SharedSystem } from "./support/system";

let system: SharedSystem;
beforeAll(async () => {
  system = await sharedSystem(); // only reads: the run's shared system
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
