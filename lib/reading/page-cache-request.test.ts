import { describe, expect, it } from "vitest";
import { decodeSlug, isCacheablePageRequest, pageCacheOrigin, PAGE_RENDER_HEADER, readerPathSlug, type PageRequest } from "./page-cache-request";

const plain: PageRequest = { method: "GET", pathname: "/articles/alyans-patriotov", search: "", headers: new Headers({ accept: "text/html" }) };

describe("isCacheablePageRequest", () => {
  it.each<[string, Partial<PageRequest>, boolean]>([
    ["a GET of a reader page", {}, true],
    ["a Cyrillic slug, percent-encoded as browsers send it", { pathname: "/articles/%D0%BC%D0%B8%D1%80" }, true],
    // The cache decides whether a signed-in visitor's page may be shared (serve-cached-page.ts).
    ["a signed-in visitor's GET of a reader page", { headers: new Headers({ accept: "text/html", cookie: "better-auth.session_token=x.y" }) }, true],
    ["HEAD", { method: "HEAD" }, false],
    ["POST (a server action)", { method: "POST" }, false],
    ["a query string (the page would carry it)", { search: "?utm_source=x" }, false],
    ["the router's RSC payload of a client-side navigation", { search: "?_rsc=1x2y" }, false],
    ["an RSC request by header", { headers: new Headers({ rsc: "1" }) }, false],
    ["a router state tree", { headers: new Headers({ "next-router-state-tree": "%5B%5D" }) }, false],
    ["a prefetch", { headers: new Headers({ "next-router-prefetch": "1" }) }, false],
    ["the cache's own render (else it would ask itself forever)", { headers: new Headers({ [PAGE_RENDER_HEADER]: "1" }) }, false],
    ["the library", { pathname: "/" }, false],
    ["an article's annotations container", { pathname: "/articles/x/annotations" }, false],
    ["a trailing slash", { pathname: "/articles/x/" }, false],
    ["no slug", { pathname: "/articles/" }, false],
    ["another page", { pathname: "/admin/articles" }, false],
    ["a huge slug", { pathname: `/articles/${"a".repeat(1025)}` }, false],
    // Straight to the page, which answers 404: the rewrite would lose its query on such a path.
    ["a malformed percent-encoding", { pathname: "/articles/%E0%A4%A" }, false],
    ["an encoded NUL", { pathname: "/articles/%00" }, false],
    ["a percent sign with no hex digits", { pathname: "/articles/%ZZ" }, false],
  ])("%s → %s", (_name, change, expected) => {
    expect(isCacheablePageRequest({ ...plain, ...change })).toBe(expected);
  });
});

describe("readerPathSlug and decodeSlug", () => {
  it.each<[string, string | null, string | null]>([
    ["/articles/plain", "plain", "plain"],
    ["/articles/%D0%BC%D0%B8%D1%80", "%D0%BC%D0%B8%D1%80", "мир"],
    ["/articles/%F0%9F%98%80-emoji", "%F0%9F%98%80-emoji", "😀-emoji"],
    ["/articles/%E0%A4%A", "%E0%A4%A", null], // malformed percent-encoding
    ["/articles/a%00b", "a%00b", null], // NUL: PostgreSQL refuses it
    ["/articles/%ED%A0%80", "%ED%A0%80", null], // an encoded lone surrogate is no UTF-8
    ["/articles/<script>", "<script>", "<script>"], // just a slug that names nothing: the page answers 404
    ["/articles", null, null],
    ["/article/x", null, null],
    ["/articles/a/b", null, null],
  ])("%s", (pathname, raw, slug) => {
    expect(readerPathSlug(pathname)).toBe(raw);
    if (raw !== null) expect(decodeSlug(raw)).toBe(slug);
  });
});

describe("pageCacheOrigin", () => {
  const running = { NODE_ENV: "production", __NEXT_PRIVATE_ORIGIN: "http://localhost:3000" };
  it.each<[string, Record<string, string | undefined>, string | null]>([
    ["a production server that has started listening", running, "http://localhost:3000"],
    ["development: pages change with the sources", { ...running, NODE_ENV: "development" }, null],
    ["switched off", { ...running, GLOSSA_PAGE_CACHE: "off" }, null],
    ["before Next said where it listens", { NODE_ENV: "production" }, null],
  ])("%s", (_name, env, expected) => {
    expect(pageCacheOrigin(env)).toBe(expected);
  });
});
