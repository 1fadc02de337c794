/**
 * The shared validation vocabulary (subgraphs/common/src/validation.ts) that every write input and
 * seed schema uses: partial dates, their order, slugs (in linear time on client text), text bounds
 * and enum mappings.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { datesInOrder, fromGraphQL, inOrder, isPartialDate, isSlug, partialDate, slugText, storedEnum, text } from "@tees/subgraph-common/validation";

const pad = (n: number) => String(n).padStart(2, "0");
/** a valid partial date: YYYY, YYYY-MM or YYYY-MM-DD */
const partial = fc
  .record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), precision: fc.constantFrom(4, 7, 10) })
  .map(({ year, month, day, precision }) => `${year}-${pad(month)}-${pad(day)}`.slice(0, precision));
/** the first day a partial date can mean, and the last */
const earliest = (d: string) => (d + "-01-01").slice(0, 10);
const latest = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

describe("the validation vocabulary", () => {
  it("partial dates are YYYY, YYYY-MM or YYYY-MM-DD and real", () => {
    for (const good of ["2024", "2024-02", "2024-02-29", "2025-12-31"]) expect(isPartialDate(good), good).toBe(true);
    for (const bad of ["24", "2024-13", "2025-02-29", "2024/25", "2024-1", "Spring 2025", "2024-00", "2024-04-31"]) expect(isPartialDate(bad), bad).toBe(false);
    expect(partialDate.safeParse(" 2024-05 ")).toEqual({ success: true, data: "2024-05" });
  });

  it("date order compares as far as both dates are precise: the same as first day of start ≤ last day of end", () => {
    fc.assert(fc.property(partial, partial, (start, end) => datesInOrder(start, end) === earliest(start) <= latest(end)));
    expect(datesInOrder("2025-06", "2025")).toBe(true);
    expect(datesInOrder("2025", "2024-12")).toBe(false);
    const range = inOrder(z.object({ start: partialDate.nullish(), end: partialDate.nullish() }), "start", "end");
    expect(range.safeParse({ start: "2025-07", end: "2025-06-30" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["end", "must not be before start"]]);
    expect(range.safeParse({ start: "2025-07", end: null }).success).toBe(true);
  });

  it("slugs: lower-case words joined by hyphens, checked in linear time however long the text", () => {
    for (const good of ["malap", "send-strategy-2025", "a1-b2"]) expect(isSlug(good), good).toBe(true);
    for (const bad of ["", "Malap", "a--b", "-a", "a-", "a b", "a_b"]) expect(isSlug(bad), bad).toBe(false);
    const hostile = `${"a-".repeat(200_000)}!`;
    const started = performance.now();
    expect(isSlug(hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
    expect(slugText(10).safeParse("Not A Slug").error?.issues.map((i) => i.message)).toEqual(["must be lower-case words joined by hyphens (a-z, 0-9, -)"]);
  });

  it("text is trimmed, not empty, bounded, and says what is wrong", () => {
    const title = text(5);
    expect(title.safeParse("  abc ").data).toBe("abc");
    expect(title.safeParse("   ").error?.issues.map((i) => i.message)).toEqual(["must not be empty"]);
    expect(title.safeParse("abcdef").error?.issues.map((i) => i.message)).toEqual(["must be at most 5 characters"]);
    expect(title.safeParse(null).error?.issues.map((i) => i.message)).toEqual(["must not be null"]);
  });

  it("an enum mapping gives the stored values, and maps a GraphQL name to its stored value", () => {
    const kinds = { STRATEGY: "strategy", PROGRESS_REPORT: "progress-report" } as const;
    expect(storedEnum(kinds).options).toEqual(["strategy", "progress-report"]);
    expect(storedEnum(kinds).safeParse("STRATEGY").success).toBe(false);
    expect(fromGraphQL(kinds).parse("PROGRESS_REPORT")).toBe("progress-report");
    expect(fromGraphQL(kinds).safeParse("progress-report").success).toBe(false);
  });
});
