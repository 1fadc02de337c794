import { GraphQLError } from "graphql";
import type { z } from "zod";

/**
 * The one shape of a client's mistake in a write's input (plan writes, local figures), as a
 * GraphQL error:
 *
 *   message:    every problem, "<field>: <message>", joined by "; " (the first one first)
 *   extensions: code     "BAD_USER_INPUT"
 *               field    the first problem's field (e.g. "input.timescale.start")
 *               fields   every problem's field, in order
 *               problems every problem: [{ field, message }], in order
 *
 * A field is the argument's path: the argument's name, then the keys and list positions inside it
 * ("input.themes.0"). A check against what the database holds (an unknown id) reports one problem.
 */
export interface InputProblem {
  field: string;
  message: string;
}

/** Every problem with a write's input, as one BAD_USER_INPUT (there must be at least one). */
export function badInputs(problems: readonly InputProblem[]): GraphQLError {
  const first = problems[0];
  if (!first) throw new Error("badInputs: there is no problem to report");
  return new GraphQLError(problems.map((p) => `${p.field}: ${p.message}`).join("; "), {
    extensions: { code: "BAD_USER_INPUT", field: first.field, fields: problems.map((p) => p.field), problems: problems.map((p) => ({ ...p })) },
  });
}

/** A client's mistake, naming the field: `input.timescale.start: must be YYYY, YYYY-MM or YYYY-MM-DD`. */
export function badInput(field: string, message: string): GraphQLError {
  return badInputs([{ field, message }]);
}

/** The problems zod found, each named by its path under `prefix` (an argument's name, or none for the arguments object). */
export function problemsOf(error: z.ZodError, prefix: readonly string[] = []): InputProblem[] {
  return error.issues.map((issue) => ({ field: [...prefix, ...issue.path.map(String)].join("."), message: issue.message }));
}
