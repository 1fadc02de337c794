import type { PlanAuthority } from "../config";
import { Authority, authorityFields } from "./Authority";
import { localAuthorityResolvers } from "./LocalAuthority";
import { Query } from "./Query";
import { Region } from "./Region";
import { Theme } from "./Theme";

/** Each plan authority's type (from the list) resolves as every authority does; LocalAuthority also answers null for the plan fields. */
export function buildResolvers(planAuthorities: readonly PlanAuthority[], planFieldNames: readonly string[]) {
  return {
    Query,
    Authority,
    LocalAuthority: localAuthorityResolvers(planFieldNames),
    Region,
    Theme,
    ...Object.fromEntries(planAuthorities.map((a) => [a.typeName, authorityFields])),
  };
}
