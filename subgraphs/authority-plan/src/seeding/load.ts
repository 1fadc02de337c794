import { readdirSync } from "node:fs";
import { join } from "node:path";
import { In, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import {
  Action, ActionLeadGroup, ActionLinkedPlan, ActionPrinciple, ActionPriority, ActionTheme, ContextFigure, LeadGroup, LinkedPlan,
  OutcomeStatement, PerformanceIndicator, Plan, PlanStatement, Principle, Priority, PriorityTheme, ProgressNote, SourceDocument,
} from "../entities";
import type { LinkBasisSeed, PlanSeedFile } from "./seed-schema";
import { readPlanSeed } from "./validate";
import { evidenceRows, evidenceTablesByDocument, readEvidenceSeeds } from "./evidence";
import type { EvidenceSeedFile } from "./evidence-schema";

/** A plan seed with its document's evidence (seeds/<authority>/evidence/<document>.json), where there is one. */
export type PlanSeedWithEvidence = PlanSeedFile & { evidence?: EvidenceSeedFile };

type Source = PlanSeedFile["plan"]["source"];
type Stated = NonNullable<PlanSeedFile["priorities"][number]["indicators"][number]["target"]>;

/** Reads and validates every plan seed file of a folder (seeds/<authority>/plans) before anything is written. */
export function readPlanSeeds(folder: string, knownMeasures?: ReadonlyMap<string, unknown>): PlanSeedWithEvidence[] {
  const plansFolder = join(folder, "plans");
  const plans = readdirSync(plansFolder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => readPlanSeed(join(plansFolder, f), knownMeasures));
  const evidence = readEvidenceSeeds(folder, plans);
  return plans.map((p) => {
    const e = evidence.get(p.document.key);
    return e ? { ...p, evidence: e } : p;
  });
}

/** Child tables first, so deleting a document's rows never trips a foreign key. */
const tablesByDocument: EntityTarget<ObjectLiteral>[] = [
  ActionLeadGroup, ActionLinkedPlan, ActionPrinciple, ActionPriority, ActionTheme, PriorityTheme, ProgressNote, OutcomeStatement,
  PerformanceIndicator, Action, Priority, Principle, PlanStatement, LeadGroup, LinkedPlan, ContextFigure, Plan,
];

async function insertAll(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]) {
  // bounded batches keep each statement under the databases' parameter limits
  for (let i = 0; i < rows.length; i += 100) await manager.insert(entity, rows.slice(i, i + 100));
}

const source = (documentKey: string, s: Source) => ({ document: documentKey, section: s.section, quote: s.quote ?? null });
const stated = (v: Stated | undefined) => ({
  value: v?.value ?? null, unit: v?.unit ?? null, asAt: v?.asAt ?? null, text: v?.text ?? null, periodStart: v?.periodStart ?? null, periodEnd: v?.periodEnd ?? null,
});
/** a link's basis as stored: stated unless the seed says otherwise */
const basisOf = (b: LinkBasisSeed | undefined) => ({ kind: b?.kind ?? "stated", note: b?.note ?? null });

