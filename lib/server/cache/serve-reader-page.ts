import "server-only";
import { getActor } from "@/lib/server/auth/get-actor";
import { heldReaderPage, serveCachedReaderPage, type PageAnswer, type PageRenderer } from "@/lib/server/cache/serve-cached-page";

/**
 * The reader page at `path` for whoever sends `request`, from the page cache: its viewer is found
 * as the page itself finds it (getActor: the session cookie, confirmed in the database), since the
 * cache answers in the page's place, a page's rules and all (a redirect to sign in, 404), never as
 * an API with roles to check.
 */
export async function serveReaderPage({ request, path, render }: { request: Request; path: string; render: PageRenderer }): Promise<Response> {
  return serveCachedReaderPage({ request, path, render, viewer: await getActor(request.headers) });
}

/**
 * The same page from memory alone, for the server's request hook (lib/server/reader-page-hook.ts),
 * its viewer found the same way: the answer, or "render" / "miss" for Next.js to serve (see
 * heldReaderPage).
 */
export async function serveHeldReaderPage({ headers, path, origin }: { headers: Headers; path: string; origin: string }): Promise<PageAnswer | "render" | "miss"> {
  return heldReaderPage({ headers, path, origin, viewer: await getActor(headers) });
}
