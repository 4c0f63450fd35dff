import { randomBytes } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { callApi } from "./support/reader";
import { E2E_BASE_URL } from "./support/urls";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

/**
 * The Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/), conformance walked one
 * requirement at a time against the running server, as the web-platform-tests
 * `annotation-protocol` server checks and the web-annotation-protocol-tester list them: discovery,
 * containers (§ 5: type, Link, ETag, Vary, Allow, Accept-Post, Content-Location, Prefer, paging),
 * annotations (§ 4: GET/HEAD/OPTIONS, headers), creation (§ 5.3: 201, Location, server ids,
 * canonical/via), update (§ 5.4: PUT, If-Match), deletion (§ 5.5: 204), content negotiation,
 * authentication with an API token and CORS (GLOSSA_CORS_ORIGINS, playwright.config.ts). Each test
 * title names the requirement it checks; the test fails on the first header or member that breaks it.
 */

const ANNO = "http://www.w3.org/ns/anno.jsonld";
const ANNO_JSONLD = `application/ld+json; profile="${ANNO}"`;
const LDP = "http://www.w3.org/ns/ldp#";
const CLIENT_ORIGIN = "http://annotation-client.test";
const PAGE_SIZE = 20;

interface Fixture {
  api: APIRequestContext;
  token: string;
  slug: string;
  container: string;
  articleUrl: string;
  paragraphs: string[];
}

let fixture: Fixture | null = null;

/** An article of its own (imported by the admin), an annotator with a token, and a token-only client. */
async function setUp(page: Page, newClient: () => Promise<Page>): Promise<Fixture> {
  if (fixture) return fixture;
  const admin = await newClient();
  await signInAsAdmin(admin);
  const title = `Protocol conformance ${randomBytes(4).toString("hex")}`;
  const paragraphs = Array.from({ length: 25 }, (_, i) => `Paragraph number ${i + 1} of the protocol article says something worth annotating, once.`);
  const imported = await callApi<{ slug: string }>(admin, "POST", "/api/admin/import/commit", {
    kind: "paste",
    format: "text",
    title,
    language: "en",
    text: `${paragraphs.join("\n\n")}\n\n${title}`,
    target: { mode: "new" },
  });
  expect(imported.status, JSON.stringify(imported.error)).toBe(200);
  await newUser(page, { label: "Protocol client" });
  const created = await callApi<{ token: string }>(page, "POST", "/api/tokens", { name: "conformance suite" });
  expect(created.status, JSON.stringify(created.error)).toBe(201);
  const token = created.data!.token;
  const slug = imported.data!.slug;
  const articleUrl = `${E2E_BASE_URL}/articles/${encodeURIComponent(slug)}`;
  // A client with the token and no cookies, as another program would be.
  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  fixture = { api, token, slug, container: `${E2E_BASE_URL}/api/containers/${encodeURIComponent(slug)}/`, articleUrl, paragraphs };
  return fixture;
}

/** A Web Annotation on words of paragraph `n` of the fixture article, as any client would write it. */
function annotationOn(f: Fixture, n: number, words: string, extra: Record<string, unknown> = {}) {
  const text = f.paragraphs[n - 1]!;
  const start = text.indexOf(words);
  expect(start, `“${words}” is in paragraph ${n}`).toBeGreaterThanOrEqual(0);
  return {
    "@context": ANNO,
    type: "Annotation",
    motivation: "highlighting",
    target: {
      source: `${f.articleUrl}#p-${n}`,
      selector: [
        { type: "CssSelector", value: `#p-${n}`, refinedBy: { type: "TextQuoteSelector", exact: words, prefix: text.slice(Math.max(0, start - 10), start), suffix: text.slice(start + words.length, start + words.length + 10) } },
        { type: "CssSelector", value: `#p-${n}`, refinedBy: { type: "TextPositionSelector", start, end: start + words.length } },
      ],
    },
    ...extra,
  };
}

async function post(f: Fixture, body: unknown, headers: Record<string, string> = {}): Promise<APIResponse> {
  return f.api.post(f.container, { data: JSON.stringify(body), headers: { "Content-Type": ANNO_JSONLD, ...headers } });
}

function links(response: APIResponse): { href: string; rel: string }[] {
  return (response.headers()["link"] ?? "").split(/,\s*(?=<)/).map((part) => {
    const match = /^<([^>]*)>\s*;\s*rel="?([^";]*)"?/.exec(part.trim());
    return { href: match?.[1] ?? "", rel: match?.[2] ?? "" };
  });
}

const tokens = (value: string | undefined) => (value ?? "").split(",").map((part) => part.trim().toLowerCase());

