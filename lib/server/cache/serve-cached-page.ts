import "server-only";
import { randomBytes } from "node:crypto";
import { VersionedCache } from "@/lib/cache/versioned-cache";
import type { Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { LAYER_COOKIE, layerCookieValueOf, parseLayerPreference } from "@/lib/projects/layer-preference";
import { PAGE_RENDER_HEADER, decodeSlug, readerPathSlug } from "@/lib/reading/page-cache-request";
import { cutPage, fillPage, MAX_SLOT_VALUE_LENGTH, samePage, templateWeight, type PageTemplate, type SlotToken } from "@/lib/reading/page-template";
import { pageSecurityHeaders } from "@/lib/security-headers";
import { matchesIfNoneMatch, validatorOf } from "@/lib/server/cache/conditional-response";
import { readArticleStamp, type ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { viewLayerOf } from "@/lib/server/cache/viewer-annotations";
import { templateViewer, VIEWER_SLOTS, VIEWER_TEMPLATE_HEADER, viewerTemplateHeader } from "@/lib/server/cache/viewer-template";

/** A page as the app rendered it for an anonymous visitor. */
export interface RenderedPage {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * Who a render is for, beside the Project layer cookie: nobody (an anonymous visitor), a made-up
 * `template` viewer (the signed-in page cache's render, see viewer-template.ts), or the visitor
 * themselves, with all their `cookies` (a page only they may be shown).
 */
export type RenderFor = { template: Actor } | { cookies: string };

/**
 * Renders `path` as the given viewer (by default an anonymous visitor) with the given Project layer
 * cookie value sees it: the app's own page, through the whole stack (proxy, layout, page), never a
 * copy of its logic.
 */
export type PageRenderer = (path: string, layerCookie: string | undefined, renderFor?: RenderFor) => Promise<RenderedPage>;

/**
 * A reader page held for many visitors: its HTML cut at its render's nonce (and, signed in, at the
 * viewer's identity), to be filled with a fresh nonce (and the viewer's) per answer.
 */
interface CachedPage {
  template: PageTemplate;
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
 * Per reader path, layer and kind of viewer (anonymous, or signed in with a site role), valid for
 * one version of everything such a page shows. Null: that signed-in page cannot be shared (it shows
 * something of the viewer's beyond their identity), rendered per viewer until the version changes.
 * Bounded by characters held: a 2,000-paragraph article's first screens are ~75 KB.
 */
const pages = sharedPageCache();

/**
 * The process's page cache, on globalThis: Next bundles the cache's route and the server's request
 * hook (instrumentation) separately, each with its own copy of this module, and the hook answers
 * from the pages the route's renders keep (lib/server/reader-page-hook.ts).
 */
function sharedPageCache(): VersionedCache<CachedPage | null> {
  const key = Symbol.for("glossa.readerPageCache");
  const holder = globalThis as typeof globalThis & { [key]?: VersionedCache<CachedPage | null> };
  return (holder[key] ??= new VersionedCache<CachedPage | null>({
    maxEntries: 2000,
    maxWeight: 64 * 1024 * 1024,
    weigh: (page) => (page ? templateWeight(page.template) : 1),
  }));
}

/** Headers that belong to one connection or one encoding of a body, not to the page. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

/**
 * The reader page at `path` (`/articles/<slug>`) as `viewer` (null: an anonymous visitor) sees it,
 * from the cache when it holds the page at the article's current versions, else rendered once by
 * `render` and kept.
 *
 * Why it is correct: the key's version is the whole article stamp (its fields, text revision,
 * work version — moved forward in the database by every annotation and note change, in commit
 * order —, the accounts' and entity types' versions, its projects with their access, names and
 * guidelines' digests) plus the layer shown, the kind of viewer and the build, all read in one
 * query per request, so a write on any instance changes the next answer on every instance. What
 * is kept for anonymous visitors is what the app rendered for a visitor without a session (no
 * cookie but the layer choice is sent), so no one's private work can be in it. Each answer gets a
 * fresh CSP nonce: the render's nonce (random, never sent to a browser, so no stored text can
 * contain it) is replaced by a new one, and injected markup still cannot run. A client holding the
 * current version gets 304 (`ETag`), without a policy header, so it keeps the policy that came
 * with the body it holds.
 *
 * Signed in, a page is shared by the viewers of one site role whose page shows nothing of theirs
 * but who they are (sharesPage: no work of theirs on the article, no membership of its projects,
 * which would open other layers): it is rendered for a made-up viewer of that role whose id, name,
 * email and colour are random tokens, and each answer fills in the real viewer's, escaped for where
 * each stands (page-template.ts). It is rendered twice with different tokens and kept only when the
 * two cut alike, so a page that shows anything derived from them (a name's initial, say) is never
 * shared: it is then rendered per viewer, as is the page of anyone it does not fit.
 *
 * Anything else the render answers (a redirect to sign in, 404 for an unknown or archived article,
 * an error) is passed on as rendered and not kept.
 */
export async function serveCachedReaderPage({ request, path, render, viewer = null }: { request: Request; path: string; render: PageRenderer; viewer?: Actor | null }): Promise<Response> {
  const plan = await planReaderPage(request.headers, path, viewer);
  // The page as rendered for whoever asks (a signed-in viewer with all their cookies), not kept.
  const renderAsAsked = async () => passOn(await render(path, plan.layerCookie, viewer ? { cookies: request.headers.get("cookie") ?? "" } : undefined));
  if (plan.kind === "answer") return responseOf(plan.answer);
  if (plan.kind === "as-asked") return renderAsAsked();
  let page: CachedPage | null;
  try {
    page = await pages.get(plan.key, plan.version, () => (viewer ? renderShared(render, path, plan.layerCookie, viewer.role) : renderForCache(render, path, plan.layerCookie)));
  } catch (error) {
    if (error instanceof NotCacheable) return passOn(error.page);
    throw error;
  }
  if (page === null) return renderAsAsked();
  return responseOf(filledPage(page, plan, viewer, request.url));
}

/**
 * What the page cache answers from memory alone (the server's request hook, before Next.js): the
 * answer when the cache holds the page at its current version (or the client does: 304); "render"
 * when the page is not the cache's to answer (an unknown slug, a viewer with work of their own, a
 * page that cannot be shared): Next renders it for the visitor as asked, without the cache; "miss"
 * when the cache's route should render it and keep it. The same decision as serveCachedReaderPage,
 * which it shares every step with but the render. `origin` is this server's (the CSP's https test).
 */
export async function heldReaderPage({ headers, path, viewer, origin }: { headers: Headers; path: string; viewer: Actor | null; origin: string }): Promise<PageAnswer | "render" | "miss"> {
  const plan = await planReaderPage(headers, path, viewer);
  if (plan.kind === "answer") return plan.answer;
  if (plan.kind === "as-asked") return "render";
  const held = pages.peek(plan.key, plan.version);
  if (!held) return "miss";
  // Still loading (the route's render), or loaded: a failed load (not a page) is the route's to answer.
  const page = await held.catch(() => undefined);
  if (page === undefined) return "miss";
  if (page === null) return "render";
  return filledPage(page, plan, viewer, origin);
}

/** An answer of the page cache, for either transport (a Web Response from the route, the Node response from the hook). */
export interface PageAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  /** Null for a 304. */
  body: string | null;
}

/** What the cache makes of a request before any render: answered already (304), not its to keep, or a page at a key and version. */
type PagePlan = { layerCookie: string | undefined } & (
  | { kind: "answer"; answer: PageAnswer }
  | { kind: "as-asked" }
  | { kind: "page"; key: string; version: string; headers: Record<string, string> }
);

async function planReaderPage(headers: Headers, path: string, viewer: Actor | null): Promise<PagePlan> {
  const rawSlug = readerPathSlug(path);
  if (rawSlug === null) throw new Error(`Not a reader page: ${path}`);
  const layerCookie = layerCookieValueOf(headers.get("cookie"));
  const slug = decodeSlug(rawSlug);
  const stamp = slug === null ? null : await readArticleStamp({ slug }, viewer?.id, parseLayerPreference(layerCookie));
  if (!stamp || (viewer && !sharesPage(viewer, stamp))) return { kind: "as-asked", layerCookie };

  const layer = viewLayerOf(viewer, stamp);
  // The reader's layer choice counts only through the layer it picks; the viewer's own facts only through sharesPage.
  const { layerPreference: _preference, noPrivateWorkOf: _private, noWorkOf: _work, ...shown } = stamp;
  // Whether sign-in is required decides whether there is an anonymous page at all.
  const version = validatorOf(["reader-page", path, layer, viewer?.role ?? "anonymous", readPolicy().requireSignIn ? "sign-in" : "open", JSON.stringify(shown)]);
  // A signed-in page shows who is signed in: a browser's copy is that viewer's alone.
  const etag = viewer ? validatorOf([version, ...VIEWER_SLOTS.map((slot) => viewer[slot])]) : version;
  const validators = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (matchesIfNoneMatch(headers.get("if-none-match"), etag)) return { kind: "answer", layerCookie, answer: { status: 304, headers: validators, body: null } };
  return { kind: "page", layerCookie, key: `${path}\n${layer ?? ""}\n${viewer?.role ?? ""}`, version, headers: validators };
}

/** The kept page with a fresh nonce (and `viewer`'s identity) filled in, with its policy. */
function filledPage(page: CachedPage, plan: Extract<PagePlan, { kind: "page" }>, viewer: Actor | null, url: string): PageAnswer {
  const nonce = randomBytes(16).toString("base64");
  const security = pageSecurityHeaders({ nonce, baseURL: process.env.BETTER_AUTH_URL ?? new URL(url).origin, dev: false });
  const identity = viewer ? Object.fromEntries(VIEWER_SLOTS.map((slot) => [slot, viewer[slot]])) : {};
  return {
    status: 200,
    headers: { ...plan.headers, ...security, "Content-Type": page.contentType, Vary: page.vary },
    body: fillPage(page.template, { nonce, ...identity }),
  };
}

function responseOf({ status, headers, body }: PageAnswer): Response {
  return new Response(body, { status, headers });
}

/**
 * Whether `viewer`'s page of the article is their role's shared page with their identity in it:
 * nothing on it is theirs (no annotation or note of theirs, shared or private: no "mine" marks, no
 * private work), they are in none of its projects (a membership opens layers and decides who
 * annotates), and their fields fit the page's payload as the render wrote the tokens.
 */
function sharesPage(viewer: Actor, stamp: ArticleStamp): boolean {
  return (
    stamp.noWorkOf === viewer.id &&
    stamp.projects.every((project) => project.memberRole === null) &&
    VIEWER_SLOTS.every((slot) => viewer[slot].length <= MAX_SLOT_VALUE_LENGTH)
  );
}

async function renderForCache(render: PageRenderer, path: string, layerCookie: string | undefined): Promise<CachedPage> {
  const page = await render(path, layerCookie);
  const cached = cachedPageOf(page, null);
  if (!cached) throw new NotCacheable(page);
  return cached;
}

/** How many renders renderShared makes at most before giving a page up as unshareable. */
const SHARE_RENDERS = 4;

/**
 * The signed-in page of `role`'s viewers, rendered for two made-up viewers: null (render per
 * viewer) unless both are ordinary pages that cut alike at their tokens.
 */
async function renderShared(render: PageRenderer, path: string, layerCookie: string | undefined, role: Actor["role"]): Promise<CachedPage | null> {
  // One after the other, each compared with the one before, the two made-up viewers in turn: Next
  // may stream a page's parts in another order from one render to the next (seen under load), and a
  // write may land between two renders; two in a row that cut alike are the page. A page showing
  // something derived from its viewer never cuts alike: after SHARE_RENDERS it is given up.
  let previous: CachedPage | null = null;
  for (let i = 0; i < SHARE_RENDERS; i++) {
    const template = templateViewer(role, (i % 2) as 0 | 1);
    const page = cachedPageOf(await render(path, layerCookie, { template }), template);
    if (!page) return null;
    if (previous && samePage(previous.template, page.template)) return page;
    previous = page;
  }
  return null;
}

/**
 * A 200 render cut at its nonce (and at `template`'s identity tokens), or null: another status,
 * a page without its nonce in the body (no script at all: nothing to renew, so keep nothing rather
 * than guess), or a token where its value could not be written back exactly.
 */
function cachedPageOf(page: RenderedPage, template: Actor | null): CachedPage | null {
  const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1];
  if (page.status !== 200 || !nonce || !page.body.includes(nonce)) return null;
  const tokens: SlotToken[] = [{ name: "nonce", token: nonce, raw: true }, ...(template ? VIEWER_SLOTS.map((slot) => ({ name: slot, token: template[slot] })) : [])];
  const cut = cutPage(page.body, tokens);
  if (!cut) return null;
  // The answer depends on the session cookie too (a signed-in visitor gets another page), beside what Next varies on.
  const vary = [...new Set([...(page.headers.get("vary") ?? "").split(","), "Cookie"].map((name) => name.trim()).filter(Boolean))].join(", ");
  return { template: cut, contentType: page.headers.get("content-type") ?? "text/html; charset=utf-8", vary };
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

/**
 * The production renderer: asks this very server for the page (at the origin Next records it
 * listens on), marked as the cache's own render so the proxy lets it reach the page, uncompressed,
 * without the visitor's cookies (the layer choice aside) unless it renders for them; a template
 * viewer is named by the header only this process can write (viewer-template.ts).
 */
export function selfRenderer(origin: string): PageRenderer {
  return async (path, layerCookie, renderFor) => {
    const cookie = renderFor && "cookies" in renderFor ? renderFor.cookies : layerCookie !== undefined ? `${LAYER_COOKIE}=${encodeURIComponent(layerCookie)}` : undefined;
    const response = await fetch(new URL(path, origin), {
      headers: {
        [PAGE_RENDER_HEADER]: "1",
        Accept: "text/html",
        "Accept-Encoding": "identity",
        ...(cookie ? { Cookie: cookie } : {}),
        ...(renderFor && "template" in renderFor ? { [VIEWER_TEMPLATE_HEADER]: viewerTemplateHeader(renderFor.template) } : {}),
      },
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(60_000),
    });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
}
