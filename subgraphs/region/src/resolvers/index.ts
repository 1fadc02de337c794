import type { PlanAuthority } from "../config";
import { Authority, authorityFields } from "./Authority";
import { LocalAuthority } from "./LocalAuthority";
import { Query } from "./Query";
import { Region } from "./Region";
import { Theme } from "./Theme";

export function buildResolvers(planAuthorities: PlanAuthority[]) {
  return {
    Query,
    Authority,
    LocalAuthority,
    Region,
    Theme,
    ...Object.fromEntries(planAuthorities.map((a) => [a.typeName, authorityFields])),
  };
}
