/**
 * Links that look like document fact but may have been made by the extractor (issue 16, "What to
 * correct"): each action→priority link is STATED or INFERRED, and the per-document counts through
 * the gateway are matched against the list below, kept by hand with the document's own words that
 * justify each link (the test checks those words occur in the document). Also: narrative actions,
 * priorities owned by another body, criteria and indicators placed under a priority, canonical-name
 * judgements and the bodies two authorities share, measure mappings, local figures held once with
 * every document that states them, printed periods and "date not stated". SQLite, and MariaDB/MySQL
 * when MYSQL_URL is set.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchCommonBodies } from "../gateway/client/common-bodies";
import { compareTheme, renderMarkdown } from "../gateway/client/compare";
import { repoRoot } from "../scripts/catalog";
import { readPlanSeeds } from "../subgraphs/authority-plan/src/seeding/load";
import { alsoStatedRows, readLocalFigures } from "@tees/outcomes/local-figures";
import { localFiguresFile } from "@tees/subgraph-common/seed-schema";
import { databases } from "./support/matrix";
import { startSystem, type RunningSystem } from "./support/system";

const run = promisify(execFile);
const REDCAR = "E06000003";
const STOCKTON = "E06000004";
const sourceDocuments = join(repoRoot, "..", "shared", "source-documents");
const hasDocuments = existsSync(sourceDocuments);
if (!hasDocuments) console.warn("Document-link quote checks NOT run: ../shared/source-documents is not beside the repository (CI has it)");

type Basis = "STATED" | "INFERRED";
/** actions × priorities of one document: every pair is one link, known as `basis`, justified by `quotes` (the document's own words) */
interface LinkEntry {
  actions: string[];
  priorities: string[];
  basis: Basis;
  quotes: string[];
}
interface DocumentLinks {
  authority: string;
  file: string;
  links: LinkEntry[];
}

const S = "STATED" as const;
const I = "INFERRED" as const;

