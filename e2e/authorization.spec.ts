import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import {
  callApi,
  createEntityTag,
  createHighlight,
  createNote,
  entityTypeIdOf,
  expectReadableMessage,
  listArticle,
  openSample,
  paragraphText,
  randomSelector,
  selectorOf,
  type AnnotationDTO,
  type ApiAnswer,
  type NoteDTO,
  type SampleArticle,
} from "./support/reader";
import { E2E_PORT } from "./support/urls";
import { expect, newUser, signInAsAdmin, test, type TestUser } from "./support/users";

// Every test makes its own users and data, so they may run side by side.
test.describe.configure({ mode: "parallel" });

const token = () => randomBytes(5).toString("hex");
const annotationUrl = (id: string) => `/api/annotations/${id}`;
const noteUrl = (id: string) => `/api/notes/${id}`;
const annotationsUrl = (article: SampleArticle | string) => `/api/articles/${typeof article === "string" ? article : article.articleId}/annotations`;
const notesUrl = (article: SampleArticle | string) => `/api/articles/${typeof article === "string" ? article : article.articleId}/notes`;

/** An error answer: the status, a readable message, and (when given) the message itself. */
function expectError(answer: ApiAnswer, status: number, message?: string | RegExp): void {
  expect(answer.status, JSON.stringify(answer.error ?? answer.data)).toBe(status);
  expect(answer.data, "a refusal carries no data").toBeUndefined();
  expectReadableMessage(answer.error);
  if (typeof message === "string") expect(answer.error!.message).toBe(message);
  else if (message) expect(answer.error!.message).toMatch(message);
}

/** A highlight body for the API (paragraph `n` of the sample), with overrides. */
function highlightBody(article: SampleArticle, n: number, selector = randomSelector(n), extra: Record<string, unknown> = {}) {
  return { kind: "HIGHLIGHT", paragraphId: article.paragraphIds[n - 1], ...selector, color: "yellow", visibility: "SHARED", ...extra };
}

function entityBody(article: SampleArticle, n: number, entityTypeId: string, selector = randomSelector(n), extra: Record<string, unknown> = {}) {
  return { kind: "ENTITY", paragraphId: article.paragraphIds[n - 1], ...selector, entityTypeId, visibility: "SHARED", ...extra };
}

/**
 * Makes `user` a Reader, as an admin does (PATCH /api/admin/users/<id>); where
 * that route does not exist yet, directly in the e2e database.
 */
async function makeReader(admin: Page, user: TestUser): Promise<void> {
  const response = await admin.request.patch(`/api/admin/users/${user.id}`, { data: { role: "READER" }, headers: { Origin: `http://127.0.0.1:${E2E_PORT}` } });
  if (response.status() !== 404 || (response.headers()["content-type"] ?? "").includes("json")) {
    expect(response.status(), await response.text()).toBe(200);
    return;
  }
  const { url } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../.test-data/e2e-database-${E2E_PORT}.json`), "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "user" SET role = 'READER' WHERE id = $1`, [user.id]);
  } finally {
    await client.end();
  }
}

/** Fresh people for one test: `page` is an annotator; the others get their own browser contexts. */
async function castOf(page: Page, newClient: () => Promise<Page>) {
  const annotator = await newUser(page, { label: "Annotator" });
  const article = await openSample(page);
  return {
    article,
    annotator,
    /** Another annotator. */
    async other() {
      const client = await newClient();
      return { page: client, user: await newUser(client, { label: "Other" }) };
    },
    async admin() {
      const client = await newClient();
      return { page: client, id: await signInAsAdmin(client) };
    },
    async reader(admin: Page) {
      const client = await newClient();
      const user = await newUser(client, { label: "Reader" });
      await makeReader(admin, user);
      return { page: client, user };
    },
    anonymous: newClient,
  };
}

/** One of each kind of thing, written by `page`'s user: highlight, entity tag, note and reply. */
async function workOf(page: Page, article: SampleArticle, entityTypeId: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  const tag = token();
  const highlight = await createHighlight(page, article, { paragraph: 6, phrase: "набрал 3,14% голосов", visibility });
  const entity = await createEntityTag(page, article, { paragraph: 6, phrase: "Инашвили", entityTypeId, visibility });
  const note = await createNote(page, article, { paragraph: 6, body: `note ${tag}`, visibility });
  const reply = await createNote(page, article, { paragraph: 6, body: `reply ${tag}`, parentId: note.id });
  return { highlight, entity, note, reply };
}

type Work = Awaited<ReturnType<typeof workOf>>;

/**
 * Tries every mutation as `actor` on `work` (someone else's) and on new data,
 * expecting each to be refused with `status`; returns the unique body used
 * for new notes, so the caller can check nothing was written.
 */
