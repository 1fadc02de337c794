import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { SourceColumns } from "@tees/subgraph-common/entities/SourceColumns";

export type PlanKind = "strategy" | "plan" | "progress-report";

/** A plan, strategy or progress report. Every row of a plan's tables carries its documentKey, so reloading a document replaces exactly its rows. */
@Entity("plan")
export class Plan {
  @PrimaryColumn({ type: "varchar", length: 191 })
  id: string;

  @Index()
  @Column({ type: "varchar", length: 120 })
  documentKey: string;

  @Column({ type: "varchar", length: 300 })
  title: string;

  @Column({ type: "varchar", length: 20 })
  kind: PlanKind;

  @Column({ type: "varchar", length: 50 })
  periodLabel: string;

  @Column({ type: "int", nullable: true })
  startYear: number | null;

  @Column({ type: "int", nullable: true })
  endYear: number | null;

  @Column({ type: "varchar", length: 300, nullable: true })
  owner: string | null;

  @Column({ type: "varchar", length: 300, nullable: true })
  leadMember: string | null;

  @Column({ type: "varchar", length: 300, nullable: true })
  leadOfficer: string | null;

  @Column(() => SourceColumns)
  source: SourceColumns;

  /** where the document names the plan's lead member and lead officer (in the plan's own document); null: it names neither */
  @Column({ type: "varchar", length: 300, nullable: true })
  metadataSection: string | null;

  @Column({ type: "text", nullable: true })
  metadataQuote: string | null;
}
