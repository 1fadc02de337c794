/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AuthorityBodies($codes: [ID!]!) {\n  authorities(codes: $codes) {\n    code\n    name\n    groups {\n      name\n      kind\n      canonicalName\n      description\n      source {\n        section\n        document {\n          title\n        }\n      }\n    }\n    linkedPlans {\n      title\n      canonicalName\n      source {\n        section\n        document {\n          title\n        }\n      }\n    }\n  }\n}": typeof types.AuthorityBodiesDocument,
    "query CrossBoroughByTheme($codes: [ID!], $theme: ID, $educationMeasures: [ID!], $careMeasures: [ID!]) {\n  authorities(codes: $codes) {\n    code\n    name\n    hasPlanSubgraph\n    priorities(theme: $theme) {\n      id\n      title\n      themes {\n        id\n        name\n      }\n      plan {\n        title\n        period {\n          label\n          startYear\n          endYear\n        }\n      }\n      actions {\n        title\n        timescale {\n          text\n          start\n          end\n        }\n        leadGroups {\n          name\n          kind\n          canonicalName\n        }\n      }\n      source {\n        section\n        document {\n          title\n          asAt\n        }\n      }\n    }\n    education {\n      measures(codes: $educationMeasures) {\n        measure {\n          code\n          name\n          polarity\n          unit\n        }\n        latest {\n          value\n          period {\n            label\n            kind\n          }\n        }\n        figures {\n          kind\n          value\n          label\n          period {\n            label\n          }\n          source {\n            section\n            document {\n              title\n            }\n          }\n        }\n      }\n    }\n    care {\n      measures(codes: $careMeasures) {\n        measure {\n          code\n          name\n          polarity\n          unit\n        }\n        latest {\n          value\n          period {\n            label\n            kind\n          }\n        }\n      }\n    }\n  }\n}": typeof types.CrossBoroughByThemeDocument,
    "query Themes {\n  themes {\n    id\n    name\n    description\n  }\n}": typeof types.ThemesDocument,
};
const documents: Documents = {
    "query AuthorityBodies($codes: [ID!]!) {\n  authorities(codes: $codes) {\n    code\n    name\n    groups {\n      name\n      kind\n      canonicalName\n      description\n      source {\n        section\n        document {\n          title\n        }\n      }\n    }\n    linkedPlans {\n      title\n      canonicalName\n      source {\n        section\n        document {\n          title\n        }\n      }\n    }\n  }\n}": types.AuthorityBodiesDocument,
    "query CrossBoroughByTheme($codes: [ID!], $theme: ID, $educationMeasures: [ID!], $careMeasures: [ID!]) {\n  authorities(codes: $codes) {\n    code\n    name\n    hasPlanSubgraph\n    priorities(theme: $theme) {\n      id\n      title\n      themes {\n        id\n        name\n      }\n      plan {\n        title\n        period {\n          label\n          startYear\n          endYear\n        }\n      }\n      actions {\n        title\n        timescale {\n          text\n          start\n          end\n        }\n        leadGroups {\n          name\n          kind\n          canonicalName\n        }\n      }\n      source {\n        section\n        document {\n          title\n          asAt\n        }\n      }\n    }\n    education {\n      measures(codes: $educationMeasures) {\n        measure {\n          code\n          name\n          polarity\n          unit\n        }\n        latest {\n          value\n          period {\n            label\n            kind\n          }\n        }\n        figures {\n          kind\n          value\n          label\n          period {\n            label\n          }\n          source {\n            section\n            document {\n              title\n            }\n          }\n        }\n      }\n    }\n    care {\n      measures(codes: $careMeasures) {\n        measure {\n          code\n          name\n          polarity\n          unit\n        }\n        latest {\n          value\n          period {\n            label\n            kind\n          }\n        }\n      }\n    }\n  }\n}": types.CrossBoroughByThemeDocument,
    "query Themes {\n  themes {\n    id\n    name\n    description\n  }\n}": types.ThemesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuthorityBodies($codes: [ID!]!) {\n  authorities(codes: $codes) {\n    code\n    name\n    groups {\n      name\n      kind\n      canonicalName\n      description\n      source {\n        section\n        document {\n          title\n        }\n      }\n    }\n    linkedPlans {\n      title\n      canonicalName\n      source {\n        section\n        document {\n          title\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query AuthorityBodies($codes: [ID!]!) {\n  authorities(codes: $codes) {\n    code\n    name\n    groups {\n      name\n      kind\n      canonicalName\n      description\n      source {\n        section\n        document {\n          title\n        }\n      }\n    }\n    linkedPlans {\n      title\n      canonicalName\n      source {\n        section\n        document {\n          title\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CrossBoroughByTheme($codes: [ID!], $theme: ID, $educationMeasures: [ID!], $careMeasures: [ID!]) {\n  authorities(codes: $codes) {\n    code\n    name\n    hasPlanSubgraph\n    priorities(theme: $theme) {\n      id\n      title\n      themes {\n        id\n        name\n      }\n      plan {\n        title\n        period {\n          label\n          startYear\n          endYear\n        }\n      }\n      actions {\n        title\n        timescale {\n          text\n          start\n          end\n        }\n        leadGroups {\n          name\n          kind\n          canonicalName\n        }\n      }\n      source {\n        section\n        document {\n          title\n          asAt\n        }\n      }\n    }\n    education {\n      measures(codes: $educationMeasures) {\n        measure {\n          code\n          name\n          polarity\n          unit\n        }\n        latest {\n          value\n          period {\n            label\n            kind\n          }\n        }\n        figures {\n          kind\n          value\n          label\n          period {\n            label\n          }\n          source {\n            section\n            document {\n              title\n            }\n          }\n        }\n      }\n    }\n    care {\n      measures(codes: $careMeasures) {\n        measure {\n          code\n          name\n          polarity\n          unit\n        }\n        latest {\n          value\n          period {\n            label\n            kind\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CrossBoroughByTheme($codes: [ID!], $theme: ID, $educationMeasures: [ID!], $careMeasures: [ID!]) {\n  authorities(codes: $codes) {\n    code\n    name\n    hasPlanSubgraph\n    priorities(theme: $theme) {\n      id\n      title\n      themes {\n        id\n        name\n      }\n      plan {\n        title\n        period {\n          label\n          startYear\n          endYear\n        }\n      }\n      actions {\n        title\n        timescale {\n          text\n          start\n          end\n        }\n        leadGroups {\n          name\n          kind\n          canonicalName\n        }\n      }\n      source {\n        section\n        document {\n          title\n          asAt\n        }\n      }\n    }\n    education {\n      measures(codes: $educationMeasures) {\n        measure {\n          code\n          name\n          polarity\n          unit\n        }\n        latest {\n          value\n          period {\n            label\n            kind\n          }\n        }\n        figures {\n          kind\n          value\n          label\n          period {\n            label\n          }\n          source {\n            section\n            document {\n              title\n            }\n          }\n        }\n      }\n    }\n    care {\n      measures(codes: $careMeasures) {\n        measure {\n          code\n          name\n          polarity\n          unit\n        }\n        latest {\n          value\n          period {\n            label\n            kind\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Themes {\n  themes {\n    id\n    name\n    description\n  }\n}"): (typeof documents)["query Themes {\n  themes {\n    id\n    name\n    description\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;