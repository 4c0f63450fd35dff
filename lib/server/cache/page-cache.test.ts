/**
 * The anonymous reader-page cache (serve-cached-page.ts) against a real PostgreSQL: its answer is
 * always what a fresh anonymous render would give, right after every kind of write, on this
 * "instance" and on a second one (a fresh copy of the modules); each answer carries a nonce of its
 * own that its policy names and the render's nonce never leaves the server; a client holding the
 * current page gets 304, and a stale one the new page; what cannot be cached (404, a redirect) is
 * passed on as rendered; and the render never sees the visitor's session.
 *
 * The renderer here stands in for the app's page (which needs the Next server: e2e covers that,
 * e2e/reading-cache.spec.ts): it renders, as the page does, everything an anonymous visitor sees
 * from the same use cases — the article, the shared layer, the label set and the guidelines.
 */
import { createServer, get as httpGet, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parsePlainText } from "@/lib/importing";
import { LAYER_COOKIE } from "@/lib/projects/layer-preference";
import { PAGE_RENDER_HEADER } from "@/lib/reading/page-cache-request";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { getArticle } from "@/lib/server/articles/get-article";
import { importArticle } from "@/lib/server/articles/import-article";
import { setArticleArchived } from "@/lib/server/articles/set-article-archived";
import { annotationsForViewer, viewLayerOf } from "@/lib/server/cache/viewer-annotations";
import { heldReaderPage, selfRenderer, serveCachedReaderPage, type PageAnswer, type PageRenderer, type RenderedPage, type RenderFor } from "@/lib/server/cache/serve-cached-page";
import { installReaderPageHook } from "@/lib/server/reader-page-hook";
import { createNote } from "@/lib/server/notes/create-note";
import { getArticleGuidelines } from "@/lib/server/projects/get-article-guidelines";
import { listArticleEntityTypes } from "@/lib/server/projects/list-article-entity-types";
import { decodeSlug, isCacheablePageRequest, readerPathSlug } from "@/lib/reading/page-cache-request";
import { testLibrary } from "@/lib/server/testing/library";
import { articleGuidelines } from "@/lib/server/cache/article-guidelines";
import { layerEntityTypes } from "@/lib/server/cache/layer-entity-types";
import { readArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { templateViewerOf, VIEWER_TEMPLATE_HEADER } from "@/lib/server/cache/viewer-template";
import type { Actor } from "@/lib/permissions";

const FIRST = "Москва заявила, что переговоры с Тбилиси продолжатся в Женеве на следующей неделе.";
const SECOND = "Представитель МИД Грузии подтвердил, что делегация прибудет в понедельник.";

const library = testLibrary("glossa-page-cache-test");

// One deployment's instances serve one build and so agree on validators. Without a build (CI's unit
// stage runs before `next build`) each module copy would make up its own (conditional-response.ts):
// give both "instances" the same build, before any module reads it.
vi.hoisted(() => {
  const fs = process.getBuiltinModule("node:fs");
  const os = process.getBuiltinModule("node:os");
  const path = process.getBuiltinModule("node:path");
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), "glossa-page-cache-build-"));
  fs.writeFileSync(path.join(dist, "BUILD_ID"), "page-cache-test-build");
  process.env.GLOSSA_DIST_DIR = path.relative(process.cwd(), dist);
});

/** The request's Project layer cookie, as next/headers would give it to readArticleStamp. */
const layerCookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "glossa-layers" && layerCookie.value !== undefined ? { name, value: layerCookie.value } : undefined) }),
}));

/**
 * A second app instance: a fresh module graph, with a page cache of its own (the cache lives on
 * globalThis, shared by one process's bundles: the second instance is given another).
 */
let otherServe: typeof serveCachedReaderPage;
beforeAll(async () => {
  const key = Symbol.for("glossa.readerPageCache");
  const holder = globalThis as Record<symbol, unknown>;
  const own = holder[key];
  delete holder[key];
  vi.resetModules();
  otherServe = (await import("@/lib/server/cache/serve-cached-page")).serveCachedReaderPage;
  // The second copy made its own on import; this instance's is put back for this copy.
  expect(holder[key]).not.toBe(own);
  holder[key] = own;
});

/**
 * What the page shows an anonymous visitor, from the use cases the page calls, in an HTML body
 * with a nonce'd script (as Next writes its own), and the CSP header naming that nonce.
 */
