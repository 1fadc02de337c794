import { Column, Entity } from "typeorm";
import { PlanChild } from "./PlanChild";

@Entity("priority")
export class Priority extends PlanChild {
  @Column({ type: "varchar", length: 20, nullable: true })
  number: string | null;

  @Column({ type: "varchar", length: 500 })
  title: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  /** whose priority it is, where the document quotes another body's priorities; null: the plan's own */
  @Column({ type: "varchar", length: 300, nullable: true })
  owner: string | null;
}
