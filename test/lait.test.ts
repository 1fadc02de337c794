/**
 * The national DfE LAIT data (seeds/lait, the release the repository ships and npm start
 * seeds by default), its import and the comparisons built on it, checked against the
 * published source rows and against values this test computes on its own from those rows.
 * The suite starts one system seeded as a fresh `npm start` is (no LAIT_FOLDER set): its education
 * and care databases hold the run's one national import of their default LAIT folder, copied, with
 * their local figures loaded as their seed loads them (test/support/national.ts); re-running
 * `npm run import:lait` then imports the whole release again, into those copies.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataSource } from "@tees/subgraph-common/database";
import { Figure, outcomeEntities } from "@tees/outcomes/entities";
import { outcomeMigrations } from "@tees/outcomes/migrations";
import { quantileType6, trendOf, median, mean, quartileBand, rankOf, ragAgainstTarget } from "@tees/outcomes/statistics";
import { DEFAULT_LAIT_FOLDER } from "@tees/subgraph-common/lait/paths";
import { repoRoot } from "../scripts/catalog";
import { startSystem, type RunningSystem } from "./support/system";

const run = promisify(execFile);
const NATIONAL = DEFAULT_LAIT_FOLDER;

describe("comparison arithmetic, against values worked by hand", () => {
  it("quantile type 6 matches R's quantile(type = 6)", () => {
    // R: quantile(1:10, c(.25, .5, .75), type = 6) → 2.75 5.50 8.25
    const values = [10, 3, 1, 2, 4, 5, 6, 7, 8, 9];
    expect([0.25, 0.5, 0.75].map((p) => quantileType6(values, p))).toEqual([2.75, 5.5, 8.25]);
    // R: quantile(c(7, 1, 3), .25, type = 6) → 1 (clamped to the lowest)
    expect(quantileType6([7, 1, 3], 0.25)).toBe(1);
  });

  it("mean and median", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([5, 1, 3, 100])).toBe(4);
    expect(median([])).toBeNull();
  });

  it("bands and ranks respect polarity; no polarity gives a rank order but no band", () => {
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quartileBand(9, all, "high").band).toBe("A");
    expect(quartileBand(9, all, "low").band).toBe("D");
    expect(quartileBand(2.75, all, "low").band).toBe("A"); // on the boundary: the better band
    expect(quartileBand(5, all, null).band).toBeNull();
    expect(rankOf(9, [...all, 9], "high")).toBe(2);
    expect(rankOf(9, [...all, 9], "low")).toBe(9);
  });

  it("trend: a steady rise is significant, noise is not, four points give none", () => {
    // y = 2x + [0.1, -0.1, 0, 0.1, -0.1]: slope 2 + (-0.2 + 0.1 + 0 + 0.1 - 0.2) / 10 = 1.98, far above noise
    const rising = [0.1, -0.1, 0, 0.1, -0.1].map((e, i) => ({ year: 2020 + i, value: 2 * i + e }));
    const up = trendOf(rising, "high");
    expect(up.direction).toBe("IMPROVING");
    expect(up.slopePerYear).toBeCloseTo(1.98, 10);
    expect(trendOf(rising, "low").direction).toBe("WORSENING");
    const noise = [5, 7, 4, 8, 5].map((value, i) => ({ year: 2020 + i, value }));
    expect(trendOf(noise, "high").direction).toBe("NO_SIGNIFICANT_CHANGE");
    const four = trendOf(rising.slice(0, 4), "high");
    expect(four.direction).toBeNull();
    expect(four.reason).toMatch(/only 4 published values; a trend needs at least 5/);
    expect(trendOf(rising, null).direction).toBeNull();
  });

  it("RAG against a target by polarity", () => {
    expect(ragAgainstTarget(61, 60, "high").rag).toBe("GREEN");
    expect(ragAgainstTarget(58, 60, "high").rag).toBe("AMBER"); // 2 short, within 5% of 60
    expect(ragAgainstTarget(50, 60, "high").rag).toBe("RED");
    expect(ragAgainstTarget(50, 60, "low").rag).toBe("GREEN");
    expect(ragAgainstTarget(50, 60, null)).toEqual({ rag: null, reason: expect.stringMatching(/no polarity/) });
  });
});

/** the published rows, read here without the importer's code */
interface SourceRow {
  measure: string;
  period: string;
  laNumber: string;
  value: string;
}

