/**
 * selects(info, name): whether a list field's items are asked for a field, as execution collects it
 * (Profile.measures reads stored comparisons ahead only when its series are asked for `comparison`).
 */
import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { selects } from "@tees/subgraph-common/selection";

const schema = buildSchema(`
  type Item { a: Int b: Int }
  type Query { items: [Item!]! one: Item count: Int }
`);

/** runs `query` and says what selects(info, "b") gave the resolver of `items` (or `one`) */
async function asked(query: string, variableValues?: Record<string, unknown>): Promise<boolean[]> {
  const seen: boolean[] = [];
  const record = (_root: unknown, _args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    seen.push(selects(info, "b"));
    return info.fieldName === "items" ? [{ a: 1, b: 2 }] : info.fieldName === "count" ? 1 : { a: 1, b: 2 };
  };
  const result = await graphql({ schema, source: query, variableValues, fieldResolver: (root, args, context, info) =>
    info.parentType.name === "Query" ? record(root, args, context, info) : (root as Record<string, unknown>)[info.fieldName] });
  expect(result.errors).toBeUndefined();
  return seen;
}

describe("selects: what a list's items are asked for", () => {
  it("sees a field asked for directly, under an alias, or not at all", async () => {
    expect(await asked("{ items { a b } }")).toEqual([true]);
    expect(await asked("{ items { a other: b } }")).toEqual([true]);
    expect(await asked("{ items { a } }")).toEqual([false]);
    expect(await asked("{ one { b } }")).toEqual([true]);
  });

  it("sees it through inline fragments and named fragments", async () => {
    expect(await asked("{ items { ... on Item { b } } }")).toEqual([true]);
    expect(await asked("{ items { ...F } } fragment F on Item { a ... { b } }")).toEqual([true]);
    expect(await asked("{ items { ...F } } fragment F on Item { a }")).toEqual([false]);
  });

  it("follows @skip and @include, with their variables", async () => {
    expect(await asked("{ items { a b @skip(if: true) } }")).toEqual([false]);
    expect(await asked("query($on: Boolean!) { items { a b @include(if: $on) } }", { on: true })).toEqual([true]);
    expect(await asked("query($on: Boolean!) { items { a b @include(if: $on) } }", { on: false })).toEqual([false]);
  });

  it("says no for a field whose type is not an object type", async () => {
    expect(await asked("{ count }")).toEqual([false]);
  });
});
