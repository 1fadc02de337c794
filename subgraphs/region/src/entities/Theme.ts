import { Column, Entity, PrimaryColumn } from "typeorm";

/** A theme of the shared taxonomy that priorities and actions of every authority are tagged with. */
@Entity("theme")
export class Theme {
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

  @Column({ type: "varchar", length: 200 })
  name: string;

  @Column({ type: "text" })
  description: string;

  @Column({ type: "int" })
  ordinal: number;
}
