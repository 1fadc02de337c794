import { GraphQLError } from "graphql";
import type { Identity } from "./signed-identity";

/**
 * Authorisation is decided here, in the subgraph that owns the data, from the identity
 * the gateway signed: never from arguments, never at the gateway alone.
 */
function denied(code: "FORBIDDEN" | "UNAUTHENTICATED", message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** A refusal of something this identity may not do to this data (e.g. another authority's figure). */
export const forbidden = (message: string): GraphQLError => denied("FORBIDDEN", message);

/** An editor, acting for the authority their identity carries. */
export type Editor = Identity & { role: "editor"; authority: string };

/** Writes to an authority's data: only an editor acting for that authority. */
export function requireEditorOf(identity: Identity, authorityCode: string): Editor {
  if (identity.role === "anonymous") throw denied("UNAUTHENTICATED", `sign in with an editor token of ${authorityCode} to change its data`);
  if (identity.role !== "editor") throw denied("FORBIDDEN", `the ${identity.role} role cannot change data; only editors of ${authorityCode} can`);
  if (identity.authority !== authorityCode) throw denied("FORBIDDEN", `an editor of ${identity.authority} cannot change ${authorityCode}'s data`);
  return identity as Editor;
}

/** An authority's audit log: its own editors, and admins (oversight). */
export function requireAuditReaderOf(identity: Identity, authorityCode: string): void {
  if (identity.role === "admin") return;
  if (identity.role === "editor" && identity.authority === authorityCode) return;
  if (identity.role === "anonymous") throw denied("UNAUTHENTICATED", `sign in with an editor token of ${authorityCode} to read its audit log`);
  throw denied("FORBIDDEN", `only editors of ${authorityCode} and admins can read its audit log`);
}
