/**
 * How the dashboard writes a figure, a rank, a band and a trend. A missing value is "[x]"
 * (GSS shorthand: not available), never 0; a value is shown as published, never rounded.
 */
import type { Polarity, QuartileBand, RankOrder, TrendDirection } from "../../gateway/client/generated/graphql";

export const NOT_AVAILABLE = "[x]";

/** the published value, as published (only binary floating-point noise removed: 39.450000000000003 is 39.45) */
/**
 * A measure counted in whole things (children, leavers, cases: "Number of Children Looked After",
 * "Total cases", "Entries"), not a rate, share or score: England's and a region's figures are then
 * totals over many authorities, on another scale from one authority's, so a chart leaves them out
 * (its table keeps them). Decided from the unit the DfE data dictionary gives (its y-axis name).
 */
export function isCountUnit(unit: string | null | undefined): boolean {
  const first = unit?.trim().split(" ")[0]?.toLowerCase();
  return first === "number" || first === "total" || first === "entries";
}

export function figure(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  return Number(value.toPrecision(12)).toLocaleString("en-GB", { maximumFractionDigits: 12 });
}

/** the same for a CSV cell: a plain number, or the shorthand */
export function csvFigure(value: number | null | undefined): string | number {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  return Number(value.toPrecision(12));
}

/** [p] provisional, [r] revised (GSS shorthand), or nothing */
export function periodShorthand(status: string | null | undefined): string {
  if (status === "PROVISIONAL") return "[p]";
  if (status === "REVISED") return "[r]";
  return "";
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

export interface RankLike {
  position: number;
  outOf: number;
  order: RankOrder;
  national: boolean;
}

/** "3rd of 152 (1 = best)" where the measure has a polarity; "3rd highest of 152" where it has none */
export function rankText(rank: RankLike | null | undefined): string {
  if (!rank) return NOT_AVAILABLE;
  const text = rank.order === "BEST_FIRST" ? `${ordinal(rank.position)} of ${rank.outOf} (1 = best)` : `${ordinal(rank.position)} highest of ${rank.outOf}`;
  return rank.national ? text : `${text}, among the authorities held`;
}

export function bandText(band: QuartileBand | null | undefined, noBand?: string | null): string {
  if (!band) return noBand ? "No band" : NOT_AVAILABLE;
  const words: Record<QuartileBand, string> = { A: "A (best quarter)", B: "B", C: "C", D: "D (worst quarter)" };
  return words[band];
}

export function trendText(direction: TrendDirection | null | undefined, reason?: string | null): string {
  if (!direction) return reason ? `No trend (${reason})` : NOT_AVAILABLE;
  return { IMPROVING: "Improving", WORSENING: "Worsening", NO_SIGNIFICANT_CHANGE: "No clear change" }[direction];
}

export function polarityText(polarity: Polarity | null | undefined): string {
  if (polarity === "HIGHER_IS_BETTER") return "Higher is better";
  if (polarity === "LOWER_IS_BETTER") return "Lower is better";
  return "No judgement of which way is better";
}

/**
 * One sentence on how a value stands against another: "better"/"worse" only where the measure has a
 * polarity; otherwise "higher"/"lower", which is not a judgement.
 */
export function against(value: number, other: number, polarity: Polarity | null | undefined): string {
  if (value === other) return "the same as";
  const higher = value > other;
  if (!polarity) return higher ? "higher than" : "lower than";
  const better = polarity === "HIGHER_IS_BETTER" ? higher : !higher;
  return better ? "better than" : "worse than";
}

export interface SummaryInput {
  area: string;
  measure: string;
  polarity: Polarity | null | undefined;
  value: number | null | undefined;
  period: string | null | undefined;
  comparisons: Array<{ name: string; value: number | null | undefined }>;
}

/** the chart's one-sentence summary, generated from its comparison */
export function summarySentence(input: SummaryInput): string {
  if (input.value === null || input.value === undefined) return `No published figure is held for ${input.area} on ${input.measure.toLowerCase()}.`;
  const parts = input.comparisons
    .filter((c): c is { name: string; value: number } => c.value !== null && c.value !== undefined)
    .map((c) => `${against(input.value!, c.value, input.polarity)} ${c.name} (${figure(c.value)})`);
  const lead = `In ${input.period ?? "the latest period"}, ${input.area} had ${figure(input.value)} for ${input.measure.toLowerCase()}`;
  return parts.length ? `${lead}: ${joinWords(parts)}.` : `${lead}.`;
}

export function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}
