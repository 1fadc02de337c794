import { GraphQLError } from "graphql";
import type { z } from "zod";

/** Input errors of every write (plan, local figures): each names the field it is about. */

/** A client's mistake, naming the field: `input.timescale.start: must be YYYY, YYYY-MM or YYYY-MM-DD`. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, { extensions: { code: "BAD_USER_INPUT", field } });
}

/** Parses one argument with its schema; the first problem becomes a BAD_USER_INPUT naming the field. */
export function parseArgument<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw badInput([name, ...issue.path.map(String)].join("."), issue.message);
}
