/**
 * `npm run token -- --role editor --authority E06000003 [--subject jo@redcar-cleveland.gov.uk] [--expires 8h]`
 * (--expires at most JWT_MAX_TOKEN_AGE_SECONDS, 24 hours by default: the gateway refuses longer-lived tokens)
 * Prints a bearer token the gateway accepts: signed with JWT_SECRETS' first secret if set, else
 * with the embedded start's key (.data/dev-secrets.json). For local use and tests; in production
 * tokens come from the identity provider (JWT_JWKS_FILE) or an admin holding JWT_SECRETS.
 */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROLES, type Role } from "@tees/subgraph-common/signed-identity";
import { maxTokenAge, tokenParty } from "../gateway/src/config";
import { issueToken, MAX_SUBJECT_LENGTH } from "../gateway/src/identity";
import { repoRoot } from "./repo-root";
import { jwtSecrets } from "./dev-secrets";
import { readCsv } from "@tees/subgraph-common/csv";

function fail(message: string): never {
  console.error(`npm run token: ${message}\nusage: npm run token -- --role <${ROLES.join("|")}> [--authority <ONS code, editors only>] [--subject <who>] [--expires <e.g. 8h>]`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { role: { type: "string" }, authority: { type: "string" }, subject: { type: "string" }, expires: { type: "string", default: "8h" } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
const role = values.role as Role | undefined;
if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(", ")}`);
if (role === "editor" && !values.authority) fail("an editor's token needs --authority (the ONS code of the authority, e.g. E06000003)");
if (role !== "editor" && values.authority) fail(`only editors act for an authority; drop --authority for --role ${role}`);
if (values.authority) {
  // the region's own seed file (its seed checks every row; here only this code's kind is read)
  const area = readCsv(join(repoRoot, "seeds/region/areas.csv")).find((row) => row.record.code === values.authority)?.record;
  if (area?.kind !== "local-authority") fail(`--authority ${values.authority} is not an English local authority's ONS code (seeds/region/areas.csv)`);
}
if (values.subject !== undefined && (values.subject.length === 0 || values.subject.length > MAX_SUBJECT_LENGTH)) fail(`--subject must be 1 to ${MAX_SUBJECT_LENGTH} characters`);
const lifetime = /^(\d{1,9})([smhd])$/.exec(values.expires!);
if (!lifetime) fail(`--expires must be a number and a unit (s, m, h, d), e.g. 8h; got "${values.expires}"`);
let cap: number;
try {
  cap = maxTokenAge(process.env);
} catch (error) {
  fail((error as Error).message);
}
const seconds = Number(lifetime[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[lifetime[2] as "s" | "m" | "h" | "d"];
if (seconds < 1) fail("--expires must be at least 1s");
if (seconds > cap) fail(`--expires ${values.expires} is longer than the gateway accepts: at most ${cap} seconds (${cap / 3600} hours; JWT_MAX_TOKEN_AGE_SECONDS)`);

const secret = jwtSecrets().split(",")[0]!.trim();
const token = await issueToken(secret, {
  subject: values.subject ?? (role === "editor" ? `editor@${values.authority}` : role),
  role,
  ...(values.authority ? { authority: values.authority } : {}),
  expiresIn: `${seconds}s`,
  ...tokenParty(process.env),
});
console.log(token);
