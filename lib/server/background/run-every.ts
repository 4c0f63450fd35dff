import "server-only";

const timers = globalThis as unknown as { glossaBackgroundTasks?: Map<string, NodeJS.Timeout> };

/**
 * Runs `task` now and then every `everyMs` for the life of the process, once per `name` (Next.js
 * may evaluate a module twice), never two runs of it at once, and never the reason the process
 * stays alive. A failed run is logged and the next one tries again (the database may be
 * restarting). Returns a stop function for tests and benchmarks.
 */
export function runEvery(name: string, everyMs: number, task: () => Promise<unknown>): () => void {
  const tasks = (timers.glossaBackgroundTasks ??= new Map());
  if (!tasks.has(name)) {
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      task()
        // A refused connection is an AggregateError with an empty message: then the error says what happened.
        .catch((error: unknown) => console.error(`[glossa] ${name} failed:`, error instanceof Error && error.message ? error.message : error))
        .finally(() => (running = false));
    };
    const timer = setInterval(run, everyMs);
    timer.unref();
    tasks.set(name, timer);
    run();
  }
  return () => {
    clearInterval(tasks.get(name));
    tasks.delete(name);
  };
}
