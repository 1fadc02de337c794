/** A published period label, normalised. The label is always kept as published. */
export interface Period {
  label: string;
  kind: "academic-year" | "financial-year" | "calendar-year" | "multi-year" | "unknown";
  /** provisional / revised / final / outturn, where the label says so */
  status: "provisional" | "revised" | "final" | "outturn" | null;
  startYear: number | null;
  endYear: number | null;
  /** YYYY-MM-DD where the measure's calendar makes the bounds certain */
  start: string | null;
  end: string | null;
}

const statusBySuffix: Record<string, Period["status"]> = { prov: "provisional", rev: "revised", final: "final", ot: "outturn" };
const century = (start: number, twoDigits: string) => Math.floor(start / 100) * 100 + Number(twoDigits) + (Number(twoDigits) < start % 100 ? 100 : 0);

/**
 * Reads LAIT period labels: "2024" (year ending, meaning set by the measure's Year_Type),
 * "2023/24" (academic), "2023-24" (financial, or a span for non-financial measures),
 * "2021/22-23/24" (span of academic years), with "(prov)", "(Rev)", "(Final)", "(OT)" flags.
 */
export function normalisePeriod(label: string, yearType: string | null): Period {
  const match = /^(.*?)\s*(?:\((prov|rev|final|ot)\))?$/i.exec(label.trim())!;
  const base = match[1]!;
  const status = match[2] ? statusBySuffix[match[2].toLowerCase()]! : null;
  const period = (kind: Period["kind"], startYear: number | null, endYear: number | null, start: string | null, end: string | null): Period => ({
    label, kind, status, startYear, endYear, start, end,
  });
  const type = (yearType ?? "").toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(base))) {
    const year = Number(m[1]);
    if (type === "academic year") return period("academic-year", year - 1, year, `${year - 1}-09-01`, `${year}-08-31`);
    if (type === "financial year") return period("financial-year", year - 1, year, `${year - 1}-04-01`, `${year}-03-31`);
    if (type === "calendar year") return period("calendar-year", year, year, `${year}-01-01`, `${year}-12-31`);
    // "Annual", "Annual (end of Sept)", "Annual - January": a yearly snapshot whose exact date the label does not give
    return period("calendar-year", year, year, null, null);
  }
  if ((m = /^(\d{4})\/(\d{2})$/.exec(base))) {
    const start = Number(m[1]);
    const end = century(start, m[2]!);
    return period("academic-year", start, end, `${start}-09-01`, `${end}-08-31`);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(base))) {
    const start = Number(m[1]);
    const end = century(start, m[2]!);
    if (type === "financial year" || status === "outturn") return period("financial-year", start, end, `${start}-04-01`, `${end}-03-31`);
    return period("multi-year", start, end, `${start}-01-01`, `${end}-12-31`);
  }
  if ((m = /^(\d{4})\/(\d{2})-(\d{2})\/(\d{2})$/.exec(base))) {
    const start = Number(m[1]);
    const end = century(start, m[4]!);
    return period("multi-year", start, end, `${start}-09-01`, `${end}-08-31`);
  }
  return period("unknown", null, null, null, null);
}

/** "-" (not published or suppressed) is null, never 0; floating-point noise is rounded off. */
export function parseValue(raw: string): number | null | undefined {
  const text = raw.trim();
  if (text === "-" || text === "") return null;
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(Number(text).toPrecision(12));
}
