// Loaded into each of npm start's processes by `npm run bench -- soak` only (NODE_OPTIONS=--expose-gc --import):
// every 5 s, a full collection, then the memory still held, appended as a JSON line to SOAK_PROBE_DIR/<PORT>.jsonl.
// Retained memory (heap after a full collection) is what a leak grows; RSS also moves with the heap V8 reserves ahead of need.
import { appendFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.SOAK_PROBE_DIR;
const port = process.env.PORT;
if (dir && port && typeof globalThis.gc === "function") {
  const file = join(dir, `${port}.jsonl`);
  setInterval(() => {
    globalThis.gc();
    const { heapUsed, external, rss } = process.memoryUsage();
    appendFileSync(file, JSON.stringify({ at: Date.now(), retained: heapUsed + external, rss }) + "\n");
  }, 5_000).unref();
}
