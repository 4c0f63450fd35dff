import { randomBytes, randomInt } from "node:crypto";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { callApi, entityTypeIdOf, type AnnotationDTO, type NoteDTO } from "./support/reader";
import { E2E_BASE_URL } from "./support/urls";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

/**
 * The privacy matrix: an author's private entity tag, private highlight with a note, shared
 * highlight made private (with its note), and deleted note, looked for by another annotator, a
 * reader and an anonymous visitor through every way of reading — the page's HTML, the text API,
 * the annotations API, entity search and the entity page, and the raw live feed replayed from the
 * start. None of them may find a trace; the author finds their own (but never the deleted note).
 * Then an archived article: gone (404) for all but admins, who see it marked Archived.
 */

const token = randomBytes(4).toString("hex");
// Names no other test (or run) tags: entities are shared across articles by their words.
const NAMES = { secretPerson: `Quenton Varga${token}`, privateHighlight: `Ilsa Morrow${token}`, madePrivate: `Tallinn${token}`, shared: `Harbor${token}` };
const TEXT = `Minister ${NAMES.secretPerson} met ${NAMES.privateHighlight} in ${NAMES.madePrivate} to sign the ${NAMES.shared} accord.`;
const BODIES = {
  onPrivateHighlight: `note on a private highlight ${token}`,
  onMadePrivate: `note on a highlight made private ${token}`,
  deleted: `note deleted afterwards ${token}`,
  shared: `a shared note everyone reads ${token}`,
};

type Viewer = "another annotator" | "reader" | "anonymous";

interface World {
  articleId: string;
  slug: string;
  personTypeId: string;
  author: Page;
  admin: Page;
  viewers: Record<Viewer, Page>;
  secretEntityId: string;
  /** Ids only the author may see: their private tag, highlights and notes. */
  privateIds: string[];
  deletedNoteId: string;
  sharedNoteId: string;
}

test.describe.configure({ mode: "serial" });

const contexts: BrowserContext[] = [];
let world: World;

