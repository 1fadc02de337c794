import { Column, Entity } from "typeorm";
import type { LinkBasisKind } from "./links";
import { PriorityChild } from "./PriorityChild";

export type OutcomeKind = "outcome" | "success-criterion";

@Entity("outcome_statement")
export class OutcomeStatement extends PriorityChild {
  @Column({ type: "varchar", length: 20 })
  kind: OutcomeKind;

  @Column({ type: "text" })
  text: string;

  /** stated: the document lists it under this priority; inferred: placed there by the extractor (placementNote says why) */
  @Column({ type: "varchar", length: 10, default: "stated" })
  placement: LinkBasisKind;

  @Column({ type: "text", nullable: true })
  placementNote: string | null;
}
