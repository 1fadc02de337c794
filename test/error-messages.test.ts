/**
 * Error messages a client can fill: graphql-js copies an invalid variable value into its message,
 * and the gateway rewrites every message (no "Did you mean …?"). That rewrite must cost time in
 * proportion to the message, and the message must be bounded before anything looks at it.
 * Issue 13, finding 1: 64,000 spaces in a Boolean variable froze the gateway for ~4 s.
 */
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientMessage, MAX_ERROR_MESSAGE, withoutSuggestions } from "../gateway/src/errors";
import { gatewayOverTestSubgraph, type GatewayOverTestSubgraph } from "./support/test-subgraph";

const PATHOLOGICAL = `query($v: Boolean){ authorities(withPlanSubgraph: $v){ code } }`;

/** the gateway rewrites the messages: a small subgraph (test/support/test-subgraph.ts) with the fields these queries name */
const authorities = {
  name: "authorities",
  typeDefs: parse(`
    type Query { authorities(withPlanSubgraph: Boolean): [Authority!]! themes: [Theme!]! }
    type Authority { code: ID! name: String! }
    type Theme { id: ID! }
  `),
  resolvers: {
    Query: {
      authorities: () => [{ code: "E06000001", name: "Hartlepool" }, { code: "E06000004", name: "Stockton-on-Tees" }],
      themes: () => [{ id: "early-help" }],
    },
  },
};

describe("error messages", () => {
  it("lose every suggestion, and nothing else", () => {
    expect(withoutSuggestions('Cannot query field "nme" on type "Authority". Did you mean "name"?')).toBe('Cannot query field "nme" on type "Authority".');
    expect(withoutSuggestions('Value "DOWN" does not exist in "Polarity" enum. Did you mean the enum value "UP" or "DOWN_IS_GOOD"?')).toBe('Value "DOWN" does not exist in "Polarity" enum.');
    expect(withoutSuggestions('A. Did you mean "a"? B.\n  Did you mean "b" or "c"? C.')).toBe("A. B. C.");
    expect(withoutSuggestions("no suggestion here?")).toBe("no suggestion here?");
    // cut short by truncation: no "?" after it, removed to the end
    expect(withoutSuggestions('Unknown argument "x". Did you mean "secretArgument", "anoth')).toBe('Unknown argument "x".');
  });

  it("are bounded before they are rewritten", () => {
    const long = `Variable "$v" got invalid value "${"x".repeat(10_000)}"`;
    const message = clientMessage(long);
    expect(message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE + 20);
    expect(message.endsWith("… (truncated)")).toBe(true);
    expect(clientMessage("short")).toBe("short");
  });

  it("are rewritten in linear time, whatever they hold", () => {
    // each would take seconds to minutes with a backtracking pattern; together they take milliseconds
    const cases = [" ".repeat(1_000_000), "Did you mean ".repeat(100_000), `${" ".repeat(500_000)}Did you mean ${"x".repeat(500_000)}`, "\t\n ".repeat(300_000) + "?"];
    const started = performance.now();
    for (const text of cases) withoutSuggestions(text);
    expect(performance.now() - started).toBeLessThan(500);
  });

  describe("through the gateway", () => {
    let system: GatewayOverTestSubgraph;
    beforeAll(async () => {
      system = await gatewayOverTestSubgraph(authorities);
    });
    afterAll(async () => system?.close());

    it("answer 64,000 spaces in a variable, and an ordinary query sent at the same moment, within 1 s each", async () => {
      const timed = async <T,>(send: () => Promise<T>) => {
        const started = performance.now();
        const result = await send();
        return { result, ms: performance.now() - started };
      };
      // warm up (first plan, first connections), so the bound measures the request and not the start
      await system.post(`{ themes { id } }`);
      const [pathological, ordinary] = await Promise.all([
        timed(() => system.post(PATHOLOGICAL, { v: " ".repeat(64_000) })),
        timed(() => system.post(`{ themes { id } }`)),
      ]);
      console.log(`64,000 spaces: ${pathological.ms.toFixed(0)} ms; ordinary query alongside: ${ordinary.ms.toFixed(0)} ms`);
      expect(pathological.result.status).toBeLessThan(500);
      const message = pathological.result.body.errors![0]!.message;
      expect(message).toMatch(/^Variable "\$v" got invalid value/);
      expect(message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE + 20);
      expect(ordinary.result.status).toBe(200);
      expect(ordinary.result.body.errors).toBeUndefined();
      expect(pathological.ms).toBeLessThan(1000);
      expect(ordinary.ms).toBeLessThan(1000);
    });

    it("still remove suggestions from validation errors", async () => {
      const { body } = await system.post(`{ authorities { nme } }`);
      expect(body.errors![0]!.message).toBe('Cannot query field "nme" on type "Authority".');
    });
  });
});
