/**
 * Writes to an authority's plans, against the plan subgraph itself (started for real, on the
 * embedded SQLite and, with MYSQL_URL, on MySQL/MariaDB), called as the gateway calls it: with a
 * signed identity. Each write is read back through the subgraph's ordinary fields (`_entities`).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EntityManager } from "typeorm";
import { z } from "zod";
import { auditedWrites, type WriteContext } from "@tees/subgraph-common/audited-write";
import { AuditEntry } from "@tees/subgraph-common/audit/AuditEntry";
import { startService, type RunningService } from "@tees/subgraph-common/start-service";
import { ANONYMOUS, type Identity } from "@tees/subgraph-common/signed-identity";
import { loadConfig } from "../subgraphs/authority-plan/src/config";
import { planEntities, SourceDocument } from "../subgraphs/authority-plan/src/entities";
import { planService } from "../subgraphs/authority-plan/src/service-definition";
import type { RegionContext } from "../subgraphs/region/src/context";
import { Area } from "../subgraphs/region/src/entities";
import { loadConfig as regionConfig } from "../subgraphs/region/src/config";
import { buildServer as buildRegionServer } from "../subgraphs/region/src/apollo-server";
import { mysqlServerUrl, scratchDatabase, type DatabaseChoice, type ScratchDatabase } from "./support/mysql";
import { admin, analyst, callSubgraph, editorOf, testSecret } from "./support/signed";
import type { GraphQLResponse } from "./support/system";

const REDCAR = "E06000003";
const STOCKTON = "E06000004";
const editor = editorOf(REDCAR);

if (!mysqlServerUrl) console.warn("Plan mutation tests on MySQL NOT run: MYSQL_URL is not set (e.g. MYSQL_URL=mariadb://root@127.0.0.1:3306)");
const databases: DatabaseChoice[] = [{ kind: "sqlite" }, ...(mysqlServerUrl ? [{ kind: "mysql" as const, serverUrl: mysqlServerUrl }] : [])];

// ---- operations ------------------------------------------------------------------------------

const SOURCE = `source { section quote document { key title publisher asAt } }`;
const PLAN_FIELDS = `id title kind period { label startYear endYear } owner leadMember leadOfficer ${SOURCE}`;
const PRIORITY_FIELDS = `id number title description themes { id } plan { id } ${SOURCE}`;
const ACTION_FIELDS = `id title status note timescale { text start end } themes { id }
  priorities { id } leadGroups { id name } progress { id text asAt } plan { id } ${SOURCE}`;
const GROUP_FIELDS = `id name kind canonicalName description actions { id } ${SOURCE}`;
const INDICATOR_FIELDS = `id wording measureCode measureNote target { value unit asAt text } current { value unit asAt text } ${SOURCE}`;

const AUTHORITY = /* GraphQL */ `
  query Authority($representations: [_Any!]!, $limit: Int) {
    _entities(representations: $representations) {
      ... on RedcarAndCleveland {
        plans { ${PLAN_FIELDS} priorities { ${PRIORITY_FIELDS} indicators { ${INDICATOR_FIELDS} } } indicators { ${INDICATOR_FIELDS} } actions { ${ACTION_FIELDS} } }
        groups { ${GROUP_FIELDS} }
        auditLog(limit: $limit) { id at actor role authorityCode operation entityType entityId before after }
      }
    }
  }
`;
const AUDIT_ONLY = /* GraphQL */ `
  query Audit($representations: [_Any!]!) { _entities(representations: $representations) { ... on RedcarAndCleveland { auditLog { operation entityId } } } }
`;

