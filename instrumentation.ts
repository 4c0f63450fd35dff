/** Runs once when a Next.js server starts, before it handles any request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installClientIpHook } = await import("@/lib/server/client-ip-hook");
  installClientIpHook();
}
