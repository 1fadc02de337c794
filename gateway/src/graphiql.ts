/**
 * GraphiQL served by the gateway itself: nothing is fetched from the internet.
 *
 * GraphQL Yoga's default GraphiQL page loads its script, styles and editor workers from
 * unpkg.com, so on a network without internet access (common in councils) it stays at
 * "Loading…". Here the page refers only to the gateway's own files under
 * /graphiql/<id>/, taken from the installed @graphql-yoga/render-graphiql package (the same
 * GraphiQL build as Yoga's default, bundled), and every HTML page the gateway serves carries a
 * Content-Security-Policy that allows nothing from another origin.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { GatewayConfig, GatewayPlugin } from "@graphql-hive/gateway-runtime";

type RenderGraphiQL = NonNullable<GatewayConfig["renderGraphiQL"]>;
type GraphiQLOptions = Parameters<RenderGraphiQL>[0];

/** where the page's files are served (under an id that changes with their content) */
export const GRAPHIQL_ASSET_PATH = "/graphiql/";

/**
 * The policy of the GraphiQL page and its files: only this origin ('self'), plus data: for the
 * favicon and fonts embedded in the styles, and inline styles (GraphiQL and its editor set
 * styles at run time). No host, scheme or wildcard source.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const JS = "text/javascript; charset=utf-8";

/**
 * Ours, not GraphiQL: points the editor at its workers (beside this file) and renders GraphiQL
 * with the options the page carries as JSON, once the bundle below it has loaded. A file, not an
 * inline script, so the policy needs no 'unsafe-inline' for scripts.
 */
const START = `(function () {
  var base = document.currentScript.src.replace(/[^/]*$/, "");
  var workers = { editorWorkerService: base + "editor.worker.js", json: base + "json.worker.js", graphql: base + "graphql.worker.js" };
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (moduleId, label) { return workers[label]; } };
  document.addEventListener("DOMContentLoaded", function () {
    var options = JSON.parse(document.getElementById("graphiql-options").textContent);
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), options);
  });
})();
`;

interface Asset {
  type: string;
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer>;
}

interface Assets {
  /** a digest of every file: part of their path, so a browser may cache them for good */
  id: string;
  files: Map<string, Asset>;
}

let loading: Promise<Assets> | undefined;

/** the bundle is 9 MB of JavaScript: loaded (and compressed) on the first GraphiQL request, once */
function assets(): Promise<Assets> {
  return (loading ??= (async () => {
    const bundle = await import("@graphql-yoga/render-graphiql/graphiql");
    const favicon = /^data:([^;,]+);base64,(.*)$/s.exec(bundle.favicon);
    if (!favicon) throw new Error("@graphql-yoga/render-graphiql: its favicon is not a base64 data: URL");
    const sources: Array<[string, string, string | Uint8Array]> = [
      ["start.js", JS, START],
      ["graphiql.js", JS, bundle.js],
      ["graphiql.css", "text/css; charset=utf-8", bundle.css],
      ["editor.worker.js", JS, bundle.editorWorkerService],
      ["json.worker.js", JS, bundle.jsonWorker],
      ["graphql.worker.js", JS, bundle.graphqlWorker],
      ["favicon.ico", favicon[1]!, Buffer.from(favicon[2]!, "base64")],
    ];
    const digest = createHash("sha256");
    const files = new Map<string, Asset>();
    for (const [name, type, content] of sources) {
      const body = new Uint8Array(typeof content === "string" ? Buffer.from(content, "utf8") : content);
      digest.update(name).update(body);
      files.set(name, { type, body, gzipped: new Uint8Array(await promisify(gzip)(body)) });
    }
    return { id: digest.digest("hex").slice(0, 16), files };
  })());
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The GraphiQL page: the same options as Yoga's own page, every file from this gateway. */
export const renderOfflineGraphiQL = async (options: GraphiQLOptions): Promise<string> => {
  const { id } = await assets();
  const base = `${GRAPHIQL_ASSET_PATH}${id}/`;
  const { favicon, ...rest } = options ?? {};
  // a favicon given inline is kept; a URL could point elsewhere, so the bundle's own is served instead
  const icon = favicon?.startsWith("data:") ? favicon : `${base}favicon.ico`;
  // JSON inside <script type="application/json"> is data (never run); "<" escaped so it cannot close the element
  const json = JSON.stringify(rest).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(options?.title ?? "GraphiQL")}</title>
    <link rel="icon" href="${escapeHtml(icon)}">
    <link rel="stylesheet" href="${base}graphiql.css">
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run GraphiQL.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${json}</script>
    <script src="${base}start.js"></script>
    <script src="${base}graphiql.js"></script>
  </body>
</html>
`;
};

/**
 * Serves the page's files (GET/HEAD /graphiql/<id>/<file>; anything else there is a 404) and
 * puts GRAPHIQL_CSP on every HTML response. Goes first among the plugins: the files are
 * public (they are GraphiQL's, not our data) and need no token.
 */
export function graphiqlAssets(): GatewayPlugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSET_PATH)) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: "GET, HEAD" } }));
      }
      return assets().then(({ id, files }) => {
        const [requestedId, name, ...more] = url.pathname.slice(GRAPHIQL_ASSET_PATH.length).split("/");
        const asset = requestedId === id && name && more.length === 0 ? files.get(name) : undefined;
        if (!asset) return endResponse(new fetchAPI.Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }));
        const gzipped = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
        const body = gzipped ? asset.gzipped : asset.body;
        endResponse(
          new fetchAPI.Response(request.method === "HEAD" ? null : body, {
            status: 200,
            headers: {
              "content-type": asset.type,
              "content-length": String(body.byteLength),
              ...(gzipped ? { "content-encoding": "gzip" } : {}),
              vary: "accept-encoding",
              "cache-control": "public, max-age=31536000, immutable",
              "x-content-type-options": "nosniff",
              "content-security-policy": GRAPHIQL_CSP,
            },
          }),
        );
      });
    },
    onResponse({ response }) {
      if (response.headers.get("content-type")?.startsWith("text/html")) response.headers.set("content-security-policy", GRAPHIQL_CSP);
    },
  };
}
