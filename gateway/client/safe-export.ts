/**
 * Every export of the graph's text (npm run compare, npm run common-bodies, the dashboard to come)
 * writes it through this module and nowhere else: plan titles, group names and sources are written
 * by editors, so an export must not let them act as spreadsheet formulas, Markdown links or HTML,
 * or terminal control sequences.
 */
import { stringify } from "csv-stringify/sync";

export type CsvValue = string | number | null | undefined;

/**
 * CSV as OWASP's CSV-injection guidance says (csv-stringify's `escape_formulas`): a text cell beginning
 * with =, +, -, @, a tab or a carriage return, or the full-width ＝ ＋ － ＠, is prefixed with ' so a
 * spreadsheet shows it as text (a number keeps its sign); every cell is quoted, quotes doubled, so a
 * comma, quote or line break (a bare \r too) stays inside its cell. null and undefined are empty cells.
 */
export function csv(rows: CsvValue[][]): string {
  return stringify(rows, { quoted: true, escape_formulas: true, record_delimiter: "\n" });
}

/** C0 and C1 control characters (ESC starts a terminal escape sequence), and the Unicode line and paragraph separators */
const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029;

/** Text for a terminal or a plain-text file: every control character (line breaks too) becomes a space. */
export function plainText(text: string): string {
  let out = "";
  for (const char of text) out += isControl(char.codePointAt(0)!) ? " " : char;
  return out;
}

/**
 * punctuation Markdown gives meaning to inside a line: emphasis, code, tables, strikethrough, and the
 * brackets every link and image needs (inline "[x](url)", "![x](url)" and reference "[x]" alike); with
 * < escaped too (autolinks, HTML), "(" and ")" are plain text and stay as they are
 */
const INLINE = new Set(["\\", "`", "*", "_", "[", "]", "|", "~"]);
const ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" };
/** a line starting with these is a heading, list, quote, rule or setext underline */
const BLOCK_START = new Set(["#", "+", "-", "="]);

/**
 * Text for Markdown (a table cell, a heading, a list item): read as the characters written, never as
 * a link, image, emphasis, code, table cell boundary or HTML. One line (control characters become
 * spaces, and it is trimmed); Markdown's punctuation is backslash-escaped, < > & " become entities,
 * and a leading block marker (# + - = or "1. ") is escaped too.
 */
export function markdownText(text: string): string {
  // trimmed: leading spaces could make an indented code block
  const line = plainText(text).trim();
  let out = "";
  for (const char of line) out += ENTITIES[char] ?? (INLINE.has(char) ? `\\${char}` : char);
  if (BLOCK_START.has(out[0] ?? "")) return `\\${out}`;
  // an ordered-list marker: digits, "." or ")", and a space or the end ("68.1" is not one)
  let digits = 0;
  while (digits < out.length && out[digits]! >= "0" && out[digits]! <= "9") digits++;
  if (digits > 0 && (out[digits] === "." || out[digits] === ")") && (out[digits + 1] ?? " ") === " ") return `${out.slice(0, digits)}\\${out.slice(digits)}`;
  return out;
}
