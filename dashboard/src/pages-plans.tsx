/** The pages about plans: home, plans beside outcomes, lead groups, one plan in full, data and accessibility. */
import {
  DashboardCompareDocument, DashboardLeadGroupsDocument, DashboardPlanDocument, DashboardSourcesDocument, DashboardThemeMatrixDocument,
} from "../../gateway/client/generated/graphql";
import { ATTRIBUTION, OGL_URL } from "../../gateway/client/attribution";
import type { CsvValue } from "../../gateway/client/safe-export";
import type { Data } from "./data";
import { bandText, figure, NOT_AVAILABLE, rankText, trendText } from "./format";
import { authorityPath, Downloads, measurePath, Notice, SERVICE_NAME, Shorthand, SourceDetails, Table } from "./layout";
import { authorityCode, BadRequest, TEES_VALLEY, type Result } from "./pages";

// ---------- / ----------

export async function homePage(data: Data): Promise<Result> {
  const c = await data.catalogueNow();
  const tees = TEES_VALLEY.map((code) => c.areas.find((a) => a.code === code)).filter((a) => a !== undefined);
  const updates = c.measures.map((m) => m.lastUpdate).filter((d): d is string => !!d).sort();
  const next = c.measures.map((m) => m.nextUpdate).filter((d): d is string => !!d && d >= new Date().toISOString().slice(0, 10)).sort();
  const topics = [...new Set(c.measures.map((m) => m.topic))];
  return {
    kind: "page",
    title: "Find an authority",
    body: (
      <>
        <h1 class="govuk-heading-xl">{SERVICE_NAME}</h1>
        <p class="govuk-body-l">Children's services plans beside their published outcomes, for every English local authority.</p>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <form method="get" action="/authorities">
              <div class="govuk-form-group">
                <h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="code">Find an authority</label></h2>
                <select class="govuk-select" id="code" name="code" data-autocomplete="true">
                  {c.areas.map((a) => <option value={a.code}>{a.name}</option>)}
                </select>
              </div>
              <button type="submit" class="govuk-button">Show authority</button>
            </form>
            <h2 class="govuk-heading-m">Tees Valley</h2>
            <ul class="govuk-list">{tees.map((a) => <li><a class="govuk-link" href={authorityPath(a.code)}>{a.name}</a></li>)}</ul>
          </div>
          <div class="govuk-grid-column-one-half">
            <form method="get" action="/measures">
              <div class="govuk-form-group">
                <h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="measure">Every authority on one measure</label></h2>
                <select class="govuk-select dashboard-select-wide" id="measure" name="measure">
                  {topics.map((t) => <optgroup label={t}>{c.measures.filter((m) => m.topic === t).map((m) => <option value={m.code}>{m.name}</option>)}</optgroup>)}
                </select>
              </div>
              <button type="submit" class="govuk-button govuk-button--secondary">Show every authority</button>
            </form>
            <h2 class="govuk-heading-m">Themes</h2>
            <ul class="govuk-list">{c.themes.map((t) => (
              <li><a class="govuk-link" href={`/compare?${new URLSearchParams([...TEES_VALLEY.map((code) => ["authorities", code]), ["theme", t.id]])}`}>{t.name}</a></li>
            ))}</ul>
          </div>
        </div>
        <p class="govuk-body-s">{`Published data last updated ${updates[updates.length - 1] ?? NOT_AVAILABLE}; next update due ${next[0] ?? NOT_AVAILABLE}.`} <a class="govuk-link" href="/about/data">Data sources and method</a></p>
      </>
    ),
  };
}

// ---------- /compare ----------

