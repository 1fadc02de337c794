/**
 * The plan subgraphs tag priorities and actions with theme ids that the region registry resolves
 * (`Theme @key(fields: "id")`): the ids a plan subgraph accepts, in its seed files and its writes,
 * must be exactly the taxonomy the region serves. The region is started for real (its own migrated
 * and seeded SQLite database) and asked over HTTP; the plan side is asked through the schemas its
 * seed loader and its writes use. Changing either side alone fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startService, type RunningService } from "@tees/subgraph-common/start-service";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { regionService } from "../subgraphs/region/src/service-definition";
import { prioritySeed, themeId, themeIds } from "../subgraphs/authority-plan/src/seeding/seed-schema";
import { createActionArgs, createPriorityArgs } from "../subgraphs/authority-plan/src/writes/inputs";
import { scratchDatabase, type ScratchDatabase } from "./support/mysql";
import { analyst, callSubgraph, testSecret } from "./support/signed";
import { EXTRACT_LAIT_ENV } from "./support/system";

describe("the plan subgraph's theme ids are the region's taxonomy", () => {
  let region: RunningService;
  let scratch: ScratchDatabase;
  const secret = testSecret();
  let served: string[];

  beforeAll(async () => {
    scratch = await scratchDatabase({ kind: "sqlite" }, "themes");
    region = await startService(regionService(regionConfig({ DATABASE_URL: scratch.url, ...EXTRACT_LAIT_ENV })), {
      port: 0, host: "127.0.0.1", migrateOnStart: true, seedOnStart: "always", signing: { secrets: [secret], maxSkewMs: 30_000 },
    });
    const { body } = await callSubgraph<{ themes: Array<{ id: string }> }>(region, secret, analyst, "{ themes { id } }");
    expect(body.errors).toBeUndefined();
    served = body.data!.themes.map((t) => t.id);
  });
  afterAll(async () => {
    await region?.close();
    await scratch?.drop();
  });

  it("the region serves a taxonomy, and the plan subgraph knows exactly its ids", () => {
    expect(served.length).toBeGreaterThan(0);
    expect([...themeIds].sort()).toEqual([...served].sort());
    expect([...themeId.options].sort()).toEqual([...served].sort());
  });

  it("a plan seed file and a plan write accept every theme the region serves, and nothing else", () => {
    const notServed = `${served[0]}-not-a-theme`;
    expect(served).not.toContain(notServed);
    const seededPriority = (themes: string[]) =>
      prioritySeed.safeParse({ key: "p1", number: null, title: "P", themes, outcomes: [], successCriteria: [], indicators: [], source: { section: "S" } });
    const writtenPriority = (themes: string[]) => createPriorityArgs.safeParse({ input: { planId: "plan", title: "P", themes, source: { section: "S" } } });
    const writtenAction = (themes: string[]) => createActionArgs.safeParse({ input: { planId: "plan", title: "A", themes, source: { section: "S" } } });
    for (const accepts of [seededPriority, writtenPriority, writtenAction]) {
      expect(accepts(served).success).toBe(true);
      for (const id of served) expect(accepts([id]).success, id).toBe(true);
      expect(accepts([notServed]).success).toBe(false);
    }
    const refused = writtenPriority([notServed]);
    expect(refused.success || refused.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["input.themes.0", `must be a theme id: ${served.join(", ")}`]]);
  });
});