async function expectEveryMutationRefused(actor: Page, article: SampleArticle, entityTypeId: string, work: Work, status: number, messages: { create: string; note: string; change: string; changeNote: string }) {
  const marker = `refused ${token()}`;
  const attempts = {
    highlight: highlightBody(article, 7),
    entity: entityBody(article, 7, entityTypeId),
  };
  expectError(await callApi(actor, "POST", annotationsUrl(article), attempts.highlight), status, messages.create);
  expectError(await callApi(actor, "POST", annotationsUrl(article), { ...attempts.highlight, note: marker }), status, messages.create);
  expectError(await callApi(actor, "POST", annotationsUrl(article), attempts.entity), status, messages.create);
  expectError(await callApi(actor, "POST", notesUrl(article), { paragraphId: article.paragraphIds[5], body: marker }), status, messages.note);
  expectError(await callApi(actor, "POST", notesUrl(article), { paragraphId: article.paragraphIds[5], body: marker, parentId: work.note.id }), status, messages.note);
  expectError(await callApi(actor, "POST", notesUrl(article), { paragraphId: article.paragraphIds[5], body: marker, annotationId: work.highlight.id }), status, messages.note);

  expectError(await callApi(actor, "PATCH", annotationUrl(work.highlight.id), { version: work.highlight.version, color: "pink" }), status, messages.change);
  expectError(await callApi(actor, "PATCH", annotationUrl(work.entity.id), { version: work.entity.version, visibility: "PRIVATE" }), status, messages.change);
  expectError(await callApi(actor, "DELETE", annotationUrl(work.highlight.id)), status, messages.change);
  expectError(await callApi(actor, "DELETE", annotationUrl(work.entity.id)), status, messages.change);
  expectError(await callApi(actor, "POST", `${annotationUrl(work.highlight.id)}/restore`), status, messages.change);
  for (const note of [work.note, work.reply]) {
    expectError(await callApi(actor, "PATCH", noteUrl(note.id), { version: note.version, body: marker }), status, messages.changeNote);
    expectError(await callApi(actor, "DELETE", noteUrl(note.id)), status, messages.changeNote);
  }
  return { marker, attempts };
}

/** Nothing changed: the work is there as it was, and no annotation or note was added by the refused calls. */
async function expectUnchanged(observer: Page, article: SampleArticle, work: Work, refused: { marker: string; attempts: Record<string, { paragraphId: unknown; start: number; end: number }> }) {
  const { annotations, notes } = await listArticle(observer, article.articleId);
  for (const annotation of [work.highlight, work.entity]) {
    expect(annotations.find((candidate) => candidate.id === annotation.id)).toMatchObject({ version: annotation.version, color: annotation.color, visibility: annotation.visibility });
  }
  for (const note of [work.note, work.reply]) {
    expect(notes.find((candidate) => candidate.id === note.id)).toMatchObject({ version: note.version, body: note.body });
  }
  expect(notes.filter((note) => note.body.includes(refused.marker))).toEqual([]);
  for (const attempt of Object.values(refused.attempts)) {
    expect(annotations.filter((annotation) => annotation.paragraphId === attempt.paragraphId && annotation.start === attempt.start && annotation.end === attempt.end)).toEqual([]);
  }
}

