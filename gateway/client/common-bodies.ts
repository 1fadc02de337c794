import { execute } from "./request";
import { AuthorityBodiesDocument, type AuthorityBodiesQuery } from "./generated/graphql";

type AuthorityRow = AuthorityBodiesQuery["authorities"][number];

export interface SharedBody {
  canonicalName: string;
  /** authority name → how that authority names it (several where its documents name several) */
  names: Record<string, string[]>;
}

export interface CommonBodies {
  authorities: string[];
  /** authorities that run no plan subgraph: nothing can be said about their bodies */
  withoutPlans: string[];
  groups: SharedBody[];
  linkedPlans: SharedBody[];
}

function shared<T extends { canonicalName: string }>(rows: AuthorityRow[], pick: (a: AuthorityRow) => T[] | null | undefined, label: (item: T) => string): SharedBody[] {
  const byName = new Map<string, Record<string, string[]>>();
  for (const authority of rows) {
    for (const item of pick(authority) ?? []) {
      const names = byName.get(item.canonicalName) ?? {};
      names[authority.name] = [...new Set([...(names[authority.name] ?? []), label(item)])];
      byName.set(item.canonicalName, names);
    }
  }
  return [...byName]
    .filter(([, names]) => Object.keys(names).length === rows.length)
    .map(([canonicalName, names]) => ({ canonicalName, names }))
    .sort((a, b) => a.canonicalName.localeCompare(b.canonicalName));
}

/** Which lead groups and linked plans (by canonical name) every one of the given authorities has. */
export function commonBodies(result: AuthorityBodiesQuery): CommonBodies {
  const withPlans = result.authorities.filter((a) => a.groups !== null && a.groups !== undefined);
  return {
    authorities: result.authorities.map((a) => a.name),
    withoutPlans: result.authorities.filter((a) => !withPlans.includes(a)).map((a) => a.name),
    groups: withPlans.length ? shared(withPlans, (a) => a.groups, (g) => g.name) : [],
    linkedPlans: withPlans.length ? shared(withPlans, (a) => a.linkedPlans, (l) => l.title) : [],
  };
}

/** Runs the typed operation against a gateway. */
export async function fetchCommonBodies(gatewayUrl: string, codes: string[]): Promise<CommonBodies> {
  const { data, errors } = await execute(gatewayUrl, AuthorityBodiesDocument, { codes });
  if (errors.length) console.warn(`partial answer: ${errors.join("; ")}`);
  return commonBodies(data);
}
