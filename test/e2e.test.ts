import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CrossBoroughByThemeDocument, type CrossBoroughByThemeQuery, type CrossBoroughByThemeQueryVariables } from "../gateway/client/generated/graphql";
import { databases } from "./support/matrix";
import { sharedSystem, startSystem, type GatewayChoice, type SharedSystem } from "./support/system";

const TEES_VALLEY = ["E06000001", "E06000002", "E06000003", "E06000004", "E06000005"];

const CROSS_BOROUGH = /* GraphQL */ `
  query CrossBorough($codes: [ID!]) {
    authorities(codes: $codes) {
      __typename
      code
      name
      hasPlanSubgraph
      priorities { title plan { title } leadGroups: actions { title leadGroups { name } } }
      education { measures(codes: ["FSP_NEW_GOODDEV"]) { measure { code polarity } latest { value period { label } } } }
      care { measures(codes: ["LAC"]) { measure { code } latest { value period { label } } } }
    }
  }
`;

type Authority = {
  __typename: string;
  code: string;
  name: string;
  hasPlanSubgraph: boolean;
  priorities: Array<{ title: string; plan: { title: string }; leadGroups: Array<{ title: string; leadGroups: Array<{ name: string }> }> }> | null;
  education: { measures: Array<{ measure: { code: string; polarity: string | null }; latest: { value: number | null; period: { label: string } } | null }> } | null;
  care: { measures: Array<{ measure: { code: string }; latest: { value: number | null; period: { label: string } } | null }> } | null;
};

const gateways: GatewayChoice[] = ["hive", "apollo"];

describe.each(databases)("end to end on $label", ({ database }) => {
  describe.each(gateways)("through the %s gateway", (gateway) => {
    let system: SharedSystem;
    beforeAll(async () => {
      // only reads: on the embedded database through Hive Gateway (npm start's system), the run's shared system
      system = database.kind === "sqlite" && gateway === "hive" ? await sharedSystem() : await startSystem({ database, gateway });
    });
    afterAll(async () => system?.close());

    it("returns each authority's priorities from its own plan subgraph and outcomes for the Tees Valley", async () => {
      const result = await system.query<{ authorities: Authority[] }>(CROSS_BOROUGH, { codes: TEES_VALLEY });
      expect(result.errors).toBeUndefined();
      const byCode = new Map(result.data!.authorities.map((a) => [a.code, a]));
      expect([...byCode.keys()].sort()).toEqual(TEES_VALLEY);

      const redcar = byCode.get("E06000003")!;
      expect(redcar.__typename).toBe("RedcarAndCleveland");
      expect(redcar.hasPlanSubgraph).toBe(true);
      // Redcar's plans, not Stockton's: its care plan's priority and the Early Help action of its 2024-27 strategy
      expect(redcar.priorities!.map((p) => p.title)).toContain("Ambition for children");
      expect(redcar.priorities!.every((p) => !p.plan.title.includes("Stockton"))).toBe(true);

      const stockton = byCode.get("E06000004")!;
      expect(stockton.__typename).toBe("StocktonOnTees");
      expect(stockton.priorities).toHaveLength(6);
      expect(stockton.priorities![0]!.title).toBe("Ensure effective pre-natal and early years support for children and families");
      const leads = stockton.priorities!.flatMap((p) => p.leadGroups).find((a) => a.title.startsWith("Deliver targeted support, in line with the Early Help Strategy"));
      expect(leads?.leadGroups.map((g) => g.name).sort()).toEqual(["A Fairer Start Steering Group", "Early Help Implementation Team"]);

      for (const code of ["E06000001", "E06000002", "E06000005"]) {
        expect(byCode.get(code)!.__typename).toBe("LocalAuthority");
        expect(byCode.get(code)!.priorities, code).toBeNull();
      }
      for (const authority of byCode.values()) {
        // published figures for every Tees Valley authority, from the education and care subgraphs
        expect(authority.education?.measures[0]?.latest?.value, `${authority.name} education`).toEqual(expect.any(Number));
        expect(authority.education?.measures[0]?.measure.polarity).toBe("HIGHER_IS_BETTER");
        expect(authority.care?.measures[0]?.latest?.value, `${authority.name} care`).toEqual(expect.any(Number));
      }
    });

    it("gives education and care to EVERY authority (the default Hive planner silently nulls them)", async () => {
      const result = await system.query<{ authorities: Array<{ code: string; education: unknown; care: unknown }> }>(
        `{ authorities { code education { localFigures { value } } care { localFigures { value } } } }`,
      );
      expect(result.errors).toBeUndefined();
      const authorities = result.data!.authorities;
      expect(authorities.length).toBeGreaterThanOrEqual(150);
      const missing = authorities.filter((a) => a.education === null || a.care === null).map((a) => a.code);
      expect(missing).toEqual([]);
    });

    it("serves the typed client's operation (generated from the API schema) with typed results", async () => {
      const variables: CrossBoroughByThemeQueryVariables = {
        codes: ["E06000003", "E06000004"],
        theme: "early-years",
        educationMeasures: ["FSP_NEW_GOODDEV"],
        careMeasures: ["LAC"],
      };
      const result = await system.query<CrossBoroughByThemeQuery>(print(CrossBoroughByThemeDocument), variables);
      expect(result.errors).toBeUndefined();
      for (const authority of result.data!.authorities) {
        expect(authority.priorities!.length, authority.name).toBeGreaterThan(0);
        for (const priority of authority.priorities!) expect(priority.themes.map((t) => t.id)).toContain("early-years");
        expect(authority.education!.measures[0]!.measure.code).toBe("FSP_NEW_GOODDEV");
      }
    });

    it("answers a published figure exactly as the source row gives it", async () => {
      // bds_long.csv: FSP_NEW_GOODDEV,,2019,Redcar and Cleveland,71.099999999999994,807 → 71.1 (floating-point noise removed)
      const result = await system.query<{ authority: { education: { measures: Array<{ figures: Array<{ value: number | null; kind: string; period: { label: string; kind: string } }> }> } } }>(
        `{ authority(code: "807") { education { measures(codes: ["FSP_NEW_GOODDEV"]) { figures { kind value period { label kind } } } } } }`,
      );
      expect(result.errors).toBeUndefined();
      const figures = result.data!.authority.education.measures[0]!.figures;
      const published2019 = figures.find((f) => f.kind === "PUBLISHED" && f.period.label === "2019");
      expect(published2019).toEqual({ kind: "PUBLISHED", value: 71.1, period: { label: "2019", kind: "ACADEMIC_YEAR" } });
      // the authority's own figure sits beside the published series, with its own source
      expect(figures.some((f) => f.kind === "LOCAL")).toBe(true);
    });
  });
});
