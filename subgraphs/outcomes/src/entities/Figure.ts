import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { SourceColumns } from "@tees/subgraph-common/entities/SourceColumns";

export type FigureKind = "published" | "local";

/**
 * One value of a measure for an area and period: published (LAIT) or local
 * (an authority's own document). Both are kept; neither overwrites the other.
 */
@Entity("figure")
@Index(["areaCode", "measureCode"])
export class Figure {
  /** published: lait/<measure>/<area>/<period label>; local: <document key>/<key> */
  @PrimaryColumn({ type: "varchar", length: 191 })
  id: string;

  @Column({ type: "varchar", length: 10 })
  kind: FigureKind;

  @Index()
  @Column({ type: "varchar", length: 64, nullable: true })
  measureCode: string | null;

  /** ONS GSS code of the authority, region or England */
  @Column({ type: "varchar", length: 16 })
  areaCode: string;

  /** the figure's own label where it is local (as the document words it) */
  @Column({ type: "varchar", length: 300, nullable: true })
  label: string | null;

  /** null: not published / not stated. Never 0 for a missing value. */
  @Column({ type: "double", nullable: true })
  value: number | null;

  @Column({ type: "varchar", length: 100, nullable: true })
  unit: string | null;

  /** as published, e.g. "2023/24", "2021/22-23/24", "2025 (prov)" */
  @Column({ type: "varchar", length: 60 })
  periodLabel: string;

  /** academic-year, financial-year, calendar-year, multi-year or unknown */
  @Column({ type: "varchar", length: 20 })
  periodKind: string;

  /** provisional, revised, final or outturn where the label says so */
  @Column({ type: "varchar", length: 20, nullable: true })
  periodStatus: string | null;

  @Column({ type: "int", nullable: true })
  periodStartYear: number | null;

  @Column({ type: "int", nullable: true })
  periodEndYear: number | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  periodStart: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  periodEnd: string | null;

  @Index()
  @Column({ type: "varchar", length: 120 })
  documentKey: string;

  @Column(() => SourceColumns)
  source: SourceColumns;
}
