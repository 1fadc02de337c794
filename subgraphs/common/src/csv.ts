import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";

/** Reads a CSV (optionally .gz) into records keyed by header; line numbers are kept for error messages.
 * Published files mix CRLF and LF line endings, so both end a record. */
export function readCsv(file: string): Array<{ line: number; record: Record<string, string> }> {
  const raw = readFileSync(file);
  const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  const rows = parse(text, { columns: true, skip_empty_lines: true, info: true, record_delimiter: ["\r\n", "\n"] }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  return rows.map(({ record, info }) => ({ line: info.lines, record }));
}