/** Every action→priority link of every plan, by document key. */
const LINKS: Record<string, DocumentLinks> = {
  "redcar-cypf-strategy-2024-2027": {
    authority: REDCAR,
    file: "redcar-children-young-people-families-strategy-2024-2027.txt",
    links: [
      // the legible cells of the garbled ACTIONS table print the label in the action's own row
      { actions: ["a01"], priorities: ["p1"], basis: S, quotes: ["Priority 1\tImplement Family networks across all elements of our services\t2024-2025"] },
      { actions: ["a02"], priorities: ["p1", "p2", "p3", "p4"], basis: S, quotes: ["Priority 1,2,3,4\tImplement our Practice Model"] },
      // labels that disagree between repetitions: the extractor chose
      { actions: ["a03"], priorities: ["p1", "p2", "p3", "p4"], basis: I, quotes: ["Priority 1,2,3,4 Implement Early Help Strategy", "Priority 1,4 Implement Early Help Strategy", "Priority 1 Implement Early Help Strategy"] },
      { actions: ["a04"], priorities: ["p2", "p3"], basis: S, quotes: ["Priority 2,3 Align all activities for children 0-5"] },
      // no label printed beside it
      { actions: ["a05"], priorities: ["p1", "p2", "p3", "p4", "p5"], basis: I, quotes: ["Explore the development and implementation of community based / placed based integrated teams Explore examples across the country"] },
      { actions: ["a06"], priorities: ["p1", "p4"], basis: I, quotes: ["Priority 1, 4 Implement SEN/Inclusion Strategy", "Priority 1 Implement SEN/Inclusion Strategy"] },
      { actions: ["a07"], priorities: ["p1", "p2", "p3", "p4", "p5"], basis: S, quotes: ["Priority 1,2,3,4,5 Further develop relationships with school leaders and partners"] },
      { actions: ["a08"], priorities: ["p1"], basis: S, quotes: ["Priority 1 Implement recommendations from the CIOC sufficiency assessment"] },
      // sub-items of the CIOC row, no label of their own
      { actions: ["a09", "a10", "a11"], priorities: ["p1"], basis: I, quotes: ["Implement recommendations from the CIOC sufficiency assessment Implement phase 1 of in house provision – children with disabilities 2024-2025 Explore the development of in house provision re: Children's homes 2024 - 2025 Implement foster carer recruitment and retention strategy 2024"] },
      { actions: ["a12"], priorities: ["p1", "p4"], basis: I, quotes: ["Priority 1, 4 Develop housing protocol", "Priority 1 Develop housing protocol"] },
      { actions: ["a13"], priorities: ["p1", "p3", "p4"], basis: S, quotes: ["Priority 1, 3,4\tDevelop and implement Alternative Provision Strategy\t2024 - 2025"] },
      { actions: ["a14"], priorities: ["p1", "p2", "p3", "p4", "p5"], basis: S, quotes: ["Priority 1,2,3,4,5\tDevelop and implement Participation Strategy for us to engage meaningfully"] },
    ],
  },
  "redcar-education-improvement-strategy-2024-2027": {
    authority: REDCAR,
    file: "redcar-education-improvement-strategy-2024-2027.txt",
    // organised by principles: its actions serve principles, no priority
    links: [],
  },
  "redcar-children-in-our-care-plan-2019-2022": {
    authority: REDCAR,
    file: "redcar-children-in-our-care-care-leavers-plan-2019-2022.txt",
    // each bullet is printed in its heading's cell of the "What we will do" table
    links: [
      { actions: ["a01", "a02"], priorities: ["p1"], basis: S, quotes: ["Ambition for children To promote high aspirations, & seek to secure the best outcomes for Children in Our Care and Care Leavers</p> <ul style=\"list-style-type: none\"> • Offer ring-fenced, council apprenticeship opportunities to care leavers • Introduce dedicated 'Foundation for Jobs' Careers Advisor"] },
      { actions: ["a03", "a04", "a05", "a06", "a07"], priorities: ["p2"], basis: S, quotes: ["<p>Working together To help looked after children & young people gain access to", "• Review the offer to foster carers on an annual basis • Review the staffing structure within the team to ensure it best meets the needs of the service. • Embed the Tees Valley Adoption Agency. • Strengthen the audit process."] },
      { actions: ["a08", "a09", "a10", "a11", "a12", "a13"], priorities: ["p3"], basis: S, quotes: ["<p>Safeguarding & permanence For looked after children & young people to be safe", "• Develop and implement a revised recruitment campaign to attract more in-house foster carers. • Target recruitment activity", "• Review transport arrangements for family time services."] },
      { actions: ["a14", "a15"], priorities: ["p4"], basis: S, quotes: ["<p>Youth voice To encourage Children in Our Care & young people to express their views, wishes & feelings.</p> <ul style=\"list-style-type: none\"> • Ensure that care plans & pathways plans"] },
      { actions: ["a16", "a17"], priorities: ["p5"], basis: S, quotes: ["<p>Youth participation To take into account the views, wishes & feelings of Children in Our Care & young people</p> <ul style=\"list-style-type: none\"> • Develop appropriate provision to fully support the integration of UASC into the Borough. • Increase children's participation"] },
      { actions: ["a18", "a19", "a20"], priorities: ["p6"], basis: S, quotes: ["<p>Transitions To prepare Children in Our Care & young people for adulthood & independent living</p> <ul style=\"list-style-type: none\"> • Fully implement the Local Offer. • Support the development of Pathway Plans", "• Review and develop supported lodgings initiative for young people."] },
    ],
  },
  "redcar-our-flourishing-future-progress-q3-2018-19": {
    authority: REDCAR,
    file: "redcar-our-flourishing-future-progress-q3-2018-19.txt",
    links: [
      // bullets of the Corporate Delivery Plan commitments
      { actions: ["a01", "a02"], priorities: ["p1"], basis: S, quotes: ["**access good education**", "- Contribute to the merger of Redcar & Cleveland College with Stockton Riverside College", "- Work with the governing bodies of our maintained schools to improve educational achievement"] },
      { actions: ["a03", "a04"], priorities: ["p2"], basis: S, quotes: ["We will tackle the causes of neglect and abuse.", "• Develop and implement a new policy which sets out clearly defined levels of financial support payable to carers", "• Establish a multi-agency early help hub to provide coordinated services for children and young people"] },
      { actions: ["a05"], priorities: ["p3"], basis: S, quotes: ["through the delivery of Foundation for Jobs", "• Deliver the outcomes of the Youth Employment Initiative (YEI) project."] },
      { actions: ["a06"], priorities: ["p4"], basis: S, quotes: ["**make it easier to get to places**", "- Promote a learn to drive scheme so that young people in disadvantaged communities can learn to drive"] },
      // narrative reported under the education commitment; the EIP priority by the aim of reducing exclusions
      { actions: ["a07"], priorities: ["p1", "eip3"], basis: I, quotes: ["Pupil Placement Panel - To reduce the number of exclusions a new Pupil Placement Panel has been convened", "- Reducing exclusions"] },
      { actions: ["a08"], priorities: ["p1", "eip3"], basis: I, quotes: ["Exclusions from school will be mapped each week"] },
      { actions: ["a09"], priorities: ["p1", "eip3"], basis: I, quotes: ["Activity will commence to secure more alternative provision, and more alternative curriculum opportunities for learners at risk of exclusion."] },
      { actions: ["a10", "a11", "a12", "a13"], priorities: ["p1"], basis: I, quotes: ["The Virtual School is currently addressing several key areas"] },
      { actions: ["a14"], priorities: ["p1", "eip3"], basis: I, quotes: ["- Continue to develop inclusion strategies to reduce rate of fixed term exclusions issued to children in our care."] },
      // section 3, outside the delivery plan: linked by subject
      { actions: ["a15"], priorities: ["p1"], basis: I, quotes: ["3. Other Achievements", "The working group has focused on delivering an Education Transition Strategy."] },
    ],
  },
  "stockton-cypp-2015-2018": {
    authority: STOCKTON,
    file: "stockton-children-young-peoples-plan-2015-2018.txt",
    // the Delivery Plan lists each priority's Key Actions under it
    links: [
      { actions: ["a01", "a02", "a03", "a04"], priorities: ["p1"], basis: S, quotes: ["Priority 1: Ensure effective pre-natal and early years support for children and families", "Participate in the LGA Tees Early Help Peer Review.\tTees DCS Group"] },
      { actions: ["a05", "a06", "a07", "a08"], priorities: ["p2"], basis: S, quotes: ["Priority 2: Ensure children and young people are safe and feel safe", "Ensure effective identification of, and support for, children and young people who are vulnerable, exploited, missing, or trafficked (VEMT)"] },
      { actions: ["a09", "a10", "a11"], priorities: ["p3"], basis: S, quotes: ["Priority 3: Improve educational performance of all children and young people across the Borough", "Target focused support and intervention to prevent inequalities based on social identity (FSM, SEN, LAC, gender, heritage)."] },
      { actions: ["a12", "a13"], priorities: ["p4"], basis: S, quotes: ["Priority 4: Support young people to make a successful transition into adulthood", "Implement Raising Participation Age requirements"] },
      { actions: ["a14", "a15", "a16"], priorities: ["p5"], basis: S, quotes: ["Priority 5: Improve outcomes for children and young people in care and care leavers", "Deliver and develop the joint venture for local residential and educational provision"] },
      { actions: ["a17", "a18", "a19", "a20", "a21", "a22"], priorities: ["p6"], basis: S, quotes: ["Priority 6: Enable children and young people to lead healthier lives", "Improve support for children with long term health conditions."] },
    ],
  },
};