test.describe.configure({ mode: "serial" });

test.describe("Web Annotation Protocol conformance", () => {
  test.beforeEach(async ({ page, newClient }) => {
    await setUp(page, newClient);
  });

  test("discovery: the article page names its container in a Link header and a <link> element (rel oa#annotationService)", async ({ page }) => {
    const f = fixture!;
    const response = await page.request.get(f.articleUrl);
    expect(response.status()).toBe(200);
    const service = links(response).find((link) => link.rel === "http://www.w3.org/ns/oa#annotationService");
    expect(service, response.headers()["link"]).toBeTruthy();
    expect(new URL(service!.href, f.articleUrl).href).toBe(f.container);
    await page.goto(f.articleUrl);
    await expect(page.locator('link[rel="http://www.w3.org/ns/oa#annotationService"]')).toHaveAttribute("href", f.container);
  });

  test("container MUST: IRI ends in /, GET answers anno JSON-LD, type BasicContainer + AnnotationCollection, Content-Location = id", async () => {
    const f = fixture!;
    const response = await f.api.get(f.container);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(ANNO_JSONLD);
    const body = await response.json();
    expect(body.id).toBe(f.container);
    expect(body.id.endsWith("/")).toBe(true);
    expect(body["@context"]).toEqual([ANNO, "http://www.w3.org/ns/ldp.jsonld"]);
    expect(body.type).toEqual(expect.arrayContaining(["BasicContainer", "AnnotationCollection"]));
    expect(typeof body.total).toBe("number");
    expect(response.headers()["content-location"]).toBe(body.id);
  });

  test("container MUST: Link type ldp#BasicContainer and ldp#constrainedBy; ETag; Vary Accept and Prefer; Allow GET HEAD OPTIONS POST; Accept-Post", async () => {
    const f = fixture!;
    const response = await f.api.get(f.container);
    const all = links(response);
    expect(all).toContainEqual({ href: `${LDP}BasicContainer`, rel: "type" });
    expect(all.find((link) => link.rel === `${LDP}constrainedBy`)?.href).toMatch(/^https:\/\/www\.w3\.org\/TR\/annotation-protocol/);
    expect(response.headers()["etag"]).toMatch(/^"[^"]+"$/);
    expect(tokens(response.headers()["vary"])).toEqual(expect.arrayContaining(["accept", "prefer"]));
    expect(tokens(response.headers()["allow"])).toEqual(expect.arrayContaining(["get", "head", "options", "post"]));
    expect(response.headers()["accept-post"]).toContain("application/ld+json");
  });

  test("container MUST support HEAD (headers, no body) and OPTIONS (Allow)", async () => {
    const f = fixture!;
    const get = await f.api.get(f.container);
    const head = await f.api.head(f.container);
    expect(head.status()).toBe(200);
    expect(head.headers()["etag"]).toBe(get.headers()["etag"]);
    expect(head.headers()["content-type"]).toBe(ANNO_JSONLD);
    expect((await head.body()).length).toBe(0);
    const options = await f.api.fetch(f.container, { method: "OPTIONS" });
    expect(options.status()).toBeLessThan(300);
    expect(tokens(options.headers()["allow"])).toEqual(expect.arrayContaining(["get", "head", "options", "post"]));
  });

  test("creation MUST: POST answers 201 with Location, the server's id under the container, canonical kept and the client's id as via", async () => {
    const f = fixture!;
    const clientId = `urn:uuid:${crypto.randomUUID()}`;
    const canonical = `urn:uuid:${crypto.randomUUID()}`;
    const response = await post(f, annotationOn(f, 1, "worth annotating", { id: clientId, canonical, body: { type: "TextualBody", value: "A **comment**", format: "text/markdown" } }));
    expect(response.status(), await response.text()).toBe(201);
    const body = await response.json();
    expect(response.headers()["location"]).toBe(body.id);
    expect(body.id.startsWith(f.container)).toBe(true);
    expect(body.id).not.toBe(clientId);
    expect(body.canonical).toBe(canonical);
    expect(body.via).toBe(clientId);
    expect(body.type).toBe("Annotation");
    expect(body.body).toEqual([expect.objectContaining({ type: "TextualBody", value: "A **comment**" })]);
    expect(response.headers()["etag"]).toBeTruthy();
    // The container lists it now.
    const listed = await (await f.api.get(f.container, { headers: { Prefer: `return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"` } })).json();
    expect(listed.first.items).toContain(body.id);
  });

  test("annotation MUST: GET answers anno JSON-LD with Link ldp#Resource, ETag, Vary Accept, Allow, Content-Location = id; HEAD and OPTIONS work", async () => {
    const f = fixture!;
    const created = await (await post(f, annotationOn(f, 2, "something worth"))).json();
    const response = await f.api.get(created.id);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe(ANNO_JSONLD);
    expect(links(response)).toContainEqual({ href: `${LDP}Resource`, rel: "type" });
    expect(response.headers()["etag"]).toMatch(/^"[^"]+"$/);
    expect(tokens(response.headers()["vary"])).toContain("accept");
    expect(tokens(response.headers()["allow"])).toEqual(expect.arrayContaining(["get", "head", "options", "put", "delete"]));
    expect(response.headers()["content-location"]).toBe(created.id);
    const body = await response.json();
    expect(body.id).toBe(created.id);
    expect(body["@context"]).toBe(ANNO);
    const head = await f.api.head(created.id);
    expect(head.status()).toBe(200);
    expect(head.headers()["etag"]).toBe(response.headers()["etag"]);
    expect((await head.body()).length).toBe(0);
    const options = await f.api.fetch(created.id, { method: "OPTIONS" });
    expect(tokens(options.headers()["allow"])).toEqual(expect.arrayContaining(["get", "head", "options", "put", "delete"]));
    // The IRI the W3C export names it by resolves to it too.
    const exported = await f.api.get(created.id.replace(f.container, `${f.articleUrl}/annotations/`));
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-location"]).toBe(created.id);
  });

  test("SHOULD: If-None-Match with the current ETag answers 304, for the container and an annotation", async () => {
    const f = fixture!;
    const container = await f.api.get(f.container);
    expect((await f.api.get(f.container, { headers: { "If-None-Match": container.headers()["etag"]! } })).status()).toBe(304);
    const created = await (await post(f, annotationOn(f, 3, "says something"))).json();
    const annotation = await f.api.get(created.id);
    expect((await f.api.get(created.id, { headers: { "If-None-Match": annotation.headers()["etag"]! } })).status()).toBe(304);
    expect((await f.api.get(created.id, { headers: { "If-None-Match": '"stale"' } })).status()).toBe(200);
  });

  test("content negotiation: JSON-LD by default and for */*, application/json on request, 406 for what is not offered", async () => {
    const f = fixture!;
    expect((await f.api.get(f.container, { headers: { Accept: "*/*" } })).headers()["content-type"]).toBe(ANNO_JSONLD);
    expect((await f.api.get(f.container, { headers: { Accept: "application/ld+json" } })).headers()["content-type"]).toBe(ANNO_JSONLD);
    expect((await f.api.get(f.container, { headers: { Accept: "application/json" } })).headers()["content-type"]).toBe("application/json");
    const html = await f.api.get(f.container, { headers: { Accept: "text/html" } });
    expect(html.status()).toBe(406);
    expect((await html.json()).error.message).toContain("application/ld+json");
    expect((await f.api.get(f.container, { headers: { Accept: 'application/ld+json; profile="http://www.w3.org/ns/activitystreams"' } })).status()).toBe(406);
  });

  test("Prefer: minimal container names its pages only; contained IRIs lists IRIs; contained descriptions embeds annotations; Preference-Applied", async () => {
    const f = fixture!;
    const minimal = await f.api.get(f.container, { headers: { Prefer: `return=representation; include="${LDP}PreferMinimalContainer"` } });
    expect(minimal.headers()["preference-applied"]).toBe("return=representation");
    const minimalBody = await minimal.json();
    expect(typeof minimalBody.first).toBe("string");
    expect(typeof minimalBody.last).toBe("string");
    const iris = await (await f.api.get(f.container, { headers: { Prefer: `return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"` } })).json();
    expect(iris.first.items.every((item: unknown) => typeof item === "string")).toBe(true);
    const full = await (await f.api.get(f.container, { headers: { Prefer: `return=representation; include="http://www.w3.org/ns/oa#PreferContainedDescriptions"` } })).json();
    expect(full.first.items.every((item: { type?: string }) => item.type === "Annotation")).toBe(true);
    // The ETag differs with the representation (Vary: Prefer).
    expect(minimal.headers()["etag"]).not.toBe((await f.api.get(f.container)).headers()["etag"]);
  });

  test("paging MUST: pages link next, prev and partOf; first has no prev, last no next; total and startIndex are right", async () => {
    const f = fixture!;
    // Enough annotations for two pages.
    let total = (await (await f.api.get(f.container)).json()).total as number;
    for (let n = 4; total <= PAGE_SIZE; n++, total++) expect((await post(f, annotationOn(f, n, "Paragraph number"))).status()).toBe(201);
    const container = await (await f.api.get(f.container)).json();
    expect(container.total).toBe(total);
    expect(container.first.id).toBe(`${f.container}?page=0`);
    expect(container.first.next).toBe(`${f.container}?page=1`);
    expect(container.first.prev).toBeUndefined();
    expect(container.first.items).toHaveLength(PAGE_SIZE);
    const last = await f.api.get(container.last);
    expect(last.status()).toBe(200);
    expect(last.headers()["content-location"]).toBe(container.last);
    const page = await last.json();
    expect(page.type).toBe("AnnotationPage");
    expect(page.partOf).toEqual(expect.objectContaining({ id: f.container, total }));
    expect(page.next).toBeUndefined();
    expect(page.prev).toBe(`${f.container}?page=${Math.ceil(total / PAGE_SIZE) - 2}`);
    expect(page.startIndex).toBe((Math.ceil(total / PAGE_SIZE) - 1) * PAGE_SIZE);
    const irisPage = await (await f.api.get(`${f.container}?page=0&iris=1`)).json();
    expect(irisPage.items).toEqual(container.first.items.map((item: { id: string }) => item.id));
    expect((await f.api.get(`${f.container}?page=999`)).status()).toBe(404);
    expect((await f.api.get(`${f.container}?page=-1`)).status()).toBe(400);
  });

  test("update MUST: PUT replaces with If-Match (428 without it, 412 when stale); the ETag changes", async () => {
    const f = fixture!;
    const created = await post(f, annotationOn(f, 5, "worth annotating"));
    const annotation = await created.json();
    const etag = created.headers()["etag"]!;
    const changed = { ...annotation, target: { ...annotation.target, styleClass: "green" } };
    const headers = { "Content-Type": ANNO_JSONLD };
    const missing = await f.api.put(annotation.id, { data: JSON.stringify(changed), headers });
    expect(missing.status()).toBe(428);
    const stale = await f.api.put(annotation.id, { data: JSON.stringify(changed), headers: { ...headers, "If-Match": '"not-the-current-one"' } });
    expect(stale.status()).toBe(412);
    const put = await f.api.put(annotation.id, { data: JSON.stringify(changed), headers: { ...headers, "If-Match": etag } });
    expect(put.status(), await put.text()).toBe(200);
    const replaced = await put.json();
    expect(replaced.target.styleClass).toBe("green");
    expect(put.headers()["etag"]).not.toBe(etag);
    // The old ETag is stale now.
    expect((await f.api.put(annotation.id, { data: JSON.stringify(changed), headers: { ...headers, "If-Match": etag } })).status()).toBe(412);
    const moved = { ...replaced, target: annotationOn(f, 6, "worth annotating").target };
    const refused = await f.api.put(annotation.id, { data: JSON.stringify(moved), headers: { ...headers, "If-Match": put.headers()["etag"]! } });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error.message).toContain("target cannot change");
  });

  test("deletion MUST: DELETE answers 204, and the annotation is gone", async () => {
    const f = fixture!;
    const annotation = await (await post(f, annotationOn(f, 7, "something worth"))).json();
    const before = (await (await f.api.get(f.container)).json()).total;
    const deleted = await f.api.delete(annotation.id);
    expect(deleted.status()).toBe(204);
    expect((await f.api.get(annotation.id)).status()).toBe(404);
    expect((await (await f.api.get(f.container)).json()).total).toBe(before - 1);
    expect((await f.api.delete(annotation.id)).status()).toBe(404);
  });

  test("constrainedBy: a target on another article, selectors that miss the text, a non-annotation, a wrong media type are refused with a message", async () => {
    const f = fixture!;
    const before = (await (await f.api.get(f.container)).json()).total;
    const elsewhere = annotationOn(f, 1, "worth annotating");
    elsewhere.target.source = `${E2E_BASE_URL}/articles/some-other-article#p-1`;
    const wrongArticle = await post(f, elsewhere);
    expect(wrongArticle.status()).toBe(422);
    expect((await wrongArticle.json()).error.message).toContain("is not this article");
    const missing = annotationOn(f, 1, "worth annotating");
    (missing.target.selector[0]!.refinedBy as { exact: string }).exact = "words that are not there";
    const miss = await post(f, missing);
    expect(miss.status()).toBe(422);
    expect((await miss.json()).error.message).toMatch(/do not match|not in/);
    const position = annotationOn(f, 1, "worth annotating");
    (position.target.selector[1]!.refinedBy as { start: number }).start = 0;
    expect((await post(f, position)).status()).toBe(422);
    const notAnnotation = await post(f, { "@context": ANNO, type: "Person", name: "<script>alert(1)</script>" });
    expect(notAnnotation.status()).toBe(400);
    expect((await post(f, [annotationOn(f, 1, "worth annotating")])).status()).toBe(400);
    expect((await f.api.post(f.container, { data: "{not json", headers: { "Content-Type": ANNO_JSONLD } })).status()).toBe(400);
    expect((await f.api.post(f.container, { data: "x", headers: { "Content-Type": "text/plain" } })).status()).toBe(415);
    expect((await post(f, annotationOn(f, 1, "worth annotating", { body: { type: "TextualBody", value: "x".repeat(1_100_000) } }))).status()).toBe(413);
    expect((await (await f.api.get(f.container)).json()).total).toBe(before);
  });

  test("authentication: no token 401 with WWW-Authenticate for writes; a malformed or unknown token 401 invalid_token; a Reader's token 403", async ({ newClient }) => {
    const f = fixture!;
    const anonymous = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
    const unauthenticated = await anonymous.post(f.container, { data: JSON.stringify(annotationOn(f, 1, "worth annotating")), headers: { "Content-Type": ANNO_JSONLD } });
    expect(unauthenticated.status()).toBe(401);
    expect(unauthenticated.headers()["www-authenticate"]).toMatch(/^Bearer realm="Glossa"/);
    // Reading is as open as the reader (anonymous visitors may read unless sign-in is required).
    expect((await anonymous.get(f.container)).status()).toBe(200);
    for (const bad of ["Bearer not-a-token", `Bearer glossa_${"A".repeat(43)}`, "Basic dXNlcjpwYXNz"]) {
      const refused = await anonymous.get(f.container, { headers: { Authorization: bad } });
      expect(refused.status(), bad).toBe(401);
      expect(refused.headers()["www-authenticate"]).toContain('error="invalid_token"');
    }
    await anonymous.dispose();
    const readerPage = await newClient();
    const reader = await newUser(readerPage, { label: "Reader" });
    const admin = await newClient();
    await signInAsAdmin(admin);
    const readerToken = await callApi<{ token: string }>(readerPage, "POST", "/api/tokens", { name: "reader" });
    expect(readerToken.status).toBe(201);
    // The token acts with its user's role as it is now: made a Reader after the token was made.
    expect((await callApi(admin, "PATCH", `/api/admin/users/${reader.id}`, { role: "READER" })).status).toBe(200);
    const asReader = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${readerToken.data!.token}` } });
    expect((await asReader.get(f.container)).status()).toBe(200);
    const forbidden = await asReader.post(f.container, { data: JSON.stringify(annotationOn(f, 1, "worth annotating")), headers: { "Content-Type": ANNO_JSONLD } });
    expect(forbidden.status()).toBe(403);
    await asReader.dispose();
  });

  test("CORS: an allowed origin gets its preflight answered and reads ETag, Link, Location and Content-Location; another origin gets nothing", async () => {
    const f = fixture!;
    const preflight = await f.api.fetch(f.container, {
      method: "OPTIONS",
      headers: { Origin: CLIENT_ORIGIN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type, if-match, prefer" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe(CLIENT_ORIGIN);
    expect(tokens(preflight.headers()["access-control-allow-methods"])).toEqual(expect.arrayContaining(["post", "put", "delete"]));
    expect(tokens(preflight.headers()["access-control-allow-headers"])).toEqual(expect.arrayContaining(["authorization", "content-type", "if-match", "prefer"]));
    expect(preflight.headers()["access-control-allow-credentials"]).toBeUndefined();
    const created = await post(f, annotationOn(f, 8, "worth annotating"), { Origin: CLIENT_ORIGIN });
    expect(created.status(), await created.text()).toBe(201);
    expect(created.headers()["access-control-allow-origin"]).toBe(CLIENT_ORIGIN);
    expect(tokens(created.headers()["access-control-expose-headers"])).toEqual(expect.arrayContaining(["etag", "link", "location", "content-location"]));
    const other = await f.api.get(f.container, { headers: { Origin: "http://evil.test" } });
    expect(other.headers()["access-control-allow-origin"]).toBeUndefined();
    const otherPreflight = await f.api.fetch(f.container, { method: "OPTIONS", headers: { Origin: "http://evil.test", "Access-Control-Request-Method": "POST" } });
    expect(otherPreflight.headers()["access-control-allow-origin"]).toBeUndefined();
  });
});

test.afterAll(async () => {
  await fixture?.api.dispose();
});
