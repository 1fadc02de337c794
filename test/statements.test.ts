import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../scripts/catalog";
import { loadPlanSeeds, readPlanSeeds } from "../subgraphs/authority-plan/src/seeding/load";
import type { PlanSeedFile } from "../subgraphs/authority-plan/src/seeding/seed-schema";
import { startSystem, type RunningSystem } from "./support/system";

const DEEP_QUERY = /* GraphQL */ `{
  authorities(codes: ["E06000001", "E06000003", "E06000004"]) {
    name
    plans { title statements { text } principles { title } indicators { wording } contextFigures { value } source { document { title } } }
    priorities {
      title themes { id name }
      outcomes { text } successCriteria { text } indicators { wording target { text } }
      actions { title timescale { text } progress { text } leadGroups { name actions { title } } linkedPlans { title } principles { title } themes { id } plan { title } }
      source { section document { title } }
    }
    groups { name canonicalName }
    education { measures(codes: ["FSP_NEW_GOODDEV", "TotPerAbNew"]) { measure { name } figures { value source { document { title } } } } }
    care { measures(codes: ["LAC"]) { latest { value } } localFigures { label } }
  }
}`;

/** A copy of a plan with every action repeated `times` under new keys: more rows, same shape. */
function enlarged(seed: PlanSeedFile, times: number): PlanSeedFile {
  const key = `${seed.document.key}-enlarged`;
  return {
    ...seed,
    document: { ...seed.document, key },
    actions: seed.actions.flatMap((a) => Array.from({ length: times }, (_, n) => ({ ...a, key: `${a.key}-copy-${n}` }))),
  };
}

describe("SQL statements per cross-borough query (N+1 guard)", () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  const measure = async () => {
    system.resetStatements();
    const result = await system.query<{ authorities: Array<{ priorities: Array<{ actions: unknown[] }> | null }> }>(DEEP_QUERY);
    expect(result.errors).toBeUndefined();
    const actions = result.data!.authorities.flatMap((a) => a.priorities ?? []).reduce((n, p) => n + p.actions.length, 0);
    return { statements: system.statements(), actions };
  };

  it("does not grow when the number of priorities and actions grows", async () => {
    const before = await measure();
    const redcar = system.services.get("redcar-and-cleveland")!;
    const seeds = readPlanSeeds(join(repoRoot, "seeds/redcar-and-cleveland"));
    await loadPlanSeeds(redcar.dataSource, seeds.map((s) => enlarged(s, 3)));
    const after = await measure();

    console.log(`cross-borough query: ${before.statements} SQL statements for ${before.actions} actions; ${after.statements} for ${after.actions}`);
    expect(after.actions).toBeGreaterThan(before.actions * 2);
    expect(after.statements).toBe(before.statements);
    // a fixed, small number: one per loader batch, not one per row
    expect(before.statements).toBeLessThan(60);
  });
});
