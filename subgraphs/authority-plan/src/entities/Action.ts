import { Column, Entity } from "typeorm";
import { PlanChild } from "./PlanChild";

@Entity("action")
export class Action extends PlanChild {
  @Column({ type: "text" })
  title: string;

  @Column({ type: "varchar", length: 200, nullable: true })
  timescaleText: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  timescaleStart: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  timescaleEnd: string | null;

  @Column({ type: "varchar", length: 200, nullable: true })
  status: string | null;

  @Column({ type: "text", nullable: true })
  note: string | null;

  /** a passage of the document's narrative stored as an action: not a commitment the plan makes */
  @Column({ type: "boolean", default: false })
  narrative: boolean;
}
