import { Column, Entity, Index } from "typeorm";
import { PlanChild } from "./PlanChild";

export type GroupKind = "board" | "partnership" | "lead-group" | "service-team" | "voice-group" | "other";

@Entity("lead_group")
export class LeadGroup extends PlanChild {
  @Column({ type: "varchar", length: 300 })
  name: string;

  @Column({ type: "varchar", length: 20 })
  kind: GroupKind;

  /** the same kind of body in every authority has the same canonical name */
  @Index()
  @Column({ type: "varchar", length: 120 })
  canonical: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  /** where matching this body to others by its canonical name is a judgement, why (the match is then inferred) */
  @Column({ type: "text", nullable: true })
  canonicalNote: string | null;
}
