// Loaded into each of npm start's processes by `npm run bench -- first-start` only (NODE_OPTIONS=--import):
// the process's peak resident memory so far (process.resourceUsage().maxRSS, kB), written every second and on exit
// to FIRST_START_PROBE_DIR/<PORT>.json. It only reads; it changes nothing the process does.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.FIRST_START_PROBE_DIR;
const port = process.env.PORT;
if (dir && port) {
  const file = join(dir, `${port}.json`);
  const write = () => writeFileSync(file, JSON.stringify({ at: Date.now(), peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
  setInterval(write, 1_000).unref();
  process.on("exit", write);
}
