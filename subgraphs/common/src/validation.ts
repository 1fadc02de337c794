/**
 * The one validation vocabulary of every write input and every seed file: slugs, bounded text,
 * dates as precise as a document allows and their order, and enum mappings (GraphQL enum value ↔
 * the value stored and written in seed files). Each rule and its message is defined here once;
 * plan writes, local-figure writes and the seed schemas build on these.
 *
 * Every pattern here is linear in its input (no nested or overlapping quantifiers): slugs and
 * dates come from clients.
 */
import { z } from "zod";

// ---- slugs ----------------------------------------------------------------------------------

/** lower-case words joined by hyphens; the hyphen separates the words, so matching is linear */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = "must be lower-case words joined by hyphens (a-z, 0-9, -)";
export const isSlug = (value: string): boolean => SLUG.test(value);

/** A stable identifier in a seed file (document keys, item keys, canonical names). */
export const slug = z.string().regex(SLUG, SLUG_MESSAGE);

// ---- text -----------------------------------------------------------------------------------

/** required text of a write: trimmed, not empty, at most `max` characters (the column's width) */
export const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === null ? "must not be null" : "must be a string") })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`);

/** A slug an editor gives (document keys, figure keys, canonical names): trimmed, at most `max` characters. */
export const slugText = (max: number) => text(max).regex(SLUG, SLUG_MESSAGE);

/**
 * Optional text of a write. Absent stays absent (in an update input: "unchanged") and null is
 * null ("clear"); `orNull` below turns both into null where absence means "none".
 */
export const optionalText = (max: number) => text(max).nullish();

/** absent or null → null: nothing invented for what the input leaves out */
export const orNull = <S extends z.ZodType>(schema: S) => schema.nullish().transform((v): NonNullable<z.output<S>> | null => v ?? null);

/** Long free text a document states (quotes, notes, action titles). */
export const LONG_TEXT = 10_000;

// ---- dates ----------------------------------------------------------------------------------

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real date (no month 13, no 30 February) */
export function isPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date as precise as the document allows: YYYY, YYYY-MM or YYYY-MM-DD (seeds and every write). */
export const partialDate = z.string().trim().refine(isPartialDate, "must be YYYY, YYYY-MM or YYYY-MM-DD (a real date)");

/**
 * Whether `end` is not before `start`, compared as far as both are precise: "2025" does not end
 * before "2025-06", "2025-07" is after "2025-06-30". (The same as: the first day `start` can mean is
 * not after the last day `end` can mean.)
 */
export function datesInOrder(start: string, end: string): boolean {
  const n = Math.min(start.length, end.length);
  return end.slice(0, n) >= start.slice(0, n);
}

/** The message of a date range out of order, on its end field. */
export const ORDER_MESSAGE = "must not be before start";

/**
 * Refines an object with two partial dates: a problem on `end` when it is before `start`; either
 * may be absent or null. E.g. `inOrder(schema, "start", "end")`.
 */
export const inOrder = <S extends z.ZodType<Record<string, unknown>>>(schema: S, start: keyof z.output<S> & string, end: keyof z.output<S> & string, message = ORDER_MESSAGE) =>
  schema.refine(
    (value) => {
      const [from, to] = [value[start], value[end]];
      return typeof from !== "string" || typeof to !== "string" || datesInOrder(from, to);
    },
    { message, path: [end] },
  );

// ---- enums ----------------------------------------------------------------------------------

/**
 * The stored values of an enum mapping (GraphQL value → the value stored and written in seed files,
 * e.g. `{ STRATEGY: "strategy", PLAN: "plan" }`, the map a resolver map hands Apollo), as a schema
 * of one stored value. Apollo gives resolvers the stored value, so a write's input is checked
 * against the same schema as a seed file's.
 */
export function storedEnum<const M extends Record<string, string>>(mapping: M) {
  const values = Object.values(mapping) as M[keyof M][];
  if (values.length === 0) throw new Error("storedEnum: an enum has at least one value");
  return z.enum(values as [M[keyof M], ...Array<M[keyof M]>]);
}

/** A GraphQL enum value the resolvers do not map (it arrives as its GraphQL name), as its stored value. */
export function fromGraphQL<const M extends Record<string, string>>(mapping: M) {
  const names = Object.keys(mapping) as Array<keyof M & string>;
  if (names.length === 0) throw new Error("fromGraphQL: an enum has at least one value");
  return z.enum(names as [keyof M & string, ...Array<keyof M & string>]).transform((name): M[keyof M] => mapping[name]);
}