/** stated and inferred counts per document, from the list above */
const expectedCounts = Object.fromEntries(
  Object.entries(LINKS).map(([doc, { links }]) => {
    const count = (basis: Basis) => links.filter((l) => l.basis === basis).reduce((n, l) => n + l.actions.length * l.priorities.length, 0);
    return [doc, { stated: count(S), inferred: count(I) }];
  }),
);

const PLAN_LINKS = /* GraphQL */ `
  query PlanLinks($code: ID!) {
    authority(code: $code) {
      plans {
        id
        source { document { key } }
        metadataSource { section quote document { key } }
        leadMember
        leadOfficer
        actions {
          id
          narrative
          priorityLinks { priority { id } basis { kind note } }
          stated: priorities(includeInferred: false) { id }
          leadGroupLinks { leadGroup { id } basis { kind note } }
        }
        priorities {
          id
          owner
          actions { id }
          statedActions: actions(includeInferred: false) { id }
          successCriteria { text placement { kind note } }
          statedCriteria: successCriteria(includeInferred: false) { text }
          indicators { wording placement { kind note } }
        }
      }
    }
  }
`;

type Row = any;

const documentText = (file: string) => readFileSync(join(sourceDocuments, file), "utf8");

describe("the list of stated and inferred links kept in this test", () => {
  it.runIf(hasDocuments)("quotes only the documents' own words", () => {
    for (const [doc, { file, links }] of Object.entries(LINKS)) {
      const text = documentText(file);
      for (const entry of links) for (const quote of entry.quotes) expect(text.includes(quote), `${doc} ${entry.actions.join(",")}: "${quote}"`).toBe(true);
    }
  });

  it("names every plan document, and each link once", () => {
    const plans = ["redcar-and-cleveland", "stockton-on-tees"].flatMap((a) => readPlanSeeds(join(repoRoot, "seeds", a)));
    expect(Object.keys(LINKS).sort()).toEqual(plans.map((p) => p.document.key).sort());
    for (const [doc, { links }] of Object.entries(LINKS)) {
      const pairs = links.flatMap((l) => l.actions.flatMap((a) => l.priorities.map((p) => `${a}→${p}`)));
      expect(new Set(pairs).size, doc).toBe(pairs.length);
    }
  });
});

describe("plan files and local-figure files agree on the measure of the same figure", () => {
  it("every indicator value that is also a local figure of the same document has the same measure code (or none in both)", () => {
    const plans = ["redcar-and-cleveland", "stockton-on-tees"].flatMap((a) => readPlanSeeds(join(repoRoot, "seeds", a)));
    const files = ["education", "care"].flatMap((s) => readLocalFigures(join(repoRoot, "seeds", s, "local-figures")));
    let compared = 0;
    for (const plan of plans) {
      const indicators = [...plan.plan.indicators, ...plan.priorities.flatMap((p) => p.indicators)];
      for (const indicator of indicators) {
        const value = indicator.current?.value;
        if (value === null || value === undefined) continue;
        // the same figure: same value, stated by the same document (as its own source or as a further one)
        const same = files.flatMap((file) =>
          file.figures.filter((f) => f.value === value && (file.document.key === plan.document.key || (f.alsoStatedIn ?? []).some((s) => s.document === plan.document.key))),
        );
        for (const figure of same) {
          compared++;
          expect(figure.measureCode, `${plan.document.key} "${indicator.wording}" (${value}) and local figure "${figure.key}"`).toBe(indicator.measureCode);
        }
      }
    }
    // 425, 66.9, 63.3, 44.74, 8414, 98 (twice each where two documents state them), 94, 91.43
    expect(compared).toBeGreaterThanOrEqual(12);
  });

  it("maps no percentage of attendance or of young people in EET to its complement", () => {
    const plans = readPlanSeeds(join(repoRoot, "seeds", "redcar-and-cleveland"));
    const indicator = (doc: string, wording: string) => {
      const found = plans.find((p) => p.document.key === doc)!.plan.indicators.find((i) => i.wording === wording);
      if (!found) throw new Error(`${doc}: no indicator "${wording}"`);
      return found;
    };
    const attendance = indicator("redcar-education-improvement-strategy-2024-2027", "Improving Attendance");
    expect(attendance.current?.value).toBe(91.43);
    expect(attendance.measureCode).toBeNull();
    expect(attendance.measureNote).toMatch(/complement of attendance/);
    const eet = indicator("redcar-cypf-strategy-2024-2027", "Improve the numbers of young people who are in Education, Employment and Training");
    expect(eet.current?.value).toBe(94);
    expect(eet.measureCode).toBeNull();
    expect(eet.measureNote).toMatch(/16-17 NEET/);
  });
});

