import "server-only";
import { randomBytes } from "node:crypto";
import { VersionedCache } from "@/lib/cache/versioned-cache";
import { readPolicy } from "@/lib/permissions/policy";
import { LAYER_COOKIE } from "@/lib/projects/layer-preference";
import { PAGE_RENDER_HEADER, decodeSlug, readerPathSlug } from "@/lib/reading/page-cache-request";
import { pageSecurityHeaders } from "@/lib/security-headers";
import { matchesIfNoneMatch, validatorOf } from "@/lib/server/cache/conditional-response";
import { readArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { viewLayerOf } from "@/lib/server/cache/viewer-annotations";

/** A page as the app rendered it for an anonymous visitor. */
export interface RenderedPage {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * Renders `path` as an anonymous visitor with the given Project layer cookie value sees it: the
 * app's own page, through the whole stack (proxy, layout, page), never a copy of its logic.
 */
export type PageRenderer = (path: string, layerCookie: string | undefined) => Promise<RenderedPage>;

/** A reader page held for anonymous visitors: its HTML cut at its render's nonce, to be joined with a fresh one per answer. */
interface CachedPage {
  parts: string[];
  contentType: string;
  vary: string;
}

/** Anything but a cacheable page (a redirect to sign in, a 404, an error): answered as rendered, never kept. */
class NotCacheable extends Error {
  constructor(readonly page: RenderedPage) {
    super(`Not cacheable: ${page.status}`);
  }
}

/**
 * Per reader path and layer, valid for one version of everything an anonymous page shows (see
 * pageVersion). Bounded by characters held: a 2,000-paragraph article's first screens are ~75 KB.
 */
const pages = new VersionedCache<CachedPage>({
  maxEntries: 2000,
  maxWeight: 64 * 1024 * 1024,
  weigh: (page) => page.parts.reduce((sum, part) => sum + part.length, 0),
});

/** Headers that belong to one connection or one encoding of a body, not to the page. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

/**
 * The anonymous reader page at `path` (`/articles/<slug>`), from the cache when it holds the
 * page at the article's current versions, else rendered once by `render` and kept.
 *
 * Why it is correct: the key's version is the whole article stamp (its fields, text revision,
 * work version — moved forward in the database by every annotation and note change, in commit
 * order —, the accounts' and entity types' versions, its projects with their access, names and
 * guidelines' digests) plus the layer shown and the build, all read in one query per request, so
 * a write on any instance changes the next answer on every instance. What is kept is what the
 * app rendered for a visitor without a session (no cookie but the layer choice is sent), so no one's
 * private work can be in it. Each answer gets a fresh CSP nonce: the render's nonce (random,
 * never sent to a browser, so no stored text can contain it) is replaced by a new one, and
 * injected markup still cannot run. A client holding the current version gets 304 (`ETag`),
 * without a policy header, so it keeps the policy that came with the body it holds.
 *
 * Anything else the render answers (a redirect to sign in, 404 for an unknown or archived article,
 * an error) is passed on as rendered and not kept.
 */
export async function serveCachedReaderPage({ request, path, render }: { request: Request; path: string; render: PageRenderer }): Promise<Response> {
  const rawSlug = readerPathSlug(path);
  if (rawSlug === null) throw new Error(`Not a reader page: ${path}`);
  const layerCookie = cookieValue(request.headers.get("cookie"), LAYER_COOKIE);
  const slug = decodeSlug(rawSlug);
  const stamp = slug === null ? null : await readArticleStamp({ slug });
  if (!stamp) return passOn(await render(path, layerCookie));

  const layer = viewLayerOf(null, stamp);
  // The reader's layer choice counts only through the layer it picks: the rest of the cookie is not part of the page.
  const { layerPreference: _preference, ...shown } = stamp;
  // Whether sign-in is required decides whether there is an anonymous page at all.
  const etag = validatorOf(["reader-page", path, layer, readPolicy().requireSignIn ? "sign-in" : "open", JSON.stringify(shown)]);
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });

  let page: CachedPage;
  try {
    page = await pages.get(`${path}\n${layer ?? ""}`, etag, () => renderForCache(render, path, layerCookie));
  } catch (error) {
    if (error instanceof NotCacheable) return passOn(error.page);
    throw error;
  }
  const nonce = randomBytes(16).toString("base64");
  const security = pageSecurityHeaders({ nonce, baseURL: process.env.BETTER_AUTH_URL ?? new URL(request.url).origin, dev: false });
  return new Response(page.parts.join(nonce), {
    status: 200,
    headers: { ...headers, ...security, "Content-Type": page.contentType, Vary: page.vary },
  });
}

async function renderForCache(render: PageRenderer, path: string, layerCookie: string | undefined): Promise<CachedPage> {
  const page = await render(path, layerCookie);
  const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1];
  // Without its nonce in the body (a page with no script at all) there is nothing to renew: keep nothing rather than guess.
  if (page.status !== 200 || !nonce || !page.body.includes(nonce)) throw new NotCacheable(page);
  // The answer depends on the session cookie too (a signed-in visitor gets another page), beside what Next varies on.
  const vary = [...new Set([...(page.headers.get("vary") ?? "").split(","), "Cookie"].map((name) => name.trim()).filter(Boolean))].join(", ");
  return { parts: page.body.split(nonce), contentType: page.headers.get("content-type") ?? "text/html; charset=utf-8", vary };
}

/** A render answered as it came (its own CSP, whose nonce matches its body). */
function passOn(page: RenderedPage): Response {
  const headers = new Headers();
  page.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) headers.append(name, value);
  });
  const bodiless = page.status === 204 || page.status === 304;
  return new Response(bodiless ? null : page.body, { status: page.status, headers });
}

/** One cookie's value from a Cookie header (the first one of that name), undefined when absent. */
function cookieValue(header: string | null, name: string): string | undefined {
  for (const pair of header?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The production renderer: asks this very server for the page (at the origin Next records it
 * listens on), marked as the cache's own render so the proxy lets it reach the page, without
 * the visitor's cookies (the layer choice aside) and uncompressed.
 */
export function selfRenderer(origin: string): PageRenderer {
  return async (path, layerCookie) => {
    const response = await fetch(new URL(path, origin), {
      headers: { [PAGE_RENDER_HEADER]: "1", Accept: "text/html", "Accept-Encoding": "identity", ...(layerCookie !== undefined ? { Cookie: `${LAYER_COOKIE}=${layerCookie}` } : {}) },
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(60_000),
    });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
}
