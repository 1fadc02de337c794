/**
 * Which lead groups, boards and linked plans authorities have in common, each match labelled
 * stated or inferred (where taking two bodies to be the same is a judgement).
 * npm run common-bodies -- E06000003 E06000004 [--gateway http://localhost:4000/graphql] [--stated-only] [--json]
 */
import { fetchCommonBodies } from "../gateway/client/common-bodies";
import { plainText } from "../gateway/client/safe-export";

const args = process.argv.slice(2);
const gatewayIndex = args.indexOf("--gateway");
const gateway = gatewayIndex >= 0 ? args[gatewayIndex + 1]! : "http://localhost:4000/graphql";
const codes = args.filter((a, i) => !a.startsWith("--") && (gatewayIndex < 0 || i !== gatewayIndex + 1));
const unknown = args.filter((a) => a.startsWith("--") && !["--gateway", "--json", "--stated-only"].includes(a));
if (codes.length < 2 || unknown.length) {
  console.error(`${unknown.length ? `unknown option ${unknown.join(", ")}; ` : ""}usage: npm run common-bodies -- <ONS code> <ONS code> [...] [--gateway URL] [--stated-only] [--json]`);
  process.exit(2);
}
const result = await fetchCommonBodies(gateway, codes, args.includes("--stated-only"));
if (args.includes("--json")) {
  console.log(JSON.stringify(result, null, 2));
} else {
  // names are editors' text: no control characters (terminal escape sequences, line breaks) reach the terminal
  const text = plainText;
  console.log(`In common between ${result.authorities.map(text).join(", ")}${args.includes("--stated-only") ? " (stated matches only)" : ""}:`);
  if (result.withoutPlans.length) console.log(`(no plan data for ${result.withoutPlans.map(text).join(", ")})`);
  for (const [title, bodies] of [["Lead groups and boards", result.groups], ["Linked plans and strategies", result.linkedPlans]] as const) {
    console.log(`\n${title}:`);
    if (!bodies.length) console.log("  none");
    for (const body of bodies) {
      const label = body.match === "INFERRED" ? " [inferred match]" : "";
      console.log(`  ${text(body.canonicalName)}${label}: ${Object.entries(body.names).map(([authority, names]) => `${text(authority)} "${names.map(text).join('", "')}"`).join("; ")}`);
      for (const note of body.notes) console.log(`      ${text(note)}`);
    }
  }
}
