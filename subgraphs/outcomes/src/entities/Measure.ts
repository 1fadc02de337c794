import { Column, Entity, Index, PrimaryColumn } from "typeorm";

export type Polarity = "high" | "low";

/** A published measure (DfE LAIT data dictionary), keyed by its `Short Desc` code. */
@Entity("measure")
export class Measure {
  @PrimaryColumn({ type: "varchar", length: 64 })
  code: string;

  @Column({ type: "varchar", length: 500 })
  name: string;

  @Index()
  @Column({ type: "varchar", length: 100 })
  topic: string;

  @Column({ type: "varchar", length: 200, nullable: true })
  unit: string | null;

  /** higher or lower is better; null: no judgement */
  @Column({ type: "varchar", length: 10, nullable: true })
  polarity: Polarity | null;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "text", nullable: true })
  methodology: string | null;

  @Column({ type: "text", nullable: true })
  sourceLink: string | null;

  @Column({ type: "varchar", length: 50, nullable: true })
  yearType: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  lastUpdate: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  nextUpdate: string | null;

  /** false where the dictionary marks the measure No_Quartile = "N": LAIT gives it no quartile band */
  @Column({ type: "boolean", default: true })
  quartileBanding: boolean;
}
