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
  /** Whether the listening socket is closed: only the requests in flight are left. */
  closed: boolean;
}

const state = globalThis as unknown as { glossaShutdown?: ShutdownState };

/** This process's shutdown state (created on first use). */
export function shutdownState(): ShutdownState {
  return (state.glossaShutdown ??= { installed: false, since: null, drainMs: 0, closed: false });
}

/** Whether this instance has been told to stop (SIGTERM): the health check then answers 503. */
export function isShuttingDown(): boolean {
  return shutdownState().since !== null;
}

/** Whether this instance has stopped accepting connections (the drain time after SIGTERM is over). */
export function hasStoppedAccepting(): boolean {
  return shutdownState().closed;
}
