import { SourceDocument } from "@tees/subgraph-common/entities/SourceDocument";
import { Action } from "./Action";
import { ContextFigure } from "./ContextFigure";
import { Finding, GlossaryEntry, Inspection, Membership, PlanScope, PlanStatus } from "./Evidence";
import { LeadGroup } from "./LeadGroup";
import { LinkedPlan } from "./LinkedPlan";
import { ActionLeadGroup, ActionLinkedPlan, ActionPrinciple, ActionPriority, ActionTheme, PriorityTheme } from "./links";
import { OutcomeStatement } from "./OutcomeStatement";
import { PerformanceIndicator } from "./PerformanceIndicator";
import { Plan } from "./Plan";
import { PlanStatement } from "./PlanStatement";
import { Principle } from "./Principle";
import { Priority } from "./Priority";
import { ProgressNote } from "./ProgressNote";

import { AuditEntry } from "@tees/subgraph-common/audit/AuditEntry";

export {
  Action, AuditEntry, ActionLeadGroup, ActionLinkedPlan, ActionPrinciple, ActionPriority, ActionTheme, ContextFigure, LeadGroup, LinkedPlan,
  OutcomeStatement, PerformanceIndicator, Plan, PlanStatement, Principle, Priority, PriorityTheme, ProgressNote, SourceDocument,
};
export { Finding, GlossaryEntry, Inspection, Membership, PlanScope, PlanStatus };

/** Every table of an authority plan database. */
export const planEntities = [
  SourceDocument, Plan, PlanStatement, Principle, Priority, PriorityTheme, OutcomeStatement, PerformanceIndicator,
  Action, ActionPriority, ActionPrinciple, ActionTheme, ProgressNote, LeadGroup, LinkedPlan, ActionLeadGroup, ActionLinkedPlan, ContextFigure,
  AuditEntry,
  // a document's evidence (seeds/<authority>/evidence)
  Inspection, Finding, Membership, GlossaryEntry, PlanScope, PlanStatus,
];
