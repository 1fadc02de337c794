import { Column, Index, ManyToOne, JoinColumn, PrimaryColumn, type Relation } from "typeorm";
import { SourceColumns } from "@tees/subgraph-common/entities/SourceColumns";
import { Plan } from "./Plan";

/** Columns shared by every row that belongs to one plan. */
export abstract class PlanChild {
  @PrimaryColumn({ type: "varchar", length: 191 })
  id: string;

  @Index()
  @Column({ type: "varchar", length: 120 })
  documentKey: string;

  @Index()
  @Column({ type: "varchar", length: 191 })
  planId: string;

  @ManyToOne(() => Plan, { onDelete: "CASCADE" })
  @JoinColumn({ name: "planId" })
  plan?: Relation<Plan>;

  /** order in the document */
  @Column({ type: "int" })
  ordinal: number;

  @Column(() => SourceColumns)
  source: SourceColumns;
}
