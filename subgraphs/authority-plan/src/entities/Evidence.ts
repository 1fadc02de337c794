import { Column, Entity, Index } from "typeorm";
import { PlanChild } from "./PlanChild";

/**
 * What a document says besides its plan (seeds/<authority>/evidence/<document>.json):
 * inspections and reviews, findings, membership, glossary, scope and status.
 * Each row belongs to one document's plan and is replaced with it.
 */

/** a figure as printed; value null where the document gives no single number */
export interface PrintedFigure {
  value: number | null;
  unit: string | null;
  text: string;
}

@Entity("inspection")
export class Inspection extends PlanChild {
  @Column({ type: "varchar", length: 30 })
  kind: string;

  /** held | expected */
  @Column({ type: "varchar", length: 10 })
  status: string;

  @Column({ type: "varchar", length: 300 })
  inspectorate: string;

  @Column({ type: "varchar", length: 500 })
  title: string;

  @Column({ type: "varchar", length: 100, nullable: true })
  dateText: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  dateStart: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  dateEnd: string | null;

  @Column({ type: "varchar", length: 300, nullable: true })
  judgement: string | null;

  @Column({ type: "text", nullable: true })
  outcome: string | null;

  @Column({ type: "text", nullable: true })
  subject: string | null;

  @Column({ type: "text", nullable: true })
  note: string | null;
}

@Entity("finding")
export class Finding extends PlanChild {
  @Index()
  @Column({ type: "varchar", length: 40 })
  kind: string;

  @Column({ type: "varchar", length: 500, nullable: true })
  subject: string | null;

  @Column({ type: "text" })
  text: string;

  /** JSON: PrintedFigure[] (empty where the finding states no figure) */
  @Column({ type: "simple-json" })
  figures: PrintedFigure[];

  @Column({ type: "varchar", length: 100, nullable: true })
  periodText: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  periodStart: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  periodEnd: string | null;

  @Index()
  @Column({ type: "varchar", length: 191, nullable: true })
  inspectionId: string | null;

  @Column({ type: "text", nullable: true })
  note: string | null;
}

@Entity("membership")
export class Membership extends PlanChild {
  @Column({ type: "varchar", length: 300 })
  body: string;

  @Column({ type: "varchar", length: 191, nullable: true })
  groupId: string | null;

  @Column({ type: "varchar", length: 500 })
  member: string;

  @Column({ type: "varchar", length: 30 })
  memberKind: string;

  @Column({ type: "varchar", length: 20 })
  role: string;

  @Column({ type: "text", nullable: true })
  note: string | null;
}

@Entity("glossary_entry")
export class GlossaryEntry extends PlanChild {
  @Column({ type: "varchar", length: 100 })
  term: string;

  /** the term in lower case, for case-insensitive exact and prefix search */
  @Index()
  @Column({ type: "varchar", length: 100 })
  termKey: string;

  @Column({ type: "text" })
  expansion: string;

  @Column({ type: "varchar", length: 20 })
  kind: string;

  @Column({ type: "text", nullable: true })
  note: string | null;
}

@Entity("plan_scope")
export class PlanScope extends PlanChild {
  @Column({ type: "text" })
  text: string;

  @Column({ type: "varchar", length: 300 })
  scopeGroup: string;

  @Column({ type: "int", nullable: true })
  minAge: number | null;

  @Column({ type: "int", nullable: true })
  maxAge: number | null;

  @Column({ type: "text", nullable: true })
  note: string | null;
}

/** at most one per plan (id `<plan id>/status`); no row: the document does not state its status */
@Entity("plan_status")
export class PlanStatus extends PlanChild {
  @Column({ type: "varchar", length: 20 })
  kind: string;

  @Column({ type: "varchar", length: 300 })
  wording: string;

  @Column({ type: "text", nullable: true })
  note: string | null;
}
