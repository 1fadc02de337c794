import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import { Action } from "./Action";

@Entity("progress_note")
export class ProgressNote {
  @PrimaryColumn({ type: "varchar", length: 191 })
  id: string;

  @Index()
  @Column({ type: "varchar", length: 120 })
  documentKey: string;

  @Index()
  @Column({ type: "varchar", length: 191 })
  actionId: string;

  @ManyToOne(() => Action, { onDelete: "CASCADE" })
  @JoinColumn({ name: "actionId" })
  action?: Relation<Action>;

  @Column({ type: "int" })
  ordinal: number;

  @Column({ type: "text" })
  text: string;

  @Column({ type: "varchar", length: 10, nullable: true })
  asAt: string | null;
}
