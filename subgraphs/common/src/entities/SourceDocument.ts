import { Column, Entity, PrimaryColumn } from "typeorm";

/** A document or dataset that facts come from. */
@Entity("source_document")
export class SourceDocument {
  @PrimaryColumn({ type: "varchar", length: 120 })
  key: string;

  @Column({ type: "varchar", length: 300 })
  title: string;

  @Column({ type: "varchar", length: 200 })
  publisher: string;

  @Column({ type: "varchar", length: 300, nullable: true })
  location: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  asAt: string | null;

  @Column({ type: "varchar", length: 100, nullable: true })
  asAtText: string | null;
}