/** `mutation M($id: ID!, $input: XInput!) { redcarAndCleveland { op(id: $id, input: $input) { fields } } }` */
const mutation = (operation: string, fields: string | null) => {
  const { args } = OPERATIONS[operation]!;
  const variables = [
    args.includes("$id") && "$id: ID!",
    args.includes("$actionId") && "$actionId: ID!",
    args.includes("$input") && `$input: ${inputType[operation]}!`,
  ].filter(Boolean);
  return `mutation M(${variables.join(", ")}) { redcarAndCleveland { ${operation}(${args})${fields ? ` { ${fields} }` : ""} } }`;
};
const inputType: Record<string, string> = {
  createPlan: "CreatePlanInput", updatePlan: "UpdatePlanInput",
  createPriority: "CreatePriorityInput", updatePriority: "UpdatePriorityInput",
  createAction: "CreateActionInput", updateAction: "UpdateActionInput", addProgressNote: "ProgressNoteInput",
  createLeadGroup: "CreateLeadGroupInput", updateLeadGroup: "UpdateLeadGroupInput",
  createIndicator: "CreateIndicatorInput", updateIndicator: "UpdateIndicatorInput",
};
const fieldsOf: Record<string, string> = {
  Plan: PLAN_FIELDS, Priority: PRIORITY_FIELDS, Action: ACTION_FIELDS, ProgressNote: "id text asAt", LeadGroup: GROUP_FIELDS, PerformanceIndicator: INDICATOR_FIELDS,
};
const OPERATIONS: Record<string, { args: string; returns: string | null }> = {
  createPlan: { args: "input: $input", returns: "Plan" },
  updatePlan: { args: "id: $id, input: $input", returns: "Plan" },
  deletePlan: { args: "id: $id", returns: null },
  createPriority: { args: "input: $input", returns: "Priority" },
  updatePriority: { args: "id: $id, input: $input", returns: "Priority" },
  deletePriority: { args: "id: $id", returns: null },
  createAction: { args: "input: $input", returns: "Action" },
  updateAction: { args: "id: $id, input: $input", returns: "Action" },
  deleteAction: { args: "id: $id", returns: null },
  addProgressNote: { args: "actionId: $actionId, input: $input", returns: "ProgressNote" },
  deleteProgressNote: { args: "id: $id", returns: null },
  createLeadGroup: { args: "input: $input", returns: "LeadGroup" },
  updateLeadGroup: { args: "id: $id, input: $input", returns: "LeadGroup" },
  deleteLeadGroup: { args: "id: $id", returns: null },
  createIndicator: { args: "input: $input", returns: "PerformanceIndicator" },
  updateIndicator: { args: "id: $id, input: $input", returns: "PerformanceIndicator" },
  deleteIndicator: { args: "id: $id", returns: null },
};

const newPlanInput = (key: string) => ({
  document: { key, title: "SEND Strategy 2025-2028", publisher: "Redcar and Cleveland Borough Council", location: "redcar-send-strategy.txt", asAt: "2025-03", asAtText: "March 2025" },
  title: "SEND Strategy",
  kind: "STRATEGY",
  period: { label: "2025-2028", startYear: 2025, endYear: 2028 },
  leadOfficer: "Director of Children's Services",
  source: { section: "Foreword", quote: "Our SEND strategy" },
});

