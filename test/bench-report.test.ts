/** docs/benchmarks.md in sections: one section's run rewrites that section only, and keeps the run before it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeSection } from "../scripts/bench/report";

const ORDER = ["import", "comparison", "soak"] as const;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const file = () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-report-"));
  dirs.push(dir);
  return join(dir, "benchmarks.md");
};

describe("npm run bench -- <section>", () => {
  it("rewrites only its own section, in the fixed order, keeping the previous run of that section beside the new one", () => {
    const path = file();
    writeSection("soak", ORDER, ["## Soak", "", "p50 10 ms"], path);
    writeSection("import", ORDER, ["## Import", "", "20 s"], path);
    writeSection("soak", ORDER, ["## Soak", "", "p50 12 ms"], path);
    const text = readFileSync(path, "utf8");
    expect(text.indexOf("## Import")).toBeLessThan(text.indexOf("## Soak"));
    expect(text).toContain("20 s");
    expect(text).toContain("p50 12 ms");
    // the run before, under "Previous run", its heading one level down
    expect(text).toMatch(/<details><summary>Previous run<\/summary>\s+### Soak\s+p50 10 ms/);

    writeSection("soak", ORDER, ["## Soak", "", "p50 11 ms"], path);
    const again = readFileSync(path, "utf8");
    // only the one run before is kept
    expect(again).not.toContain("p50 10 ms");
    expect(again).toContain("p50 12 ms");
    expect(again).toContain("p50 11 ms");
    expect(again.match(/<!-- bench:soak -->/g)).toHaveLength(1);
    expect(again).toContain("20 s");
  });

  it("keeps a marked section that is not a bench section (written by hand) as it was", () => {
    const path = file();
    writeSection("import", ORDER, ["## Import", "", "20 s"], path);
    const withSuite = `${readFileSync(path, "utf8")}<!-- bench:suite -->\n## The suite\n\n645.6 s\n<!-- /bench:suite -->\n`;
    writeFileSync(path, withSuite);
    writeSection("soak", ORDER, ["## Soak", "", "p50 12 ms"], path);
    writeSection("import", ORDER, ["## Import", "", "19 s"], path);
    const text = readFileSync(path, "utf8");
    expect(text).toContain("<!-- bench:suite -->\n## The suite\n\n645.6 s\n<!-- /bench:suite -->");
    expect(text.match(/<!-- bench:suite -->/g)).toHaveLength(1);
    expect(text).toContain("p50 12 ms");
    expect(text).toContain("19 s");
  });
});
