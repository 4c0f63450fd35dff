/**
 * Whether this instance is stopping, in a module of its own with no imports, so that proxy.ts can
 * ask too (lib/server/graceful-shutdown.ts sets it on SIGTERM). Kept on globalThis: Next.js
 * bundles the proxy, the routes and instrumentation separately, and each would get its own copy
 * of a module-level variable.
 */
export interface ShutdownState {
  installed: boolean;
  since: number | null;
  /** How long the listening socket stays open after SIGTERM (0 after SIGINT). */
  drainMs: number;
}

const state = globalThis as unknown as { glossaShutdown?: ShutdownState };

/** This process's shutdown state (created on first use). */
export function shutdownState(): ShutdownState {
  return (state.glossaShutdown ??= { installed: false, since: null, drainMs: 0 });
}

/** Whether this instance has been told to stop (SIGTERM): the health check then answers 503. */
export function isShuttingDown(): boolean {
  return shutdownState().since !== null;
}
