import { Column } from "typeorm";

/** Embedded in every entity that holds a fact: which document, which section, the wording. */
export class SourceColumns {
  @Column({ type: "varchar", length: 120 })
  document: string;

  @Column({ type: "varchar", length: 300 })
  section: string;

  @Column({ type: "text", nullable: true })
  quote: string | null;
}
