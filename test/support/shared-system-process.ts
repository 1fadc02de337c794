/**
 * The run's shared read-only system, in a process of its own (started by test/support/global-setup.ts
 * with tsx, as npm start runs the services): starts the system on copies of the run's template
 * databases, writes one line of JSON describing it (URLs, keys) to stdout, and stops it on SIGTERM
 * (or when the run's process goes away: its stdin closes).
 * Its own process, not vitest's main one: there the gateway would not run as it does in a test file
 * (graphql's errors, for one, would not be recognised as such).
 */
import { describeSystem, startSystem } from "./system";
import { useTemplateDir } from "./templates";

const [templateDir] = process.argv.slice(2);
if (!templateDir) {
  console.error("usage: tsx test/support/shared-system-process.ts <template folder>");
  process.exit(2);
}
useTemplateDir(templateDir);
let stop: () => void = () => process.exit(1);
// the run's process holds the other end of stdin: if it ends without stopping this one (killed), so does this
process.stdin.once("end", () => stop());
process.stdin.resume();
process.once("SIGTERM", () => stop());
process.once("SIGINT", () => stop());
try {
  const system = await startSystem();
  stop = () => {
    system.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.stdout.write(`${JSON.stringify(describeSystem(system))}\n`);
} catch (error) {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
}
