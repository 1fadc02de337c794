import type { LinkBasisKind } from "../entities/links";
import { LinkBasisKind as LinkBasisNames } from "./enums";

/** stored basis → its GraphQL name: the inverse of the one mapping in enums.ts */
const nameOf = Object.fromEntries(Object.entries(LinkBasisNames).map(([name, stored]) => [stored, name])) as Record<LinkBasisKind, keyof typeof LinkBasisNames>;

/** A stored basis ("stated" | "inferred") as the API's LinkBasis. */
export const linkBasis = (kind: LinkBasisKind, note: string | null) => ({ kind: nameOf[kind], note });

/** A canonical name's basis: inferred exactly where a note says matching it is a judgement. */
export const canonicalBasis = (row: { canonicalNote: string | null }) => linkBasis(row.canonicalNote ? "inferred" : "stated", row.canonicalNote);

/**
 * Rows through a link, optionally only those the document states: `rows` come in their own order
 * (from the joined loader); the link rows, which carry the basis, are loaded (in a batch, never per
 * row) only when inferred links are to be left out.
 */
export async function keepStated<T extends { id: string }, L extends { basis: LinkBasisKind }>(
  rows: Promise<T[]>,
  links: () => Promise<L[]>,
  targetId: (link: L) => string,
  includeInferred: boolean,
): Promise<T[]> {
  if (includeInferred) return rows;
  const stated = new Set((await links()).filter((l) => l.basis === "stated").map(targetId));
  return (await rows).filter((r) => stated.has(r.id));
}
