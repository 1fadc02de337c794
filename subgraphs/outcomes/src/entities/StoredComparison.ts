import { Column, Entity, PrimaryColumn } from "typeorm";
import type { NeighbourSetId } from "@tees/subgraph-common/lait/code-lists";

/**
 * What a comparison of one area's latest published figure for a measure reads from other areas,
 * computed when published figures are imported (stored-comparisons.ts) in the import's transaction:
 * England's and the region's values, each neighbour set's values, mean and median, the rank and
 * quartile band among local authorities, and the trend over the default number of points. Everything
 * is for `periodLabel`, the period of the area's latest published figure with a value. Names, the
 * neighbours' ranks and the note on a regional extract are read from the areas and neighbour sets.
 */
@Entity("stored_comparison")
export class StoredComparison {
  @PrimaryColumn({ type: "varchar", length: 64 })
  measureCode: string;

  @PrimaryColumn({ type: "varchar", length: 16 })
  areaCode: string;

  /** the period every part is for: the area's latest published figure with a value */
  @Column({ type: "varchar", length: 60 })
  periodLabel: string;

  /** that figure's id, so that a read takes it in the same statement */
  @Column({ type: "varchar", length: 191 })
  figureId: string;

  /** that figure's value */
  @Column({ type: "double" })
  value: number;

  /** null: England has no published value for the period */
  @Column({ type: "double", nullable: true })
  englandValue: number | null;

  @Column({ type: "double", nullable: true })
  regionValue: number | null;

  /**
   * per neighbour set ("2021-04", "2025-05"), JSON (numbers exactly as computed: MariaDB's text protocol
   * would round a double column to 15 digits): {"mean", "median", "withValue", "values": {"<area code>": value or null}},
   * the mean and median of the neighbours with a value (null: none has one)
   */
  @Column({ type: "text" })
  neighbours2021: string;

  @Column({ type: "text" })
  neighbours2025: string;

  /** 1 = best by polarity, or highest with none */
  @Column({ type: "int" })
  rankPosition: number;

  /** local authorities with a published value for the period */
  @Column({ type: "int" })
  rankOutOf: number;

  /** A-D by the quartiles and polarity, before the measure's No_Quartile mark is applied; null without a polarity */
  @Column({ type: "varchar", length: 1, nullable: true })
  band: string | null;

  /** quartile cut points (type 6) of the local authorities' values for the period */
  @Column({ type: "double", nullable: true })
  quartile1: number | null;

  @Column({ type: "double", nullable: true })
  quartile2: number | null;

  @Column({ type: "double", nullable: true })
  quartile3: number | null;

  /** the trend over the default number of points (JSON, as the Comparison gives it) */
  @Column({ type: "text" })
  trend: string;
}

/** the column of a StoredComparison that holds one neighbour set */
export const neighbourColumns = { "2021-04": "neighbours2021", "2025-05": "neighbours2025" } as const satisfies Record<NeighbourSetId, keyof StoredComparison>;

/** what that column holds */
export interface StoredNeighbours {
  mean: number | null;
  median: number | null;
  withValue: number;
  values: Record<string, number | null>;
}
