import "server-only";
import http from "node:http";
import { closeAllFeeds } from "@/lib/server/live/article-event-hub";
import { shutdownState } from "@/lib/server/shutdown-state";

/** Default of GLOSSA_SHUTDOWN_DRAIN_MS: a load balancer polling health every second or two has taken the instance out by then. */
const DEFAULT_DRAIN_MS = 3000;

/**
 * What this instance does on SIGTERM (an orchestrator or `npm start` stopping it), alongside
 * Next.js's own handler, which closes the HTTP server, waits for the requests in flight and exits:
 * - the health check answers 503 at once, so the load balancer takes the instance out of rotation;
 * - every live feed is closed, and any opened from now on closes at once. A feed never ends by
 *   itself, so without this the server would wait for its readers to leave; closed, each browser
 *   reconnects within the feed's retry delay (2 s) through the load balancer to another instance
 *   and resumes from its Last-Event-ID, missing nothing;
 * - the listening socket stays open GLOSSA_SHUTDOWN_DRAIN_MS (3 s) more, serving as usual: closing it
 *   at once resets the connections the kernel has accepted but Node.js has not yet picked up (and
 *   Node's close() drops accepted ones whose request it has not read yet), which under load are
 *   requests the balancer already routed here. Then it closes, and the requests in flight finish.
 * SIGINT (Ctrl-C at a terminal, no balancer) does the same without the wait. `signals` is the
 * process, but for tests.
 */
export function installGracefulShutdown(signals: Pick<NodeJS.EventEmitter, "once"> = process): void {
  const current = shutdownState();
  // Next.js's handler is what exits; without it (NEXT_MANUAL_SIG_HANDLE) whoever set that handles the signals.
  if (current.installed || process.env.NEXT_MANUAL_SIG_HANDLE) return;
  current.installed = true;
  const configured = Number(process.env.GLOSSA_SHUTDOWN_DRAIN_MS ?? DEFAULT_DRAIN_MS);
  const drainMs = Number.isFinite(configured) && configured >= 0 ? Math.min(configured, 60_000) : DEFAULT_DRAIN_MS;

  const close = http.Server.prototype.close;
  http.Server.prototype.close = function (this: http.Server, callback?: (error?: Error) => void) {
    // Decided a tick later: Next.js's SIGTERM listener may call close() before ours has run.
    const closeNow = () => {
      // close() drops the idle keep-alive connections, but one busy now would stay open, idle, for
      // the server's whole keepAliveTimeout (65 s: scripts/standalone.ts) and hold close() up:
      // from here each one closes as soon as its answer is sent.
      this.keepAliveTimeout = 1;
      // The proxy stops sending pages to the cache (a new connection to this server) from here.
      if (current.since !== null) current.closed = true;
      close.call(this, callback);
    };
    setImmediate(() => {
      const wait = current.since === null ? 0 : current.since + current.drainMs - Date.now();
      if (wait <= 0) closeNow();
      else setTimeout(closeNow, wait);
    });
    return this;
  };

  const stop = (signal: "SIGTERM" | "SIGINT") => {
    if (current.since !== null) return;
    current.drainMs = signal === "SIGTERM" ? drainMs : 0;
    current.since = Date.now();
    const feeds = closeAllFeeds();
    console.log(
      `[glossa] ${signal}: closed ${feeds} live feed${feeds === 1 ? "" : "s"}, health answers 503; ` +
        `${current.drainMs > 0 ? `still accepting for ${current.drainMs} ms, then ` : ""}finishing the requests in flight and exiting`,
    );
  };
  signals.once("SIGTERM", () => stop("SIGTERM"));
  signals.once("SIGINT", () => stop("SIGINT"));
}
