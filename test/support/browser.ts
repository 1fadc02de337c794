/**
 * A real browser for tests: Debian's Chromium (/usr/bin/chromium, `apt-get install chromium`;
 * .ci/run installs it), driven by playwright-core. Playwright never downloads a browser here.
 *
 * The browser is started as if this machine had no internet: every connection it would make to
 * a host that is not this machine goes to a local proxy that records it and refuses it (Chromium
 * never sends loopback traffic through a proxy), so a test sees every attempt to reach outside,
 * the page's and the browser's own.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { repoRoot } from "../../scripts/catalog";

export const CHROMIUM = "/usr/bin/chromium";

/** false: the browser tests print one line saying they did not run */
export const hasChromium = existsSync(CHROMIUM);

/** screenshots, for a person to look at (git-ignored) */
export const screenshotDir = join(repoRoot, "test-results");

export interface OfflineBrowser {
  context: BrowserContext;
  /** every request that tried to leave this machine ("CONNECT host:port" or "GET http://..."), Chromium's own services left out */
  outside: string[];
  close(): Promise<void>;
}

export async function launchOfflineChromium(): Promise<OfflineBrowser> {
  const { chromium } = await import("playwright-core");
  const outside: string[] = [];
  const record = (request: IncomingMessage) => {
    const seen = `${request.method} ${request.url}`;
    if (!chromiumOwnService(seen)) outside.push(seen);
  };
  const proxy = createServer((request, response) => {
    record(request);
    response.writeHead(403, { "content-type": "text/plain" }).end("no internet here (test proxy)");
  });
  proxy.on("connect", (request, socket) => {
    record(request);
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), "tpg-chromium-")); // a new, empty --user-data-dir
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true, // --headless
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--proxy-server=${proxyUrl}`,
      ],
      viewport: { width: 1400, height: 900 },
    });
    mkdirSync(screenshotDir, { recursive: true });
    return {
      context,
      outside,
      async close() {
        await context.close();
        proxy.closeAllConnections();
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    proxy.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Chromium's own services, which it calls on its own even with --disable-background-networking
 * and --disable-component-update (seen with Chromium 156: update.googleapis.com,
 * accounts.google.com, content-autofill.googleapis.com, redirector.gvt1.com). They are the
 * browser's, not a page's (a page's requests are seen one by one through Playwright), and the
 * proxy refuses them.
 */
export const chromiumOwnService = (seen: string) => /^(CONNECT |[A-Z]+ https?:\/\/)([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com)[:/]/.test(seen);

/** a URL the page may load without leaving this machine */
export function isLocal(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url === "about:blank") return true;
  const { protocol, hostname } = new URL(url);
  return (protocol === "http:" || protocol === "https:" || protocol === "ws:" || protocol === "wss:") && ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
}