/** A browser context of its own (cookies, client address: see e2e/support/users.ts). */
async function newVisitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    extraHTTPHeaders: { "X-Forwarded-For": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` },
  });
  contexts.push(context);
  return context.newPage();
}

/** A one-paragraph article of TEXT, imported by the admin: its id, slug and paragraph id. */
async function importArticle(admin: Page, title: string, text: string) {
  const answer = await callApi<{ articleId: string; slug: string }>(admin, "POST", "/api/admin/import/commit", {
    kind: "paste",
    format: "text",
    title,
    language: "en",
    text: `${title}\n\n${text}`,
    target: { mode: "new" },
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  const { articleId, slug } = answer.data!;
  const read = await callApi<{ paragraphs: { id: string; text: string }[] }>(admin, "GET", `/api/articles/${articleId}/text?revision=1&after=0`);
  const paragraph = read.data?.paragraphs.find((candidate) => candidate.text === text);
  expect(paragraph, JSON.stringify(read)).toBeTruthy();
  return { articleId, slug, paragraphId: paragraph!.id };
}

function selector(phrase: string) {
  const start = TEXT.indexOf(phrase);
  const end = start + phrase.length;
  return { start, end, exact: phrase, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) };
}

async function ok<T>(promise: Promise<{ status: number; data?: T; error?: unknown }>, status = 201): Promise<T> {
  const answer = await promise;
  expect(answer.status, JSON.stringify(answer.error)).toBe(status);
  return answer.data!;
}

test.beforeAll(async ({ browser }) => {
  const admin = await newVisitor(browser);
  await signInAsAdmin(admin);
  const author = await newVisitor(browser);
  await newUser(author, { label: "Author" });
  const other = await newVisitor(browser);
  await newUser(other, { label: "Other" });
  const reader = await newVisitor(browser);
  const readerUser = await newUser(reader, { label: "Reader" });
  await ok(callApi(admin, "PATCH", `/api/admin/users/${readerUser.id}`, { role: "READER" }), 200);
  const anonymous = await newVisitor(browser);

  const personTypeId = await entityTypeIdOf(author, "Person");
  const { articleId, slug, paragraphId } = await importArticle(admin, `Privacy matrix ${token}`, TEXT);
  const annotations = `/api/articles/${articleId}/annotations`;
  const notes = `/api/articles/${articleId}/notes`;

  // 1. A private entity tag on new words: it creates their entity.
  const tag = await ok<AnnotationDTO>(callApi(author, "POST", annotations, { kind: "ENTITY", paragraphId, ...selector(NAMES.secretPerson), entityTypeId: personTypeId, visibility: "PRIVATE" }));
  // 2. A private highlight, and a note on it left at the default (Shared).
  const privateHighlight = await ok<AnnotationDTO>(callApi(author, "POST", annotations, { kind: "HIGHLIGHT", paragraphId, ...selector(NAMES.privateHighlight), color: "pink", visibility: "PRIVATE" }));
  const noteOnPrivate = await ok<NoteDTO>(callApi(author, "POST", notes, { paragraphId, annotationId: privateHighlight.id, body: BODIES.onPrivateHighlight }));
  // 3. A shared highlight with a shared note, then made private.
  const madePrivate = await ok<AnnotationDTO>(callApi(author, "POST", annotations, { kind: "HIGHLIGHT", paragraphId, ...selector(NAMES.madePrivate), color: "green", visibility: "SHARED" }));
  const noteOnMadePrivate = await ok<NoteDTO>(callApi(author, "POST", notes, { paragraphId, annotationId: madePrivate.id, body: BODIES.onMadePrivate }));
  await ok(callApi(author, "PATCH", `/api/annotations/${madePrivate.id}`, { version: madePrivate.version, visibility: "PRIVATE" }), 200);
  // 4. A shared note, deleted.
  const deleted = await ok<NoteDTO>(callApi(author, "POST", notes, { paragraphId, body: BODIES.deleted }));
  await ok(callApi(author, "DELETE", `/api/notes/${deleted.id}`), 200);
  // And what everyone may read, so that each way of reading is shown to work.
  const shared = await ok<NoteDTO>(callApi(author, "POST", notes, { paragraphId, body: BODIES.shared }));

  world = {
    articleId,
    slug,
    personTypeId,
    author,
    admin,
    viewers: { "another annotator": other, reader, anonymous },
    secretEntityId: tag.entity!.id,
    privateIds: [tag.id, privateHighlight.id, noteOnPrivate.id, madePrivate.id, noteOnMadePrivate.id],
    deletedNoteId: deleted.id,
    sharedNoteId: shared.id,
  };
});

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
});

/** What `page`'s user receives from each way of reading the article's content, as raw text. */
async function contentSeenBy(page: Page): Promise<Record<string, string>> {
  const get = async (path: string) => {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    return response.text();
  };
  return {
    "the page's HTML": await get(`/articles/${world.slug}`),
    "the text API": await get(`/api/articles/${world.articleId}/text?revision=1&after=0`),
    "the annotations API": await get(`/api/articles/${world.articleId}/annotations`),
  };
}

const secretBodies = [BODIES.onPrivateHighlight, BODIES.onMadePrivate, BODIES.deleted];

test("private work and deleted notes reach no one else through the page, the text API or the annotations API", async () => {
  for (const [viewer, page] of Object.entries(world.viewers)) {
    for (const [channel, text] of Object.entries(await contentSeenBy(page))) {
      const where = `${viewer}, ${channel}`;
      expect(text, `${where} shows the shared note`).toContain(BODIES.shared);
      for (const body of secretBodies) expect(text, `${where} leaks “${body}”`).not.toContain(body);
      for (const id of [...world.privateIds, world.deletedNoteId, world.secretEntityId]) expect(text, `${where} leaks ${id}`).not.toContain(id);
    }
  }
  for (const [channel, text] of Object.entries(await contentSeenBy(world.author))) {
    for (const id of world.privateIds) expect(text, `the author's own ${id} in ${channel}`).toContain(id);
    expect(text, `the author sees the note on their private highlight in ${channel}`).toContain(BODIES.onPrivateHighlight);
    expect(text, `a deleted note is gone, even for its author, in ${channel}`).not.toContain(BODIES.deleted);
  }
});