export async function comparePage(data: Data, query: URLSearchParams, csvOnly: boolean): Promise<Result> {
  const c = await data.catalogueNow();
  const chosen = [...new Set(query.getAll("authorities").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean))];
  const themeId = query.get("theme")?.trim() ?? "";
  const planAreas = c.areas.filter((a) => a.hasPlanSubgraph || (TEES_VALLEY as readonly string[]).includes(a.code) || chosen.includes(a.code));
  const form = (
    <form method="get" action="/compare">
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Authorities (2 to 5)</legend>
          <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {planAreas.map((a) => (
              <div class="govuk-checkboxes__item">
                <input class="govuk-checkboxes__input" id={`authorities-${a.code}`} name="authorities" type="checkbox" value={a.code} checked={chosen.includes(a.code)} />
                <label class="govuk-label govuk-checkboxes__label" for={`authorities-${a.code}`}>{a.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="theme">Theme</label>
        <select class="govuk-select" id="theme" name="theme">
          {c.themes.map((t) => <option value={t.id} selected={t.id === themeId}>{t.name}</option>)}
        </select>
      </div>
      <button type="submit" class="govuk-button">Compare</button>
    </form>
  );
  if (!chosen.length && !themeId && !csvOnly) return { kind: "page", title: "Plans beside outcomes", body: <><h1 class="govuk-heading-l">Plans beside outcomes</h1>{form}</> };
  if (chosen.length < 2 || chosen.length > 5) throw new BadRequest(`choose 2 to 5 authorities to compare (${chosen.length} chosen)`);
  const areas = chosen.map((code) => authorityCode(code, c));
  if (!c.themes.some((t) => t.id === themeId)) throw new BadRequest(`"${themeId.slice(0, 60)}" is not a theme (one of ${c.themes.map((t) => t.id).join(", ")})`);
  const codes = areas.map((a) => a.code);
  const [compared, matrix] = await Promise.all([
    data.run(DashboardCompareDocument, { codes, theme: themeId }),
    data.run(DashboardThemeMatrixDocument, { codes }),
  ]);
  const theme = compared.data.theme!;
  const byCode = new Map(compared.data.authorities.map((a) => [a.code, a]));
  const columns = codes.map((code) => byCode.get(code)).filter((a) => a !== undefined);
  if (csvOnly) {
    const rows: CsvValue[][] = [["authority_code", "authority", "theme", "priority", "plan", "item", "wording", "measure_code", "latest", "period", "rank", "band", "source"]];
    for (const a of columns) for (const p of a.priorities ?? []) {
      rows.push([a.code, a.name, theme.name, p.title, p.plan.title, "priority", p.title, "", "", "", "", "", `${p.source.document.title}: ${p.source.section}`]);
      for (const act of p.actions) rows.push([a.code, a.name, theme.name, p.title, p.plan.title, "action", act.title, "", "", act.timescale?.text ?? "", "", "", act.leadGroups.map((g) => g.name).join("; ")]);
      for (const i of p.indicators) {
        const cmp = i.outcome?.series?.comparison;
        rows.push([a.code, a.name, theme.name, p.title, p.plan.title, "indicator", i.wording, i.measureCode ?? "", cmp?.latest?.value ?? (i.outcome ? NOT_AVAILABLE : ""), cmp?.latest?.period.label ?? "", cmp?.rank ? rankText(cmp.rank) : "", cmp?.rank?.band ?? "", "DfE LAIT"]);
      }
    }
    return { kind: "csv", filename: `compare-${theme.id}.csv`, rows };
  }
  const matrixByCode = new Map(matrix.data.authorities.map((a) => [a.code, a]));
  return {
    kind: "page",
    title: `${theme.name}: plans beside outcomes`,
    wide: true,
    body: (
      <>
        <span class="govuk-caption-l">Plans beside outcomes</span>
        <h1 class="govuk-heading-l">{theme.name}</h1>
        <p class="govuk-body">{theme.description}</p>
        <SourceDetails summary="Change the authorities or the theme">{form}</SourceDetails>
        <Shorthand />
        <div class="dashboard-columns">
          {columns.map((a) => (
            <section class="dashboard-column" aria-labelledby={`col-${a.code}`}>
              <h2 class="govuk-heading-m" id={`col-${a.code}`}><a class="govuk-link" href={authorityPath(a.code)}>{a.name}</a></h2>
              {!a.hasPlanSubgraph ? <Notice kind="none">No plan data held for this authority.</Notice>
                : a.priorities === null ? <Notice kind="unavailable">{`${a.name}'s plan service is unavailable right now.`}</Notice>
                : a.priorities.length === 0 ? <p class="govuk-body">No priority of its plans is tagged with this theme.</p>
                : a.priorities.map((p) => (
                  <div class="dashboard-priority">
                    <h3 class="govuk-heading-s">{p.title}</h3>
                    <p class="govuk-body-s">{`${p.plan.title} (${p.plan.period.label}); ${p.source.section}`}</p>
                    {p.actions.length ? (
                      <ul class="govuk-list govuk-list--bullet govuk-body-s">{p.actions.map((act) => (
                        <li>{act.title}{act.leadGroups.length ? ` (led by ${act.leadGroups.map((g) => g.name).join(", ")})` : ""}{act.timescale ? `; ${act.timescale.text}` : ""}{act.status ? `; ${act.status}` : ""}</li>
                      ))}</ul>
                    ) : null}
                    {p.indicators.length ? (
                      <Table caption="Indicators as the plan words them" head={["Indicator", "Target", "Published measure: latest, rank, band, trend"]} rows={p.indicators.map((i) => {
                        const o = i.outcome;
                        const cmp = o?.series?.comparison;
                        return [
                          `“${i.wording}”`,
                          i.target?.text ?? "No target stated",
                          o?.measure ? <><a class="govuk-link" href={measurePath(a.code, o.measure.code)}>{o.measure.name}</a>{`: ${cmp?.latest ? `${figure(cmp.latest.value)} (${cmp.latest.period.label})` : NOT_AVAILABLE}; ${rankText(cmp?.rank)}; band ${bandText(cmp?.rank?.band, cmp?.rank?.noBand)}; ${trendText(cmp?.trend.direction, cmp?.trend.reason)}${cmp?.target?.rag ? `; RAG ${cmp.target.rag.toLowerCase()}` : ""}`}</> : "No published measure fits",
                        ];
                      })} />
                    ) : null}
                  </div>
                ))}
            </section>
          ))}
        </div>
        <h2 class="govuk-heading-m">Themes across these authorities</h2>
        <Table caption="Priorities tagged with each theme" head={["Theme", ...columns.map((a) => a.name)]} numeric={columns.map((_, i) => i + 1)} rows={matrix.data.themes.map((t) => [
          t.name,
          ...columns.map((a) => {
            const m = matrixByCode.get(a.code);
            if (!m?.hasPlanSubgraph) return "No plan data";
            if (m.priorities === null) return "Unavailable";
            return String(m.priorities.filter((p) => p.themes.some((x) => x !== null && x.id === t.id)).length);
          }),
        ])} />
        <Downloads links={[{ href: `/compare/download.csv?${new URLSearchParams([...codes.map((code) => ["authorities", code]), ["theme", theme.id]])}`, text: "Download this comparison (CSV)" }]} />
      </>
    ),
  };
}

// ---------- /lead-groups ----------

export async function leadGroupsPage(data: Data, canonical: string | null, csvOnly: boolean): Promise<Result> {
  const { data: d } = await data.run(DashboardLeadGroupsDocument, {});
  const all = d.authorities.flatMap((a) => (a.groups ?? []).map((g) => ({ a, g })));
  const unavailable = d.authorities.filter((a) => a.groups === null);
  // each priority's indicators, read once per priority (the query does not repeat them under every action)
  const indicatorsOf = new Map(d.authorities.flatMap((a) => (a.priorities ?? []).map((p) => [`${a.code}|${p.id}`, p.indicators] as const)));
  const down = unavailable.length ? <Notice kind="unavailable">{`The plan service of ${unavailable.map((a) => a.name).join(", ")} is unavailable right now: its groups are missing.`}</Notice> : null;
  if (canonical === null) {
    const names = [...new Set(all.map((x) => x.g.canonicalName))].sort();
    return {
      kind: "page",
      title: "Lead groups",
      body: (
        <>
          <h1 class="govuk-heading-l">Lead groups across authorities</h1>
          <p class="govuk-body">The same kind of body has the same canonical name in every authority (for example MALAP), so each can be followed across authorities.</p>
          {down}
          <Table caption="Bodies named in the plans" head={["Body", ...d.authorities.map((a) => a.name)]} rows={names.map((n) => [
            <a class="govuk-link" href={`/lead-groups/${encodeURIComponent(n)}`}>{n}</a>,
            ...d.authorities.map((a) => (a.groups ?? []).filter((g) => g.canonicalName === n).map((g) => g.name).join("; ") || "Not named"),
          ])} />
        </>
      ),
    };
  }
  if (canonical.length > 100) throw new BadRequest("a lead group's canonical name is at most 100 characters");
  const matches = all.filter((x) => x.g.canonicalName === canonical);
  if (!matches.length && !unavailable.length) throw new BadRequest(`no authority's plans name a body "${canonical}"`, 404);
  if (csvOnly) {
    const rows: CsvValue[][] = [["canonical_name", "authority_code", "authority", "local_name", "action", "timescale", "status", "latest_progress", "progress_as_at", "source"]];
    for (const { a, g } of matches) for (const act of g.actions) {
      const latest = act.progress[act.progress.length - 1];
      rows.push([canonical, a.code, a.name, g.name, act.title, act.timescale?.text ?? "", act.status ?? "", latest?.text ?? "", latest?.asAt ?? "", `${g.source.document.title}: ${g.source.section}`]);
    }
    return { kind: "csv", filename: `lead-group-${canonical}.csv`, rows };
  }
  return {
    kind: "page",
    title: `${canonical}: lead group`,
    body: (
      <>
        <span class="govuk-caption-l">Lead group</span>
        <h1 class="govuk-heading-l">{matches[0]?.g.name ?? canonical}</h1>
        {down}
        {matches.map(({ a, g }) => (
          <section aria-labelledby={`g-${g.id}`}>
            <h2 class="govuk-heading-m" id={`g-${g.id}`}>{`${a.name}: ${g.name}`}</h2>
            {g.description ? <p class="govuk-body">{g.description}</p> : null}
            <SourceDetails><p class="govuk-body">{`${g.source.document.title} (${g.source.document.publisher}${g.source.document.asAt ? `, ${g.source.document.asAt}` : ""}), ${g.source.section}${g.source.quote ? `: “${g.source.quote}”` : ""}`}</p></SourceDetails>
            {g.actions.length ? (
              <Table caption={`Actions ${g.name} leads`} head={["Action", "Timescale", "Status", "Latest progress", "Outcomes under its priorities"]} rows={g.actions.map((act) => {
                const latest = act.progress[act.progress.length - 1];
                const indicators = act.priorities.flatMap((p) => indicatorsOf.get(`${a.code}|${p.id}`) ?? []);
                return [
                  act.title, act.timescale?.text ?? "Not stated", act.status ?? "Not stated",
                  latest ? `${latest.text}${latest.asAt ? ` (${latest.asAt})` : ""}` : "None recorded",
                  indicators.length ? <ul class="govuk-list govuk-body-s">{indicators.map((i) => <li>{i.measureCode ? <a class="govuk-link" href={measurePath(a.code, i.measureCode)}>{i.wording}</a> : i.wording}</li>)}</ul> : "None stated",
                ];
              })} />
            ) : <p class="govuk-body">The plans name no actions this body leads.</p>}
          </section>
        ))}
        <Downloads links={[{ href: `/lead-groups/${encodeURIComponent(canonical)}/download.csv`, text: "Download these actions (CSV)" }]} />
      </>
    ),
  };
}

// ---------- /authorities/:code/plans/:plan ----------

export async function planPage(data: Data, codeRaw: string, planId: string, csvOnly: boolean): Promise<Result> {
  const c = await data.catalogueNow();
  const area = authorityCode(codeRaw, c);
  const { data: d } = await data.run(DashboardPlanDocument, { code: area.code });
  const a = d.authority;
  if (!a) throw new BadRequest(`the registry holds no authority ${area.code}`, 404);
  if (!a.hasPlanSubgraph) throw new BadRequest(`No plan data held for ${a.name}: it does not run a plan service`, 404);
  if (a.plans === null) {
    return { kind: "page", status: 503, title: "Plan service unavailable", body: <><h1 class="govuk-heading-l">{a.name}</h1><Notice kind="unavailable">{`${a.name}'s plan service is unavailable right now. Try again shortly.`}</Notice></> };
  }
  const plan = a.plans.find((p) => p.id === planId);
  if (!plan) throw new BadRequest(`${a.name} holds no plan "${planId.slice(0, 120)}"`, 404);
  const quote = (s: { section: string; quote?: string | null }) => <span class="govuk-body-s dashboard-source">{`Source: ${s.section}${s.quote ? `: “${s.quote}”` : ""}`}</span>;
  if (csvOnly) {
    const rows: CsvValue[][] = [["plan", "part", "number", "text", "target", "current", "measure_code", "section", "quote"]];
    for (const s of plan.statements) rows.push([plan.title, s.kind.toLowerCase(), "", s.text, "", "", "", s.source.section, s.source.quote ?? ""]);
    for (const p of plan.priorities) {
      rows.push([plan.title, "priority", p.number ?? "", p.title, "", "", "", p.source.section, p.source.quote ?? ""]);
      for (const o of p.outcomes) rows.push([plan.title, "outcome", p.number ?? "", o.text, "", "", "", o.source.section, o.source.quote ?? ""]);
      for (const i of p.indicators) rows.push([plan.title, "indicator", p.number ?? "", i.wording, i.target?.text ?? "", i.current?.text ?? "", i.measureCode ?? "", i.source.section, i.source.quote ?? ""]);
      for (const act of p.actions) rows.push([plan.title, "action", p.number ?? "", act.title, "", "", "", act.source.section, act.source.quote ?? ""]);
    }
    for (const f of plan.contextFigures) rows.push([plan.title, "context figure", "", f.label, "", f.value ?? NOT_AVAILABLE, "", f.source.section, f.source.quote ?? ""]);
    return { kind: "csv", filename: `plan-${plan.id.replace(/\//g, "-")}.csv`, rows };
  }
  return {
    kind: "page",
    title: plan.title,
    body: (
      <>
        <span class="govuk-caption-l"><a class="govuk-link" href={authorityPath(a.code)}>{a.name}</a> · {plan.period.label}</span>
        <h1 class="govuk-heading-l">{plan.title}</h1>
        <dl class="govuk-summary-list">
          {[["Kind", plan.kind.replace(/_/g, " ").toLowerCase()], ["Owner", plan.owner], ["Lead member", plan.leadMember], ["Lead officer", plan.leadOfficer], ["Document", `${plan.source.document.title}, ${plan.source.document.publisher}${plan.source.document.asAt ? ` (${plan.source.document.asAt})` : ""}`]].map(([k, v]) => (
            <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{k}</dt><dd class="govuk-summary-list__value">{v ?? "Not stated"}</dd></div>
          ))}
        </dl>
        {plan.statements.length ? <><h2 class="govuk-heading-m">Statements</h2>{plan.statements.map((s) => <p class="govuk-body"><strong>{`${s.kind.replace(/_/g, " ").toLowerCase()}: `}</strong>{s.title ? `${s.title}: ` : ""}{s.text} {quote(s.source)}</p>)}</> : null}
        {plan.principles.length ? <><h2 class="govuk-heading-m">Principles and promises</h2><ul class="govuk-list govuk-list--bullet">{plan.principles.map((p) => <li><strong>{p.title}</strong>{p.text ? `: ${p.text}` : ""} {quote(p.source)}</li>)}</ul></> : null}
        <h2 class="govuk-heading-m">Priorities</h2>
        {plan.priorities.length ? plan.priorities.map((p) => (
          <section class="dashboard-priority" aria-labelledby={`p-${p.id}`}>
            <h3 class="govuk-heading-s" id={`p-${p.id}`}>{`${p.number ? `${p.number}. ` : ""}${p.title}`}</h3>
            {p.description ? <p class="govuk-body">{p.description}</p> : null}
            {quote(p.source)}
            {p.outcomes.length ? <><h4 class="govuk-heading-s">Outcomes</h4><ul class="govuk-list govuk-list--bullet">{p.outcomes.map((o) => <li>{o.text} {quote(o.source)}</li>)}</ul></> : null}
            {p.indicators.length ? <Table caption="Indicators" head={["Indicator", "Target", "Current", "Published measure"]} rows={p.indicators.map((i) => [i.wording, i.target?.text ?? "Not stated", i.current?.text ?? "Not stated", i.measureCode ? <a class="govuk-link" href={measurePath(a.code, i.measureCode)}>{i.measureCode}</a> : "None fits"])} /> : null}
            {p.actions.length ? <Table caption="Actions" head={["Action", "Timescale", "Lead", "Status"]} rows={p.actions.map((act) => [act.title, act.timescale?.text ?? "Not stated", act.leadGroups.map((g) => g.name).join(", ") || "Not named", act.status ?? "Not stated"])} /> : null}
          </section>
        )) : <p class="govuk-body">This plan is organised without priorities.</p>}
        {plan.indicators.length ? <Table caption="Indicators of the whole plan" head={["Indicator", "Target", "Current", "Published measure"]} rows={plan.indicators.map((i) => [i.wording, i.target?.text ?? "Not stated", i.current?.text ?? "Not stated", i.measureCode ? <a class="govuk-link" href={measurePath(a.code, i.measureCode)}>{i.measureCode}</a> : "None fits"])} /> : null}
        {plan.contextFigures.length ? <><Shorthand /><Table caption="Figures the plan quotes" head={["Figure", "Value", "Unit", "As at"]} numeric={[1]} rows={plan.contextFigures.map((f) => [f.label, figure(f.value), f.unit, f.asAt ?? f.periodText ?? "Not stated"])} /></> : null}
        <Downloads links={[{ href: `${authorityPath(a.code)}/plans/${encodeURIComponent(plan.id)}/download.csv`, text: "Download this plan (CSV)" }]} />
      </>
    ),
  };
}

// ---------- /about/data, /accessibility ----------

export async function aboutDataPage(data: Data): Promise<Result> {
  const c = await data.catalogueNow();
  const { data: d } = await data.run(DashboardSourcesDocument, { code: TEES_VALLEY[3] });
  const updates = c.measures.map((m) => m.lastUpdate).filter((x): x is string => !!x).sort();
  const sets = [d.authority?.may2025.set, d.authority?.april2021.set].filter((s) => s !== undefined);
  return {
    kind: "page",
    title: "Data sources and method",
    body: (
      <>
        <h1 class="govuk-heading-l">Data sources and method</h1>
        <h2 class="govuk-heading-m">Published outcomes</h2>
        <p class="govuk-body">{`Department for Education, Local Authority Interactive Tool (LAIT): ${c.measures.length} measures held; the latest release date among them ${updates[updates.length - 1] ?? NOT_AVAILABLE}.`} {ATTRIBUTION} <a class="govuk-link" href={OGL_URL}>Open Government Licence v3.0</a>.</p>
        <h2 class="govuk-heading-m">Statistical neighbours</h2>
        <Table caption="Neighbour sets" head={["Set", "Published"]} rows={sets.map((s) => [s.label, s.publishedAt])} />
        <p class="govuk-body">Both sets are shown side by side on each measure page, each with its date.</p>
        <h2 class="govuk-heading-m">Plans (the councils' own documents)</h2>
        <Table caption="Plan documents held" head={["Authority", "Document", "Publisher", "As at"]} rows={d.authorities.flatMap((a) => (a.plans === null
          ? [[a.name, "Plan service unavailable right now", "", ""]]
          : a.plans.map((p) => [a.name, p.source.document.title, p.source.document.publisher, p.source.document.asAt ?? "Not stated"])))} />
        <h2 class="govuk-heading-m">How comparisons are worked out</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>England, the region and the neighbour mean and median are for the same period as the authority's latest published figure.</li>
          <li>Rank is among every authority with a published value for that period. Where the measure has a polarity, 1 is the best ("3rd of 152 (1 = best)"); where it has none, 1 is the highest ("3rd highest"), which is an order, not a judgement.</li>
          <li>Bands are quarters of the ranked values (A the best); a measure with no polarity has no band.</li>
          <li>Trend is a straight-line fit over the last published points (at most five), stated as improving or worsening only when the slope is significant at 5%.</li>
          <li>RAG compares the latest figure with the plan's own target, where the plan states one with a figure.</li>
          <li>Where a council's own figure and the published figure describe the same thing, both are shown with their dates; neither is chosen over the other.</li>
        </ul>
        <h2 class="govuk-heading-m">Shorthand</h2>
        <Shorthand />
        <p class="govuk-body">LAIT's file marks every missing value the same way, whatever the reason, so the dashboard writes [x] for all of them.</p>
      </>
    ),
  };
}

export function accessibilityPage(): Result {
  return {
    kind: "page",
    title: "Accessibility statement",
    body: (
      <>
        <h1 class="govuk-heading-l">Accessibility statement</h1>
        <p class="govuk-body">{`This statement applies to the ${SERVICE_NAME}. It is written to meet the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.`}</p>
        <h2 class="govuk-heading-m">How accessible this dashboard is</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>Every page works with HTML alone: forms, tables and downloads need no JavaScript, and every view has its own address.</li>
          <li>Every chart has a one-sentence summary and the same figures in a table; colour is never the only signal (shapes and words are used too).</li>
          <li>Pages are checked with axe (WCAG 2.0, 2.1 and 2.2, levels A and AA) at 1280 and 320 pixels wide, and with a keyboard-only journey, in an automated browser test.</li>
          <li>Text is in Arial; pages reflow at 320 pixels and zoom to 400%.</li>
        </ul>
        <h2 class="govuk-heading-m">Compliance status</h2>
        <p class="govuk-body">We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 AA standard. Automated checks cannot find every problem: if you find one, tell the partnership's data and intelligence leads and we will fix it.</p>
        <h2 class="govuk-heading-m">Known limitations</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>Wide tables scroll sideways on small screens.</li>
          <li>Downloaded SVG charts carry a title and description, but a spreadsheet or image viewer may not read them out; use the CSV download for the figures.</li>
        </ul>
      </>
    ),
  };
}
