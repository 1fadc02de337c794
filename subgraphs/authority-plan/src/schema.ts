/**
 * A plan deployment's schema names. Its SDL is not assembled here: `npm run compose` instantiates
 * the template (scripts/sdl.ts) and writes deployments/<name>.graphql, which the deployment serves.
 */

/** The deployment's mutation namespace type, e.g. <TypeName>PlanMutations */
export const mutationsTypeName = (typeName: string): string => `${typeName}PlanMutations`;
/** The deployment's root Mutation field: its type name in lower camel case */
export const mutationFieldName = (typeName: string): string => `${typeName[0]!.toLowerCase()}${typeName.slice(1)}`;