describe("local-figure seeds: a figure held once, with every document that states it", () => {
  const files = () => readLocalFigures(join(repoRoot, "seeds", "education", "local-figures"));

  it("refuses a further source that is not another document of the same authority, naming it", () => {
    const [cypf, eis] = [...files()].sort((a, b) => a.document.key.localeCompare(b.document.key));
    const figure = cypf!.figures.find((f) => f.key === "suspensions")!;
    expect(figure.alsoStatedIn?.map((s) => s.document)).toEqual(["redcar-education-improvement-strategy-2024-2027"]);
    expect(alsoStatedRows([cypf!, eis!]).map((r) => r.figureId)).toContain("redcar-cypf-strategy-2024-2027/suspensions");
    // the other document's file is not loaded with it
    expect(() => alsoStatedRows([cypf!])).toThrow(/redcar-cypf-strategy-2024-2027\.json: figure "gld-children": field "alsoStatedIn\.0\.document": "redcar-education-improvement-strategy-2024-2027" has no local-figures file in this folder/);
    // another authority's document
    expect(() => alsoStatedRows([cypf!, { ...eis!, authorityCode: "E06000004" }])).toThrow(/is E06000004's document, not E06000003's/);
  });

  it("refuses a period labelled 'date not stated' that has a date", () => {
    const [file] = files();
    const figure = { ...file!.figures[0]!, period: { label: "date not stated", end: "2024-09-30" } };
    const parsed = localFiguresFile.safeParse({ ...file, figures: [figure] });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('a period labelled \\"date not stated\\" has no start or end');
  });
});

