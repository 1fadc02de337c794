import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSystem, type RunningSystem } from "./support/system";

describe("one authority plan subgraph stopped", () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
    await system.services.get("stockton-on-tees")!.close();
  });
  afterAll(async () => system?.close());

  it("still returns the other authority's data; the stopped one's fields are null, with one error that leaks no internal address", async () => {
    const result = await system.query<{ authorities: Array<{ code: string; name: string; priorities: Array<{ title: string }> | null; education: unknown }> }>(
      `{ authorities(codes: ["E06000003", "E06000004"]) { code name priorities { title } education { localFigures { value } } } }`,
    );
    expect(result.data).not.toBeNull();
    const byCode = new Map(result.data!.authorities.map((a) => [a.code, a]));
    expect(byCode.get("E06000003")!.priorities!.length).toBeGreaterThan(0);
    expect(byCode.get("E06000004")!.name).toBe("Stockton-on-Tees");
    expect(byCode.get("E06000004")!.priorities).toBeNull();
    // the registry and outcomes still answer for the stopped authority
    expect(byCode.get("E06000004")!.education).not.toBeNull();

    expect(result.errors).toHaveLength(1);
    const serialised = JSON.stringify(result.errors);
    const stoppedPort = new URL(system.services.get("stockton-on-tees")!.url).port;
    expect(serialised).not.toContain(stoppedPort);
    expect(serialised).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\/|ECONNREFUSED|stack/i);
  });
});