test("a private entity tag publishes no entity: search, type-ahead and the entity page", async () => {
  const search = (page: Page, q: string) => callApi<{ id: string; name: string; aliases: string[]; mentions: number }[]>(page, "GET", `/api/entities?typeId=${world.personTypeId}&q=${encodeURIComponent(q)}`);
  for (const [viewer, page] of Object.entries(world.viewers)) {
    for (const q of [NAMES.secretPerson, token, ""]) {
      const answer = await search(page, q);
      expect(answer.status, viewer).toBe(200);
      expect(answer.data!.map((option) => option.id), `${viewer} searching “${q}”`).not.toContain(world.secretEntityId);
      expect(JSON.stringify(answer.data), `${viewer} searching “${q}”`).not.toContain(NAMES.secretPerson);
    }
    const entityPage = await page.request.get(`/entities/${world.secretEntityId}`);
    expect(entityPage.status(), `${viewer} opening the entity`).toBe(404);
    expect(await entityPage.text(), viewer).not.toContain(NAMES.secretPerson);
  }
  const own = await search(world.author, NAMES.secretPerson);
  expect(own.data).toEqual([{ id: world.secretEntityId, name: NAMES.secretPerson, aliases: [], mentions: 1 }]);
  const ownPage = await world.author.request.get(`/entities/${world.secretEntityId}`);
  expect(ownPage.status()).toBe(200);
  expect(await ownPage.text()).toContain(NAMES.secretPerson);
});