const renders: { path: string; layerCookie: string | undefined; renderFor?: RenderFor }[] = [];
/** Signed-in viewers by the `test-viewer` cookie a request sends (standing in for a session). */
const sessions = new Map<string, Actor>();
/** Set by a test: what a page shows of its viewer beyond their fields (a derived value the shared cache must not keep). */
const derived = { of: (_viewer: Actor) => "" };
const render: PageRenderer = async (path, cookie, renderFor) => {
  renders.push({ path, layerCookie: cookie, ...(renderFor ? { renderFor } : {}) });
  layerCookie.value = cookie;
  const actor = !renderFor ? null : "template" in renderFor ? renderFor.template : (sessions.get(/test-viewer=([^;]+)/.exec(renderFor.cookies)?.[1] ?? "") ?? null);
  const slug = decodeSlug(path.slice("/articles/".length));
  const article = slug === null ? null : await getArticle({ actor, slug });
  const nonce = randomBytes(16).toString("base64");
  if (!article) return { status: 404, headers: new Headers({ "content-type": "text/html", "content-security-policy": `script-src 'nonce-${nonce}'` }), body: `<script nonce="${nonce}">404</script>` };
  const layer = viewLayerOf(actor, article);
  const [annotations, entityTypes, guidelines] = await Promise.all([
    annotationsForViewer({ actor, stamp: article, part: { name: "all" } }),
    listArticleEntityTypes({ layer }),
    getArticleGuidelines({ actor, articleId: article.id, layer }),
  ]);
  const { lastEventId: _cursor, ...shown } = annotations;
  const mine = shown.annotations.filter((annotation) => annotation.author.id === actor?.id).map((annotation) => annotation.id);
  const data = { title: article.title, archived: article.archivedAt, text: article.paragraphs.map((p) => p.text), shown, mine, entityTypes, guidelines };
  // Who is signed in, as the layout and the reader show it: in markup (escaped as React does) and as props in Next's RSC payload.
  const header = actor ? `<header title="${escapeHtml(actor.email)}"><i style="background:${escapeHtml(actor.color)}"></i>${escapeHtml(actor.name)} ${escapeHtml(derived.of(actor))}</header>` : "";
  const props = actor ? { ...actor, name: rscString(actor.name), id: rscString(actor.id) } : null;
  return {
    status: 200,
    headers: new Headers({ "content-type": "text/html; charset=utf-8", vary: "RSC, Accept-Encoding", "content-security-policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` }),
    body: `<html>${header}<script nonce="${nonce}">self.page=${JSON.stringify(data)}</script>${flightScript(nonce, { actor: props, role: actor?.role })}<script nonce="${nonce}" src="/app.js"></script></html>`,
  };
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);
}

/** React's RSC encoding of a string: one starting with `$` is marked by doubling it. */
function rscString(value: string): string {
  return value.startsWith("$") ? `$${value}` : value;
}

/** An RSC row inlined as Next does: its JSON in a JavaScript string, escaped for HTML. */
function flightScript(nonce: string, model: unknown): string {
  const js = JSON.stringify(`1:${JSON.stringify(model)}\n`).replace(/[&<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `<script nonce="${nonce}">self.__next_f.push([1,${js}])</script>`;
}

function request(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://127.0.0.1:3000/api/reading/page?path=${encodeURIComponent(path)}`, { headers });
}

/** The nonce an answer's policy names, and its body with that nonce taken out (what must equal a fresh render's). */
async function open(response: Response) {
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  const body = await response.text();
  return { status: response.status, nonce, body, page: nonce ? body.replaceAll(nonce, "NONCE") : body, etag: response.headers.get("etag") };
}

/** A fresh anonymous render, its nonce taken out: the truth an answer must equal. */
async function truth(path: string): Promise<string> {
  const rendered = await render(path, layerCookie.value);
  renders.pop();
  const nonce = /'nonce-([^']+)'/.exec(rendered.headers.get("content-security-policy")!)![1]!;
  return rendered.body.replaceAll(nonce, "NONCE");
}

/** Both instances answer `path` with exactly a fresh render (nonces aside), and say how many renders that took. */
async function expectCurrent(path: string): Promise<number> {
  const before = renders.length;
  const expected = await truth(path);
  for (const serve of [serveCachedReaderPage, otherServe]) {
    const answer = await open(await serve({ request: request(path), path, render }));
    expect(answer.status).toBe(200);
    expect(answer.page).toBe(expected);
  }
  return renders.length - before;
}

async function newArticle(): Promise<{ articleId: string; path: string; paragraphs: string[] }> {
  const parsed = await parsePlainText(`${FIRST}\n\n${SECOND}\n\nМетка ${randomUUID()}.`, { sourceUrl: `https://example.test/${randomUUID()}` });
  const { articleId } = await importArticle({ parsed, target: { mode: "new" } });
  const { rows } = await library.client.query<{ id: string; slug: string }>(
    `SELECT p.id, a.slug FROM "Paragraph" p JOIN "Article" a ON a.id = p."articleId" WHERE p."articleId" = $1 ORDER BY p.position`,
    [articleId],
  );
  return { articleId, path: `/articles/${encodeURIComponent(rows[0]!.slug)}`, paragraphs: rows.map((row) => row.id) };
}

function highlight(paragraphId: string, phrase: string, extra: Record<string, unknown> = {}) {
  const text = FIRST.includes(phrase) ? FIRST : SECOND;
  const start = text.indexOf(phrase);
  return { kind: "HIGHLIGHT", color: "yellow", paragraphId, start, end: start + phrase.length, exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + phrase.length, start + phrase.length + 32), ...extra };
}

