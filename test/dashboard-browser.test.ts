/**
 * The analysts' dashboard in a real browser (Debian's Chromium, no internet) against the real
 * system: every subgraph with its embedded database, the gateway, and the dashboard holding its own
 * token. Figures are checked against the published files in seeds/, read here independently; axe
 * (WCAG 2.0/2.1/2.2 A and AA) runs on every page type at 1280 and 320 pixels wide; a keyboard-only
 * journey ends in a CSV download; pages work with JavaScript disabled; a stopped plan subgraph is
 * said to be unavailable while the rest is shown. Screenshots go to test-results/dashboard/ (git-ignored).
 */
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/catalog";
import { hasChromium, isLocal, launchOfflineChromium, screenshotDir, type OfflineBrowser } from "./support/browser";
import { startDashboardSystem, type RunningDashboard } from "./support/dashboard";

if (!hasChromium) console.warn("dashboard browser tests NOT run: /usr/bin/chromium is not installed (apt-get install chromium; CI installs it)");

const REDCAR = "E06000003";
const STOCKTON = "E06000004";
const shots = join(screenshotDir, "dashboard");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** the published LAIT rows in seeds, read here without any of the project's code */
function laitRows(): Array<Record<string, string>> {
  const file = join(repoRoot, "seeds/lait-tees-valley/bds_long.csv.gz");
  return parse(gunzipSync(readFileSync(file)), { columns: true, skip_empty_lines: true });
}

let running: RunningDashboard;
let browser: OfflineBrowser;
const external: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  running = await startDashboardSystem();
  browser = await launchOfflineChromium();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  page.on("request", (request) => {
    if (!isLocal(request.url())) external.push(request.url());
  });
  const response = await page.goto(running.url + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  }, WCAG_TAGS);
}

/** the text of the table cell in row `row` (its header) and the column headed `column` */
async function cell(page: Page, caption: string, row: string, column: string): Promise<string> {
  return page.evaluate(({ caption, row, column }) => {
    const table = [...document.querySelectorAll("table")].find((t) => t.caption?.textContent?.includes(caption));
    if (!table) throw new Error(`no table captioned ${caption}`);
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
    const index = headers.findIndex((h) => h.includes(column));
    const tr = [...table.querySelectorAll("tbody tr")].find((r) => r.querySelector("th")?.textContent?.trim().startsWith(row));
    if (index < 0 || !tr) throw new Error(`no cell ${row} / ${column} in ${caption}`);
    return [...tr.children][index]?.textContent?.trim() ?? "";
  }, { caption, row, column });
}

const PAGES: Array<[string, string]> = [
  ["home", "/"],
  ["authority", `/authorities/${REDCAR}`],
  ["authority-no-plan", "/authorities/E06000001?topic=Children+Looked+After"],
  ["measure", `/authorities/${REDCAR}/measures/LACnum`],
  ["all-authorities", `/measures/LAC?highlight=${REDCAR}`],
  ["compare", `/compare?authorities=${REDCAR}&authorities=${STOCKTON}&theme=children-in-care-and-care-leavers`],
  ["lead-groups", "/lead-groups"],
  ["lead-group", "/lead-groups/malap"],
  ["plan", `/authorities/${STOCKTON}/plans/${encodeURIComponent("stockton-cypp-2015-2018/stockton-cypp-2015-2018")}`],
  ["about-data", "/about/data"],
  ["accessibility", "/accessibility"],
];