test.describe("who may change what", () => {
  test("anonymous visitors read shared work, and every mutation answers 401 and writes nothing", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const entityTypeId = await entityTypeIdOf(page, "Person");
    const work = await workOf(page, cast.article, entityTypeId);
    const anonymous = await cast.anonymous();

    const seen = await listArticle(anonymous, cast.article.articleId);
    expect(seen.annotations.map((annotation) => annotation.id)).toEqual(expect.arrayContaining([work.highlight.id, work.entity.id]));
    expect(seen.notes.map((note) => note.id)).toEqual(expect.arrayContaining([work.note.id, work.reply.id]));

    const refused = await expectEveryMutationRefused(anonymous, cast.article, entityTypeId, work, 401, {
      create: "Sign in to annotate.",
      note: "Sign in to write notes.",
      change: "Sign in to change annotations.",
      changeNote: "Sign in to change notes.",
    });
    await expectUnchanged(page, cast.article, work, refused);
  });

  test("a reader reads shared work, and every mutation answers 403 and writes nothing", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const entityTypeId = await entityTypeIdOf(page, "Person");
    const work = await workOf(page, cast.article, entityTypeId);
    const admin = await cast.admin();
    const reader = await cast.reader(admin.page);

    const seen = await listArticle(reader.page, cast.article.articleId);
    expect(seen.annotations.map((annotation) => annotation.id)).toEqual(expect.arrayContaining([work.highlight.id, work.entity.id]));

    const refused = await expectEveryMutationRefused(reader.page, cast.article, entityTypeId, work, 403, {
      create: "Readers cannot annotate: ask an admin for the Annotator role.",
      note: "Readers cannot write notes: ask an admin for the Annotator role.",
      change: "Readers cannot change annotations: ask an admin for the Annotator role.",
      changeNote: "Readers cannot change notes: ask an admin for the Annotator role.",
    });
    await expectUnchanged(page, cast.article, work, refused);
  });

  test("an annotator creates, edits, deletes and restores their own highlight, entity tag, note and reply", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const { article } = cast;
    const entityTypeId = await entityTypeIdOf(page, "Person");
    const tag = token();

    const created = {
      highlight: await callApi<AnnotationDTO>(page, "POST", annotationsUrl(article), highlightBody(article, 6, selectorOf(6, "набрал 3,14% голосов"), { color: "green" })),
      entity: await callApi<AnnotationDTO>(page, "POST", annotationsUrl(article), entityBody(article, 6, entityTypeId, selectorOf(6, "Инашвили"))),
      note: await callApi<NoteDTO>(page, "POST", notesUrl(article), { paragraphId: article.paragraphIds[5], body: `note ${tag}` }),
    };
    for (const answer of Object.values(created)) expect(answer.status, JSON.stringify(answer.error)).toBe(201);
    const highlight = created.highlight.data!;
    const entity = created.entity.data!;
    const note = created.note.data!;
    expect(highlight).toMatchObject({ kind: "HIGHLIGHT", color: "green", version: 1, author: { id: cast.annotator.id } });
    expect(entity).toMatchObject({ kind: "ENTITY", entityType: { id: entityTypeId }, author: { id: cast.annotator.id } });
    expect(entity.entity?.name).toBe("Инашвили");
    const replyAnswer = await callApi<NoteDTO>(page, "POST", notesUrl(article), { paragraphId: article.paragraphIds[5], body: `reply ${tag}`, parentId: note.id });
    expect(replyAnswer.status).toBe(201);
    const reply = replyAnswer.data!;
    expect(reply).toMatchObject({ parentId: note.id, body: `reply ${tag}` });

    const recoloured = await callApi<AnnotationDTO>(page, "PATCH", annotationUrl(highlight.id), { version: 1, color: "blue" });
    expect(recoloured.status).toBe(200);
    expect(recoloured.data).toMatchObject({ color: "blue", version: 2 });
    const hidden = await callApi<AnnotationDTO>(page, "PATCH", annotationUrl(entity.id), { version: 1, visibility: "PRIVATE" });
    expect(hidden.data).toMatchObject({ visibility: "PRIVATE", version: 2 });
    const edited = await callApi<NoteDTO>(page, "PATCH", noteUrl(note.id), { version: 1, body: `edited ${tag}` });
    expect(edited.data).toMatchObject({ body: `edited ${tag}`, version: 2 });
    const editedReply = await callApi<NoteDTO>(page, "PATCH", noteUrl(reply.id), { version: 1, body: `edited reply ${tag}` });
    expect(editedReply.data).toMatchObject({ body: `edited reply ${tag}`, version: 2 });

    let listed = await listArticle(page, article.articleId);
    expect(listed.annotations.find((candidate) => candidate.id === highlight.id)?.color).toBe("blue");
    expect(listed.notes.find((candidate) => candidate.id === reply.id)?.body).toBe(`edited reply ${tag}`);

    for (const url of [noteUrl(reply.id), noteUrl(note.id), annotationUrl(entity.id), annotationUrl(highlight.id)]) {
      const deleted = await callApi<{ id: string }>(page, "DELETE", url);
      expect(deleted.status, url).toBe(200);
    }
    listed = await listArticle(page, article.articleId);
    const ids = [...listed.annotations, ...listed.notes].map((item) => item.id);
    for (const gone of [highlight, entity, note, reply]) expect(ids).not.toContain(gone.id);

    const restored = await callApi<AnnotationDTO>(page, "POST", `${annotationUrl(highlight.id)}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.data).toMatchObject({ id: highlight.id, color: "blue" });
    listed = await listArticle(page, article.articleId);
    expect(listed.annotations.map((candidate) => candidate.id)).toContain(highlight.id);
  });

  test("an annotator cannot change another annotator's work (403, nothing changes) but may reply to it", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const entityTypeId = await entityTypeIdOf(page, "Person");
    const other = await cast.other();
    const work = await workOf(other.page, cast.article, entityTypeId);

    const marker = `idor ${token()}`;
    expectError(await callApi(page, "PATCH", annotationUrl(work.highlight.id), { version: 1, color: "pink" }), 403, "You can only change your own annotations.");
    expectError(await callApi(page, "PATCH", annotationUrl(work.entity.id), { version: 1, visibility: "PRIVATE" }), 403, "You can only change your own annotations.");
    expectError(await callApi(page, "DELETE", annotationUrl(work.highlight.id)), 403, "You can only change your own annotations.");
    expectError(await callApi(page, "DELETE", annotationUrl(work.entity.id)), 403, "You can only change your own annotations.");
    for (const note of [work.note, work.reply]) {
      expectError(await callApi(page, "PATCH", noteUrl(note.id), { version: 1, body: marker }), 403, "You can only edit or delete your own notes.");
      expectError(await callApi(page, "DELETE", noteUrl(note.id)), 403, "You can only edit or delete your own notes.");
    }
    await expectUnchanged(other.page, cast.article, work, { marker, attempts: {} });

    // Nor undo their deletes.
    expect((await callApi(other.page, "DELETE", annotationUrl(work.entity.id))).status).toBe(200);
    expectError(await callApi(page, "POST", `${annotationUrl(work.entity.id)}/restore`), 403, "You can only change your own annotations.");
    expect((await listArticle(other.page, cast.article.articleId)).annotations.map((annotation) => annotation.id)).not.toContain(work.entity.id);

    // Replying to someone's shared note is what notes are for.
    const reply = await callApi<NoteDTO>(page, "POST", notesUrl(cast.article), { paragraphId: cast.article.paragraphIds[5], body: `my reply ${marker}`, parentId: work.note.id });
    expect(reply.status).toBe(201);
    expect(reply.data).toMatchObject({ parentId: work.note.id, author: { id: cast.annotator.id } });
  });

  test("an admin may edit, delete and restore anyone's shared work", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const entityTypeId = await entityTypeIdOf(page, "Person");
    const work = await workOf(page, cast.article, entityTypeId);
    const admin = await cast.admin();
    const tag = token();

    const recoloured = await callApi<AnnotationDTO>(admin.page, "PATCH", annotationUrl(work.highlight.id), { version: 1, color: "pink" });
    expect(recoloured.status).toBe(200);
    expect(recoloured.data).toMatchObject({ color: "pink", version: 2, author: { id: cast.annotator.id } });
    const edited = await callApi<NoteDTO>(admin.page, "PATCH", noteUrl(work.note.id), { version: 1, body: `moderated ${tag}` });
    expect(edited.status).toBe(200);
    expect(edited.data).toMatchObject({ body: `moderated ${tag}`, author: { id: cast.annotator.id } });
    expect((await callApi(admin.page, "DELETE", noteUrl(work.reply.id))).status).toBe(200);
    expect((await callApi(admin.page, "DELETE", annotationUrl(work.entity.id))).status).toBe(200);
    expect((await callApi(admin.page, "POST", `${annotationUrl(work.entity.id)}/restore`)).status).toBe(200);
    expect((await callApi(admin.page, "DELETE", annotationUrl(work.highlight.id))).status).toBe(200);

    const { annotations, notes } = await listArticle(page, cast.article.articleId);
    const ids = annotations.map((annotation) => annotation.id);
    expect(ids).not.toContain(work.highlight.id);
    expect(ids).toContain(work.entity.id);
    expect(notes.find((note) => note.id === work.note.id)?.body).toBe(`moderated ${tag}`);
    expect(notes.map((note) => note.id)).not.toContain(work.reply.id);

    // Admins annotate too.
    expect((await callApi(admin.page, "POST", annotationsUrl(cast.article), highlightBody(cast.article, 7))).status).toBe(201);
  });

  test("someone's private work is never leaked: unlisted, and 'not found' to everyone else, admins included", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const entityTypeId = await entityTypeIdOf(page, "Person");
    const secret = await workOf(page, cast.article, entityTypeId, "PRIVATE");
    expect(secret.reply.visibility, "a reply in a private thread is private too").toBe("PRIVATE");
    const other = await cast.other();
    const admin = await cast.admin();
    const reader = await cast.reader(admin.page);
    const anonymous = await cast.anonymous();

    const missing = {
      annotation: (await callApi(other.page, "PATCH", annotationUrl(`missing-${token()}`), { version: 1, color: "pink" })).error!.message,
      note: (await callApi(other.page, "PATCH", noteUrl(`missing-${token()}`), { version: 1, body: "x" })).error!.message,
      parent: (await callApi(other.page, "POST", notesUrl(cast.article), { paragraphId: cast.article.paragraphIds[5], body: "x", parentId: `missing-${token()}` })).error!.message,
      highlight: (await callApi(other.page, "POST", notesUrl(cast.article), { paragraphId: cast.article.paragraphIds[5], body: "x", annotationId: `missing-${token()}` })).error!.message,
    };
    expect(missing).toEqual({
      annotation: "The annotation was not found.",
      note: "The note was not found.",
      parent: "The note you are replying to does not exist.",
      highlight: "The highlight this note is for does not exist.",
    });

    const secretIds = [secret.highlight.id, secret.entity.id, secret.note.id, secret.reply.id];
    for (const someone of [other.page, admin.page, reader.page, anonymous]) {
      const { annotations, notes } = await listArticle(someone, cast.article.articleId);
      const seen = [...annotations, ...notes].map((item) => item.id);
      for (const id of secretIds) expect(seen).not.toContain(id);
    }
    // A reader is refused by the route's gate before any lookup: the same 403 for a made-up id as for the secret one.
    for (const id of [secret.highlight.id, `missing-${token()}`]) {
      expectError(await callApi(reader.page, "PATCH", annotationUrl(id), { version: 1, visibility: "SHARED" }), 403, "Readers cannot change annotations: ask an admin for the Annotator role.");
    }
    for (const id of [secret.note.id, `missing-${token()}`]) {
      expectError(await callApi(reader.page, "DELETE", noteUrl(id)), 403, "Readers cannot change notes: ask an admin for the Annotator role.");
    }
    for (const someone of [other.page, admin.page]) {
      // Exactly what a made-up id gets: nothing tells the private work exists.
      for (const annotation of [secret.highlight, secret.entity]) {
        expectError(await callApi(someone, "PATCH", annotationUrl(annotation.id), { version: 1, visibility: "SHARED" }), 404, missing.annotation);
        expectError(await callApi(someone, "DELETE", annotationUrl(annotation.id)), 404, missing.annotation);
        expectError(await callApi(someone, "POST", `${annotationUrl(annotation.id)}/restore`), 404, missing.annotation);
      }
      for (const note of [secret.note, secret.reply]) {
        expectError(await callApi(someone, "PATCH", noteUrl(note.id), { version: 1, body: "x" }), 404, missing.note);
        expectError(await callApi(someone, "DELETE", noteUrl(note.id)), 404, missing.note);
      }
    }
    for (const someone of [other.page, admin.page]) {
      expectError(await callApi(someone, "POST", notesUrl(cast.article), { paragraphId: cast.article.paragraphIds[5], body: "x", parentId: secret.note.id }), 422, missing.parent);
      expectError(await callApi(someone, "POST", notesUrl(cast.article), { paragraphId: cast.article.paragraphIds[5], body: "x", annotationId: secret.highlight.id }), 422, missing.highlight);
    }

    // The author still has it all, untouched.
    const { annotations, notes } = await listArticle(page, cast.article.articleId);
    const mine = [...annotations, ...notes];
    for (const item of [secret.highlight, secret.entity, secret.note, secret.reply]) {
      expect(mine.find((candidate) => candidate.id === item.id)).toMatchObject({ version: 1, visibility: "PRIVATE" });
    }
  });
});

/** A second article (imported by the admin, once per worker) and one of its paragraphs' ids. */
let otherArticle: { articleId: string; paragraphId: string } | null = null;
async function anotherArticlesParagraph(admin: Page): Promise<string> {
  if (!otherArticle) {
    const title = `QA second article ${token()}`;
    const answer = await callApi<{ articleId: string; slug: string }>(admin, "POST", "/api/admin/import/commit", {
      kind: "paste",
      format: "text",
      title,
      language: "en",
      text: `${title}\n\nA paragraph that belongs to another article than the sample.\n\nAnd a second one.`,
      target: { mode: "new" },
    });
    expect(answer.status, JSON.stringify(answer.error)).toBe(200);
    const html = await (await admin.request.get(`/articles/${answer.data!.slug}`)).text();
    const paragraphId = /data-paragraph-id="([^"]+)"/.exec(html)?.[1];
    expect(paragraphId, "the imported article's reader shows its paragraphs").toBeTruthy();
    otherArticle = { articleId: answer.data!.articleId, paragraphId: paragraphId! };
  }
  return otherArticle.paragraphId;
}

test.describe("bad input is refused with a clear message", () => {
  test("creating an annotation", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const { article } = cast;
    const entityTypeId = await entityTypeIdOf(page, "Person");
    const admin = await cast.admin();
    const foreignParagraph = await anotherArticlesParagraph(admin.page);
    const url = annotationsUrl(article);
    const text = paragraphText(7);
    const valid = (extra: Record<string, unknown> = {}) => highlightBody(article, 7, randomSelector(7), extra);

    expectError(await callApi(page, "POST", url, ""), 400, "The request body must be valid JSON.");
    expectError(await callApi(page, "POST", url, "{kind: HIGHLIGHT"), 400, "The request body must be valid JSON.");
    for (const notAnObject of ["[]", '"highlight"', "null", "42"]) expectError(await callApi(page, "POST", url, notAnObject), 400);
    expectError(await callApi(page, "POST", url, {}), 400, /kind/);
    expectError(await callApi(page, "POST", url, valid({ kind: "COMMENT" })), 400, /kind must be HIGHLIGHT or ENTITY/);
    expectError(await callApi(page, "POST", url, valid({ start: "3" })), 400, /^start: /);
    expectError(await callApi(page, "POST", url, valid({ start: 1.5 })), 400, /start: must be a whole number/);
    expectError(await callApi(page, "POST", url, valid({ start: -1 })), 400, /start: must not be negative/);
    expectError(await callApi(page, "POST", url, valid({ exact: 7 })), 400, /^exact: /);
    expectError(await callApi(page, "POST", url, valid({ exact: "" })), 400, /exact: must not be empty/);
    expectError(await callApi(page, "POST", url, valid({ color: "purple" })), 400, /^color: /);
    expectError(await callApi(page, "POST", url, valid({ visibility: "PUBLIC" })), 400, /^visibility: /);
    expectError(await callApi(page, "POST", url, valid({ paragraphId: "" })), 400, /paragraphId: is required/);
    expectError(await callApi(page, "POST", url, valid({ authorId: "someone-else" })), 400, /authorId/);
    expectError(await callApi(page, "POST", url, valid({ entityTypeId })), 400, /entityTypeId/);
    expectError(await callApi(page, "POST", url, valid({ note: "x".repeat(20_001) })), 400, /note: is too long/);

    expectError(await callApi(page, "POST", url, highlightBody(article, 7, { start: 200, end: text.length + 5, exact: text.slice(200), prefix: "", suffix: "" })), 422, `Selection end (${text.length + 5}) is beyond the paragraph's length (${text.length}).`);
    expectError(await callApi(page, "POST", url, highlightBody(article, 7, { start: 10, end: 10, exact: "x", prefix: "", suffix: "" })), 422, "Selection is empty: start (10) must be less than end (10).");
    expectError(await callApi(page, "POST", url, highlightBody(article, 7, { start: 12, end: 5, exact: "x", prefix: "", suffix: "" })), 422, /start \(12\) must be less than end \(5\)/);
    const selector = selectorOf(7, "неоднократно совершали визиты");
    expectError(await callApi(page, "POST", url, highlightBody(article, 7, { ...selector, exact: "неоднократно совершали визит!" })), 422, `The selected text does not match the paragraph at offsets ${selector.start}–${selector.end}.`);
    expectError(await callApi(page, "POST", url, highlightBody(article, 7, { ...selector, prefix: "not the text before" })), 422, /prefix does not match/);
    expectError(await callApi(page, "POST", url, valid({ paragraphId: `missing-${token()}` })), 422, "The paragraph does not belong to this article.");
    expectError(await callApi(page, "POST", url, valid({ paragraphId: foreignParagraph })), 422, "The paragraph does not belong to this article.");
    expectError(await callApi(page, "POST", annotationsUrl(`missing-${token()}`), valid()), 404, "The article was not found.");
    expectError(await callApi(page, "POST", url, entityBody(article, 7, `missing-${token()}`)), 422, "That entity type does not exist.");
    expectError(await callApi(page, "POST", url, entityBody(article, 7, entityTypeId, randomSelector(7), { entityId: `missing-${token()}` })), 422, "That entity does not exist.");

    // None of it was written.
    const { annotations, notes } = await listArticle(page, article.articleId);
    expect([...annotations, ...notes].filter((item) => item.author.id === cast.annotator.id)).toEqual([]);
  });

  test("creating a note or a reply", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const { article } = cast;
    const admin = await cast.admin();
    const foreignParagraph = await anotherArticlesParagraph(admin.page);
    const url = notesUrl(article);
    const onSix = (extra: Record<string, unknown> = {}) => ({ paragraphId: article.paragraphIds[5], body: `bad ${token()}`, ...extra });
    const parent = await createNote(page, article, { paragraph: 6, body: `parent ${token()}` });
    const reply = await createNote(page, article, { paragraph: 6, body: `reply ${token()}`, parentId: parent.id });
    const highlight = await createHighlight(page, article, { paragraph: 6, phrase: "набрал 3,14% голосов" });

    expectError(await callApi(page, "POST", url, ""), 400, "The request body must be valid JSON.");
    expectError(await callApi(page, "POST", url, "body=hello"), 400, "The request body must be valid JSON.");
    expectError(await callApi(page, "POST", url, "[]"), 400);
    expectError(await callApi(page, "POST", url, {}), 400, /paragraphId|body/);
    expectError(await callApi(page, "POST", url, onSix({ body: "" })), 400, "body: must not be empty");
    expectError(await callApi(page, "POST", url, onSix({ body: "  \n\t " })), 400, "body: must not be empty");
    expectError(await callApi(page, "POST", url, onSix({ body: 42 })), 400, /^body: /);
    expectError(await callApi(page, "POST", url, onSix({ body: "x".repeat(20_001) })), 400, "body: is too long (20,000 characters at most)");
    expectError(await callApi(page, "POST", url, onSix({ visibility: "PUBLIC" })), 400, /^visibility: /);
    expectError(await callApi(page, "POST", url, onSix({ pinned: true })), 400, /pinned/);
    expectError(await callApi(page, "POST", url, onSix({ paragraphId: foreignParagraph })), 422, "The paragraph does not belong to this article.");
    expectError(await callApi(page, "POST", url, onSix({ paragraphId: `missing-${token()}` })), 422, "The paragraph does not belong to this article.");
    expectError(await callApi(page, "POST", notesUrl(`missing-${token()}`), onSix()), 404, "The article was not found.");
    expectError(await callApi(page, "POST", url, onSix({ parentId: `missing-${token()}` })), 422, "The note you are replying to does not exist.");
    expectError(await callApi(page, "POST", url, onSix({ parentId: reply.id })), 422, "Reply to the thread's first note, not to a reply.");
    expectError(await callApi(page, "POST", url, onSix({ paragraphId: article.paragraphIds[6], parentId: parent.id })), 422, "A reply must be on the same paragraph as its note.");
    expectError(await callApi(page, "POST", url, onSix({ paragraphId: article.paragraphIds[6], annotationId: highlight.id })), 422, "A highlight's note must be on the highlight's paragraph.");

    // 20,000 characters is still fine.
    const longest = await callApi<NoteDTO>(page, "POST", url, onSix({ body: "я".repeat(20_000) }));
    expect(longest.status).toBe(201);
    expect(longest.data!.body).toHaveLength(20_000);

    const { notes } = await listArticle(page, article.articleId);
    expect(notes.filter((note) => note.author.id === cast.annotator.id).map((note) => note.id).sort()).toEqual([parent.id, reply.id, longest.data!.id].sort());
  });

  test("editing an annotation, including a stale version (409 with the current one)", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const entityTypeId = await entityTypeIdOf(page, "Person");
    const highlight = await createHighlight(page, cast.article, { paragraph: 6, phrase: "набрал 3,14% голосов" });
    const entity = await createEntityTag(page, cast.article, { paragraph: 6, phrase: "Инашвили", entityTypeId });
    const url = annotationUrl(highlight.id);

    expectError(await callApi(page, "PATCH", url, ""), 400, "The request body must be valid JSON.");
    expectError(await callApi(page, "PATCH", url, "color=pink"), 400, "The request body must be valid JSON.");
    expectError(await callApi(page, "PATCH", url, {}), 400, /version/);
    expectError(await callApi(page, "PATCH", url, { version: 1 }), 400, "Nothing to change: send a colour, entity type, entity or visibility.");
    expectError(await callApi(page, "PATCH", url, { version: "1", color: "pink" }), 400, /^version: /);
    expectError(await callApi(page, "PATCH", url, { version: 0, color: "pink" }), 400, /^version: /);
    expectError(await callApi(page, "PATCH", url, { version: 1, color: "purple" }), 400, /^color: /);
    expectError(await callApi(page, "PATCH", url, { version: 1, exact: "rewritten" }), 400, /exact/);
    expectError(await callApi(page, "PATCH", url, { version: 1, entityTypeId }), 422, "A highlight has no entity: tag the text as an entity instead.");
    expectError(await callApi(page, "PATCH", annotationUrl(entity.id), { version: 1, color: "pink" }), 422, "Entity tags take their colour from their type.");
    expectError(await callApi(page, "PATCH", annotationUrl(entity.id), { version: 1, entityId: `missing-${token()}` }), 422, "That entity does not exist.");
    expectError(await callApi(page, "PATCH", annotationUrl(entity.id), { version: 1, entityTypeId: `missing-${token()}` }), 422, "That entity type does not exist.");
    expectError(await callApi(page, "PATCH", annotationUrl(`missing-${token()}`), { version: 1, color: "pink" }), 404, "The annotation was not found.");

    expect((await callApi(page, "PATCH", url, { version: 1, color: "green" })).status).toBe(200);
    const stale = await callApi(page, "PATCH", url, { version: 1, color: "blue" });
    expectError(stale, 409, "Someone changed this annotation meanwhile. Review the current version and apply your change again.");
    expect((stale.error!.details as { current?: AnnotationDTO }).current).toMatchObject({ id: highlight.id, version: 2, color: "green" });

    const { annotations } = await listArticle(page, cast.article.articleId);
    expect(annotations.find((annotation) => annotation.id === highlight.id)).toMatchObject({ version: 2, color: "green" });
    expect(annotations.find((annotation) => annotation.id === entity.id)).toMatchObject({ version: 1, entity: entity.entity });
  });

  test("editing a note, including a huge body and a stale version (409 with the current one)", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const note = await createNote(page, cast.article, { paragraph: 6, body: `original ${token()}` });
    const url = noteUrl(note.id);

    expectError(await callApi(page, "PATCH", url, ""), 400, "The request body must be valid JSON.");
    expectError(await callApi(page, "PATCH", url, "<note/>"), 400, "The request body must be valid JSON.");
    expectError(await callApi(page, "PATCH", url, {}), 400, /version/);
    expectError(await callApi(page, "PATCH", url, { version: 1 }), 400, "Nothing to change: send a body or visibility.");
    expectError(await callApi(page, "PATCH", url, { version: 1, body: "" }), 400, "body: must not be empty");
    expectError(await callApi(page, "PATCH", url, { version: 1, body: ["text"] }), 400, /^body: /);
    expectError(await callApi(page, "PATCH", url, { version: 1, body: "x".repeat(20_001) }), 400, "body: is too long (20,000 characters at most)");
    expectError(await callApi(page, "PATCH", url, { version: 1, body: "x", authorId: "me" }), 400, /authorId/);
    expectError(await callApi(page, "PATCH", noteUrl(`missing-${token()}`), { version: 1, body: "x" }), 404, "The note was not found.");

    const first = await callApi<NoteDTO>(page, "PATCH", url, { version: 1, body: "first edit" });
    expect(first.data).toMatchObject({ version: 2, body: "first edit" });
    const stale = await callApi(page, "PATCH", url, { version: 1, body: "second edit from an old tab" });
    expectError(stale, 409, "This note was changed by someone else while you were editing. Your text is kept: compare and save again.");
    expect((stale.error!.details as { current?: NoteDTO }).current).toMatchObject({ id: note.id, version: 2, body: "first edit" });

    const { notes } = await listArticle(page, cast.article.articleId);
    expect(notes.find((candidate) => candidate.id === note.id)).toMatchObject({ version: 2, body: "first edit" });
  });

  test("deleting and restoring what is gone or was never there", async ({ page, newClient }) => {
    const cast = await castOf(page, newClient);
    const highlight = await createHighlight(page, cast.article, { paragraph: 6, phrase: "набрал 3,14% голосов" });
    const note = await createNote(page, cast.article, { paragraph: 6, body: `doomed ${token()}` });

    expectError(await callApi(page, "POST", `${annotationUrl(highlight.id)}/restore`), 409, "This annotation is not deleted.");
    expect((await callApi(page, "DELETE", annotationUrl(highlight.id))).status).toBe(200);
    expectError(await callApi(page, "DELETE", annotationUrl(highlight.id)), 404, "The annotation was not found.");
    expectError(await callApi(page, "PATCH", annotationUrl(highlight.id), { version: 2, color: "pink" }), 404, "The annotation was not found.");
    expectError(await callApi(page, "DELETE", annotationUrl(`missing-${token()}`)), 404, "The annotation was not found.");
    expectError(await callApi(page, "POST", `${annotationUrl(`missing-${token()}`)}/restore`), 404, "The annotation was not found.");

    expect((await callApi(page, "DELETE", noteUrl(note.id))).status).toBe(200);
    expectError(await callApi(page, "DELETE", noteUrl(note.id)), 404, "The note was not found.");
    expectError(await callApi(page, "PATCH", noteUrl(note.id), { version: 2, body: "back from the dead" }), 404, "The note was not found.");
    expectError(await callApi(page, "DELETE", noteUrl(`missing-${token()}`)), 404, "The note was not found.");

    const { annotations, notes } = await listArticle(page, cast.article.articleId);
    expect(annotations.map((annotation) => annotation.id)).not.toContain(highlight.id);
    expect(notes.map((candidate) => candidate.id)).not.toContain(note.id);
  });
});
