import "server-only";
import { drainSearchIndexQueue } from "./index-queue";

const POLL_MS = 250;
const started = globalThis as unknown as { glossaSearchIndexer?: NodeJS.Timeout };

/**
 * Starts this instance's search indexer: every quarter second it drains the queue of rows whose
 * text changed (lib/server/search/index-queue.ts), so a note, annotation, title or entity name is
 * searchable within a second of its write. Several instances share the work (rows are locked
 * with SKIP LOCKED). Once per process; returns a stop function for tests and benchmarks.
 */
export function startSearchIndexer(): () => void {
  if (!started.glossaSearchIndexer) {
    let running = false;
    started.glossaSearchIndexer = setInterval(() => {
      if (running) return;
      running = true;
      drainSearchIndexQueue()
        .catch((error: unknown) => console.error("Search indexer:", error instanceof Error ? error.message : error))
        .finally(() => (running = false));
    }, POLL_MS);
    // Never the reason a process stays alive.
    started.glossaSearchIndexer.unref();
  }
  return () => {
    clearInterval(started.glossaSearchIndexer);
    started.glossaSearchIndexer = undefined;
  };
}