/** The raw live feed replayed from the start, as `page`'s user gets it within about 1.5 s. */
async function feedFromStart(page: Page): Promise<string> {
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const abort = new AbortController();
  const response = await fetch(`${E2E_BASE_URL}/api/articles/${world.articleId}/events?after=0`, {
    headers: { Accept: "text/event-stream", ...(cookies ? { Cookie: cookies } : {}) },
    signal: abort.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const stop = setTimeout(() => abort.abort(), 1500);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(stop);
  }
  return text;
}

/** The events in an SSE text: each `event:` type with its JSON data. */
function eventsOf(feed: string): { type: string; data: string }[] {
  return feed
    .split(/\n\n/)
    .map((block) => ({ type: /^event: ?(.*)$/m.exec(block)?.[1] ?? "", data: /^data: ?(.*)$/m.exec(block)?.[1] ?? "" }))
    .filter((event) => event.type);
}

test("the live feed replayed from the start shows others only what they may read now", async () => {
  for (const [viewer, page] of Object.entries(world.viewers)) {
    const events = eventsOf(await feedFromStart(page));
    expect(events.map((event) => event.data).join("\n"), `${viewer}'s feed shows the shared note`).toContain(world.sharedNoteId);
    for (const event of events) {
      const where = `${viewer}'s feed: ${event.type} ${event.data.slice(0, 200)}`;
      for (const body of secretBodies) expect(event.data, where).not.toContain(body);
      expect(event.data, where).not.toContain(NAMES.secretPerson);
      // Private or deleted work may appear only as a bare deletion (of something once shared).
      if (!event.type.endsWith(".deleted")) for (const id of [...world.privateIds, world.deletedNoteId]) expect(event.data, where).not.toContain(id);
    }
  }
  const own = eventsOf(await feedFromStart(world.author)).map((event) => event.data).join("\n");
  expect(own, "the author's feed has their private note").toContain(BODIES.onPrivateHighlight);
  expect(own, "the deleted note's words are gone from every feed").not.toContain(BODIES.deleted);
});

test("projects: a member of another project and a non-member of a Closed project find nothing of the Closed desk", async ({ browser }) => {
  const admin = world.admin;
  const project = async (name: string, member: { email: string }) => {
    const created = await ok<{ id: string }>(callApi(admin, "POST", "/api/projects", { name: `${name} ${token}`, access: "CLOSED" }));
    await ok(callApi(admin, "POST", `/api/projects/${created.id}/members`, { email: member.email, role: "ANNOTATOR" }));
    return created.id;
  };
  const deskMember = await newVisitor(browser);
  const otherMember = await newVisitor(browser);
  const nonMember = await newVisitor(browser);
  const desk = await project("Privacy desk", await newUser(deskMember, { label: "Desk member" }));
  await project("Privacy other desk", await newUser(otherMember, { label: "Other desk member" }));
  await newUser(nonMember, { label: "Not in a desk" });
  const columns = { "member of another project": otherMember, "non-member of a Closed project": nonMember };

  // A story only the desk has, and the matrix's Open story shared with the desk, with the desk's work on it.
  const secretTitle = `Desk-only story ${token}`;
  const secret = await ok<{ articleId: string; slug: string }>(
    callApi(admin, "POST", "/api/admin/import/commit", { kind: "paste", format: "text", title: secretTitle, language: "en", text: `${secretTitle}\n\nThe desk's scoop about ${NAMES.shared}.`, target: { mode: "new" }, project: desk }),
    200,
  );
  const put = await admin.request.put(`${E2E_BASE_URL}/api/projects/${desk}/articles/${world.articleId}`, { headers: { Origin: E2E_BASE_URL } });
  expect(put.status(), await put.text()).toBe(200);
  const paragraphId = (await callApi<{ annotations: AnnotationDTO[] }>(world.author, "GET", `/api/articles/${world.articleId}/annotations`)).data!.annotations[0]!.paragraphId;
  const deskBody = `the desk's shared note ${token}`;
  const deskNote = await ok<NoteDTO>(callApi(deskMember, "POST", `/api/articles/${world.articleId}/notes`, { paragraphId, body: deskBody }));
  const deskHighlight = await ok<AnnotationDTO>(callApi(deskMember, "POST", `/api/articles/${world.articleId}/annotations`, { kind: "HIGHLIGHT", paragraphId, ...selector(NAMES.shared), color: "blue" }));
  expect([deskNote.projectId, deskHighlight.projectId]).toEqual([desk, desk]);

  const secretPaths = [`/articles/${secret.slug}`, `/api/articles/${secret.articleId}/text?revision=1&after=0`, `/api/articles/${secret.articleId}/annotations`, `/api/articles/${secret.articleId}/events?after=0`, `/api/articles/${secret.articleId}/export?format=w3c`];
  const deskTraces = [deskBody, deskNote.id, deskHighlight.id];
  for (const [column, page] of Object.entries(columns)) {
    for (const path of secretPaths) expect((await page.request.get(path)).status(), `${column}: ${path}`).toBe(404);
    // The search page repeats the words searched for: what must not appear is a link to the story.
    for (const path of ["/", `/search?q=${encodeURIComponent(secretTitle)}`]) expect(await (await page.request.get(path)).text(), `${column}: ${path} links the desk's story`).not.toContain(`/articles/${secret.slug}`);
    expect(await (await page.request.get(`/api/exports?format=csv&q=${encodeURIComponent(secretTitle)}`)).text(), `${column}: the search export`).not.toContain(secretTitle);
    const seen = { ...(await contentSeenBy(page)), "the live feed": await feedFromStart(page), "the W3C export": await (await page.request.get(`/api/articles/${world.articleId}/export?format=w3c`)).text() };
    for (const [channel, text] of Object.entries(seen)) for (const trace of deskTraces) expect(text, `${column}, ${channel}: the desk's ${trace}`).not.toContain(trace);
  }
  // The desk member reads their desk's layer: the same ways of reading show its work.
  for (const [channel, text] of Object.entries(await contentSeenBy(deskMember))) expect(text, `the desk member, ${channel}`).toContain(deskBody);
  expect((await deskMember.request.get(`/articles/${secret.slug}`)).status()).toBe(200);
});

test("an archived article is not found by anyone but an admin, who sees it marked Archived", async () => {
  const { articleId, slug } = await importArticle(world.admin, `Archived matrix ${token}`, `An article about ${NAMES.shared} that will be archived.`);
  await ok(callApi(world.admin, "POST", `/api/admin/articles/${articleId}/archive`), 200);
  const paths = [`/articles/${slug}`, `/api/articles/${articleId}/text?revision=1&after=0`, `/api/articles/${articleId}/annotations`, `/api/articles/${articleId}/events?after=0`];
  for (const [viewer, page] of Object.entries({ ...world.viewers, author: world.author })) {
    for (const path of paths) expect((await page.request.get(path)).status(), `${viewer}: ${path}`).toBe(404);
  }
  await world.admin.goto(`/articles/${slug}`);
  await expect(world.admin.getByRole("status").filter({ hasText: "Archived" })).toBeVisible();
  for (const path of paths.slice(1, 3)) expect((await world.admin.request.get(path)).status(), `admin: ${path}`).toBe(200);
});