describe.each(databases)("plan mutations on $kind", (database) => {
  let service: RunningService;
  let scratch: ScratchDatabase;
  const secret = testSecret();

  beforeAll(async () => {
    scratch = await scratchDatabase(database, "plan_mutations");
    const config = loadConfig({ AUTHORITY_DEPLOYMENT: "redcar-and-cleveland", DATABASE_URL: scratch.url, DB_POOL_SIZE: "5" });
    service = await startService(planService(config), {
      port: 0, host: "127.0.0.1", migrateOnStart: true, seedOnStart: "always", signing: { secrets: [secret], maxSkewMs: 30_000 },
    });
  });
  afterAll(async () => {
    await service?.close();
    await scratch?.drop();
  });

  const call = <T = Record<string, any>>(identity: Identity, query: string, variables?: Record<string, unknown>) =>
    callSubgraph<T>(service, secret, identity, query, variables).then((r) => r.body as GraphQLResponse<any>);

  /** runs one operation as `identity`; returns the whole response */
  const attempt = (identity: Identity, operation: string, variables: Record<string, unknown>) => {
    const { returns } = OPERATIONS[operation]!;
    return call(identity, mutation(operation, returns ? fieldsOf[returns]! : null), variables);
  };
  /** runs one operation as Redcar's editor and expects it to succeed */
  const run = async (operation: string, variables: Record<string, unknown>): Promise<any> => {
    const response = await attempt(editor, operation, variables);
    expect(response.errors, operation).toBeUndefined();
    return response.data!.redcarAndCleveland[operation];
  };
  const readAuthority = async (identity: Identity = editor, limit = 50) => {
    const response = await call(identity, AUTHORITY, { representations: [{ __typename: "RedcarAndCleveland", code: REDCAR }], limit });
    expect(response.errors).toBeUndefined();
    return response.data!._entities[0];
  };
  const planById = async (id: string) => (await readAuthority()).plans.find((p: any) => p.id === id);

  /** every row of every table, to show a failed write changed nothing at all */
  const everyTable = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const entity of planEntities) {
      const rows = await service.dataSource.getRepository(entity).find();
      tables[entity.name] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return tables;
  };
  const expectError = (response: GraphQLResponse<any>, code: string, message: string | RegExp) => {
    expect(response.errors, JSON.stringify(response.data)).toHaveLength(1);
    expect(response.errors![0]!.extensions?.code).toBe(code);
    expect(response.errors![0]!.message).toMatch(message);
  };

  /** a plan of its own for a test, so tests do not depend on each other's rows */
  let planCount = 0;
  const freshPlan = async () => run("createPlan", { input: newPlanInput(`redcar-test-plan-${++planCount}`) });

  it("creates, updates and deletes a plan, with its document and source, read back through _entities", async () => {
    const created = await run("createPlan", { input: newPlanInput("redcar-send-strategy-2025-2028") });
    expect(created).toMatchObject({
      title: "SEND Strategy", kind: "STRATEGY", period: { label: "2025-2028", startYear: 2025, endYear: 2028 },
      owner: null, leadMember: null, leadOfficer: "Director of Children's Services",
      source: { section: "Foreword", quote: "Our SEND strategy", document: { key: "redcar-send-strategy-2025-2028", title: "SEND Strategy 2025-2028", publisher: "Redcar and Cleveland Borough Council", asAt: "2025-03" } },
    });
    expect(created.id).toMatch(/^redcar-send-strategy-2025-2028\/plan-/);
    expect(await planById(created.id)).toMatchObject({ title: "SEND Strategy", period: { label: "2025-2028" } });

    const updated = await run("updatePlan", { id: created.id, input: { title: "SEND and Inclusion Strategy", period: { label: "2025-2029", startYear: 2025, endYear: 2029 }, leadOfficer: null } });
    expect(updated).toMatchObject({ title: "SEND and Inclusion Strategy", period: { label: "2025-2029", endYear: 2029 }, leadOfficer: null, kind: "STRATEGY" });
    expect(await planById(created.id)).toMatchObject({ title: "SEND and Inclusion Strategy", leadOfficer: null });

    // a child, to show the plan's contents go with it
    await run("createPriority", { input: { planId: created.id, title: "Inclusion", themes: ["send-and-inclusion"], source: { section: "Priorities" } } });
    expect(await run("deletePlan", { id: created.id })).toBe(created.id);
    expect(await planById(created.id)).toBeUndefined();
    expect((await readAuthority()).plans.flatMap((p: any) => p.priorities).some((p: any) => p.plan.id === created.id)).toBe(false);
  });

  it("a document already recorded may be named again only with the same details", async () => {
    const input = newPlanInput("redcar-send-strategy-2025-2028");
    // recorded by the first test's plan (deleting a plan keeps its document)
    const again = await run("createPlan", { input });
    expect(again.source.document.key).toBe("redcar-send-strategy-2025-2028");
    const before = await everyTable();
    const response = await attempt(editor, "createPlan", { input: { ...input, document: { ...input.document, title: "Another title" } } });
    expectError(response, "BAD_USER_INPUT", /^input\.document\.title: document "redcar-send-strategy-2025-2028" is already recorded/);
    expect(await everyTable()).toEqual(before);
  });

  it("creates, updates and deletes a priority", async () => {
    const plan = await freshPlan();
    const created = await run("createPriority", {
      input: { planId: plan.id, number: "1", title: "Early identification", themes: ["send-and-inclusion", "early-years"], source: { section: "Priority 1" } },
    });
    expect(created).toMatchObject({
      number: "1", title: "Early identification", description: null, themes: [{ id: "send-and-inclusion" }, { id: "early-years" }].sort((a, b) => a.id.localeCompare(b.id)),
      plan: { id: plan.id }, source: { section: "Priority 1", quote: null, document: { key: plan.source.document.key } },
    });
    const byTheme = await call(editor, `query($r: [_Any!]!) { _entities(representations: $r) { ... on RedcarAndCleveland { priorities(theme: "early-years") { id } } } }`, { r: [{ __typename: "RedcarAndCleveland", code: REDCAR }] });
    expect(byTheme.data._entities[0].priorities.map((p: any) => p.id)).toContain(created.id);

    const updated = await run("updatePriority", { id: created.id, input: { title: "Identifying needs early", description: "Within the first year", themes: ["send-and-inclusion"] } });
    expect(updated).toMatchObject({ title: "Identifying needs early", description: "Within the first year", number: "1", themes: [{ id: "send-and-inclusion" }] });
    expect((await planById(plan.id)).priorities).toEqual([expect.objectContaining({ id: created.id, title: "Identifying needs early", themes: [{ id: "send-and-inclusion" }] })]);

    expect(await run("deletePriority", { id: created.id })).toBe(created.id);
    expect((await planById(plan.id)).priorities).toEqual([]);
  });

  it("creates, updates and deletes a lead group, an action and its progress notes", async () => {
    const plan = await freshPlan();
    const priority = await run("createPriority", { input: { planId: plan.id, title: "Inclusion", themes: ["send-and-inclusion"], source: { section: "Priorities" } } });
    const group = await run("createLeadGroup", {
      input: { planId: plan.id, name: "SEND Partnership Board", kind: "BOARD", canonicalName: "send-partnership-board", source: { section: "Governance" } },
    });
    expect(group).toMatchObject({ name: "SEND Partnership Board", kind: "BOARD", canonicalName: "send-partnership-board", description: null, actions: [] });

    const action = await run("createAction", {
      input: {
        planId: plan.id, title: "Review the graduated approach", timescale: { text: "By September 2025", end: "2025-09" }, status: "Not started",
        priorityIds: [priority.id], leadGroupIds: [group.id], themes: ["send-and-inclusion"], source: { section: "Action plan", quote: "Review the graduated approach" },
      },
    });
    expect(action).toMatchObject({
      title: "Review the graduated approach", status: "Not started", note: null, timescale: { text: "By September 2025", start: null, end: "2025-09" },
      priorities: [{ id: priority.id }], leadGroups: [{ id: group.id, name: "SEND Partnership Board" }], themes: [{ id: "send-and-inclusion" }], progress: [],
      plan: { id: plan.id },
    });
    const readBack = await readAuthority();
    expect(readBack.groups.find((g: any) => g.id === group.id).actions).toEqual([{ id: action.id }]);
    expect(readBack.plans.find((p: any) => p.id === plan.id).priorities[0].id).toBe(priority.id);

    const note = await run("addProgressNote", { actionId: action.id, input: { text: "Consultation with schools under way", asAt: "2025-05" } });
    expect(note).toMatchObject({ text: "Consultation with schools under way", asAt: "2025-05" });
    const second = await run("addProgressNote", { actionId: action.id, input: { text: "Draft approach agreed", asAt: "2025-07-14" } });

    const updated = await run("updateAction", { id: action.id, input: { status: "In progress", note: "Dates moved once", leadGroupIds: [], timescale: null } });
    expect(updated).toMatchObject({
      status: "In progress", note: "Dates moved once", leadGroups: [], timescale: null, priorities: [{ id: priority.id }],
      progress: [{ id: note.id, text: "Consultation with schools under way", asAt: "2025-05" }, { id: second.id, text: "Draft approach agreed", asAt: "2025-07-14" }],
    });
    const group2 = await run("updateLeadGroup", { id: group.id, input: { name: "SEND Board", description: "Chaired by the DCS" } });
    expect(group2).toMatchObject({ name: "SEND Board", description: "Chaired by the DCS", kind: "BOARD", actions: [] });

    expect(await run("deleteProgressNote", { id: note.id })).toBe(note.id);
    expect((await planById(plan.id)).actions[0].progress).toEqual([{ id: second.id, text: "Draft approach agreed", asAt: "2025-07-14" }]);
    expect(await run("deleteAction", { id: action.id })).toBe(action.id);
    expect((await planById(plan.id)).actions).toEqual([]);
    expect(await run("deleteLeadGroup", { id: group.id })).toBe(group.id);
    expect((await readAuthority()).groups.some((g: any) => g.id === group.id)).toBe(false);
  });

  it("creates, updates and deletes an indicator; a figure the plan does not give stays null, never 0", async () => {
    const plan = await freshPlan();
    const priority = await run("createPriority", { input: { planId: plan.id, title: "Attendance", themes: ["education-and-attainment"], source: { section: "Priority 2" } } });
    const created = await run("createIndicator", {
      input: {
        planId: plan.id, priorityId: priority.id, wording: "Persistent absence of pupils with an EHCP", measureCode: null,
        target: { text: "to reduce" }, current: { value: 31.5, unit: "%", asAt: "2024", text: "31.5%" }, source: { section: "Measures of success" },
      },
    });
    expect(created).toMatchObject({
      wording: "Persistent absence of pupils with an EHCP", measureCode: null, measureNote: null,
      target: { value: null, unit: null, asAt: null, text: "to reduce" }, current: { value: 31.5, unit: "%", asAt: "2024", text: "31.5%" },
    });
    const planWide = await run("createIndicator", { input: { planId: plan.id, wording: "Good level of development", measureCode: "FSP_NEW_GOODDEV", source: { section: "Measures" } } });
    expect(planWide).toMatchObject({ measureCode: "FSP_NEW_GOODDEV", target: null, current: null });

    const set = await run("updateIndicator", { id: created.id, input: { target: { value: 25, unit: "%", asAt: "2027", text: "25% by 2027" }, current: null } });
    expect(set).toMatchObject({ target: { value: 25, unit: "%", asAt: "2027", text: "25% by 2027" }, current: null, wording: "Persistent absence of pupils with an EHCP" });
    const read = await planById(plan.id);
    expect(read.priorities[0].indicators).toEqual([expect.objectContaining({ id: created.id, target: expect.objectContaining({ value: 25 }), current: null })]);
    expect(read.indicators).toEqual([expect.objectContaining({ id: planWide.id, measureCode: "FSP_NEW_GOODDEV" })]);

    const unknownMeasure = await attempt(editor, "updateIndicator", { id: created.id, input: { measureCode: "NOT_A_MEASURE" } });
    expectError(unknownMeasure, "BAD_USER_INPUT", /^input\.measureCode: "NOT_A_MEASURE" is not a measure of the DfE LAIT data dictionary/);

    expect(await run("deleteIndicator", { id: created.id })).toBe(created.id);
    expect((await planById(plan.id)).priorities[0].indicators).toEqual([]);
  });

  it("an invalid input is refused naming the field, and no table changes", async () => {
    const plan = await freshPlan();
    const before = await everyTable();
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ["createAction", { input: { planId: plan.id, title: "Act", timescale: { text: "Spring", start: "Spring 2025" }, themes: ["early-years"], source: { section: "S" } } },
        /^input\.timescale\.start: must be YYYY, YYYY-MM or YYYY-MM-DD \(a real date\)$/],
      ["createAction", { input: { planId: plan.id, title: "Act", timescale: { text: "2026 to 2025", start: "2026", end: "2025-01" }, themes: ["early-years"], source: { section: "S" } } },
        /^input\.timescale\.end: must not be before start$/],
      ["createAction", { input: { planId: plan.id, title: "   ", themes: ["early-years"], source: { section: "S" } } }, /^input\.title: must not be empty$/],
      ["createAction", { input: { planId: plan.id, title: "Act", themes: ["astronomy"], source: { section: "S" } } }, /^input\.themes\.0: must be a theme id/],
      ["createPriority", { input: { planId: plan.id, title: "P", themes: [], source: { section: "S" } } }, /^input\.themes: must name at least one theme$/],
      ["addProgressNote", { actionId: "x", input: { text: "Done", asAt: "last week" } }, /^input\.asAt: must be YYYY, YYYY-MM or YYYY-MM-DD \(a real date\)$/],
      ["createLeadGroup", { input: { planId: plan.id, name: "MALAP", kind: "BOARD", canonicalName: "Multi Agency", source: { section: "S" } } }, /^input\.canonicalName: must be lower-case words/],
      ["createIndicator", { input: { planId: plan.id, wording: "W", measureCode: "NOT_A_MEASURE", source: { section: "S" } } }, /^input\.measureCode: "NOT_A_MEASURE" is not a measure/],
      ["updatePlan", { id: plan.id, input: { title: null } }, /^input\.title: must not be null$/],
      ["updatePlan", { id: plan.id, input: { period: { label: "2028-2025", startYear: 2028, endYear: 2025 } } }, /^input\.period\.endYear: must not be before startYear$/],
      ["createPlan", { input: { ...newPlanInput("Not A Slug") } }, /^input\.document\.key: must be lower-case words/],
      // ids that are not this authority's data: Stockton's document key, an id made up
      ["updateAction", { id: "stockton-cypp-2015-2018/action-1", input: { status: "Done" } }, /^id: no action with id "stockton-cypp-2015-2018\/action-1" in this authority's plans$/],
      ["createPriority", { input: { planId: "no-such-plan", title: "P", themes: ["early-years"], source: { section: "S" } } }, /^input\.planId: no plan with id "no-such-plan"/],
      ["deleteLeadGroup", { id: "no-such-group" }, /^id: no lead group with id "no-such-group"/],
      ["createAction", { input: { planId: plan.id, title: "Act", themes: ["early-years"], source: { section: "S", document: "stockton-cypp-2015-2018" } } },
        /^input\.source\.document: no source document with key "stockton-cypp-2015-2018"/],
    ];
    for (const [operation, variables, message] of cases) {
      const response = await attempt(editor, operation, variables);
      expectError(response, "BAD_USER_INPUT", message);
      expect(response.data).toBeNull();
    }
    expect(await everyTable()).toEqual(before);
  });

  it("every problem of an input is named at once, in the one BAD_USER_INPUT shape (field: the first; fields and problems: all)", async () => {
    const plan = await freshPlan();
    const before = await everyTable();
    const response = await attempt(editor, "createAction", {
      input: { planId: plan.id, title: " ", timescale: { text: "Spring", start: "Spring 2025" }, themes: ["astronomy"], source: { section: "" } },
    });
    const problems = [
      { field: "input.title", message: "must not be empty" },
      { field: "input.timescale.start", message: "must be YYYY, YYYY-MM or YYYY-MM-DD (a real date)" },
      { field: "input.themes.0", message: expect.stringMatching(/^must be a theme id: early-years, /) },
      { field: "input.source.section", message: "must not be empty" },
    ];
    expectError(response, "BAD_USER_INPUT", /^input\.title: must not be empty; input\.timescale\.start: must be YYYY/);
    expect(response.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title", fields: problems.map((p) => p.field), problems });
    // the arguments are one object: a bad id and a bad input are both named
    const both = await attempt(editor, "addProgressNote", { actionId: " ", input: { text: "Done", asAt: "last week" } });
    expect(both.errors![0]!.extensions).toMatchObject({ field: "actionId", fields: ["actionId", "input.asAt"] });
    // a measure this deployment does not know is checked once the shape is right, and named the same way
    const measure = await attempt(editor, "createIndicator", { input: { planId: plan.id, wording: "W", measureCode: "NOT_A_MEASURE", source: { section: "S" } } });
    expect(measure.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.measureCode", fields: ["input.measureCode"] });
    expect(await everyTable()).toEqual(before);
  });

  it("the pipeline gives the request a fresh loader set after a write that landed, and keeps it after one refused or rolled back", async () => {
    const sets: object[] = [];
    const write = auditedWrites<WriteContext>({ authorityOf: () => REDCAR, freshLoaders: () => { const set = {}; sets.push(set); return set; } });
    const first = {};
    const context: WriteContext = { dataSource: service.dataSource, identity: editor, loaders: first };
    const audited = (id: string, fail = false) => ({
      operation: "pipelineTest",
      arguments: z.object({ id: z.string().min(3, "too short") }),
      change: async (manager: EntityManager, value: { id: string }) => {
        await manager.insert(SourceDocument, { key: value.id, title: "T", publisher: "P", location: null, asAt: null, asAtText: null });
        if (fail) throw new Error("failed after the insert");
        return { result: value.id, audit: [{ entityType: "SourceDocument", entityId: value.id, before: null, after: { key: value.id } }] };
      },
    });
    await expect(write(context, { id: "x" }, audited("x"))).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", field: "id", problems: [{ field: "id", message: "too short" }] } });
    await expect(write(context, { id: "pipeline-failed" }, audited("pipeline-failed", true))).rejects.toThrow("failed after the insert");
    await expect(write({ ...context, identity: analyst }, { id: "pipeline-refused" }, audited("pipeline-refused"))).rejects.toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(context.loaders).toBe(first);
    expect(await service.dataSource.getRepository(SourceDocument).existsBy({ key: "pipeline-failed" })).toBe(false);

    expect(await write(context, { id: "pipeline-landed" }, audited("pipeline-landed"))).toBe("pipeline-landed");
    expect(sets).toHaveLength(1);
    expect(context.loaders).toBe(sets[0]);
    const [entry] = await service.dataSource.getRepository(AuditEntry).find({ where: { operation: "pipelineTest" } });
    expect(entry).toMatchObject({ entityType: "SourceDocument", entityId: "pipeline-landed", actor: editor.subject, authorityCode: REDCAR });
  });

  it("a failure part-way through (an unknown lead group, found after the action row is written) leaves nothing", async () => {
    const plan = await freshPlan();
    const priority = await run("createPriority", { input: { planId: plan.id, title: "P", themes: ["early-years"], source: { section: "S" } } });
    const before = await everyTable();
    const statements = vi.spyOn(service.counter, "logQuery");
    const response = await attempt(editor, "createAction", {
      input: { planId: plan.id, title: "Half-written", priorityIds: [priority.id], leadGroupIds: ["no-such-group"], themes: ["early-years"], source: { section: "S" } },
    });
    const sql = statements.mock.calls.map(([query]) => query);
    statements.mockRestore();
    expectError(response, "BAD_USER_INPUT", /^input\.leadGroupIds\.0: no lead group with id "no-such-group" in this authority's plans$/);
    // the action row and its priority link were written inside the transaction before the lead group was found missing
    expect(sql.some((q) => /^INSERT INTO [`"]action[`"]/.test(q))).toBe(true);
    expect(sql.some((q) => /^INSERT INTO [`"]action_priority[`"]/.test(q))).toBe(true);
    expect(sql.some((q) => /ROLLBACK/i.test(q))).toBe(true);
    expect(await everyTable()).toEqual(before);
    expect((await planById(plan.id)).actions).toEqual([]);
  });

  it("only Redcar's editors may write: anonymous is UNAUTHENTICATED; analysts, admins and Stockton's editors are FORBIDDEN", async () => {
    const plan = await freshPlan();
    const before = await everyTable();
    const callers: Array<[Identity, string, RegExp]> = [
      [ANONYMOUS, "UNAUTHENTICATED", /sign in/],
      [analyst, "FORBIDDEN", /analyst role cannot change data/],
      [admin, "FORBIDDEN", /admin role cannot change data/],
      [editorOf(STOCKTON), "FORBIDDEN", /an editor of E06000004 cannot change E06000003's data/],
    ];
    const attempts: Array<[string, Record<string, unknown>]> = [
      ["createPlan", { input: newPlanInput("redcar-forbidden") }],
      ["updatePlan", { id: plan.id, input: { title: "Taken over" } }],
      ["deletePlan", { id: plan.id }],
      ["createAction", { input: { planId: plan.id, title: "A", themes: ["early-years"], source: { section: "S" } } }],
      // authorisation comes before validation: an unauthorised caller learns nothing about the input
      ["createAction", { input: { planId: plan.id, title: "", themes: [], source: { section: "" } } }],
      ["deleteProgressNote", { id: "anything" }],
      ["updateIndicator", { id: "anything", input: { measureCode: "NOT_A_MEASURE" } }],
    ];
    for (const [identity, code, message] of callers) {
      for (const [operation, variables] of attempts) {
        const response = await attempt(identity, operation, variables);
        expectError(response, code, message);
      }
    }
    expect(await everyTable()).toEqual(before);
  });

  it("the audit log records who, when and what (before and after), in the write's transaction", async () => {
    const plan = await freshPlan();
    const started = new Date().toISOString();
    const someone = editorOf(REDCAR, "jo.bloggs@redcar-cleveland.gov.uk");
    const created = (await attempt(someone, "createLeadGroup", { input: { planId: plan.id, name: "MALAP", kind: "LEAD_GROUP", canonicalName: "malap", source: { section: "Governance" } } }))
      .data.redcarAndCleveland.createLeadGroup;
    await attempt(someone, "updateLeadGroup", { id: created.id, input: { name: "Multi-Agency Looked After Partnership" } });
    await attempt(someone, "updateLeadGroup", { id: created.id, input: { kind: "NOT_A_KIND" } }); // refused: not recorded
    await attempt(someone, "deleteLeadGroup", { id: created.id });

    const log = (await readAuthority(editor, 4)).auditLog;
    expect(log.map((e: any) => e.operation)).toEqual(["deleteLeadGroup", "updateLeadGroup", "createLeadGroup", "createPlan"]);
    const [deleted, updated, inserted] = log;
    for (const entry of [deleted, updated, inserted]) {
      expect(entry).toMatchObject({ actor: "jo.bloggs@redcar-cleveland.gov.uk", role: "editor", authorityCode: REDCAR, entityType: "LeadGroup", entityId: created.id });
      expect(entry.at >= started && entry.at <= new Date().toISOString()).toBe(true);
      expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(inserted.before).toBeNull();
    expect(JSON.parse(inserted.after)).toMatchObject({ id: created.id, name: "MALAP", kind: "lead-group", canonical: "malap", planId: plan.id, source: { section: "Governance" } });
    expect(JSON.parse(updated.before)).toMatchObject({ name: "MALAP" });
    expect(JSON.parse(updated.after)).toMatchObject({ name: "Multi-Agency Looked After Partnership", kind: "lead-group" });
    expect(JSON.parse(deleted.before)).toMatchObject({ name: "Multi-Agency Looked After Partnership" });
    expect(deleted.after).toBeNull();
  });

  it("the audit log is readable by Redcar's editors and admins only", async () => {
    const representations = [{ __typename: "RedcarAndCleveland", code: REDCAR }];
    for (const reader of [editorOf(REDCAR, "another.editor@redcar"), admin]) {
      const response = await call(reader, AUDIT_ONLY, { representations });
      expect(response.errors).toBeUndefined();
      expect(response.data._entities[0].auditLog.length).toBeGreaterThan(0);
    }
    const refused: Array<[Identity, string]> = [[editorOf(STOCKTON), "FORBIDDEN"], [analyst, "FORBIDDEN"], [ANONYMOUS, "UNAUTHENTICATED"]];
    for (const [reader, code] of refused) {
      const response = await call(reader, AUDIT_ONLY, { representations });
      expectError(response, code, /./);
      expect(response.errors![0]!.path).toEqual(["_entities", 0, "auditLog"]);
      expect(response.data._entities[0].auditLog).toBeNull();
    }
    // the rest of the authority stays readable to everyone
    const plans = await call(analyst, `query($r: [_Any!]!) { _entities(representations: $r) { ... on RedcarAndCleveland { plans { id } } } }`, { r: representations });
    expect(plans.errors).toBeUndefined();
    expect(plans.data._entities[0].plans.length).toBeGreaterThan(0);
  });

  it("each write costs a small, fixed number of SQL statements", async () => {
    const plan = await freshPlan();
    const priority = await run("createPriority", { input: { planId: plan.id, title: "P", themes: ["early-years"], source: { section: "S" } } });
    const group = await run("createLeadGroup", { input: { planId: plan.id, name: "G", kind: "OTHER", canonicalName: "g", source: { section: "S" } } });
    const measure = async (operation: string, variables: Record<string, unknown>, fields = "__typename") => {
      service.counter.reset();
      const { returns } = OPERATIONS[operation]!;
      const response = await call(editor, mutation(operation, returns ? fields : null), variables);
      expect(response.errors, operation).toBeUndefined();
      return { count: service.counter.count, result: response.data.redcarAndCleveland[operation] };
    };
    const many = Array.from({ length: 3 }, (_, i) => i);
    const extraPriorities = await Promise.all(many.map((i) => run("createPriority", { input: { planId: plan.id, title: `P${i}`, themes: ["early-years"], source: { section: "S" } } })));
    // one action linked to one priority, and one linked to four: the same number of statements
    const one = await measure("createAction", { input: { planId: plan.id, title: "A", priorityIds: [priority.id], leadGroupIds: [group.id], themes: ["early-years"], source: { section: "S" } } }, "id");
    const four = await measure("createAction", {
      input: { planId: plan.id, title: "B", priorityIds: [priority.id, ...extraPriorities.map((p) => p.id)], leadGroupIds: [group.id], themes: ["early-years", "send-and-inclusion"], source: { section: "S" } },
    }, "id");
    expect(one.count).toBe(four.count);
    // plan, next ordinal, action, priorities checked + linked, groups checked + linked, themes, audit entry
    expect(one.count).toBeLessThanOrEqual(9);
    // action, its three link lists (for the audit's "before"), the update, two lists replaced (delete + insert each; none to insert), audit
    expect((await measure("updateAction", { id: one.result.id, input: { status: "Done", priorityIds: [], leadGroupIds: [] } })).count).toBeLessThanOrEqual(8);
    expect((await measure("addProgressNote", { actionId: one.result.id, input: { text: "N", asAt: "2025" } })).count).toBeLessThanOrEqual(4);
    expect((await measure("updatePlan", { id: plan.id, input: { title: "T" } })).count).toBeLessThanOrEqual(3);
    // the plan's contents go by the foreign keys' ON DELETE CASCADE, not row by row
    expect((await measure("deletePlan", { id: plan.id }, "")).count).toBeLessThanOrEqual(3);
  });

  it("two writes in one operation both land (writes run one at a time), each with its audit entry", async () => {
    const plan = await freshPlan();
    const response = await call(editor, /* GraphQL */ `
      mutation Two($a: CreatePriorityInput!, $b: CreatePriorityInput!) {
        redcarAndCleveland { a: createPriority(input: $a) { id } b: createPriority(input: $b) { id } }
      }
    `, {
      a: { planId: plan.id, title: "First", themes: ["early-years"], source: { section: "S" } },
      b: { planId: plan.id, title: "Second", themes: ["early-years"], source: { section: "S" } },
    });
    expect(response.errors).toBeUndefined();
    const ids = [response.data.redcarAndCleveland.a.id, response.data.redcarAndCleveland.b.id];
    expect((await planById(plan.id)).priorities.map((p: any) => p.id).sort()).toEqual([...ids].sort());
    const log = (await readAuthority(editor, 2)).auditLog;
    expect(log.map((e: any) => e.entityId).sort()).toEqual([...ids].sort());
  });
});

describe("the region registry and auditLog", () => {
  it("builds with Authority.auditLog from plan.graphql, and resolves it to null for an authority with no plan subgraph", async () => {
    const planAuthorities = [{ code: REDCAR, typeName: "RedcarAndCleveland" }, { code: STOCKTON, typeName: "StocktonOnTees" }];
    const server = buildRegionServer({ planAuthorities, schemaFile: regionConfig({}).schemaFile });
    await server.start();
    // Hartlepool, as the registry's loader would give it (no database needed for this)
    const area = Object.assign(new Area(), { code: "E06000001", kind: "local-authority", name: "Hartlepool" });
    const loaders = { areaByCode: { load: async (code: string) => (code === area.code ? area : null) } } as unknown as RegionContext["loaders"];
    const response = await server.executeOperation<{ _entities: unknown[] }>(
      { query: `{ _entities(representations: [{ __typename: "LocalAuthority", code: "E06000001" }]) { ... on LocalAuthority { code auditLog { id } plans { id } } } }` },
      { contextValue: { loaders, planTypes: new Map(), identity: admin } as unknown as RegionContext },
    );
    await server.stop();
    const result = response.body.kind === "single" ? response.body.singleResult : { errors: ["incremental response"], data: null };
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ code: "E06000001", auditLog: null, plans: null }] });
  });
});
