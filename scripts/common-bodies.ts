/**
 * Which lead groups, boards and linked plans authorities have in common.
 * npm run common-bodies -- E06000003 E06000004 [--gateway http://localhost:4000/graphql] [--json]
 */
import { fetchCommonBodies } from "../gateway/client/common-bodies";
import { plainText } from "../gateway/client/safe-export";

const args = process.argv.slice(2);
const gatewayIndex = args.indexOf("--gateway");
const gateway = gatewayIndex >= 0 ? args[gatewayIndex + 1]! : "http://localhost:4000/graphql";
const codes = args.filter((a, i) => !a.startsWith("--") && (gatewayIndex < 0 || i !== gatewayIndex + 1));
if (codes.length < 2) {
  console.error("usage: npm run common-bodies -- <ONS code> <ONS code> [...] [--gateway URL] [--json]");
  process.exit(2);
}
const result = await fetchCommonBodies(gateway, codes);
if (args.includes("--json")) {
  console.log(JSON.stringify(result, null, 2));
} else {
  // names are editors' text: no control characters (terminal escape sequences, line breaks) reach the terminal
  const text = plainText;
  console.log(`In common between ${result.authorities.map(text).join(", ")}:`);
  if (result.withoutPlans.length) console.log(`(no plan data for ${result.withoutPlans.map(text).join(", ")})`);
  for (const [title, bodies] of [["Lead groups and boards", result.groups], ["Linked plans and strategies", result.linkedPlans]] as const) {
    console.log(`\n${title}:`);
    if (!bodies.length) console.log("  none");
    for (const body of bodies) {
      console.log(`  ${text(body.canonicalName)}: ${Object.entries(body.names).map(([authority, names]) => `${text(authority)} "${names.map(text).join('", "')}"`).join("; ")}`);
    }
  }
}
