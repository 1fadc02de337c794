import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from "typeorm";
import { Action } from "./Action";
import { LeadGroup } from "./LeadGroup";
import { LinkedPlan } from "./LinkedPlan";
import { Principle } from "./Principle";
import { Priority } from "./Priority";

// Many-to-many links, as explicit rows so loaders can batch on either side.

/** stated: the document states the link; inferred: the extractor made it (basisNote says why) */
export type LinkBasisKind = "stated" | "inferred";

@Entity("action_priority")
export class ActionPriority {
  @PrimaryColumn({ type: "varchar", length: 191 }) actionId: string;
  @PrimaryColumn({ type: "varchar", length: 191 }) priorityId: string;
  @Index() @Column({ type: "varchar", length: 120 }) documentKey: string;
  @Column({ type: "varchar", length: 10, default: "stated" }) basis: LinkBasisKind;
  @Column({ type: "text", nullable: true }) basisNote: string | null;
  @ManyToOne(() => Action, { onDelete: "CASCADE" }) @JoinColumn({ name: "actionId" }) action?: Relation<Action>;
  @ManyToOne(() => Priority, { onDelete: "CASCADE" }) @JoinColumn({ name: "priorityId" }) priority?: Relation<Priority>;
}

@Entity("action_principle")
export class ActionPrinciple {
  @PrimaryColumn({ type: "varchar", length: 191 }) actionId: string;
  @PrimaryColumn({ type: "varchar", length: 191 }) principleId: string;
  @Index() @Column({ type: "varchar", length: 120 }) documentKey: string;
  @ManyToOne(() => Action, { onDelete: "CASCADE" }) @JoinColumn({ name: "actionId" }) action?: Relation<Action>;
  @ManyToOne(() => Principle, { onDelete: "CASCADE" }) @JoinColumn({ name: "principleId" }) principle?: Relation<Principle>;
}

@Entity("action_lead_group")
export class ActionLeadGroup {
  @PrimaryColumn({ type: "varchar", length: 191 }) actionId: string;
  @PrimaryColumn({ type: "varchar", length: 191 }) groupId: string;
  @Index() @Column({ type: "varchar", length: 120 }) documentKey: string;
  @Column({ type: "varchar", length: 10, default: "stated" }) basis: LinkBasisKind;
  @Column({ type: "text", nullable: true }) basisNote: string | null;
  @ManyToOne(() => Action, { onDelete: "CASCADE" }) @JoinColumn({ name: "actionId" }) action?: Relation<Action>;
  @ManyToOne(() => LeadGroup, { onDelete: "CASCADE" }) @JoinColumn({ name: "groupId" }) group?: Relation<LeadGroup>;
}

@Entity("action_linked_plan")
export class ActionLinkedPlan {
  @PrimaryColumn({ type: "varchar", length: 191 }) actionId: string;
  @PrimaryColumn({ type: "varchar", length: 191 }) linkedPlanId: string;
  @Index() @Column({ type: "varchar", length: 120 }) documentKey: string;
  @ManyToOne(() => Action, { onDelete: "CASCADE" }) @JoinColumn({ name: "actionId" }) action?: Relation<Action>;
  @ManyToOne(() => LinkedPlan, { onDelete: "CASCADE" }) @JoinColumn({ name: "linkedPlanId" }) linkedPlan?: Relation<LinkedPlan>;
}

/** Theme tags; themeId refers to the region registry's taxonomy (another subgraph, so no foreign key). */
@Entity("priority_theme")
export class PriorityTheme {
  @PrimaryColumn({ type: "varchar", length: 191 }) priorityId: string;
  @PrimaryColumn({ type: "varchar", length: 64 }) themeId: string;
  @Index() @Column({ type: "varchar", length: 120 }) documentKey: string;
  @ManyToOne(() => Priority, { onDelete: "CASCADE" }) @JoinColumn({ name: "priorityId" }) priority?: Relation<Priority>;
}

@Entity("action_theme")
export class ActionTheme {
  @PrimaryColumn({ type: "varchar", length: 191 }) actionId: string;
  @PrimaryColumn({ type: "varchar", length: 64 }) themeId: string;
  @Index() @Column({ type: "varchar", length: 120 }) documentKey: string;
  @ManyToOne(() => Action, { onDelete: "CASCADE" }) @JoinColumn({ name: "actionId" }) action?: Relation<Action>;
}
