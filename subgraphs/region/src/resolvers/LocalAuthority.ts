import { authorityFields } from "./Authority";
import { planFieldNames } from "../schema";

/** An authority with no plan subgraph: its plan fields are null (no plan data here, not "no plans"). */
export const LocalAuthority = {
  ...authorityFields,
  ...Object.fromEntries(planFieldNames.map((name) => [name, () => null])),
};
