import { createReadStream, readFileSync } from "node:fs";
import { basename } from "node:path";
import { pipeline, type Readable } from "node:stream";
import { createGunzip, gunzipSync } from "node:zlib";
import { parse as parseStream, CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";

/** Published files mix CRLF and LF line endings, so both end a record. */
const OPTIONS = { columns: true as const, skip_empty_lines: true, info: true as const, record_delimiter: ["\r\n", "\n"] };

export interface CsvRow {
  /** the line the record ends on (as csv-parse counts them), for error messages */
  line: number;
  record: Record<string, string>;
}

/** Reads a small CSV (optionally .gz) whole into records keyed by header; line numbers are kept for error messages. */
export function readCsv(file: string): CsvRow[] {
  const raw = readFileSync(file);
  const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  const rows = parse(text, OPTIONS) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  return rows.map(({ record, info }) => ({ line: info.lines, record }));
}

/**
 * Reads a CSV (optionally .gz) as a stream, one record at a time, with the same records and
 * line numbers as readCsv: memory stays bounded whatever the file's size. A file that cannot
 * be read or parsed ends the iteration with an error naming the file; a consumer that stops
 * early (break, throw) closes the file.
 */
export async function* streamCsv(file: string): AsyncGenerator<CsvRow> {
  const parser = parseStream(OPTIONS);
  const stages: Array<NodeJS.ReadableStream | NodeJS.WritableStream> = [createReadStream(file)];
  if (file.endsWith(".gz")) stages.push(createGunzip());
  // pipeline destroys every stage with the first error, so the loop below sees it; the callback only keeps it from being unhandled
  const records = pipeline([...stages, parser] as unknown as [Readable, ...Readable[]], () => undefined) as unknown as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  try {
    for await (const { record, info } of records) yield { line: info.lines, record };
  } catch (error) {
    if (error instanceof CsvError) throw new Error(`${basename(file)}: ${error.message}`, { cause: error });
    throw new Error(`${basename(file)}: ${(error as Error).message}`, { cause: error });
  } finally {
    parser.destroy();
  }
}
