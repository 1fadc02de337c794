/** GraphiQL's page from the gateway: what test/graphiql.test.ts and test/graphiql-browser.test.ts check of its policy. */
import { expect } from "vitest";

/** the policy's directives; fails unless every source is this origin, data:, 'none' or inline styles */
export function expectNothingExternal(header: string | null) {
  expect(header, "content-security-policy header").toBeTruthy();
  const directives = new Map(
    header!.split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name!.toLowerCase(), sources] as const;
    }),
  );
  expect(directives.get("default-src")).toEqual(["'none'"]);
  expect(directives.get("script-src")).toEqual(["'self'"]);
  const allowed: Record<string, string[]> = { "style-src": ["'self'", "'unsafe-inline'"], "img-src": ["'self'", "data:"], "font-src": ["'self'", "data:"] };
  for (const [name, sources] of directives) {
    for (const source of sources) expect(["'none'", "'self'", ...(allowed[name] ?? [])], `${name} ${source}`).toContain(source);
  }
  for (const name of ["connect-src", "worker-src", "base-uri", "form-action", "frame-ancestors"]) expect(directives.has(name), name).toBe(true);
}