describe("the anonymous reader-page cache", () => {
  it("renders a page once, then answers it with a fresh nonce each time that the render's nonce never leaves", async () => {
    const { path } = await newArticle();
    const before = renders.length;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await open(await serveCachedReaderPage({ request: request(path), path, render })));
    expect(renders.length - before).toBe(1);
    const nonces = answers.map((answer) => answer.nonce);
    expect(new Set(nonces).size).toBe(3);
    for (const answer of answers) {
      expect(answer.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      // Every script the page carries has this answer's nonce, and only it.
      expect(answer.body.match(/nonce="([^"]+)"/g)).toEqual(Array(3).fill(`nonce="${answer.nonce}"`));
    }
    expect(answers.map((answer) => answer.page)).toEqual(Array(3).fill(await truth(path)));
  });

  it("shows every write at the next load, on this instance and another, and keeps no one's private work", async () => {
    const { articleId, path, paragraphs } = await newArticle();
    expect(await expectCurrent(path)).toBe(2); // each instance renders once
    expect(await expectCurrent(path)).toBe(0); // then both answer from their caches

    const shared = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Тбилиси") });
    expect(await expectCurrent(path)).toBe(2);
    const page = await open(await serveCachedReaderPage({ request: request(path), path, render }));
    expect(page.body).toContain(shared.id);

    // Private work moves the article's version (a render follows) but is in nobody's anonymous page.
    const secret = await createAnnotation({ actor: library.bob, articleId, input: highlight(paragraphs[1]!, "делегация", { visibility: "PRIVATE", note: "page-cache secret" }) });
    await createNote({ actor: library.bob, articleId, input: { paragraphId: paragraphs[1]!, body: "A shared note" } });
    expect(await expectCurrent(path)).toBe(2);
    const withSecret = await open(await otherServe({ request: request(path), path, render }));
    expect(withSecret.body).not.toContain(secret.id);
    expect(withSecret.body).not.toContain("page-cache secret");
    expect(withSecret.body).toContain("A shared note");

    await deleteAnnotation({ actor: library.ann, annotationId: shared.id });
    expect(await expectCurrent(path)).toBe(2);
    expect((await open(await serveCachedReaderPage({ request: request(path), path, render }))).body).not.toContain(shared.id);
  });

  it("follows edits that write no annotation event: the title, entity types, guidelines, a re-import", async () => {
    const { articleId, path } = await newArticle();
    await expectCurrent(path);
    await library.client.query(`UPDATE "Article" SET title = title || ' (edited)' WHERE id = $1`, [articleId]);
    expect(await expectCurrent(path)).toBe(2);
    const { rows } = await library.client.query<{ projectId: string }>(`SELECT "projectId" FROM "ArticleProject" WHERE "articleId" = $1`, [articleId]);
    const projectId = rows[0]?.projectId;
    expect(projectId, "imports land in the default project").toBeDefined();
    await library.client.query(`UPDATE "EntityType" SET description = $2 WHERE "projectId" = $1 AND key = 'PER'`, [projectId, `People ${randomUUID()}`]);
    expect(await expectCurrent(path)).toBe(2);
    await library.client.query(`UPDATE "EntityType" SET position = -position WHERE "projectId" = $1`, [projectId]);
    expect(await expectCurrent(path)).toBe(2);
    await library.client.query(`UPDATE "Project" SET guidelines = $2 WHERE id = $1`, [projectId, `Tag people ${randomUUID()}`]);
    expect(await expectCurrent(path)).toBe(2);
    const sourceUrl = (await library.client.query<{ sourceUrl: string }>(`SELECT "sourceUrl" FROM "Article" WHERE id = $1`, [articleId])).rows[0]!.sourceUrl;
    await importArticle({ parsed: await parsePlainText(`Новый первый абзац.\n\n${SECOND}`, { sourceUrl }), target: { mode: "replace", articleId } });
    expect(await expectCurrent(path)).toBe(2);
    expect((await open(await otherServe({ request: request(path), path, render }))).body).toContain("Новый первый абзац.");
  });

  it("answers 304 to a client holding the current page, without a policy, and the new page once it changed", async () => {
    const { articleId, path, paragraphs } = await newArticle();
    const first = await open(await serveCachedReaderPage({ request: request(path), path, render }));
    expect(first.etag).toMatch(/^W\/".+"$/);
    const before = renders.length;
    const again = await serveCachedReaderPage({ request: request(path, { "If-None-Match": first.etag! }), path, render });
    expect(again.status).toBe(304);
    expect(again.headers.get("content-security-policy")).toBeNull();
    expect(await again.text()).toBe("");
    // The other instance agrees on the validator (one deployment, one build).
    expect((await otherServe({ request: request(path, { "If-None-Match": first.etag! }), path, render })).status).toBe(304);
    expect(renders.length).toBe(before);

    await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Женеве") });
    const after = await open(await serveCachedReaderPage({ request: request(path, { "If-None-Match": first.etag! }), path, render }));
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(first.etag);
    expect(after.page).toBe(await truth(path));
  });

  it("passes on, and never keeps, what is not a page: an archived article's 404, an unknown slug", async () => {
    const { articleId, path } = await newArticle();
    await expectCurrent(path);
    await setArticleArchived({ actor: library.ada, articleId, archived: true });
    for (let i = 0; i < 2; i++) {
      const before = renders.length;
      const answer = await open(await serveCachedReaderPage({ request: request(path), path, render }));
      expect(answer.status).toBe(404);
      expect(answer.body).toBe(`<script nonce="${answer.nonce}">404</script>`); // as rendered, its own nonce and policy
      expect(renders.length - before).toBe(1);
    }
    for (const unknown of ["/articles/no-such-article", "/articles/%E0%A4%A", "/articles/%00"]) {
      expect((await serveCachedReaderPage({ request: request(unknown), path: unknown, render })).status).toBe(404);
    }
  });

  it("keeps a page per layer choice, and gives the render only that choice, never the visitor's session", async () => {
    const { path } = await newArticle();
    const cookie = `better-auth.session_token=stolen.${randomUUID()}; ${LAYER_COOKIE}=some-project.other`;
    layerCookie.value = "some-project.other";
    const before = renders.length;
    await serveCachedReaderPage({ request: request(path, { Cookie: cookie }), path, render });
    expect(renders.slice(before)).toEqual([{ path, layerCookie: "some-project.other" }]);
    layerCookie.value = undefined;
  });
});

