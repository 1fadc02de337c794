/**
 * GraphiQL in a real browser (Chromium, no internet) where /usr/bin/chromium is installed: the page
 * loads from the gateway alone and runs its first query on the real system (test/graphiql.test.ts
 * checks the page over HTTP).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, isLocal, launchOfflineChromium, screenshotDir, type OfflineBrowser } from "./support/browser";
import { expectNothingExternal } from "./support/graphiql";
import { sharedSystem, type SharedSystem } from "./support/system";

if (!hasChromium) console.warn("GraphiQL browser tests NOT run: /usr/bin/chromium is not installed (apt-get install chromium; CI installs it)");

let system: SharedSystem;
beforeAll(async () => {
  if (hasChromium) system = await sharedSystem(); // only reads: the run's shared system
});
afterAll(async () => {
  await system?.close();
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