/** The rows of one seed file, with ids `<document key>/<item key>`. */
function rowsOf(seed: PlanSeedFile): Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]> {
  const doc = seed.document.key;
  const id = (key: string) => `${doc}/${key}`;
  const planId = id(seed.plan.key);
  const child = (key: string, ordinal: number, s: Source) => ({ id: id(key), documentKey: doc, planId, ordinal, source: source(doc, s) });
  const indicator = (i: PlanSeedFile["plan"]["indicators"][number], ordinal: number, priorityId: string | null) => ({
    ...child(i.key, ordinal, i.source),
    priorityId,
    wording: i.wording,
    measureCode: i.measureCode,
    measureNote: i.measureNote ?? null,
    target: stated(i.target),
    current: stated(i.current),
    placement: basisOf(i.placement).kind,
    placementNote: basisOf(i.placement).note,
  });
  const p = seed.plan;
  return new Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>([
    [Plan, [{
      id: planId, documentKey: doc, title: p.title, kind: p.kind, periodLabel: p.period.label, startYear: p.period.startYear,
      endYear: p.period.endYear, owner: p.owner ?? null, leadMember: p.leadMember ?? null, leadOfficer: p.leadOfficer ?? null,
      source: source(doc, p.source), metadataSection: p.metadataSource?.section ?? null, metadataQuote: p.metadataSource?.quote ?? null,
    }]],
    [PlanStatement, p.statements.map((s, n) => ({ ...child(`statement-${n + 1}`, n, s.source), kind: s.kind, title: s.title ?? null, text: s.text }))],
    [Principle, p.principles.map((x, n) => ({ ...child(x.key, n, x.source), kind: x.kind, title: x.title, text: x.text ?? null }))],
    [Priority, seed.priorities.map((x, n) => ({ ...child(x.key, n, x.source), number: x.number, title: x.title, description: x.description ?? null, owner: x.owner ?? null }))],
    [PriorityTheme, seed.priorities.flatMap((x) => x.themes.map((themeId) => ({ priorityId: id(x.key), themeId, documentKey: doc })))],
    [OutcomeStatement, seed.priorities.flatMap((x) => [
      ...x.outcomes.map((o, n) => ({
        ...child(`${x.key}/outcome-${n + 1}`, n, o.source ?? x.source), priorityId: id(x.key), kind: "outcome", text: o.text,
        placement: basisOf(o.placement).kind, placementNote: basisOf(o.placement).note,
      })),
      ...x.successCriteria.map((o, n) => ({
        ...child(`${x.key}/criterion-${n + 1}`, x.outcomes.length + n, o.source ?? x.source), priorityId: id(x.key), kind: "success-criterion", text: o.text,
        placement: basisOf(o.placement).kind, placementNote: basisOf(o.placement).note,
      })),
    ])],
    [PerformanceIndicator, [
      ...p.indicators.map((i, n) => indicator(i, n, null)),
      ...seed.priorities.flatMap((x) => x.indicators.map((i, n) => indicator(i, n, id(x.key)))),
    ]],
    [LeadGroup, seed.groups.map((g, n) => ({ ...child(g.key, n, g.source), name: g.name, kind: g.kind, canonical: g.canonical, description: g.description ?? null, canonicalNote: g.canonicalNote ?? null }))],
    [LinkedPlan, seed.linkedPlans.map((l, n) => ({ ...child(l.key, n, l.source), title: l.title, canonical: l.canonical, note: l.note ?? null, canonicalNote: l.canonicalNote ?? null }))],
    [Action, seed.actions.map((a, n) => ({
      ...child(a.key, n, a.source), title: a.title, timescaleText: a.timescale?.text ?? null, timescaleStart: a.timescale?.start ?? null,
      timescaleEnd: a.timescale?.end ?? null, status: a.status ?? null, note: a.note ?? null, narrative: a.narrative ?? false,
    }))],
    [ProgressNote, seed.actions.flatMap((a) => a.progress.map((x, n) => ({ id: id(`${a.key}/progress-${n + 1}`), documentKey: doc, actionId: id(a.key), ordinal: n, text: x.text, asAt: x.asAt })))],
    [ActionPriority, seed.actions.flatMap((a) => a.priorityKeys.map((k) => ({
      actionId: id(a.key), priorityId: id(k), documentKey: doc, basis: basisOf(a.priorityBasis).kind, basisNote: basisOf(a.priorityBasis).note,
    })))],
    [ActionPrinciple, seed.actions.flatMap((a) => a.principleKeys.map((k) => ({ actionId: id(a.key), principleId: id(k), documentKey: doc })))],
    [ActionTheme, seed.actions.flatMap((a) => a.themes.map((themeId) => ({ actionId: id(a.key), themeId, documentKey: doc })))],
    [ActionLeadGroup, seed.actions.flatMap((a) => a.leadGroupKeys.map((k) => ({
      actionId: id(a.key), groupId: id(k), documentKey: doc, basis: basisOf(a.leadGroupBasis).kind, basisNote: basisOf(a.leadGroupBasis).note,
    })))],
    [ActionLinkedPlan, seed.actions.flatMap((a) => a.linkedPlanKeys.map((k) => ({ actionId: id(a.key), linkedPlanId: id(k), documentKey: doc })))],
    [ContextFigure, seed.contextFigures.map((f, n) => ({
      ...child(f.key, n, f.source), label: f.label, value: f.value, unit: f.unit, asAt: f.asAt ?? null, periodText: f.periodText ?? null,
    }))],
  ]);
}

/**
 * Replaces, in ONE transaction, every row of the documents these files describe.
 * Loading the same files again leaves the database as it was; a failure leaves it untouched.
 */
export async function loadPlanSeeds(dataSource: DataSource, seeds: PlanSeedWithEvidence[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const documentKeys = seeds.map((s) => s.document.key);
  await dataSource.transaction(async (manager) => {
    for (const table of [...evidenceTablesByDocument, ...tablesByDocument]) await manager.delete(table, { documentKey: In(documentKeys) });
    await manager.getRepository(SourceDocument).upsert(
      seeds.map((s) => ({
        key: s.document.key, title: s.document.title, publisher: s.document.publisher, location: s.document.file,
        asAt: s.document.asAt, asAtText: s.document.asAtText,
      })),
      ["key"],
    );
    const perTable = seeds.map(rowsOf);
    // insert parents before children: the map's order is the foreign-key order
    for (const table of perTable[0]?.keys() ?? []) {
      const rows = perTable.flatMap((m) => m.get(table) ?? []);
      await insertAll(manager, table, rows);
      counts[(table as { name: string }).name] = rows.length;
    }
    // each document's evidence, after its plan (its rows belong to the plan)
    const evidence = seeds.flatMap((s) => (s.evidence ? [evidenceRows(s.evidence, s)] : []));
    for (const table of evidenceTablesByDocument.slice().reverse()) {
      const rows = evidence.flatMap((m) => m.get(table) ?? []);
      await insertAll(manager, table, rows);
      counts[(table as { name: string }).name] = rows.length;
    }
  });
  return counts;
}

export async function seedPlanFolder(dataSource: DataSource, folder: string, knownMeasures?: ReadonlyMap<string, unknown>) {
  return loadPlanSeeds(dataSource, readPlanSeeds(folder, knownMeasures));
}