describe("the signed-in reader-page cache", () => {
  /** A signed-in viewer (a session the test renderer knows by its cookie), with hostile fields by default. */
  function viewer(role: Actor["role"], fields: Partial<Actor> = {}): Actor {
    const actor: Actor = { id: randomUUID(), name: `</script><script>alert("x")</script> O'Neil & co`, email: `${randomUUID()}@example.test`, color: "#aa3366", role, ...fields };
    sessions.set(actor.id, actor);
    return actor;
  }
  const as = (path: string, actor: Actor, headers: Record<string, string> = {}) => request(path, { Cookie: `test-viewer=${actor.id}`, ...headers });
  const serveAs = (serve: typeof serveCachedReaderPage, path: string, actor: Actor, headers: Record<string, string> = {}) => serve({ request: as(path, actor, headers), path, render, viewer: actor });

  /** The page rendered for `actor` alone (the truth an answer must equal), its nonce taken out. */
  async function truthFor(path: string, actor: Actor): Promise<string> {
    const rendered = await render(path, undefined, { cookies: `test-viewer=${actor.id}` });
    renders.pop();
    const nonce = /'nonce-([^']+)'/.exec(rendered.headers.get("content-security-policy")!)![1]!;
    return rendered.body.replaceAll(nonce, "NONCE");
  }

  it("renders a role's page once (two made-up viewers) and answers each viewer of that role with exactly their own page", async () => {
    const { path } = await newArticle();
    const first = viewer("READER");
    const second = viewer("READER", { name: "$1 Анна \\ \u2028", color: "#123456" });
    const before = renders.length;
    const answer = await open(await serveAs(serveCachedReaderPage, path, first));
    expect(answer.status).toBe(200);
    expect(answer.page).toBe(await truthFor(path, first));
    // Two renders for made-up viewers of the role, never the visitor's session.
    expect(renders.slice(before).map((r) => r.renderFor && "template" in r.renderFor && r.renderFor.template.role)).toEqual(["READER", "READER"]);
    expect(renders.slice(before).some((r) => r.renderFor && "cookies" in r.renderFor)).toBe(false);
    const again = renders.length;
    const other = await open(await serveAs(serveCachedReaderPage, path, second));
    expect(renders.length).toBe(again);
    expect(other.page).toBe(await truthFor(path, second));
    expect(other.body).not.toContain(first.email);
    expect(other.nonce).not.toBe(answer.nonce);
    // Another role's page is another page: an admin's is rendered for admins.
    const admin = viewer("ADMIN");
    expect((await open(await serveAs(serveCachedReaderPage, path, admin))).page).toBe(await truthFor(path, admin));
    expect(renders.length).toBe(again + 2);
  });

  it("shows every write at the next load, on this instance and another", async () => {
    const { articleId, path, paragraphs } = await newArticle();
    const reader = viewer("ANNOTATOR");
    const current = async () => {
      for (const serve of [serveCachedReaderPage, otherServe]) expect((await open(await serveAs(serve, path, reader))).page).toBe(await truthFor(path, reader));
    };
    await current();
    const shared = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Тбилиси") });
    await current();
    expect((await open(await serveAs(otherServe, path, reader))).body).toContain(shared.id);
    await deleteAnnotation({ actor: library.ann, annotationId: shared.id });
    await current();
    expect((await open(await serveAs(serveCachedReaderPage, path, reader))).body).not.toContain(shared.id);
  });

  it("renders the page of anyone with work of their own on the article for them alone, and keeps their private work out of everyone else's", async () => {
    const { articleId, path, paragraphs } = await newArticle();
    const rita = viewer("ANNOTATOR");
    await open(await serveAs(serveCachedReaderPage, path, rita)); // the role's shared page is in the cache
    sessions.set(library.bob.id, library.bob);
    sessions.set(library.ann.id, library.ann);
    const secret = await createAnnotation({ actor: library.bob, articleId, input: highlight(paragraphs[1]!, "делегация", { visibility: "PRIVATE", note: "signed-in secret" }) });
    const shared = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Женеве") });
    for (const owner of [library.bob, library.ann]) {
      const before = renders.length;
      const answer = await open(await serveAs(serveCachedReaderPage, path, owner));
      expect(answer.page).toBe(await truthFor(path, owner));
      expect(renders.slice(before)).toEqual([{ path, layerCookie: undefined, renderFor: { cookies: `test-viewer=${owner.id}` } }]);
    }
    expect((await open(await serveAs(serveCachedReaderPage, path, library.bob))).body).toContain("signed-in secret");
    // Ann's own highlight is marked hers on her page; on Rita's it is not, and Bob's secret is nowhere.
    expect((await open(await serveAs(serveCachedReaderPage, path, library.ann))).body).toContain(`"mine":["${shared.id}"]`);
    const ritas = await open(await serveAs(serveCachedReaderPage, path, rita));
    expect(ritas.page).toBe(await truthFor(path, rita));
    expect(ritas.body).toContain('"mine":[]');
    expect(ritas.body).not.toContain(secret.id);
    expect(ritas.body).not.toContain("signed-in secret");
  });

  it("renders the page of a member of the article's projects for them alone", async () => {
    const { articleId, path } = await newArticle();
    const member = await library.newUser("Member", "READER");
    sessions.set(member.id, member);
    const { rows } = await library.client.query<{ projectId: string }>(`SELECT "projectId" FROM "ArticleProject" WHERE "articleId" = $1`, [articleId]);
    await library.client.query(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [rows[0]!.projectId, member.id]);
    const before = renders.length;
    expect((await open(await serveAs(serveCachedReaderPage, path, member))).page).toBe(await truthFor(path, member));
    expect(renders.slice(before).map((r) => r.renderFor)).toEqual([{ cookies: `test-viewer=${member.id}` }]);
  });

  it("never shares a page that shows something derived from its viewer: each viewer's page is then their own render", async () => {
    const { path } = await newArticle();
    derived.of = (actor) => actor.name.slice(0, 1);
    try {
      for (const actor of [viewer("CURATOR", { name: "Xavier" }), viewer("CURATOR", { name: "Yvonne" })]) {
        const answer = await open(await serveAs(serveCachedReaderPage, path, actor));
        expect(answer.page).toBe(await truthFor(path, actor));
        expect(answer.body).toContain(`${actor.name} ${actor.name[0]}`);
      }
    } finally {
      derived.of = () => "";
    }
  });

  it("shares a page whose second render first streamed its parts in another order (Next does, under load)", async () => {
    const { path } = await newArticle();
    let calls = 0;
    // The second render's parts come in another order; the others' as the first's.
    const reordering: PageRenderer = async (...args) => {
      const page = await render(...args);
      calls++;
      return calls === 2 ? { ...page, body: page.body.replace(/(<header[^]*?<\/header>)(<script[^]*?<\/script>)/, "$2$1") } : page;
    };
    const [one, two] = [viewer("READER"), viewer("READER")];
    expect((await open(await serveCachedReaderPage({ request: as(path, one), path, render: reordering, viewer: one }))).page).toBe(await truthFor(path, one));
    expect(calls).toBe(4); // the 2nd differs from the 1st and the 3rd; the 3rd and 4th agree
    expect((await open(await serveCachedReaderPage({ request: as(path, two), path, render: reordering, viewer: two }))).page).toBe(await truthFor(path, two));
    expect(calls).toBe(4); // shared
  });

  it("answers 304 only to the viewer holding their current page", async () => {
    const { path } = await newArticle();
    const [one, two] = [viewer("READER"), viewer("READER")];
    const first = await open(await serveAs(serveCachedReaderPage, path, one));
    expect((await serveAs(serveCachedReaderPage, path, one, { "If-None-Match": first.etag! })).status).toBe(304);
    expect((await serveAs(otherServe, path, one, { "If-None-Match": first.etag! })).status).toBe(304);
    const others = await serveAs(serveCachedReaderPage, path, two, { "If-None-Match": first.etag! });
    expect(others.status).toBe(200);
    expect(await others.text()).toContain(escapeHtml(two.name));
  });
});

