import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** One successful write: who, when, what changed. Written in the write's own transaction. */
@Entity("audit_entry")
@Index(["authorityCode", "at"])
export class AuditEntry {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  /** ISO 8601, UTC, milliseconds: sorts as text */
  @Column({ type: "varchar", length: 24 })
  at: string;

  @Column({ type: "varchar", length: 200 })
  actor: string;

  @Column({ type: "varchar", length: 20 })
  role: string;

  @Column({ type: "varchar", length: 9 })
  authorityCode: string;

  /** the mutation, e.g. updateAction */
  @Column({ type: "varchar", length: 100 })
  operation: string;

  @Column({ type: "varchar", length: 60 })
  entityType: string;

  @Column({ type: "varchar", length: 191 })
  entityId: string;

  /** JSON of the record before the write; null when it was created */
  @Column({ type: "text", nullable: true })
  before: string | null;

  /** JSON of the record after the write; null when it was deleted */
  @Column({ type: "text", nullable: true })
  after: string | null;
}
