/** Settings helpers for scripts that work on several subgraphs; kept apart from the catalog so a script can use them without loading every service. */

/** A subgraph's name as the supergraph's graph enum and env suffixes spell it: redcar-and-cleveland → REDCAR_AND_CLEVELAND */
export const graphName = (subgraph: string): string => subgraph.toUpperCase().replace(/-/g, "_");

/**
 * The settings a script uses for one subgraph when it works on several at once:
 * DATABASE_URL_<NAME> (e.g. DATABASE_URL_REDCAR_AND_CLEVELAND) if set, else the embedded default.
 */
export const scriptEnvFor = (name: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({
  ...env,
  DATABASE_URL: env[`DATABASE_URL_${graphName(name)}`],
});
