import { Column, Entity, Index, PrimaryColumn } from "typeorm";

import type { AreaKind } from "@tees/subgraph-common/lait/code-lists";

export type { AreaKind };

/** England, a region, or a local authority; identified by its ONS GSS code. */
@Entity("area")
export class Area {
  /** ONS GSS code, e.g. E06000003 */
  @PrimaryColumn({ type: "varchar", length: 16 })
  code: string;

  /** DfE 3-digit local authority number (regions and England have DfE codes of their own) */
  @Index()
  @Column({ type: "int", nullable: true })
  dfeNumber: number | null;

  @Column({ type: "varchar", length: 200 })
  name: string;

  @Index()
  @Column({ type: "varchar", length: 20 })
  kind: AreaKind;

  /** DfE authority type: UA, MD, LB (London borough), SC (shire county) ... */
  @Column({ type: "varchar", length: 10, nullable: true })
  laType: string | null;

  /** GSS code of the region a local authority is in */
  @Index()
  @Column({ type: "varchar", length: 16, nullable: true })
  regionCode: string | null;
}
