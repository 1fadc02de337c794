import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import { parseSeed, SeedError } from "@tees/subgraph-common/seed-files";
import { Finding, GlossaryEntry, Inspection, Membership, PlanScope, PlanStatus } from "../entities";
import { evidenceSeedFile, type EvidenceSeedFile } from "./evidence-schema";
import type { PlanSeedFile } from "./seed-schema";

/** Child tables first (a finding refers to an inspection), so deleting a document's rows never trips a foreign key. */
export const evidenceTablesByDocument: EntityTarget<ObjectLiteral>[] = [Finding, Inspection, Membership, GlossaryEntry, PlanScope, PlanStatus];

/** Checks what the schema cannot: the document has a plan seed, keys are unique, and references resolve. */
export function checkEvidence(file: string, evidence: EvidenceSeedFile, plan: PlanSeedFile | undefined): void {
  const name = basename(file);
  if (!plan) throw new SeedError(name, "file", "document", `no plan seed file describes document "${evidence.document}"`);
  const expected = `${evidence.document}.json`;
  if (name !== expected) throw new SeedError(name, "file", "document", `the file of document "${evidence.document}" must be named ${expected}`);
  const unique = (what: string, items: ReadonlyArray<{ key: string }>): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.key)) throw new SeedError(name, `${what}.${index} (key "${item.key}")`, "key", "duplicate key");
      seen.add(item.key);
    });
    return seen;
  };
  const inspections = unique("inspections", evidence.inspections);
  unique("findings", evidence.findings);
  unique("memberships", evidence.memberships);
  const groups = new Set(plan.groups.map((g) => g.key));
  evidence.findings.forEach((f, index) => {
    if (f.inspectionKey !== undefined && !inspections.has(f.inspectionKey)) {
      throw new SeedError(name, `findings.${index} (key "${f.key}")`, "inspectionKey", `no inspection with key "${f.inspectionKey}"`);
    }
  });
  evidence.memberships.forEach((m, index) => {
    if (m.groupKey !== undefined && !groups.has(m.groupKey)) {
      throw new SeedError(name, `memberships.${index} (key "${m.key}")`, "groupKey", `no group with key "${m.groupKey}" in plans/${evidence.document}.json`);
    }
  });
  const terms = new Set<string>();
  evidence.glossary.forEach((g, index) => {
    const id = `${g.term.toLowerCase()}\u0000${g.expansion}`;
    if (terms.has(id)) throw new SeedError(name, `glossary.${index} (term "${g.term}")`, "term", "the same term and expansion twice");
    terms.add(id);
  });
  for (const [what, items] of [["inspections", evidence.inspections], ["findings", evidence.findings]] as const) {
    items.forEach((item, index) => {
      const d = "date" in item ? item.date : item.period;
      if (d?.start && d.end && d.start > d.end) throw new SeedError(name, `${what}.${index} (key "${item.key}")`, "date", "start is after end");
    });
  }
}

/**
 * Reads and validates every evidence file of a folder (seeds/<authority>/evidence), each
 * against the plan seed of its document. A folder with no evidence folder has none.
 */
export function readEvidenceSeeds(folder: string, plans: readonly PlanSeedFile[]): Map<string, EvidenceSeedFile> {
  const evidenceFolder = join(folder, "evidence");
  const byDocument = new Map<string, EvidenceSeedFile>();
  if (!existsSync(evidenceFolder)) return byDocument;
  for (const f of readdirSync(evidenceFolder).filter((x) => x.endsWith(".json")).sort()) {
    const file = join(evidenceFolder, f);
    const evidence = parseSeed(file, readFileSync(file, "utf8"), evidenceSeedFile);
    checkEvidence(file, evidence, plans.find((p) => p.document.key === evidence.document));
    byDocument.set(evidence.document, evidence);
  }
  return byDocument;
}

/** Parses and checks one evidence file against its document's plan seed (scripts/validate-seeds.ts). */
export function readEvidenceSeed(file: string, plan: PlanSeedFile): EvidenceSeedFile {
  const evidence = parseSeed(file, readFileSync(file, "utf8"), evidenceSeedFile);
  checkEvidence(file, evidence, plan.document.key === evidence.document ? plan : undefined);
  return evidence;
}

const dates = (d: { text: string; start?: string; end?: string } | null | undefined) => ({
  text: d?.text ?? null,
  start: d?.start ?? null,
  end: d?.end ?? null,
});

/** The rows of one document's evidence, ids `<document key>/<kind>/<item key>`, in foreign-key order (inspections before findings). */
export function evidenceRows(evidence: EvidenceSeedFile, plan: PlanSeedFile): Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]> {
  // the rows belong to the plan seed they are loaded with (its document key, checked equal to the file's when read)
  const doc = plan.document.key;
  const planId = `${doc}/${plan.plan.key}`;
  const child = (id: string, ordinal: number, s: { section: string; quote?: string | undefined }) => ({
    id: `${doc}/${id}`, documentKey: doc, planId, ordinal, source: { document: doc, section: s.section, quote: s.quote ?? null },
  });
  return new Map<EntityTarget<ObjectLiteral>, ObjectLiteral[]>([
    [PlanStatus, evidence.status ? [{ ...child("status", 0, evidence.status.source), kind: evidence.status.kind, wording: evidence.status.wording, note: evidence.status.note ?? null }] : []],
    [PlanScope, evidence.scope.map((s, n) => ({
      ...child(`scope/${n + 1}`, n, s.source), text: s.text, scopeGroup: s.group, minAge: s.minAge, maxAge: s.maxAge, note: s.note ?? null,
    }))],
    [Inspection, evidence.inspections.map((i, n) => {
      const d = dates(i.date);
      return {
        ...child(`inspection/${i.key}`, n, i.source), kind: i.kind, status: i.status, inspectorate: i.inspectorate, title: i.title,
        dateText: d.text, dateStart: d.start, dateEnd: d.end, judgement: i.judgement ?? null, outcome: i.outcome ?? null,
        subject: i.subject ?? null, note: i.note ?? null,
      };
    })],
    [Finding, evidence.findings.map((f, n) => {
      const d = dates(f.period);
      return {
        ...child(`finding/${f.key}`, n, f.source), kind: f.kind, subject: f.subject ?? null, text: f.text,
        figures: f.figures.map((x) => ({ value: x.value, unit: x.unit ?? null, text: x.text })),
        periodText: d.text, periodStart: d.start, periodEnd: d.end,
        inspectionId: f.inspectionKey ? `${doc}/inspection/${f.inspectionKey}` : null, note: f.note ?? null,
      };
    })],
    [Membership, evidence.memberships.map((m, n) => ({
      ...child(`membership/${m.key}`, n, m.source), body: m.body, groupId: m.groupKey ? `${doc}/${m.groupKey}` : null,
      member: m.member, memberKind: m.memberKind, role: m.role, note: m.note ?? null,
    }))],
    [GlossaryEntry, evidence.glossary.map((g, n) => ({
      ...child(`glossary/${n + 1}`, n, g.source), term: g.term, termKey: g.term.toLowerCase(), expansion: g.expansion, kind: g.kind, note: g.note ?? null,
    }))],
  ]);
}
