import { Column, Entity } from "typeorm";
import { PlanChild } from "./PlanChild";

export type StatementKind = "vision" | "aim" | "obsession" | "council-priority";

@Entity("plan_statement")
export class PlanStatement extends PlanChild {
  @Column({ type: "varchar", length: 20 })
  kind: StatementKind;

  @Column({ type: "varchar", length: 300, nullable: true })
  title: string | null;

  @Column({ type: "text" })
  text: string;
}
