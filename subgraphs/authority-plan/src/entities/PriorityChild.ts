import { Column, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { PlanChild } from "./PlanChild";
import { Priority } from "./Priority";

/** A row that belongs to one priority (outcome statements, indicators). */
export abstract class PriorityChild extends PlanChild {
  @Index()
  @Column({ type: "varchar", length: 191 })
  priorityId: string;

  @ManyToOne(() => Priority, { onDelete: "CASCADE" })
  @JoinColumn({ name: "priorityId" })
  priority?: Relation<Priority>;
}
