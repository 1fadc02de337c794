/**
 * The dashboard's HTTP server: thin routes (path and query → a page function → HTML, CSV or SVG),
 * static assets, /health, and a strict Content-Security-Policy on every answer.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ComponentChildren } from "preact";
import { render } from "preact-render-to-string";
import { csv } from "../../gateway/client/safe-export";
import type { TokenSource } from "../../gateway/client/token";
import { buildAssets, type Asset } from "./assets";
import { Data, GatewayUnavailable } from "./data";
import { ATTRIBUTION } from "../../gateway/client/attribution";
import { Notice, Page, withTables, type CollectedTable } from "./layout";
import { allAuthoritiesPage, authorityPage, BadRequest, measurePage, type Result } from "./pages";
import { aboutDataPage, accessibilityPage, comparePage, homePage, leadGroupsPage, planPage } from "./pages-plans";

export const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

export interface DashboardOptions {
  gatewayUrl: string;
  token: TokenSource;
  gatewayTimeoutMs?: number;
}

/** one path segment, decoded; a malformed escape is the caller's mistake */
function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new BadRequest(`"${raw.slice(0, 60)}" is not a valid part of an address`);
  }
}

type Route = (parts: string[], query: URLSearchParams) => Promise<Result> | Result | null;

export function dashboardHandler(options: DashboardOptions) {
  const data = new Data(options.gatewayUrl, options.token, options.gatewayTimeoutMs ?? 10_000);
  const assets = buildAssets();
  const byPath = new Map<string, Asset>([assets.css, assets.js, assets.autocomplete].map((a) => [a.path, a]));
  const links = { css: assets.css.path, js: assets.js.path, autocomplete: assets.autocomplete.path };

  const route: Route = (p, q) => {
    const [first, second, third, fourth, fifth] = p;
    if (p.length === 0) return homePage(data);
    if (first === "authorities") {
      if (p.length === 1) {
        const code = q.get("code")?.trim();
        if (!code) throw new BadRequest("choose an authority");
        return { kind: "redirect", location: `/authorities/${encodeURIComponent(code)}` };
      }
      const code = second!;
      if (p.length === 2) return authorityPage(data, code, q, false);
      if (p.length === 3 && third === "download.csv") return authorityPage(data, code, q, true);
      if (third === "measures" && p.length === 3) {
        const measure = q.get("measure")?.trim();
        if (!measure) throw new BadRequest("choose a measure");
        return { kind: "redirect", location: `/authorities/${encodeURIComponent(code)}/measures/${encodeURIComponent(measure)}` };
      }
      if (third === "measures" && fourth !== undefined) {
        if (p.length === 4) return measurePage(data, code, fourth, "page");
        if (p.length === 5 && fifth === "download.csv") return measurePage(data, code, fourth, "csv");
        if (p.length === 5 && fifth === "chart.svg") return measurePage(data, code, fourth, "svg");
      }
      if (third === "plans" && fourth !== undefined) {
        if (p.length === 4) return planPage(data, code, fourth, false);
        if (p.length === 5 && fifth === "download.csv") return planPage(data, code, fourth, true);
      }
      return null;
    }
    if (first === "measures") {
      if (p.length === 1) {
        const measure = q.get("measure")?.trim();
        if (!measure) throw new BadRequest("choose a measure");
        return { kind: "redirect", location: `/measures/${encodeURIComponent(measure)}` };
      }
      if (p.length === 2) return allAuthoritiesPage(data, second!, q, "page");
      if (p.length === 3 && third === "download.csv") return allAuthoritiesPage(data, second!, q, "csv");
      if (p.length === 3 && third === "chart.svg") return allAuthoritiesPage(data, second!, q, "svg");
      return null;
    }
    if (first === "compare" && p.length === 1) return comparePage(data, q, false);
    if (first === "compare" && p.length === 2 && second === "download.csv") return comparePage(data, q, true);
    if (first === "lead-groups") {
      if (p.length === 1) return leadGroupsPage(data, null, false);
      if (p.length === 2) return leadGroupsPage(data, second!, false);
      if (p.length === 3 && third === "download.csv") return leadGroupsPage(data, second!, true);
      return null;
    }
    if (first === "about" && second === "data" && p.length === 2) return aboutDataPage(data);
    if (first === "accessibility" && p.length === 1) return accessibilityPage();
    return null;
  };

  const sendPage = (response: ServerResponse, current: URL, status: number, title: string, body: ComponentChildren, wide = false) => {
    const query = new URLSearchParams(current.searchParams);
    query.delete("table");
    const html = `<!DOCTYPE html>${withTables(current.pathname, query, null, () => render(<Page title={title} assets={links} wide={wide}>{body}</Page>))}`;
    response.writeHead(status, { ...SECURITY_HEADERS, "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
  };

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://dashboard.invalid");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...SECURITY_HEADERS, allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("the dashboard only reads: GET or HEAD\n");
      return;
    }
    if (url.pathname === "/health") {
      response.writeHead(200, { ...SECURITY_HEADERS, "content-type": "application/json", "cache-control": "no-store" }).end('{"status":"ok"}\n');
      return;
    }
    const asset = byPath.get(url.pathname);
    if (asset) {
      const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
      response.writeHead(200, {
        ...SECURITY_HEADERS, "content-type": asset.type, "cache-control": "public, max-age=31536000, immutable", vary: "accept-encoding",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      }).end(gzip ? asset.gzip : asset.body);
      return;
    }
    try {
      const parts = url.pathname.split("/").filter(Boolean).map(segment);
      if (parts.length > 6 || url.search.length > 2000) throw new BadRequest("the address is longer than any view of the dashboard");
      // <page>/table.csv?…&table=<n>: table n of that page, as shown
      const tableCsv = parts[parts.length - 1] === "table.csv";
      const result = await route(tableCsv ? parts.slice(0, -1) : parts, url.searchParams);
      if (tableCsv && result?.kind === "page") {
        const wanted = Number(url.searchParams.get("table"));
        const tables: CollectedTable[] = [];
        const path = url.pathname.slice(0, -"/table.csv".length) || "/";
        withTables(path, url.searchParams, tables, () => render(<>{result.body}</>));
        const table = Number.isInteger(wanted) ? tables[wanted - 1] : undefined;
        if (!table) throw new BadRequest(`this page has ${tables.length} table${tables.length === 1 ? "" : "s"}: table must be 1 to ${tables.length}`);
        const rows = [[...table.head, "table", "licence"], ...table.rows.map((r) => [...r, table.caption, ATTRIBUTION])];
        response.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="table-${wanted}.csv"`, "cache-control": "no-store" }).end(csv(rows));
        return;
      }
      if (tableCsv) throw new BadRequest("only a page's tables have a table.csv");
      if (!result) {
        sendPage(response, url, 404, "Page not found", <><h1 class="govuk-heading-l">Page not found</h1><p class="govuk-body">No view of the dashboard has this address. <a class="govuk-link" href="/">Find an authority</a>.</p></>);
        return;
      }
      if (result.kind === "redirect") {
        response.writeHead(303, { ...SECURITY_HEADERS, location: result.location }).end();
      } else if (result.kind === "csv") {
        response.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${result.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`, "cache-control": "no-store" }).end(csv(result.rows));
      } else if (result.kind === "svg") {
        response.writeHead(200, { ...SECURITY_HEADERS, "content-type": "image/svg+xml; charset=utf-8", "content-disposition": `attachment; filename="${result.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`, "cache-control": "no-store" }).end(result.svg);
      } else {
        sendPage(response, url, result.status ?? 200, result.title, result.body, result.wide);
      }
    } catch (error) {
      if (error instanceof BadRequest) {
        sendPage(response, url, error.status, error.status === 404 ? "Not found" : "Check your choice", <><h1 class="govuk-heading-l">{error.status === 404 ? "Not found" : "Check your choice"}</h1><p class="govuk-body">{error.message}.</p><p class="govuk-body"><a class="govuk-link" href="/">Find an authority</a></p></>);
      } else if (error instanceof GatewayUnavailable) {
        sendPage(response, url, 503, "Data unavailable", <><h1 class="govuk-heading-l">Data unavailable right now</h1><Notice kind="unavailable">The data service did not answer. Try again shortly.</Notice></>);
        console.error(`dashboard: ${request.method} ${url.pathname}: ${error.message}`);
      } else {
        console.error(`dashboard: ${request.method} ${url.pathname}:`, error);
        if (!response.headersSent) sendPage(response, url, 500, "Something went wrong", <><h1 class="govuk-heading-l">Something went wrong</h1><p class="govuk-body">The error has been logged.</p></>);
      }
    }
  };
}

/** the dashboard on a port (0: any free one); resolves once listening */
export async function startDashboard(options: DashboardOptions & { host?: string; port?: number }): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const handler = dashboardHandler(options);
  const server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the dashboard is not listening on a TCP port");
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${address.port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
