/** The page frame (GOV.UK Frontend's classes, the partnership's own name, Arial) and small shared parts. */
import type { ComponentChildren, VNode } from "preact";
import { OGL_ATTRIBUTION, OGL_URL } from "../../gateway/client/attribution";
import { NOT_AVAILABLE } from "./format";

export const SERVICE_NAME = "Tees Partnership dashboard";

export interface Assets { css: string; js: string; autocomplete: string }

export function Page({ title, assets, children, wide }: { title: string; assets: Assets; children: ComponentChildren; wide?: boolean }) {
  return (
    <html lang="en" class="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <title>{`${title} - ${SERVICE_NAME}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="stylesheet" href={assets.css} />
        <script defer src={assets.autocomplete} />
        <script type="module" src={assets.js} />
      </head>
      <body class="govuk-template__body">
        <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
        <header class="dashboard-header">
          <div class="govuk-width-container">
            <a href="/" class="dashboard-header__name">{SERVICE_NAME}</a>
          </div>
        </header>
        <nav class="govuk-service-navigation" aria-label="Dashboard">
          <div class="govuk-width-container">
            <ul class="govuk-service-navigation__list">
              {[["/", "Find an authority"], ["/compare", "Plans beside outcomes"], ["/lead-groups", "Lead groups"], ["/about/data", "Data and method"]].map(([href, text]) => (
                <li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href={href}>{text}</a></li>
              ))}
            </ul>
          </div>
        </nav>
        <div class={wide ? "dashboard-wide-container" : "govuk-width-container"}>
          <main class="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <footer class="govuk-footer">
          <div class="govuk-width-container">
            <h2 class="govuk-visually-hidden">Support links</h2>
            <ul class="govuk-footer__inline-list">
              <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/about/data">Data sources and method</a></li>
              <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li>
            </ul>
            <p class="govuk-body-s">
              Published figures: Department for Education, Local Authority Interactive Tool. {OGL_ATTRIBUTION}{" "}
              <a class="govuk-footer__link" href={OGL_URL}>Open Government Licence v3.0</a>. Plans and local figures: the councils' own documents.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** what "[x]" and friends mean, next to every table that may use them */
export function Shorthand() {
  return (
    <p class="govuk-body-s">
      <strong>{NOT_AVAILABLE}</strong> not available (not published, or not stated: never zero); <strong>[p]</strong> provisional; <strong>[r]</strong> revised.
    </p>
  );
}

export function Notice({ kind, children }: { kind: "unavailable" | "none"; children: ComponentChildren }) {
  if (kind === "unavailable") {
    return (
      <div class="govuk-warning-text" role="status">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>{children}</strong>
      </div>
    );
  }
  return <div class="govuk-inset-text">{children}</div>;
}

export function SourceDetails({ summary, children }: { summary?: string; children: ComponentChildren }) {
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{summary ?? "Source"}</span></summary>
      <div class="govuk-details__text">{children}</div>
    </details>
  );
}

export function Downloads({ links }: { links: Array<{ href: string; text: string }> }) {
  return (
    <ul class="govuk-list dashboard-downloads">
      {links.map((l) => <li><a class="govuk-link" href={l.href} download>{l.text}</a></li>)}
    </ul>
  );
}

/**
 * Every table offers its own CSV: while a page renders, each Table gets its number and a link to
 * `<page>/table.csv?…&table=<n>`; that address renders the same page again with `collect` set and
 * answers with the cells of table n as shown (text only).
 */
interface TableContext { path: string; query: URLSearchParams; count: number; collect: CollectedTable[] | null }
export interface CollectedTable { caption: string; head: string[]; rows: string[][] }
let tableContext: TableContext | null = null;

/** renders with table numbering (and collection) on; rendering is synchronous, so one context at a time */
export function withTables<T>(path: string, query: URLSearchParams, collect: CollectedTable[] | null, render: () => T): T {
  tableContext = { path, query, count: 0, collect };
  try {
    return render();
  } finally {
    tableContext = null;
  }
}

/** the text a cell shows (its elements' text, in order) */
export function textOf(node: ComponentChildren): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  const vnode = node as VNode<{ children?: ComponentChildren }>;
  const inner = textOf(vnode.props?.children);
  if (vnode.type === "li") return `${inner}; `;
  // a block or a separate span starts a new phrase; a link or emphasis runs on
  return typeof vnode.type === "string" && !["a", "strong", "em", "b", "i"].includes(vnode.type) ? ` ${inner} ` : inner;
}

export function Table({ caption, head, rows, numeric = [], id }: {
  caption: string; head: ComponentChildren[]; rows: ComponentChildren[][]; numeric?: number[]; id?: string;
}) {
  const context = tableContext;
  const index = context ? ++context.count : 0;
  context?.collect?.push({ caption, head: head.map((h) => textOf(h).replace(/\s+/g, " ").trim()), rows: rows.map((r) => r.map((c) => textOf(c).replace(/\s+/g, " ").trim().replace(/;$/, ""))) });
  const csvHref = context ? (() => {
    const query = new URLSearchParams(context.query);
    query.set("table", String(index));
    return `${context.path.replace(/\/$/, "")}/table.csv?${query}`;
  })() : null;
  return (
    <>
      <div class="dashboard-table-wrapper" tabIndex={0} role="region" aria-label={caption}>
        <table class="govuk-table" id={id}>
          <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">{head.map((h, i) => <th scope="col" class={`govuk-table__header${numeric.includes(i) ? " govuk-table__header--numeric" : ""}`}>{h}</th>)}</tr>
          </thead>
          <tbody class="govuk-table__body">
            {rows.map((row) => (
              <tr class="govuk-table__row">{row.map((cell, i) => (i === 0
                ? <th scope="row" class="govuk-table__header">{cell}</th>
                : <td class={`govuk-table__cell${numeric.includes(i) ? " govuk-table__cell--numeric" : ""}`}>{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </div>
      {csvHref ? <p class="govuk-body-s dashboard-table-csv"><a class="govuk-link" href={csvHref} download>{`Download this table (CSV)`}<span class="govuk-visually-hidden">{`: ${caption}`}</span></a></p> : null}
    </>
  );
}

export const authorityPath = (code: string) => `/authorities/${encodeURIComponent(code)}`;
export const measurePath = (code: string, measure: string) => `${authorityPath(code)}/measures/${encodeURIComponent(measure)}`;
export const allPath = (measure: string) => `/measures/${encodeURIComponent(measure)}`;
