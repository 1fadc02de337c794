/**
 * docs/benchmarks.md in sections: `npm run bench -- <section>` rewrites only its own section
 * (between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`), so figures from different work do not
 * overwrite each other. The run before stays beside the new one, under "Previous run".
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../catalog";

export const BENCHMARKS_FILE = join(repoRoot, "docs/benchmarks.md");

const HEADER = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (every section) or `npm run bench -- <section>` (that section only; see `scripts/bench.ts`).",
  "Each section says when and on what it ran, and keeps the run before it beside the new figures.",
  "Not unit-test targets: absolute figures vary with the machine; compare ratios measured in the same run.",
  "",
].join("\n");

const PREVIOUS = "<details><summary>Previous run</summary>";

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function machineLine(): string {
  return `Run on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${mb(totalmem())} RAM.`;
}

/** The lines a section writes, echoed to the console as they come. */
export class SectionReport {
  readonly lines: string[] = [];
  line(text = ""): void {
    this.lines.push(text);
    console.log(text);
  }
  table(head: string[], align: Array<"l" | "r">, rows: Array<Array<string | number>>): void {
    this.line(`| ${head.join(" | ")} |`);
    this.line(`| ${align.map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`);
    for (const row of rows) this.line(`| ${row.join(" | ")} |`);
  }
}

const markers = (name: string) => ({ open: `<!-- bench:${name} -->`, close: `<!-- /bench:${name} -->` });

/** Replaces (or appends, in `order`) one section; the section's previous body is kept under "Previous run". */
export function writeSection(name: string, order: readonly string[], body: string[], file = BENCHMARKS_FILE): void {
  const text = existsSync(file) ? readFileSync(file, "utf8") : HEADER;
  const sections = new Map<string, string>();
  for (const section of order) {
    const { open, close } = markers(section);
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start >= 0 && end > start) sections.set(section, text.slice(start + open.length, end).trim());
  }
  // a marked section that is not a bench section (the test suite's wall time, written by hand) is kept as it is, after them
  for (const other of markedSections(text)) {
    if (sections.has(other) || order.includes(other)) continue;
    const { open, close } = markers(other);
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (end > start) sections.set(other, text.slice(start + open.length, end).trim());
  }
  const old = sections.get(name);
  const oldCurrent = old === undefined ? undefined : old.split(PREVIOUS)[0]!.trim();
  const previous = oldCurrent ? ["", PREVIOUS, "", indentHeadings(oldCurrent), "", "</details>"] : [];
  sections.set(name, [...body, ...previous].join("\n").trim());
  const out = [HEADER];
  for (const section of [...order, ...[...sections.keys()].filter((k) => !order.includes(k))]) {
    const content = sections.get(section);
    if (content === undefined) continue;
    const { open, close } = markers(section);
    out.push(open, content, close, "");
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, out.join("\n"));
}

/** the names of the sections a text marks (`<!-- bench:NAME -->`), in order; found by indexOf, no pattern */
function markedSections(text: string): string[] {
  const names: string[] = [];
  const open = "<!-- bench:";
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + open.length)) {
    const end = text.indexOf(" -->", at);
    if (end < 0) break;
    names.push(text.slice(at + open.length, end));
  }
  return names;
}

/** a previous run's headings one level down, so they do not read as sections of their own */
function indentHeadings(text: string): string {
  return text
    .split("\n")
    .map((l) => (l.startsWith("#") ? `#${l}` : l))
    .join("\n");
}
