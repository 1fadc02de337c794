import { join } from "node:path";
import { documentOf, loadSdl } from "@tees/subgraph-common/sdl";
import { buildResolvers } from "./resolvers";

const own = loadSdl(join(import.meta.dirname, "../schema.graphql"));
const shared = ["outcomes.graphql", "source.graphql", "neighbours.graphql", "audit.graphql", "local-figures.graphql"].map((f) => loadSdl(join(import.meta.dirname, "../../common/schema", f)));

/** This subgraph's SDL: its own types plus the shared outcome and source value types. */
export const typeDefs = documentOf([own, ...shared].flatMap((d) => d.definitions));
export { buildResolvers };
