import { Action } from "./Action";
import { authorityResolvers } from "./Authority";
import { GroupKind, PlanKind, PrincipleKind, StatementKind } from "./enums";
import { DocumentStatus, Finding, GlossaryEntry, Inspection, Membership, ScopeItem } from "./Evidence";
import * as evidenceEnums from "./evidence-enums";
import { LeadGroup } from "./LeadGroup";
import { LinkedPlan } from "./LinkedPlan";
import { PerformanceIndicator } from "./PerformanceIndicator";
import { Plan } from "./Plan";
import { enterPlanMutations, PlanMutations } from "./PlanMutations";
import { OutcomeStatement, Priority } from "./Priority";
import { Source } from "./Source";
import { SourceDocument } from "./SourceDocument";
import { mutationFieldName, mutationsTypeName } from "../schema";

/** `typeName` is the deployment's own authority type, from its JSON (and its mutations, <TypeName>PlanMutations). */
export function buildResolvers(typeName: string) {
  return {
    [typeName]: authorityResolvers,
    Mutation: { [mutationFieldName(typeName)]: enterPlanMutations },
    [mutationsTypeName(typeName)]: PlanMutations,
    Plan,
    Priority,
    OutcomeStatement,
    Action,
    LeadGroup,
    LinkedPlan,
    PerformanceIndicator,
    Source,
    SourceDocument,
    PlanKind,
    StatementKind,
    PrincipleKind,
    GroupKind,
    // a document's evidence
    Inspection,
    Finding,
    Membership,
    GlossaryEntry,
    DocumentStatus,
    ScopeItem,
    ...evidenceEnums,
  };
}
