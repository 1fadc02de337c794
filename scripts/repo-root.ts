import { join } from "node:path";

/** The repository's root folder. Its own module: the scripts that need only this (npm run token) start without loading every service (catalog.ts). */
export const repoRoot = join(import.meta.dirname, "..");
