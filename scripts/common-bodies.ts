/**
 * Which lead groups, boards and linked plans authorities have in common, each match labelled
 * stated or inferred (where taking two bodies to be the same is a judgement).
 * npm run common-bodies -- E06000003 E06000004 [--gateway http://localhost:4000/graphql] [--stated-only] [--json]
 */
import { fetchCommonBodies, renderCommonBodiesText } from "../gateway/client/common-bodies";

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
  process.stdout.write(renderCommonBodiesText(result, args.includes("--stated-only")));
}