describe.skipIf(!hasChromium)("the dashboard in Chromium", () => {
  it("shows Redcar and Cleveland's children-looked-after rate and England's, as published in the LAIT file", async () => {
    const rows = laitRows().filter((r) => r["Short Desc"] === "LAC");
    const redcar = rows.filter((r) => r["LA and Regions"] === "Redcar and Cleveland" && r.Values !== "" && r.Values !== "-");
    const latest = redcar.map((r) => r.Years!).sort().at(-1)!;
    const value = Number(redcar.find((r) => r.Years === latest)!.Values);
    const england = Number(rows.find((r) => r["LA and Regions"] === "England" && r.Years === latest)!.Values);
    const northEast = rows.find((r) => r["LA and Regions"] === "North East" && r.Years === latest);

    const page = await open(`/authorities/${REDCAR}/measures/LAC`);
    expect(await page.locator("h1").textContent()).toBe("Children looked after rate per 10,000");
    const caption = "How the latest figure compares";
    expect(await cell(page, caption, "Redcar and Cleveland (latest)", "May 2025")).toBe(`${value} (${latest})`);
    expect(await cell(page, caption, "England", "May 2025")).toBe(String(england));
    expect(await cell(page, caption, "England", "April 2021")).toBe(String(england));
    if (northEast && northEast.Values !== "-") expect(await cell(page, caption, "Region", "May 2025")).toBe(`${Number(northEast.Values)} (North East)`);
    // the measure has no polarity in the data dictionary: rank is an order, not a judgement
    expect(await cell(page, caption, "Rank", "May 2025")).toMatch(/^\d+(st|nd|rd|th) highest of \d+/);
    // the published series as a table beside the chart, every year of the file
    for (const r of redcar) expect(await cell(page, "published figures", r.Years!, "Value")).toBe(String(Number(r.Values)));
    const summary = await page.locator(".dashboard-summary").textContent();
    expect(summary).toContain(`In ${latest}, Redcar and Cleveland had ${value}`);
    expect(summary).toContain(`higher than England (${england})`);
    // the chart is an image with its own name, and both neighbour sets are shown with their dates
    await expect.poll(() => page.locator("svg[role=img] title").first().textContent()).toContain("Children looked after rate per 10,000");
    const text = await page.locator("main").textContent();
    expect(text).toContain("May 2025");
    expect(text).toContain("April 2021");
    await page.screenshot({ path: join(shots, "measure-LAC.png"), fullPage: true });
    await page.close();
  });

  it("shows the council's own count beside the published one, each with its date", async () => {
    const page = await open(`/authorities/${REDCAR}/measures/LACnum`);
    const local = await page.locator("table", { hasText: "Local figures" }).textContent();
    expect(local).toContain("425");
    const published = laitRows().find((r) => r["Short Desc"] === "LACnum" && r["LA and Regions"] === "Redcar and Cleveland" && r.Years === "2024");
    expect(await cell(page, "published figures", "2024", "Value")).toBe(String(Number(published!.Values)));
    await page.close();
  });

  it("shows Stockton-on-Tees' priorities for a theme, as its seed file holds them", async () => {
    const folder = join(repoRoot, "seeds/stockton-on-tees/plans");
    const titles = readdirSync(folder).flatMap((f) => (JSON.parse(readFileSync(join(folder, f), "utf8")) as { priorities: Array<{ title: string; themes: string[] }> }).priorities)
      .filter((p) => p.themes.includes("safety-and-early-help")).map((p) => p.title);
    expect(titles.length).toBeGreaterThan(0);
    const page = await open(`/compare?authorities=${REDCAR}&authorities=${STOCKTON}&theme=safety-and-early-help`);
    const column = page.locator(`section[aria-labelledby="col-${STOCKTON}"] h3`);
    expect((await column.allTextContents()).sort()).toEqual([...titles].sort());
    await page.close();
  });

  it.each(PAGES)("%s (%s) renders, with no axe violations at 1280 and at 320 pixels wide", async (name, path) => {
    const found: string[] = [];
    for (const width of [1280, 320]) {
      const page = await open(path, width);
      found.push(...(await axeViolations(page)).map((v) => `${name} @${width}px: ${v}`));
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it("no page asked for anything from another host", () => {
    expect(external).toEqual([]);
  });

  it("a keyboard-only journey: choose an authority, then a measure, then download its CSV", async () => {
    const page = await open("/");
    const tabTo = async (test: (el: { tag: string; text: string; id: string; href: string }) => boolean, limit = 200) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press("Tab");
        const el = await page.evaluate(() => ({ tag: document.activeElement?.tagName ?? "", text: document.activeElement?.textContent?.trim() ?? "", id: document.activeElement?.id ?? "", href: document.activeElement?.getAttribute("href") ?? "" }));
        if (test(el)) return;
      }
      throw new Error("never reached by Tab");
    };
    // the plain <select> is enhanced into GOV.UK's accessible autocomplete (the input takes its id)
    await tabTo((el) => el.id === "code" && el.tag === "INPUT");
    await page.keyboard.type("Redcar");
    await page.getByRole("option", { name: "Redcar and Cleveland" }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await page.locator("select#code-select").inputValue()).toBe(REDCAR);
    await tabTo((el) => el.tag === "BUTTON" && el.text === "Show authority");
    await Promise.all([page.waitForURL(`**/authorities/${REDCAR}`), page.keyboard.press("Enter")]);
    // the first published measure in the outcomes table
    await tabTo((el) => el.tag === "A" && el.href.startsWith(`/authorities/${REDCAR}/measures/`));
    await Promise.all([page.waitForURL(/\/measures\//), page.keyboard.press("Enter")]);
    await tabTo((el) => el.tag === "A" && el.text === "Download this data (CSV)");
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    const body = readFileSync((await download.path())!, "utf8");
    expect(body.split("\n")[0]).toContain('"measure_code"');
    expect(body).toContain(`"${REDCAR}"`);
    await page.close();
  });

  it("with JavaScript disabled, pages still show their tables, charts and forms", async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Emulation.setScriptExecutionDisabled", { value: true });
    for (const [name, path] of PAGES) {
      await page.goto(running.url + path);
      expect(await page.evaluate(() => 1).catch(() => "scripts off")).toBeDefined();
      if (name === "home") expect(await page.locator("form select#code option").count()).toBeGreaterThan(1);
      if (["authority", "measure", "all-authorities", "compare", "lead-groups", "plan", "about-data"].includes(name)) expect(await page.locator("table").count(), name).toBeGreaterThan(0);
      if (["measure", "all-authorities"].includes(name)) expect(await page.locator("svg[role=img]").count(), name).toBe(1);
      // the copy-link button is the script's: absent proves the script did not run
      expect(await page.getByText("Copy link to this view").count(), name).toBe(0);
    }
    await page.screenshot({ path: join(shots, "no-javascript-plan.png"), fullPage: true });
    await page.close();
  });

  it("with one plan subgraph stopped, says its plan service is unavailable and still shows the rest", async () => {
    const before = await open(`/authorities/${STOCKTON}`);
    expect(await before.locator("main").textContent()).not.toContain("unavailable right now");
    await before.close();
    await running.system.services.get("stockton-on-tees")!.close();
    const page = await open(`/authorities/${STOCKTON}?topic=Children+Looked+After`);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("Stockton-on-Tees's plan service is unavailable right now");
    expect(text).not.toContain("No plan data held");
    expect(await page.locator("table", { hasText: "Children Looked After" }).count()).toBe(1);
    await page.screenshot({ path: join(shots, "partial-plan-down.png"), fullPage: true });
    await page.close();
    const compare = await open(`/compare?authorities=${REDCAR}&authorities=${STOCKTON}&theme=children-in-care-and-care-leavers`);
    expect(await compare.locator(`section[aria-labelledby="col-${STOCKTON}"]`).textContent()).toContain("plan service is unavailable right now");
    expect(await compare.locator(`section[aria-labelledby="col-${REDCAR}"] h3`).count()).toBeGreaterThan(0);
    await compare.close();
    // an authority that runs no plan subgraph says something else
    const none = await open("/authorities/E06000001");
    expect(await none.locator("main").textContent()).toContain("No plan data held for this authority");
    await none.close();
  });
});