describe("the page cache answering from memory alone (heldReaderPage, for the server's request hook)", () => {
  const held = (path: string, viewer: Actor | null, headers: Record<string, string> = {}) =>
    heldReaderPage({ headers: new Headers(viewer ? { Cookie: `test-viewer=${viewer.id}`, ...headers } : headers), path, viewer, origin: "http://127.0.0.1:3000" });
  /** A held answer as `open` reads a Response. */
  const openHeld = async (answer: PageAnswer | "render" | "miss") => {
    if (typeof answer === "string") throw new Error(`Expected an answer, got "${answer}"`);
    return open(new Response(answer.body, { status: answer.status, headers: answer.headers }));
  };

  it("misses until the cache's route has kept the page, then answers exactly it, a fresh nonce each time, and misses again after a write", async () => {
    const { articleId, path, paragraphs } = await newArticle();
    const before = renders.length;
    expect(await held(path, null)).toBe("miss");
    expect(renders.length).toBe(before); // it never renders
    const kept = await open(await serveCachedReaderPage({ request: request(path), path, render }));
    const [one, two] = [await openHeld(await held(path, null)), await openHeld(await held(path, null))];
    expect(renders.length).toBe(before + 1);
    for (const answer of [one, two]) {
      expect(answer.status).toBe(200);
      expect(answer.page).toBe(await truth(path));
      expect(answer.etag).toBe(kept.etag);
      expect(answer.body.match(/nonce="([^"]+)"/g)).toEqual(Array(3).fill(`nonce="${answer.nonce}"`));
    }
    expect(new Set([kept.nonce, one.nonce, two.nonce]).size).toBe(3);
    // A client holding it: 304, no body, no policy.
    const revalidated = await held(path, null, { "If-None-Match": kept.etag! });
    expect(revalidated).toEqual({ status: 304, headers: { ETag: kept.etag, "Cache-Control": "private, no-cache" }, body: null });
    // A write: the held page is stale at once (the route renders the new one), and so is the client's copy.
    await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Тбилиси") });
    expect(await held(path, null)).toBe("miss");
    expect(await held(path, null, { "If-None-Match": kept.etag! })).toBe("miss");
    await serveCachedReaderPage({ request: request(path), path, render });
    expect((await openHeld(await held(path, null))).page).toBe(await truth(path));
  });

  it("leaves to the page itself what the cache may not answer: an unknown slug, a viewer with work of their own, a page that cannot be shared", async () => {
    for (const unknown of ["/articles/no-such-article", "/articles/%00"]) expect(await held(unknown, null)).toBe("render");
    const { articleId, path, paragraphs } = await newArticle();
    sessions.set(library.bob.id, library.bob);
    await createAnnotation({ actor: library.bob, articleId, input: highlight(paragraphs[1]!, "делегация", { visibility: "PRIVATE", note: "held secret" }) });
    expect(await held(path, library.bob)).toBe("render");
    // Someone of Bob's role with nothing of theirs: the role's shared page, once the route has kept it, with their own identity.
    const reader: Actor = { id: randomUUID(), name: `<b>Held</b> "reader"`, email: `${randomUUID()}@example.test`, color: "#224466", role: library.bob.role };
    sessions.set(reader.id, reader);
    expect(await held(path, reader)).toBe("miss");
    await serveCachedReaderPage({ request: request(path, { Cookie: `test-viewer=${reader.id}` }), path, render, viewer: reader });
    const answer = await openHeld(await held(path, reader));
    const mine = await render(path, undefined, { cookies: `test-viewer=${reader.id}` });
    renders.pop();
    expect(answer.page).toBe(mine.body.replaceAll(/'nonce-([^']+)'/.exec(mine.headers.get("content-security-policy")!)![1]!, "NONCE"));
    expect(answer.body).not.toContain("held secret");
    // A page showing something derived from its viewer is theirs alone: the page renders it for them.
    derived.of = (actor) => actor.name.slice(0, 1);
    try {
      const { path: other } = await newArticle();
      const curator: Actor = { ...reader, id: randomUUID(), role: "CURATOR" };
      sessions.set(curator.id, curator);
      await serveCachedReaderPage({ request: request(other, { Cookie: `test-viewer=${curator.id}` }), path: other, render, viewer: curator });
      expect(await held(other, curator)).toBe("render");
    } finally {
      derived.of = () => "";
    }
  });
});

