import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { AreaKind } from "@tees/subgraph-common/lait/code-lists";

/**
 * An area of the LAIT code lists, as the outcomes subgraphs need it for comparisons:
 * which areas are local authorities (ranked), which region each is in, and whether
 * the imported values file had figures for it (so a rank can say it is not national).
 */
@Entity("area")
export class OutcomeArea {
  @PrimaryColumn({ type: "varchar", length: 16 })
  code: string;

  @Column({ type: "int" })
  dfeNumber: number;

  @Column({ type: "varchar", length: 200 })
  name: string;

  @Index()
  @Column({ type: "varchar", length: 20 })
  kind: AreaKind;

  @Column({ type: "varchar", length: 16, nullable: true })
  regionCode: string | null;

  /** the last LAIT import held published figures for this area */
  @Column({ type: "boolean", default: false })
  hasPublishedFigures: boolean;
}
