import { authorityFields } from "./Authority";

/** An authority with no plan subgraph: its plan fields (named by the served SDL) are null (no plan data here, not "no plans"). */
export const localAuthorityResolvers = (planFieldNames: readonly string[]) => ({
  ...authorityFields,
  ...Object.fromEntries(planFieldNames.map((name) => [name, () => null])),
});