describe("the server's request hook (installReaderPageHook): cached pages before Next", () => {
  /** What reached "Next" (the listener): the path and whether the hook marked it as the page's own render. */
  const passed: { url: string; render: boolean }[] = [];
  let base = "";
  let server: ReturnType<typeof createServer>;
  beforeAll(async () => {
    server = createServer((incoming, response) => {
      const url = incoming.url!;
      passed.push({ url, render: incoming.headers[PAGE_RENDER_HEADER] === "1" });
      const headers = new Headers(Object.entries(incoming.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])));
      // Next: the proxy's rewrite to the cache's route for what it sends there, else the page itself (any other path: a page of its own).
      const [pathname, query] = url.split("?") as [string, string | undefined];
      const answer = isCacheablePageRequest({ method: incoming.method!, pathname, search: query === undefined ? "" : `?${query}`, headers })
        ? serveCachedReaderPage({ request: new Request(`${base}${url}`, { headers }), path: pathname, render })
        : readerPathSlug(pathname)
          ? render(pathname, undefined).then((page) => new Response(page.body, { status: page.status, headers: page.headers }))
          : Promise.resolve(new Response("another page"));
      void answer.then(async (page) => {
        response.writeHead(page.status, { ...Object.fromEntries(page.headers), "x-from": "next" });
        response.end(await page.text());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("__NEXT_PRIVATE_ORIGIN", base);
    installReaderPageHook();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    server.close();
  });

  it("answers a held page itself, with Next's page headers, a fresh nonce, gzip when asked, and 304; passes on a miss and a stale page", async () => {
    const { articleId, path, paragraphs } = await newArticle();
    passed.length = 0;
    const first = await fetch(`${base}${path}`);
    expect(first.headers.get("x-from")).toBe("next"); // a miss: the cache's route renders and keeps it
    expect(passed).toEqual([{ url: path, render: false }]);
    const hit = await fetch(`${base}${path}`);
    expect(passed).toHaveLength(1); // not passed on
    expect(hit.headers.get("x-from")).toBeNull();
    const answer = await open(hit);
    expect(answer.status).toBe(200);
    expect(answer.page).toBe(await truth(path));
    expect(answer.nonce).not.toBe((await open(first)).nonce);
    expect(answer.body.match(/nonce="([^"]+)"/g)).toEqual(Array(3).fill(`nonce="${answer.nonce}"`));
    expect(Object.fromEntries(hit.headers)).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
      link: `</api/containers/${path.slice("/articles/".length)}/>; rel="http://www.w3.org/ns/oa#annotationService"`,
      "cache-control": "private, no-cache",
      "content-type": "text/html; charset=utf-8",
    });
    expect(hit.headers.get("vary")!.split(", ")).toEqual(expect.arrayContaining(["RSC", "Accept-Encoding", "Cookie"]));
    // Compressed when the browser takes gzip (fetch inflates it), not otherwise (fetch always sends Accept-Encoding).
    const raw = await rawGet(path, { "accept-encoding": "gzip, deflate, br" });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    const inflated = gunzipSync(raw.body).toString();
    expect(inflated.replaceAll(/'nonce-([^']+)'/.exec(String(raw.headers["content-security-policy"]))![1]!, "NONCE")).toBe(await truth(path));
    expect((await rawGet(path, { "accept-encoding": "gzip;q=0, identity" })).headers["content-encoding"]).toBeUndefined();
    const notModified = await fetch(`${base}${path}`, { headers: { "If-None-Match": answer.etag! } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("content-security-policy")).toBeNull();
    expect(passed).toHaveLength(1);
    // A write: the next load goes to the route, which renders the new page.
    const shared = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Женеве") });
    const after = await fetch(`${base}${path}`, { headers: { "If-None-Match": answer.etag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get("x-from")).toBe("next");
    expect(await after.text()).toContain(shared.id);
  });

  it("passes on, unchanged, every request the proxy would not send to the cache, and an unknown page marked as the page's own render", async () => {
    const { path } = await newArticle();
    await fetch(`${base}${path}`); // held from here
    passed.length = 0;
    const others: [string, RequestInit][] = [
      [`${path}?x=1`, {}],
      [path, { headers: { RSC: "1" } }],
      [path, { headers: { "Next-Router-Prefetch": "1" } }],
      [path, { headers: { Purpose: "prefetch" } }],
      [path, { headers: { Origin: "https://elsewhere.test" } }],
      [path, { method: "HEAD" }],
      [path, { headers: { [PAGE_RENDER_HEADER]: "1" } }],
      [`${path}/`, {}],
    ];
    for (const [url, init] of others) expect((await fetch(`${base}${url}`, init)).headers.get("x-from"), url).toBe("next");
    expect(passed).toHaveLength(others.length);
    passed.length = 0;
    const unknown = await fetch(`${base}/articles/no-such-article`);
    expect(unknown.status).toBe(404);
    expect(passed).toEqual([{ url: "/articles/no-such-article", render: true }]);
  });

  it("is off where the page cache is off", async () => {
    const { path } = await newArticle();
    await fetch(`${base}${path}`);
    vi.stubEnv("GLOSSA_PAGE_CACHE", "off");
    try {
      passed.length = 0;
      expect((await fetch(`${base}${path}`)).headers.get("x-from")).toBe("next");
      expect(passed).toHaveLength(1);
    } finally {
      vi.stubEnv("GLOSSA_PAGE_CACHE", "on");
    }
  });

  /** A GET with exactly these headers, its body as sent (fetch would inflate it). */
  function rawGet(path: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      httpGet(`${base}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
  }
});

describe("the page's cached label set and guidelines (what signed-in pages read from memory)", () => {
  /** For each viewer: the cached reads equal the uncached ones, at the article's current versions. */
  async function expectSameAsUncached(articleId: string, viewers: (Actor | null)[]) {
    for (const actor of viewers) {
      const stamp = (await readArticleStamp({ id: articleId }, actor?.id))!;
      const layer = viewLayerOf(actor, stamp);
      expect(await layerEntityTypes({ stamp, layer }), `${actor?.name ?? "anonymous"}: the label set`).toEqual(await listArticleEntityTypes({ layer }));
      expect(await articleGuidelines({ actor, stamp, layer }), `${actor?.name ?? "anonymous"}: the guidelines`).toEqual(await getArticleGuidelines({ actor, articleId, layer }));
    }
  }

  it("follow every edit of the types and guidelines, and who may read a project", async () => {
    const { articleId } = await newArticle();
    const viewers = [null, library.ann, library.rita, library.ada];
    await expectSameAsUncached(articleId, viewers);
    // A Closed desk's project with guidelines of its own, Ann a member: its guidelines are hers and the admin's alone.
    const project = randomUUID();
    await library.client.query(`INSERT INTO "Project" (id, name, slug, access, guidelines, "updatedAt") VALUES ($1, $2, $1, 'CLOSED', 'Desk rules', now())`, [project, `Desk ${project}`]);
    await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [articleId, project]);
    await library.client.query(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [project, library.ann.id]);
    await library.client.query(`INSERT INTO "EntityType" (id, "projectId", key, label, color, position) VALUES ($1, $2, 'PER', 'Person', '#225588', 0)`, [randomUUID(), project]);
    await expectSameAsUncached(articleId, viewers);
    expect((await articleGuidelines({ actor: library.rita, stamp: (await readArticleStamp({ id: articleId }, library.rita.id))!, layer: null })).map((g) => g.guidelines)).not.toContain("Desk rules");
    await library.client.query(`UPDATE "Project" SET guidelines = 'Desk rules, revised' WHERE id = $1`, [project]);
    await expectSameAsUncached(articleId, viewers);
    await library.client.query(`UPDATE "EntityType" SET label = 'People', description = 'Anyone named' WHERE "projectId" = $1`, [project]);
    await expectSameAsUncached(articleId, viewers);
    await library.client.query(`UPDATE "Project" SET access = 'OPEN' WHERE id = $1`, [project]);
    await expectSameAsUncached(articleId, viewers);
    await library.client.query(`DELETE FROM "ProjectMember" WHERE "projectId" = $1`, [project]);
    await library.client.query(`UPDATE "Project" SET access = 'CLOSED' WHERE id = $1`, [project]);
    await expectSameAsUncached(articleId, viewers);
  });
});

describe("a signed-in page reads private work only for someone who has any", () => {
  it("the stamp names a viewer with no private annotation or note on the article, and stops once they have one", async () => {
    const { articleId, paragraphs } = await newArticle();
    const noneOf = async (actor: Actor | null) => (await readArticleStamp({ id: articleId }, actor?.id))!.noPrivateWorkOf;
    expect(await noneOf(null)).toBeNull();
    expect(await noneOf(library.bob)).toBe(library.bob.id);
    const workOf = async (actor: Actor) => (await readArticleStamp({ id: articleId }, actor.id))!.noWorkOf;
    expect(await workOf(library.ann)).toBe(library.ann.id);
    await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Москва") }); // shared: not private work
    expect(await noneOf(library.ann)).toBe(library.ann.id);
    expect(await workOf(library.ann)).toBeNull(); // but work of hers
    expect(await workOf(library.bob)).toBe(library.bob.id);
    const secret = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Женеве", { visibility: "PRIVATE" }) });
    expect(await noneOf(library.ann)).toBeNull();
    expect(await noneOf(library.bob)).toBe(library.bob.id);
    await deleteAnnotation({ actor: library.ann, annotationId: secret.id });
    expect(await noneOf(library.ann)).toBe(library.ann.id);
    await createNote({ actor: library.bob, articleId, input: { paragraphId: paragraphs[1]!, body: "Mine alone", visibility: "PRIVATE" } });
    expect(await noneOf(library.bob)).toBeNull();
    expect(await workOf(library.bob)).toBeNull();
    // A shared note alone is work, not private work.
    const carl = await library.newUser("Carl", "ANNOTATOR");
    await createNote({ actor: carl, articleId, input: { paragraphId: paragraphs[1]!, body: "For everyone" } });
    expect(await noneOf(carl)).toBe(carl.id);
    expect(await workOf(carl)).toBeNull();
  });
});

describe("the production renderer", () => {
  it("asks this server for the page as its own render, with the layer cookie alone, uncompressed, following no redirect", async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const server = createServer((incoming, response) => {
      seen.push({ url: incoming.url, ...incoming.headers });
      response.writeHead(incoming.url === "/articles/moved" ? 307 : 200, { "content-type": "text/html", location: "/sign-in" }).end("<html></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const page: RenderedPage = await selfRenderer(origin)("/articles/%D0%B0", "p1.p2");
      expect(page).toMatchObject({ status: 200, body: "<html></html>" });
      expect(seen[0]).toMatchObject({ url: "/articles/%D0%B0", [PAGE_RENDER_HEADER]: "1", cookie: `${LAYER_COOKIE}=p1.p2`, "accept-encoding": "identity" });
      await selfRenderer(origin)("/articles/x", undefined);
      expect(seen[1]!.cookie).toBeUndefined();
      expect((await selfRenderer(origin)("/articles/moved", undefined)).status).toBe(307);
      // For a made-up viewer: no cookie but the layer choice, the viewer named by the header this process alone can write.
      const template: Actor = { id: "tmplid", name: "tmplname", email: "tmplemail", color: "tmplcolor", role: "READER" };
      await selfRenderer(origin)("/articles/x", "p1", { template });
      expect(seen[3]!.cookie).toBe(`${LAYER_COOKIE}=p1`);
      expect(templateViewerOf(new Headers({ [VIEWER_TEMPLATE_HEADER]: String(seen[3]![VIEWER_TEMPLATE_HEADER]) }))).toEqual(template);
      // For the visitor alone: all their cookies, and no template.
      await selfRenderer(origin)("/articles/x", "p1", { cookies: "a=1; b=2" });
      expect(seen[4]).toMatchObject({ cookie: "a=1; b=2" });
      expect(seen[4]![VIEWER_TEMPLATE_HEADER]).toBeUndefined();
    } finally {
      server.close();
    }
  });
});
