/**
 * selectedFields(info, ...path): what a list field's items are asked for (or, within a path, what its last
 * field asks for), as execution collects it (Profile.measures reads stored comparisons ahead only when its
 * series are asked for `comparison`, and only the columns the fields its comparisons ask for read).
 */
import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { selectedFields } from "@tees/subgraph-common/selection";

const schema = buildSchema(`
  type Item { a: Int b: Int sub: Sub }
  type Sub { x: Int y: Int }
  type Query { items: [Item!]! one: Item count: Int }
`);

/** runs `query` and says whether the resolver of `items` (or `one`) saw the last name of `path` among what its path asks for */
async function asked(query: string, variableValues?: Record<string, unknown>, path: [string, ...string[]] = ["b"]): Promise<boolean[]> {
  const seen: boolean[] = [];
  const record = (_root: unknown, _args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    seen.push(selectedFields(info, ...path.slice(0, -1))?.has(path.at(-1)!) ?? false);
    const item = { a: 1, b: 2, sub: { x: 3, y: 4 } };
    return info.fieldName === "items" ? [item] : info.fieldName === "count" ? 1 : item;
  };
  const result = await graphql({ schema, source: query, variableValues, fieldResolver: (root, args, context, info) =>
    info.parentType.name === "Query" ? record(root, args, context, info) : (root as Record<string, unknown>)[info.fieldName] });
  expect(result.errors).toBeUndefined();
  return seen;
}

describe("selectedFields: what a list's items are asked for", () => {
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

  it("with more names, sees a field asked for within another, through aliases and fragments", async () => {
    const within = (query: string, variableValues?: Record<string, unknown>) => asked(query, variableValues, ["sub", "y"]);
    expect(await within("{ items { sub { x y } } }")).toEqual([true]);
    expect(await within("{ items { sub { x } } }")).toEqual([false]);
    expect(await within("{ items { a } }")).toEqual([false]);
    expect(await within("{ items { s1: sub { x } s2: sub { other: y } } }")).toEqual([true]);
    expect(await within("{ items { sub { x } ...F } } fragment F on Item { sub { ... on Sub { y } } }")).toEqual([true]);
    expect(await within("query($on: Boolean!) { items { sub { x y @include(if: $on) } } }", { on: false })).toEqual([false]);
    expect(await asked("{ items { sub { x } } }", undefined, ["a", "x"])).toEqual([false]); // a is not an object type
  });

  it("selectedFields names what is asked for within a path, under every alias, or null when the path is not asked for", async () => {
    const fieldsOf = async (query: string, path: string[]) => {
      let seen: Set<string> | null | undefined;
      const result = await graphql({ schema, source: query, fieldResolver: (root, _args, _context, info) => {
        if (info.fieldName === "items") {
          seen = selectedFields(info, ...path);
          return [{ a: 1, b: 2, sub: { x: 3, y: 4 } }];
        }
        return (root as Record<string, unknown>)[info.fieldName];
      } });
      expect(result.errors).toBeUndefined();
      return seen === null || seen === undefined ? seen : [...seen].sort();
    };
    expect(await fieldsOf("{ items { a sub { x } } }", [])).toEqual(["a", "sub"]);
    expect(await fieldsOf("{ items { s1: sub { x } s2: sub { y } } }", ["sub"])).toEqual(["x", "y"]);
    expect(await fieldsOf("{ items { sub { ... on Sub { y } } ...F } } fragment F on Item { sub { x @skip(if: true) } }", ["sub"])).toEqual(["y"]);
    expect(await fieldsOf("{ items { a } }", ["sub"])).toBeNull();
    expect(await fieldsOf("{ items { a } }", ["a"])).toBeNull(); // a is not an object type
  });
});
