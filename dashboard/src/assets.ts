/**
 * The dashboard's static files, built once at start: GOV.UK Frontend's compiled CSS without
 * GOV.UK branding (its font faces and the GDS Transport font name removed, so text is Arial), the
 * accessible autocomplete's and the dashboard's own; the autocomplete's script and the dashboard's
 * small one. Served under a content hash, cached for good.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Asset { path: string; type: string; body: Buffer; gzip: Buffer }

/** GOV.UK Frontend's CSS with every @font-face block removed and "GDS Transport" dropped from font stacks */
export function unbrandedGovukCss(css: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const start = css.indexOf("@font-face{", at);
    if (start < 0) break;
    const end = css.indexOf("}", start);
    if (end < 0) break;
    out += css.slice(at, start);
    at = end + 1;
  }
  out += css.slice(at);
  return out.split("GDS Transport,").join("").split("font-family:GDS Transport").join("font-family:arial,sans-serif");
}

function asset(name: string, type: string, text: string): Asset {
  const body = Buffer.from(text);
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  return { path: `/assets/${hash}/${name}`, type, body, gzip: gzipSync(body, { level: 9 }) };
}

export function buildAssets(): { css: Asset; js: Asset; autocomplete: Asset } {
  const require = createRequire(import.meta.url);
  const govuk = readFileSync(require.resolve("govuk-frontend/dist/govuk/govuk-frontend.min.css"), "utf8");
  const own = (file: string) => readFileSync(join(import.meta.dirname, "../public", file), "utf8");
  const autocomplete = (file: string) => readFileSync(require.resolve(`accessible-autocomplete/dist/${file}`), "utf8").replace(/\n\/\/# sourceMappingURL=.*$/, "").replace(/\n\/\*# sourceMappingURL=.*$/, "");
  return {
    css: asset("dashboard.css", "text/css; charset=utf-8", `${unbrandedGovukCss(govuk)}\n${autocomplete("accessible-autocomplete.min.css")}\n${own("dashboard.css")}`),
    js: asset("dashboard.js", "text/javascript; charset=utf-8", own("dashboard.js")),
    // GOV.UK's accessible autocomplete, on top of the home page's plain <select> (which works without it)
    autocomplete: asset("accessible-autocomplete.js", "text/javascript; charset=utf-8", autocomplete("accessible-autocomplete.min.js")),
  };
}
