import { Action } from "./Action";
import { authorityResolvers } from "./Authority";
import { GroupKind, PlanKind, PrincipleKind, StatementKind } from "./enums";
import { LeadGroup } from "./LeadGroup";
import { LinkedPlan } from "./LinkedPlan";
import { PerformanceIndicator } from "./PerformanceIndicator";
import { Plan } from "./Plan";
import { Priority } from "./Priority";
import { Source } from "./Source";

/** `typeName` is the deployment's own authority type, e.g. RedcarAndCleveland. */
export function buildResolvers(typeName: string) {
  return {
    [typeName]: authorityResolvers,
    Plan,
    Priority,
    Action,
    LeadGroup,
    LinkedPlan,
    PerformanceIndicator,
    Source,
    PlanKind,
    StatementKind,
    PrincipleKind,
    GroupKind,
  };
}
