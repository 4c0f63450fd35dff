/**
 * Runs once when a Glossa server process starts (Next.js calls register() on every instance,
 * for `next start` and `next dev`). Bulk imports interrupted by a crash or restart are resumed
 * here, and uploads cut short are expired, without waiting for an admin to open the import page.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL) return;
  const { startImportJobSweeper } = await import("@/lib/server/import/sweep-import-jobs");
  startImportJobSweeper();
}