describe("the national LAIT release: seeded by default, re-imported with npm run import:lait", () => {
  let databases: { region: string; education: string; care: string };
  const importLait = (folder: string, only?: string) =>
    // the script as `npm run import:lait` runs it, in one process (npx tsx starts npm, then tsx's own process, then the script's)
    run(process.execPath, ["--import", "tsx", "scripts/import-lait.ts", folder, ...(only ? ["--only", only] : [])], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL_REGION: databases.region, DATABASE_URL_EDUCATION: databases.education, DATABASE_URL_CARE: databases.care },
      maxBuffer: 10 << 20,
    });

  let rows: SourceRow[];
  const gss = new Map<string, string>(); // DfE number → GSS
  const dfe = new Map<string, string>(); // GSS → DfE number
  let system: RunningSystem;

  const sourceValue = (measure: string, laNumber: string, period: string) =>
    rows.find((r) => r.measure === measure && r.laNumber === laNumber && r.period === period)?.value;
  const numeric = (raw: string) => (raw === "-" ? null : Number(raw));
  /** the published values of every local authority (not regions or England) for one period */
  const localAuthorityValues = (measure: string, period: string) =>
    rows
      .filter((r) => r.measure === measure && r.period === period && r.value !== "-" && /^E0[6-9]|^E10/.test(gss.get(r.laNumber) ?? ""))
      .map((r) => ({ code: gss.get(r.laNumber)!, value: Number(r.value) }));

  beforeAll(async () => {
    const text = gunzipSync(readFileSync(join(NATIONAL, "bds_long.csv.gz"))).toString("utf8");
    rows = (parse(text, { columns: true, record_delimiter: ["\r\n", "\n"] }) as Array<Record<string, string>>).map((r) => ({
      measure: r["Short Desc"]!,
      period: r.Years!,
      laNumber: r["LA Number"]!,
      value: r.Values!,
    }));
    for (const r of parse(readFileSync(join(NATIONAL, "la_gss_codes.csv")), { columns: true, record_delimiter: ["\r\n", "\n"] }) as Array<Record<string, string>>) {
      gss.set(r.la_number!, r.gss_code!);
      dfe.set(r.gss_code!, r.la_number!);
    }
    // seeded as a fresh npm start is: every subgraph with its own default settings (LAIT_FOLDER unset)
    system = await startSystem({ lait: "default" });
    const url = (name: string) => system.services.get(name)!.database;
    databases = { region: url("region"), education: url("education"), care: url("care") };
    expect(Object.values(databases).every((u) => u.startsWith("sqlite:"))).toBe(true);
  }, 400_000);

  afterAll(async () => {
    await system?.close();
  });

  it("loads every published row of every measure: education and care by topic, the registry's code lists and both neighbour sets", async () => {
    const { dataSource } = await openDataSource({ url: databases.education, poolSize: 1, queueLimit: 0, queryTimeoutMs: 60_000 }, outcomeEntities, outcomeMigrations("sqlite:"));
    const care = await openDataSource({ url: databases.care, poolSize: 1, queueLimit: 0, queryTimeoutMs: 60_000 }, outcomeEntities, outcomeMigrations("sqlite:"));
    try {
      // the distinct measure codes of the published figures, counted by the database (not ~660,000 rows read into the test)
      const heldBy = async (source: typeof dataSource) =>
        ((await source.getRepository(Figure).createQueryBuilder("f").select("f.measureCode", "measureCode").distinct(true).where("f.kind = :kind", { kind: "published" }).getRawMany()) as Array<{ measureCode: string | null }>).map((f) => f.measureCode);
      const held = new Set([...(await heldBy(dataSource)), ...(await heldBy(care.dataSource))]);
      const published = new Set(rows.map((r) => r.measure));
      expect([...published].filter((m) => !held.has(m))).toEqual([]);
    } finally {
      await dataSource.destroy();
      await care.dataSource.destroy();
    }
  });

  it("returns published figures exactly as the source rows give them, for several measures and authorities", async () => {
    const cases = [
      { code: "E06000004", domain: "education", measure: "KS2RWM_Expected_STD" },
      { code: "E09000007", domain: "education", measure: "AVG_Attain8_Score" },
      { code: "E06000001", domain: "care", measure: "LAC" },
      { code: "E08000035", domain: "care", measure: "CPP_rate" },
      { code: "E06000003", domain: "care", measure: "RTA" },
    ];
    for (const c of cases) {
      const result = await system.query(
        `query ($code: ID!, $measure: ID!) { authority(code: $code) { ${c.domain} { measures(codes: [$measure]) { figures { kind value period { label } source { document { key } } } } } } }`,
        { code: c.code, measure: c.measure },
      );
      expect(result.errors).toBeUndefined();
      const figures = (result.data!.authority[c.domain].measures[0]?.figures ?? []).filter((f: { kind: string }) => f.kind === "PUBLISHED");
      const source = rows.filter((r) => r.measure === c.measure && r.laNumber === dfe.get(c.code));
      expect(source.length, `${c.measure} for ${c.code} in the source`).toBeGreaterThan(3);
      expect(figures.map((f: { period: { label: string } }) => f.period.label).sort()).toEqual(source.map((r) => r.period).sort());
      for (const f of figures) {
        const raw = source.find((r) => r.period === f.period.label)!.value;
        if (raw === "-") expect(f.value).toBeNull();
        else expect(f.value).toBeCloseTo(Number(raw), 9);
        expect(f.source.document.key).toBe("dfe-lait");
      }
    }
  });

  it("a fresh system seeded by default ranks every English authority nationally, not within an extract", async () => {
    const result = await system.query(`{ authority(code: "E06000003") {
      care { measures(codes: ["LACStable_2016on"]) { comparison { rank { outOf national note } } } }
      education { measures(codes: ["KS2RWM_Expected_STD"]) { comparison { rank { outOf national note } } } } } }`);
    expect(result.errors).toBeUndefined();
    for (const domain of ["care", "education"] as const) {
      const rank = result.data!.authority[domain].measures[0].comparison.rank;
      expect(rank.national, domain).toBe(true);
      expect(rank.note, domain).toBeNull();
      expect(rank.outOf, domain).toBeGreaterThan(140);
    }
  });

  it('reads "-" as not published (null, not 0) and keeps multi-year periods, normalised, with their label', async () => {
    const result = await system.query(`{ authority(code: "E06000003") { care { measures(codes: ["RTA", "Hosp_Adm_Alc_<18yrs"]) {
      measure { code } figures { value period { label kind startYear endYear } } } } } }`);
    expect(result.errors).toBeUndefined();
    type Series = { measure: { code: string }; figures: Array<{ value: number | null; period: { label: string; kind: string; startYear: number; endYear: number } }> };
    const figuresOf = (code: string) => (result.data!.authority.care.measures as Series[]).find((s) => s.measure.code === code)!.figures;
    const rta = figuresOf("RTA");
    expect(sourceValue("RTA", "807", "2019-21")).toBe("-");
    expect(rta.find((f) => f.period.label === "2019-21")).toMatchObject({ value: null, period: { kind: "MULTI_YEAR", startYear: 2019, endYear: 2021 } });
    expect(rta.find((f) => f.period.label === "2014-16")).toMatchObject({ value: 24.83, period: { kind: "MULTI_YEAR", startYear: 2014, endYear: 2016 } });
    // published as 36.450000000000003: floating-point noise, meaning 36.45
    expect(sourceValue("Hosp_Adm_Alc_<18yrs", "807", "2018/19-20/21")).toBe("36.450000000000003");
    const span = figuresOf("Hosp_Adm_Alc_<18yrs").find((f) => f.period.label === "2018/19-20/21");
    expect(span).toMatchObject({ value: 36.45, period: { kind: "MULTI_YEAR", startYear: 2018, endYear: 2021 } });
  });

  const COMPARISON = /* GraphQL */ `
    query Compare($code: ID!, $measure: ID!, $set: StatisticalNeighbourSet!) {
      authority(code: $code) {
        care {
          measures(codes: [$measure]) {
            comparison(neighbours: $set) {
              polarity
              latest { value period { label } }
              england { value }
              region { areaCode value }
              neighbours { set { set publishedAt } mean median withValue values { areaCode value } }
              rank { position outOf order band noBand quartiles national note }
              trend { direction reason points slopePerYear }
            }
          }
        }
      }
    }
  `;

  it("compares a lower-is-better measure nationally: England, region, neighbours (set named), rank and band, trend — each checked independently", async () => {
    for (const set of ["MAY_2025", "APRIL_2021"] as const) {
      const result = await system.query(COMPARISON, { code: "E06000003", measure: "LACStable_2016on", set });
      expect(result.errors).toBeUndefined();
      const c = result.data!.authority.care.measures[0].comparison;
      expect(c.polarity).toBe("LOWER_IS_BETTER");
      expect(c.latest).toEqual({ value: 9, period: { label: "2025" } });
      expect(c.england.value).toBe(numeric(sourceValue("LACStable_2016on", "970", "2025")!));
      expect(c.region).toEqual({ areaCode: "E12000001", value: numeric(sourceValue("LACStable_2016on", "980", "2025")!) });

      // the neighbour set, from the published CSV, and their 2025 values from the source rows
      const setFile = set === "MAY_2025" ? "statistical_neighbours_2025-05.csv" : "statistical_neighbours_2021-04.csv";
      const pairs = (parse(readFileSync(join(NATIONAL, setFile)), { columns: true, record_delimiter: ["\r\n", "\n"] }) as Array<Record<string, string>>).filter((p) => p.la_number === "807");
      expect(pairs).toHaveLength(10);
      const values = pairs.flatMap((p) => {
        const raw = sourceValue("LACStable_2016on", p.neighbour_la_number!, "2025");
        return raw === undefined || raw === "-" ? [] : [Number(raw)];
      });
      const sorted = [...values].sort((a, b) => a - b);
      const expectedMedian = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
      expect(c.neighbours.set).toEqual({ set, publishedAt: set === "MAY_2025" ? "2025-05" : "2021-04" });
      expect(c.neighbours.values.map((v: { areaCode: string }) => v.areaCode)).toEqual(pairs.map((p) => gss.get(p.neighbour_la_number!)));
      expect(c.neighbours.withValue).toBe(values.length);
      expect(c.neighbours.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
      expect(c.neighbours.median).toBe(expectedMedian);

      // rank: 1 + authorities with a strictly lower (better) value; band from the quartiles of all of them
      const all = localAuthorityValues("LACStable_2016on", "2025");
      expect(all.length).toBeGreaterThan(140);
      expect(c.rank).toMatchObject({ position: 1 + all.filter((a) => a.value < 9).length, outOf: all.length, order: "BEST_FIRST", national: true, note: null });
      const s = all.map((a) => a.value).sort((a, b) => a - b);
      const q = (p: number) => {
        const h = p * (s.length + 1);
        const lo = Math.min(Math.max(Math.floor(h), 1), s.length);
        return h >= s.length ? s[s.length - 1]! : h <= 1 ? s[0]! : s[lo - 1]! + (h - lo) * (s[lo]! - s[lo - 1]!);
      };
      expect(c.rank.quartiles).toEqual([q(0.25), q(0.5), q(0.75)]);
      const band = 9 <= q(0.25) ? "A" : 9 <= q(0.5) ? "B" : 9 <= q(0.75) ? "C" : "D";
      expect(c.rank.band).toBe(band);

      // trend over the last five published values (2021-2025: 9, 9, 10, 16, 9)
      const last5 = ["2021", "2022", "2023", "2024", "2025"].map((y) => Number(sourceValue("LACStable_2016on", "807", y)));
      const xs = [2021, 2022, 2023, 2024, 2025];
      const slope = xs.reduce((acc, x, i) => acc + (x - 2023) * (last5[i]! - mean(last5)!), 0) / 10;
      expect(c.trend).toMatchObject({ direction: "NO_SIGNIFICANT_CHANGE", points: 5 });
      expect(c.trend.slopePerYear).toBeCloseTo(slope, 9);
    }
  });

  it("gives no band and says why for a measure without polarity, but still ranks it (highest first)", async () => {
    const result = await system.query(COMPARISON, { code: "E06000003", measure: "LAC", set: "MAY_2025" });
    const c = result.data!.authority.care.measures[0].comparison;
    expect(c.polarity).toBeNull();
    expect(c.rank.band).toBeNull();
    expect(c.rank.noBand).toMatch(/no polarity/);
    expect(c.rank.order).toBe("HIGHEST_FIRST");
    const all = localAuthorityValues("LAC", c.latest.period.label);
    expect(c.rank.position).toBe(1 + all.filter((a) => a.value > c.latest.value).length);
  });

  it("compares every authority on a measure in one query, with a bounded number of SQL statements", async () => {
    system.resetStatements();
    const result = await system.query(`{ authorities { code care { measures(codes: ["LACStable_2016on"]) { comparison { latest { value period { label } } rank { position outOf } neighbours { mean } } } } } }`);
    expect(result.errors).toBeUndefined();
    type Compared = { code: string; care: { measures: Array<{ comparison: { latest: { value: number; period: { label: string } } | null; rank: { position: number } | null } }> } };
    // authorities whose latest figure is for 2025 (a few discontinued ones stop earlier and are compared on their own latest year)
    const ranked = result.data!.authorities.flatMap((a: Compared) => {
      const c = a.care.measures[0]?.comparison;
      return c?.latest?.period.label === "2025" ? [{ code: a.code, value: c.latest.value, position: c.rank!.position }] : [];
    });
    const all = localAuthorityValues("LACStable_2016on", "2025");
    expect(ranked.length).toBe(all.length);
    for (const r of ranked) expect(r.position).toBe(1 + all.filter((a) => a.value < r.value).length);
    // registry + one batch of figures, measures, values, areas and neighbours: not one per authority
    expect(system.statements()).toBeLessThan(20);
  });

  it("re-running the import (npm run import:lait -- seeds/lait) changes nothing", async () => {
    const count = async () => {
      const { dataSource } = await openDataSource({ url: databases.care, poolSize: 1, queueLimit: 0, queryTimeoutMs: 60_000 }, outcomeEntities, outcomeMigrations("sqlite:"));
      try {
        const figures = await dataSource.getRepository(Figure).count();
        const one = await dataSource.getRepository(Figure).findOneByOrFail({ id: "lait/LACStable_2016on/E06000003/2025" });
        return { figures, one: { value: one.value, periodKind: one.periodKind } };
      } finally {
        await dataSource.destroy();
      }
    };
    const before = await count();
    const { stdout } = await importLait(NATIONAL);
    expect(stdout).toMatch(/region .*imported .*areas: 170, neighbourPairs: 3140/s);
    expect(stdout).toMatch(/care .*imported .*peak RSS \d+ MB.*figures: 300390/s);
    expect(await count()).toEqual(before);
  }, 300_000);

  it("stops at a malformed row, naming its file, line and reason, and leaves the data as it was", async () => {
    const broken = mkdtempSync(join(tmpdir(), "lait-broken-"));
    try {
      for (const f of ["lait_data_dictionary.csv", "la_gss_codes.csv", "la_code_list.csv", "statistical_neighbours_2021-04.csv", "statistical_neighbours_2025-05.csv"]) {
        copyFileSync(join(NATIONAL, f), join(broken, f));
      }
      const lines = gunzipSync(readFileSync(join(NATIONAL, "bds_long.csv.gz"))).toString("utf8").split(/\r?\n/).slice(0, 5000);
      const target = lines.findIndex((l, i) => i > 500 && /^RTA,.*,\d+(\.\d+)?,\d+,[^,]*$/.test(l));
      expect(target).toBeGreaterThan(0);
      lines[target] = lines[target]!.replace(/,[^,]*,(\d+),([^,]*)$/, ",12.5.3,$1,$2");
      writeFileSync(join(broken, "bds_long.csv"), lines.join("\n") + "\n");
      const error = (await importLait(broken, "care").catch((e: { stderr: string }) => e)) as { stderr?: string };
      expect(error.stderr).toMatch(new RegExp(`care: import failed, nothing changed: bds_long\\.csv: line ${target + 1}: field "Values": not a number or "-": "12\\.5\\.3"`));
      const result = await system.query(`{ authority(code: "E06000003") { care { measures(codes: ["LACStable_2016on"]) { figures { value } } } } }`);
      expect(result.data!.authority.care.measures[0].figures.length).toBe(10);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 120_000);
});
