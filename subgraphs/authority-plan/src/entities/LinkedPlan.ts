import { Column, Entity, Index } from "typeorm";
import { PlanChild } from "./PlanChild";

@Entity("linked_plan")
export class LinkedPlan extends PlanChild {
  @Column({ type: "varchar", length: 300 })
  title: string;

  @Index()
  @Column({ type: "varchar", length: 120 })
  canonical: string;

  @Column({ type: "text", nullable: true })
  note: string | null;

  /** where matching this body to others by its canonical name is a judgement, why (the match is then inferred) */
  @Column({ type: "text", nullable: true })
  canonicalNote: string | null;
}
