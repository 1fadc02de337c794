import { Column, Entity } from "typeorm";
import { PlanChild } from "./PlanChild";

export type PrincipleKind = "principle" | "promise" | "corporate-parenting-principle" | "value";

@Entity("principle")
export class Principle extends PlanChild {
  @Column({ type: "varchar", length: 40 })
  kind: PrincipleKind;

  @Column({ type: "varchar", length: 300 })
  title: string;

  @Column({ type: "text", nullable: true })
  text: string | null;
}
