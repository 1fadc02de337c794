import { Column, Entity } from "typeorm";
import { PriorityChild } from "./PriorityChild";

export type OutcomeKind = "outcome" | "success-criterion";

@Entity("outcome_statement")
export class OutcomeStatement extends PriorityChild {
  @Column({ type: "varchar", length: 20 })
  kind: OutcomeKind;

  @Column({ type: "text" })
  text: string;
}
