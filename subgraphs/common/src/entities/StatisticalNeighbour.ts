import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * One pair of a published DfE statistical-neighbour set: `neighbourCode` is the
 * `rank`-th closest authority to `areaCode` in set `setId` ("2021-04", "2025-05").
 */
@Entity("statistical_neighbour")
export class StatisticalNeighbour {
  @PrimaryColumn({ type: "varchar", length: 7 })
  setId: string;

  @PrimaryColumn({ type: "varchar", length: 16 })
  areaCode: string;

  @PrimaryColumn({ type: "int" })
  rank: number;

  @Index()
  @Column({ type: "varchar", length: 16 })
  neighbourCode: string;

  /** as published: "Very close", "Close", "Somewhat close", "Not close" ... */
  @Column({ type: "varchar", length: 30, nullable: true })
  closeness: string | null;
}