describe.each(databases)("stated and inferred links through the gateway on $label", ({ database }) => {
  let system: RunningSystem;
  let plans: Map<string, Row>;

  beforeAll(async () => {
    // the tests ask for every link of every plan at once: over the default cost (a typed-client operation asks for less)
    system = await startSystem({ database, limits: { cost: 10_000_000 } });
    plans = new Map();
    for (const code of [REDCAR, STOCKTON]) {
      const result = await system.query<{ authority: { plans: Row[] } }>(PLAN_LINKS, { code });
      expect(result.errors).toBeUndefined();
      for (const plan of result.data!.authority.plans) plans.set(plan.source.document.key, plan);
    }
  }, 240_000);
  afterAll(async () => system?.close());

  const key = (id: string) => id.slice(id.lastIndexOf("/") + 1);

  it("counts, per document, how many action→priority links are stated and how many inferred, as the list says", () => {
    const counted: Record<string, { stated: number; inferred: number }> = {};
    for (const [doc, plan] of plans) {
      const links = plan.actions.flatMap((a: Row) => a.priorityLinks);
      counted[doc] = {
        stated: links.filter((l: Row) => l.basis.kind === "STATED").length,
        inferred: links.filter((l: Row) => l.basis.kind === "INFERRED").length,
      };
    }
    expect(counted).toEqual(expectedCounts);
    expect(counted).toEqual({
      "redcar-cypf-strategy-2024-2027": { stated: 21, inferred: 16 },
      "redcar-education-improvement-strategy-2024-2027": { stated: 0, inferred: 0 },
      "redcar-children-in-our-care-plan-2019-2022": { stated: 20, inferred: 0 },
      "redcar-our-flourishing-future-progress-q3-2018-19": { stated: 6, inferred: 13 },
      "stockton-cypp-2015-2018": { stated: 22, inferred: 0 },
    });
  });

  it("gives each link the basis the list gives it, and every inferred link a note", () => {
    for (const [doc, { links }] of Object.entries(LINKS)) {
      const plan = plans.get(doc);
      const expected = links.flatMap((l) => l.actions.flatMap((a) => l.priorities.map((p) => `${a}→${p}:${l.basis}`))).sort();
      const actual = plan.actions.flatMap((a: Row) => a.priorityLinks.map((l: Row) => `${key(a.id)}→${key(l.priority.id)}:${l.basis.kind}`)).sort();
      expect(actual, doc).toEqual(expected);
      for (const action of plan.actions) {
        for (const link of action.priorityLinks) if (link.basis.kind === "INFERRED") expect(link.basis.note, `${action.id}`).toMatch(/\w{4}/);
      }
    }
  });

  it("leaves inferred links out with includeInferred: false, on both ends", () => {
    for (const [doc, plan] of plans) {
      const stated = plan.actions.flatMap((a: Row) => a.priorityLinks.filter((l: Row) => l.basis.kind === "STATED").map((l: Row) => `${a.id}→${l.priority.id}`)).sort();
      const fromActions = plan.actions.flatMap((a: Row) => a.stated.map((p: Row) => `${a.id}→${p.id}`)).sort();
      const fromPriorities = plan.priorities.flatMap((p: Row) => p.statedActions.map((a: Row) => `${a.id}→${p.id}`)).sort();
      expect(fromActions, doc).toEqual(stated);
      expect(fromPriorities, doc).toEqual(stated);
      expect(fromPriorities.length, doc).toBe(expectedCounts[doc]!.stated);
      // by default every link, as before
      expect(plan.priorities.reduce((n: number, p: Row) => n + p.actions.length, 0), doc).toBe(expectedCounts[doc]!.stated + expectedCounts[doc]!.inferred);
    }
    const cypf = plans.get("redcar-cypf-strategy-2024-2027");
    const earlyHelp = cypf.actions.find((a: Row) => key(a.id) === "a03");
    expect(earlyHelp.stated).toEqual([]);
    expect(earlyHelp.priorityLinks[0].basis.note).toContain("'Priority 1,4'");
  });

  it("says which lead-group links are inferred (the progress report's hub project board) and which stated", async () => {
    const progress = plans.get("redcar-our-flourishing-future-progress-q3-2018-19");
    const hub = progress.actions.find((a: Row) => key(a.id) === "a04").leadGroupLinks;
    expect(hub).toEqual([{ leadGroup: { id: "redcar-our-flourishing-future-progress-q3-2018-19/mach-project-board" }, basis: { kind: "INFERRED", note: expect.stringContaining("does not say the Board leads") } }]);
    const drive = progress.actions.find((a: Row) => key(a.id) === "a06").leadGroupLinks;
    expect(drive[0].basis.kind).toBe("STATED");
    const stockton = plans.get("stockton-cypp-2015-2018");
    for (const action of stockton.actions) for (const link of action.leadGroupLinks) expect(link.basis.kind).toBe("STATED");
    // includeInferred: false on the group's side too
    const result = await system.query<Row>(`{ authority(code: "${REDCAR}") { groups { id all: actions { id } stated: actions(includeInferred: false) { id } } } }`);
    expect(result.errors).toBeUndefined();
    const board = result.data.authority.groups.find((g: Row) => g.id.endsWith("/mach-project-board"));
    expect(board.all.map((a: Row) => key(a.id))).toEqual(["a04"]);
    expect(board.stated).toEqual([]);
  });

  it("marks the progress report's narrative passages as narrative, and can leave them out", async () => {
    const progress = plans.get("redcar-our-flourishing-future-progress-q3-2018-19");
    const narrative = progress.actions.filter((a: Row) => a.narrative).map((a: Row) => key(a.id));
    expect(narrative).toEqual(Array.from({ length: 18 }, (_, n) => `a${String(n + 7).padStart(2, "0")}`));
    for (const [doc, plan] of plans) if (doc !== "redcar-our-flourishing-future-progress-q3-2018-19") expect(plan.actions.some((a: Row) => a.narrative), doc).toBe(false);
    const result = await system.query<Row>(`{ authority(code: "${REDCAR}") { all: actions { id } commitments: actions(includeNarrative: false) { id narrative } plans { id actions(includeNarrative: false) { id } } } }`);
    expect(result.errors).toBeUndefined();
    const { all, commitments } = result.data.authority;
    expect(all.length - commitments.length).toBe(18);
    expect(commitments.every((a: Row) => a.narrative === false)).toBe(true);
    const progressCommitments = result.data.authority.plans.find((p: Row) => p.id === progress.id).actions.map((a: Row) => key(a.id));
    expect(progressCommitments).toEqual(["a01", "a02", "a03", "a04", "a05", "a06"]);
  });

  it("says whose priorities the Education Improvement Partnership's are", () => {
    const progress = plans.get("redcar-our-flourishing-future-progress-q3-2018-19");
    const owners = Object.fromEntries(progress.priorities.map((p: Row) => [key(p.id), p.owner]));
    expect(owners).toEqual({ p1: null, p2: null, p3: null, p4: null, eip1: "Redcar and Cleveland Education Improvement Partnership", eip2: "Redcar and Cleveland Education Improvement Partnership", eip3: "Redcar and Cleveland Education Improvement Partnership" });
    for (const [doc, plan] of plans) if (doc !== "redcar-our-flourishing-future-progress-q3-2018-19") for (const p of plan.priorities) expect(p.owner, doc).toBeNull();
  });

  it("marks the care plan's plan-wide success criteria and measures as placed under a priority, and keeps Stockton's as stated", () => {
    const care = plans.get("redcar-children-in-our-care-plan-2019-2022");
    const criteria = care.priorities.flatMap((p: Row) => p.successCriteria);
    const indicators = care.priorities.flatMap((p: Row) => p.indicators);
    expect(criteria.length).toBe(9);
    expect(indicators.length).toBe(14);
    for (const c of criteria) expect(c.placement).toEqual({ kind: "INFERRED", note: expect.stringContaining("'What success will look like' lists this for the whole plan") });
    for (const i of indicators) expect(i.placement).toEqual({ kind: "INFERRED", note: expect.stringContaining("'How well are we doing?' lists this measure for the whole plan") });
    for (const p of care.priorities) expect(p.statedCriteria).toEqual([]);
    if (hasDocuments) {
      const text = documentText(LINKS["redcar-children-in-our-care-plan-2019-2022"]!.file);
      for (const c of criteria) expect(text.includes(c.text), c.text).toBe(true);
    }
    const stockton = plans.get("stockton-cypp-2015-2018");
    for (const p of stockton.priorities) {
      expect(p.statedCriteria.length).toBe(p.successCriteria.length);
      for (const i of p.indicators) expect(i.placement.kind).toBe("STATED");
    }
  });

  it("gives the lead member and officer their own source, the document's words", () => {
    const eis = plans.get("redcar-education-improvement-strategy-2024-2027");
    expect(eis.leadMember).toBe("Cabinet Member for Children and Families, Councillor Bill Suthers");
    expect(eis.metadataSource).toEqual({
      section: "Education Improvement Strategy 2024-2027",
      quote: "Lead Member: Cabinet Member for Children and Families, Councillor Bill Suthers",
      document: { key: "redcar-education-improvement-strategy-2024-2027" },
    });
    expect(plans.get("redcar-cypf-strategy-2024-2027").metadataSource).toBeNull();
    for (const [doc, plan] of plans) {
      if (plan.leadMember === null && plan.leadOfficer === null) continue;
      expect(plan.metadataSource, doc).not.toBeNull();
      if (hasDocuments) expect(documentText(LINKS[doc]!.file).includes(plan.metadataSource.quote), doc).toBe(true);
    }
  });

  it("labels the bodies the two authorities share: stated where both documents name the body, inferred where the match is a judgement", async () => {
    const common = await fetchCommonBodies(system.gatewayUrl, [REDCAR, STOCKTON]);
    const labels = (bodies: typeof common.groups) => Object.fromEntries(bodies.map((b) => [b.canonicalName, b.match]));
    expect(labels(common.groups)).toEqual({ "children-in-care-council": "STATED", "local-safeguarding-children-board": "STATED", malap: "STATED" });
    expect(labels(common.linkedPlans)).toEqual({
      "corporate-parenting-strategy": "INFERRED",
      "early-help-strategy": "STATED",
      jsna: "INFERRED",
      "poverty-strategy": "INFERRED",
    });
    // the two poverty strategies now match, and say why it is a judgement
    const poverty = common.linkedPlans.find((b) => b.canonicalName === "poverty-strategy")!;
    expect(poverty.names).toEqual({ "Redcar and Cleveland": ["poverty strategy"], "Stockton-on-Tees": ["A Brighter Borough for All - Tackling Family Poverty across Stockton on Tees"] });
    expect(poverty.notes).toEqual([expect.stringMatching(/^Stockton-on-Tees: A Brighter Borough for All .*: Stockton's family poverty strategy/)]);
    // a school-to-school support group is not an education improvement partnership; a board of trust CEOs is not a strategic education board
    expect(common.groups.map((g) => g.canonicalName)).not.toContain("education-improvement-partnership");
    const stated = await fetchCommonBodies(system.gatewayUrl, [REDCAR, STOCKTON], true);
    expect(stated.linkedPlans.map((b) => b.canonicalName)).toEqual(["early-help-strategy"]);
    expect(stated.groups.map((b) => b.canonicalName)).toEqual(["children-in-care-council", "local-safeguarding-children-board", "malap"]);

    // the same comparison through npm run compare, each inferred match labelled in every format
    const compare = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/compare.ts", "--gateway", system.gatewayUrl, "--bodies", "--authorities", `${REDCAR},${STOCKTON}`, ...args], { cwd: repoRoot });
    expect(JSON.parse((await compare("--format", "json")).stdout)).toEqual(common);
    const md = (await compare()).stdout;
    expect(md).toContain("| poverty-strategy | inferred | Redcar and Cleveland: poverty strategy; Stockton-on-Tees: A Brighter Borough for All");
    expect(md).toContain("| early-help-strategy | stated |");
    expect((await compare("--stated-only")).stdout).not.toContain("poverty-strategy");
    const csvLines = (await compare("--format", "csv")).stdout.trim().split("\n");
    expect(csvLines[0]).toBe('"kind","canonical name","match","authority","names","notes"');
    expect(csvLines.some((l) => l.startsWith('"Linked plans and strategies","jsna","INFERRED","Redcar and Cleveland",'))).toBe(true);
    expect(csvLines.some((l) => l.startsWith('"Lead groups and boards","malap","STATED",'))).toBe(true);

    const result = await system.query<Row>(`{ authorities(codes: ["${REDCAR}", "${STOCKTON}"]) { groups { name canonicalName canonicalBasis { kind note } } } }`);
    expect(result.errors).toBeUndefined();
    const [redcar, stockton] = result.data.authorities;
    expect(stockton.groups.find((g: Row) => g.name.startsWith("Campus Stockton Alliance")).canonicalName).toBe("school-to-school-support-group");
    expect(redcar.groups.find((g: Row) => g.name === "Strategic Leadership Board").canonicalName).toBe("strategic-leadership-board");
    expect(redcar.groups.find((g: Row) => g.name === "Strategic Education Board").canonicalName).toBe("strategic-education-board");
    const eip = redcar.groups.filter((g: Row) => g.canonicalName === "education-improvement-partnership");
    expect(eip.map((g: Row) => g.canonicalBasis.kind).sort()).toEqual(["INFERRED", "STATED"]);
  }, 180_000);

  it("npm run compare --stated-only leaves out lead groups and measures reached only through inferred links", async () => {
    const request = { theme: "education-and-attainment", codes: [REDCAR, STOCKTON], neighbours: "MAY_2025" as const };
    const [all, stated] = await Promise.all([compareTheme(system.gatewayUrl, request), compareTheme(system.gatewayUrl, { ...request, statedOnly: true })]);
    const groups = (c: typeof all) => c.authorities.find((a) => a.code === REDCAR)!.leadGroups!;
    // the Virtual School's key areas are placed under the education commitment by position only
    expect(groups(all)).toContain("virtual-school");
    expect(groups(stated)).not.toContain("virtual-school");
    for (const g of groups(stated)) expect(groups(all)).toContain(g);
    // Stockton's delivery plan states every link: the same either way
    const stockton = (c: typeof all) => c.authorities.find((a) => a.code === STOCKTON)!.leadGroups;
    expect(stockton(stated)).toEqual(stockton(all));
    expect(renderMarkdown(stated)).toContain("Stated links only");
    expect(renderMarkdown(all)).not.toContain("Stated links only");
    // the care plan's measures are placed under its priorities by the extractor: left out when stated only
    const care = { ...request, theme: "children-in-care-and-care-leavers", codes: [REDCAR] };
    const [careAll, careStated] = await Promise.all([compareTheme(system.gatewayUrl, care), compareTheme(system.gatewayUrl, { ...care, statedOnly: true })]);
    expect(careStated.measures.length).toBeLessThan(careAll.measures.length);
  });

  it("holds each local figure once, with every document that states it as a source", async () => {
    const result = await system.query<Row>(`{ authority(code: "${REDCAR}") { education { localFigures { id label value unit period { label start end } source { document { key } } sources { section quote document { key } } } } } }`);
    expect(result.errors).toBeUndefined();
    const figures: Row[] = result.data.authority.education.localFigures;
    const twice = ["suspensions", "exclusions", "gld-children", "gld-percent", "ks2-rwm-expected-pupils", "ks2-rwm-expected-percent", "ks4-attainment-8"];
    for (const k of twice) {
      const found = figures.filter((f) => key(f.id) === k);
      expect(found.length, k).toBe(1);
      expect(found[0].sources.map((s: Row) => s.document.key), k).toEqual(["redcar-cypf-strategy-2024-2027", "redcar-education-improvement-strategy-2024-2027"]);
      expect(found[0].sources[0].document.key).toBe(found[0].source.document.key);
      if (hasDocuments) {
        expect(documentText("redcar-children-young-people-families-strategy-2024-2027.txt").includes(found[0].sources[0].quote), k).toBe(true);
        expect(documentText("redcar-education-improvement-strategy-2024-2027.txt").includes(found[0].sources[1].quote), k).toBe(true);
      }
    }
    // no figure is recorded twice any more (same value, unit and period)
    const identities = figures.map((f) => `${f.value}|${f.unit}|${f.period.label}`);
    expect(new Set(identities).size).toBe(identities.length);
    const attendance = figures.find((f) => key(f.id) === "attendance");
    expect(attendance.sources.map((s: Row) => s.document.key)).toEqual(["redcar-education-improvement-strategy-2024-2027"]);
    // a printed period is a structured one
    expect(figures.find((f) => key(f.id) === "suspensions").period).toEqual({ label: "2023/24", start: "2023", end: "2024" });
  });

  it("marks a figure whose date the document does not state as 'date not stated', never with a caption's date", async () => {
    const result = await system.query<Row>(`{ authority(code: "${REDCAR}") { care { localFigures { id value period { label start end startYear endYear } sources { document { key } } } } } }`);
    expect(result.errors).toBeUndefined();
    const figures: Row[] = result.data.authority.care.localFigures;
    const undated = Object.fromEntries(figures.filter((f) => f.period.label === "date not stated").map((f) => [key(f.id), f]));
    expect(Object.keys(undated).sort()).toEqual(["children-in-care", "cioc-in-residential-care", "cioc-placed-outside-borough"]);
    for (const f of Object.values(undated)) expect(f.period).toEqual({ label: "date not stated", start: null, end: null, startYear: null, endYear: null });
    expect(undated["children-in-care"]!.value).toBe(425);
    // the plan's indicator for the same figure has no date either
    const cypf = await system.query<Row>(`{ authority(code: "${REDCAR}") { plans { source { document { key } } indicators { wording current { value asAt periodStart periodEnd dateStated text } } } } }`);
    expect(cypf.errors).toBeUndefined();
    const indicators = cypf.data.authority.plans.find((p: Row) => p.source.document.key === "redcar-cypf-strategy-2024-2027").indicators;
    const inCare = indicators.find((i: Row) => i.wording === "The number of children in our care").current;
    expect(inCare).toEqual({ value: 425, asAt: null, periodStart: null, periodEnd: null, dateStated: false, text: "425" });
    // values printed with "(2023/24)" carry that period
    const suspensions = indicators.find((i: Row) => i.wording === "Reduction in number of suspensions").current;
    expect(suspensions).toEqual({ value: 8414, asAt: null, periodStart: "2023", periodEnd: "2024", dateStated: true, text: "8414 (2023/24)" });
    const eis = cypf.data.authority.plans.find((p: Row) => p.source.document.key === "redcar-education-improvement-strategy-2024-2027").indicators;
    for (const i of eis.filter((x: Row) => x.current.text.endsWith("(2023/24)"))) expect([i.current.periodStart, i.current.periodEnd], i.wording).toEqual(["2023", "2024"]);
    expect(eis.filter((x: Row) => x.current.text.endsWith("(2023/24)")).length).toBe(3);
  });

  it("lets an editor record how an action's links are known (INFERRED needs a note), and whether it is narrative", async () => {
    const token = await system.token({ role: "editor", authority: REDCAR });
    const cypf = plans.get("redcar-cypf-strategy-2024-2027");
    const p1 = cypf.priorities.find((p: Row) => key(p.id) === "p1").id;
    const create = `mutation C($input: CreateActionInput!) { redcarAndCleveland { createAction(input: $input) { id narrative priorityLinks { priority { id } basis { kind note } } stated: priorities(includeInferred: false) { id } } } }`;
    const input = { planId: cypf.id, title: "Test action read off a garbled row", priorityIds: [p1], themes: ["safety-and-early-help"], source: { section: "ACTIONS" } };
    const refused = await system.query<Row>(create, { input: { ...input, priorityBasis: { kind: "INFERRED" } } }, { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.message).toMatch(/priorityBasis\.note: an INFERRED link needs a note saying why/);
    const created = await system.query<Row>(create, { input: { ...input, narrative: true, priorityBasis: { kind: "INFERRED", note: "label not legible" } } }, { token });
    expect(created.errors).toBeUndefined();
    const action = created.data.redcarAndCleveland.createAction;
    expect(action).toMatchObject({ narrative: true, priorityLinks: [{ priority: { id: p1 }, basis: { kind: "INFERRED", note: "label not legible" } }], stated: [] });
    const update = `mutation U($id: ID!, $input: UpdateActionInput!) { redcarAndCleveland { updateAction(id: $id, input: $input) { narrative priorityLinks { basis { kind note } } } } }`;
    const alone = await system.query<Row>(update, { id: action.id, input: { priorityBasis: { kind: "STATED" } } }, { token });
    expect(alone.errors?.[0]?.message).toMatch(/priorityBasis: give priorityIds with it/);
    const updated = await system.query<Row>(update, { id: action.id, input: { narrative: false, priorityIds: [p1] } }, { token });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.redcarAndCleveland.updateAction).toEqual({ narrative: false, priorityLinks: [{ basis: { kind: "STATED", note: null } }] });
    const removed = await system.query<Row>(`mutation D($id: ID!) { redcarAndCleveland { deleteAction(id: $id) } }`, { id: action.id }, { token });
    expect(removed.errors).toBeUndefined();

    // a body whose identity with others is a judgement, and a priority that is another body's
    const group = await system.query<Row>(
      `mutation G($input: CreateLeadGroupInput!) { redcarAndCleveland { createLeadGroup(input: $input) { id canonicalName canonicalBasis { kind note } } } }`,
      { input: { planId: cypf.id, name: "Test Strategic Board", kind: "BOARD", canonicalName: "strategic-education-board", canonicalNote: "taken to be the strategic education board", source: { section: "ACTIONS" } } },
      { token },
    );
    expect(group.errors).toBeUndefined();
    expect(group.data.redcarAndCleveland.createLeadGroup.canonicalBasis).toEqual({ kind: "INFERRED", note: "taken to be the strategic education board" });
    const cleared = await system.query<Row>(
      `mutation G($id: ID!, $input: UpdateLeadGroupInput!) { redcarAndCleveland { updateLeadGroup(id: $id, input: $input) { canonicalBasis { kind note } } } }`,
      { id: group.data.redcarAndCleveland.createLeadGroup.id, input: { canonicalNote: null } },
      { token },
    );
    expect(cleared.data.redcarAndCleveland.updateLeadGroup.canonicalBasis).toEqual({ kind: "STATED", note: null });
    const priority = await system.query<Row>(
      `mutation P($input: CreatePriorityInput!) { redcarAndCleveland { createPriority(input: $input) { id owner } } }`,
      { input: { planId: cypf.id, title: "A partnership's priority", owner: "A test partnership", themes: ["early-years"], source: { section: "PRIORITIES" } } },
      { token },
    );
    expect(priority.errors).toBeUndefined();
    expect(priority.data.redcarAndCleveland.createPriority.owner).toBe("A test partnership");
    for (const [op, id] of [["deleteLeadGroup", group.data.redcarAndCleveland.createLeadGroup.id], ["deletePriority", priority.data.redcarAndCleveland.createPriority.id]]) {
      const done = await system.query<Row>(`mutation D($id: ID!) { redcarAndCleveland { ${op}(id: $id) } }`, { id }, { token });
      expect(done.errors, op).toBeUndefined();
    }
  });
});

// the seed folders this test reads exist (a rename would otherwise leave lists empty)
if (!readdirSync(join(repoRoot, "seeds", "education", "local-figures")).length) throw new Error("no education local-figures files");
