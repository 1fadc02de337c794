import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/catalog";

/** the repository's own copy of a tool, as npx would find it (without npx's own start, about 0.7 s of CPU a call) */
const bin = (name: string) => join(repoRoot, "node_modules/.bin", name);

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8", timeout: 240_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
};

describe("committed generated files", () => {
  it("supergraph.graphql, api-schema.graphql, every deployment's SDL, plan-authorities.json and the deployment files' generated blocks are what `npm run compose` writes", () => {
    const { status, output } = run(process.execPath, ["--import", "tsx", "scripts/compose.ts", "--check"]);
    expect(status, output).toBe(0);
  });

  it("resolver types and the typed client are what `npm run codegen` writes", () => {
    const { status, output } = run(bin("graphql-codegen"), ["--config", "codegen.ts", "--check"]);
    expect(status, output).toBe(0);
  });

  it("the whole repo type-checks (strict, noUncheckedIndexedAccess) against them", () => {
    const { status, output } = run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
    expect(status, output).toBe(0);
  });
});
