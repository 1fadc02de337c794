import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import type { LinkBasisKind } from "./links";
import { PlanChild } from "./PlanChild";
import { Priority } from "./Priority";

/** A value the plan states; value null when it gives no figure. */
export class StatedValueColumns {
  @Column({ type: "double", nullable: true })
  value: number | null;

  @Column({ type: "varchar", length: 50, nullable: true })
  unit: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  asAt: string | null;

  /** null: the plan states no such value at all */
  @Column({ type: "text", nullable: true })
  text: string | null;

  /** the period the value is for, where the document prints one (e.g. "(2023/24)"): YYYY, YYYY-MM or YYYY-MM-DD */
  @Column({ type: "varchar", length: 10, nullable: true })
  periodStart: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  periodEnd: string | null;
}

/** An indicator of a priority, or of the whole plan (a plan's "measures of success" table) when priorityId is null. */
@Entity("performance_indicator")
export class PerformanceIndicator extends PlanChild {
  @Index()
  @Column({ type: "varchar", length: 191, nullable: true })
  priorityId: string | null;

  @ManyToOne(() => Priority, { onDelete: "CASCADE" })
  @JoinColumn({ name: "priorityId" })
  priority?: Relation<Priority>;

  @Column({ type: "text" })
  wording: string;

  @Column({ type: "varchar", length: 64, nullable: true })
  measureCode: string | null;

  @Column({ type: "text", nullable: true })
  measureNote: string | null;

  @Column(() => StatedValueColumns)
  target: StatedValueColumns;

  @Column(() => StatedValueColumns)
  current: StatedValueColumns;

  /** for an indicator under a priority: stated (the document lists it there) or inferred (placementNote says why) */
  @Column({ type: "varchar", length: 10, default: "stated" })
  placement: LinkBasisKind;

  @Column({ type: "text", nullable: true })
  placementNote: string | null;
}
