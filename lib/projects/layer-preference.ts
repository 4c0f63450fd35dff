/**
 * The reader's choice of project layer, remembered in one cookie for every article: the project
 * ids they picked in the **Project layer** box, newest first. An article opens in the first of
 * them it is in (lib/projects/layers.ts `chooseViewLayer`), so a desk member who switched to
 * their desk's layer once reads every shared story in it. Pure: shared by the browser, which
 * writes the cookie, and the server, which reads it.
 */
export const LAYER_COOKIE = "glossa-layers";

/**
 * The remembered choice in a request's Cookie header (the first cookie of that name, percent-decoded
 * as Next.js's cookies() reads it): for the server's paths that run outside a Next request, the page
 * cache and the live feed.
 */
export function layerCookieValueOf(cookieHeader: string | null): string | undefined {
  for (const pair of (cookieHeader ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== LAYER_COOKIE) continue;
    const value = pair.slice(at + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** Recent choices kept: a person works in a few projects; the cookie stays well under 1 KB. */
export const MAX_REMEMBERED_LAYERS = 12;

const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The remembered project ids, newest first; anything malformed (a tampered cookie) is dropped, never an error. */
export function parseLayerPreference(value: string | null | undefined): string[] {
  if (!value) return [];
  const ids = value.split(".").filter((id) => PROJECT_ID.test(id));
  return [...new Set(ids)].slice(0, MAX_REMEMBERED_LAYERS);
}

/** The cookie value after choosing `projectId`: it first, the others after it, the oldest dropped. */
export function preferLayer(current: readonly string[], projectId: string): string {
  if (!PROJECT_ID.test(projectId)) throw new Error(`Not a project id: ${projectId}`);
  return [projectId, ...current.filter((id) => id !== projectId)].slice(0, MAX_REMEMBERED_LAYERS).join(".");
}

/** How long a choice is remembered: a year, renewed by every choice. */
export const LAYER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The cookie that remembers `value` (from preferLayer), as the browser and the server both set it. */
export function layerCookie(value: string): string {
  return `${LAYER_COOKIE}=${encodeURIComponent(value)}; path=/; max-age=${LAYER_COOKIE_MAX_AGE}; samesite=lax`;
}
