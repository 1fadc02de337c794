import { Column, Entity } from "typeorm";
import { PlanChild } from "./PlanChild";

@Entity("context_figure")
export class ContextFigure extends PlanChild {
  @Column({ type: "varchar", length: 300 })
  label: string;

  @Column({ type: "double", nullable: true })
  value: number | null;

  @Column({ type: "varchar", length: 50 })
  unit: string;

  @Column({ type: "varchar", length: 10, nullable: true })
  asAt: string | null;

  @Column({ type: "varchar", length: 100, nullable: true })
  periodText: string | null;
}
