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
}
