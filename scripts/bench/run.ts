/**
 * `npm run bench [reader|reading|live|import|export|reanchor|quotes|morphology|search|search-gold|mentions|lists|insights]...`: runs the named benchmarks (all by
 * default), one after another, each printing its numbers and the command that
 * produced them. The reader and live benchmarks serve the production build:
 * run `npm run build` first.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHMARKS = {
  reader: "reader-bench.ts",
  reading: "reading-bench.ts",
  live: "live-bench.ts",
  import: "import-bench.ts",
  export: "export-bench.ts",
  reanchor: "reanchor-bench.ts",
  quotes: "quotes-bench.ts",
  morphology: "morphology-bench.ts",
  search: "search-bench.ts",
  "search-gold": "search-gold-bench.ts",
  mentions: "mentions-bench.ts",
  lists: "lists-bench.ts",
  insights: "insights-bench.ts",
} as const;

const requested = process.argv.slice(2);
const names = (requested.length ? requested : Object.keys(BENCHMARKS)) as (keyof typeof BENCHMARKS)[];
const unknown = names.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Choose from ${Object.keys(BENCHMARKS).join(", ")}.`);
  process.exit(2);
}

let failed = false;
for (const name of names) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ["--expose-gc", "--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, BENCHMARKS[name])], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
