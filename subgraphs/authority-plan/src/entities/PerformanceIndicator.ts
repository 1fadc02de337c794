import { Column, Entity } from "typeorm";
import { PriorityChild } from "./PriorityChild";

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
}

@Entity("performance_indicator")
export class PerformanceIndicator extends PriorityChild {
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
}
