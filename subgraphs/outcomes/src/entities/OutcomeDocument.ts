import { Column, Entity } from "typeorm";
import { SourceDocument } from "@tees/subgraph-common/entities/SourceDocument";

/** `owner` of a DfE (LAIT) dataset: no authority owns it and no editor writes to it */
export const PUBLISHED_OWNER = "published";
/**
 * `owner` the owner migration gives a document it could not attribute to one authority (local
 * figures of several authorities, or local and published figures together): no editor writes to
 * it until an operator sets its owner (a seed file for it, or UPDATE source_document).
 */
export const UNASSIGNED_OWNER = "unassigned";

/**
 * A source document as the outcomes subgraphs (education, care) hold it: the shared columns and its
 * owner. Only the owner's editors may add figures that cite it; the owner never changes through the
 * API, so a document whose figures were all deleted stays its owner's.
 */
@Entity("source_document")
export class OutcomeDocument extends SourceDocument {
  /** an authority's ONS code (E06000003), "published" for a DfE dataset, or "unassigned" (see above) */
  @Column({ type: "varchar", length: 20 })
  owner: string;
}
