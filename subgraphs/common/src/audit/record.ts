import { randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import { requireAuditReaderOf } from "../authorization";
import { badInput } from "../input-errors";
import type { Identity } from "../signed-identity";
import { AuditEntry } from "./AuditEntry";

export interface AuditedChange {
  operation: string;
  entityType: string;
  entityId: string;
  /** the record before (null: created) and after (null: deleted); stored as JSON */
  before: object | null;
  after: object | null;
}

let sequence = 0;

/**
 * `<at>.<sequence>.<random>`: sorts in the order this process wrote the entries, also within one
 * millisecond (a write may record two, e.g. a new document and its figure); 36 characters.
 */
function entryId(at: string): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${at}.${String(sequence).padStart(6, "0")}.${randomBytes(2).toString("hex")}`;
}

/** Records a write with the manager of the write's transaction: both land, or neither. */
export async function recordAudit(manager: EntityManager, identity: Identity, authorityCode: string, change: AuditedChange): Promise<AuditEntry> {
  const at = new Date().toISOString();
  const entry = Object.assign(new AuditEntry(), {
    id: entryId(at),
    at,
    actor: identity.subject,
    role: identity.role,
    authorityCode,
    operation: change.operation,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: change.after === null ? null : JSON.stringify(change.after),
  });
  await manager.insert(AuditEntry, entry);
  return entry;
}

/**
 * An authority's audit log, newest first, for whoever may read it (its editors and admins):
 * every `auditLog` field, reached through entity resolution, decides here.
 */
export function readAuditLog(manager: EntityManager, identity: Identity, authorityCode: string, limit: number): Promise<AuditEntry[]> {
  requireAuditReaderOf(identity, authorityCode);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput("limit", `must be a whole number from 1 to 500 (got ${limit})`);
  return manager.find(AuditEntry, { where: { authorityCode }, order: { at: "DESC", id: "DESC" }, take: limit });
}
