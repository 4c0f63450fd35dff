/**
 * Runs once when a Glossa server process starts (Next.js calls register() on every instance, for
 * `next start` and `next dev`), before it handles any request.
 * - Every request is stamped with the client's real address (lib/server/client-ip-hook.ts), which
 *   the sign-in limits key on, and a malformed address is answered 400 before Next.js sees it.
 * - The article feeds' requests are then served from that hook, their events written to the
 *   socket without Next.js's response stream (lib/server/live/live-feed-hook.ts), and so are the
 *   reader pages the page cache holds (lib/server/reader-page-hook.ts).
 * - SIGTERM closes the live feeds and stops advertising health before Next.js drains the requests
 *   in flight (lib/server/graceful-shutdown.ts).
 * - Bulk imports interrupted by a crash or restart are resumed, and uploads cut short are expired,
 *   without waiting for an admin to open the import page.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientIpHook } = await import("@/lib/server/client-ip-hook");
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    // Installed first so that the client-address hook wraps it: the live feed is written straight to the socket.
    const [{ installLiveFeedHook }, { GET }, { installReaderPageHook }] = await Promise.all([
      import("@/lib/server/live/live-feed-hook"),
      import("@/app/api/articles/[articleId]/events/route"),
      import("@/lib/server/reader-page-hook"),
    ]);
    installLiveFeedHook(GET);
    installReaderPageHook();
  }
  installClientIpHook();
  if (process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL) return;
  const { installGracefulShutdown } = await import("@/lib/server/graceful-shutdown");
  installGracefulShutdown();
  const { startImportJobSweeper } = await import("@/lib/server/import/sweep-import-jobs");
  startImportJobSweeper();
  // Changed titles, annotations, notes and entity names are searchable within a second.
  const { startSearchIndexer } = await import("@/lib/server/search/start-search-indexer");
  startSearchIndexer();
  // Bulk-imported articles (and those from before import ran the quote finder) get their quote suggestions.
  const { startQuoteFinder } = await import("@/lib/server/quotes/quote-finder-queue");
  startQuoteFinder();
}
