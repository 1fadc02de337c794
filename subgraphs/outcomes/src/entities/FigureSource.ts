import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import { SourceColumns } from "@tees/subgraph-common/entities/SourceColumns";
import { Figure } from "./Figure";

/**
 * Another document that states the same local figure (an authority often prints one figure in
 * several of its documents): the figure is held once, under its own document, and every further
 * document that states it is a row here. A figure's sources are its own source, then these in order.
 */
@Entity("figure_source")
export class FigureSource {
  /** "<figure id>/also-<n>" */
  @PrimaryColumn({ type: "varchar", length: 191 })
  id: string;

  @Index()
  @Column({ type: "varchar", length: 191 })
  figureId: string;

  @ManyToOne(() => Figure, { onDelete: "CASCADE" })
  @JoinColumn({ name: "figureId" })
  figure?: Relation<Figure>;

  /** the document of the figure's own seed file: reloading that file replaces these rows */
  @Index()
  @Column({ type: "varchar", length: 120 })
  documentKey: string;

  @Column({ type: "int" })
  ordinal: number;

  @Column(() => SourceColumns)
  source: SourceColumns;
}
