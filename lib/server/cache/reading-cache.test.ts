/**
 * The reading caches against a real PostgreSQL (a throwaway database): what a reader gets from
 * the cached paths (reader page, text and annotations APIs) always equals the uncached read of
 * what they may see (listArticleAnnotations), right after every kind of write — on this
 * "instance" and on a second one (a fresh copy of the modules, with caches of its own); another
 * reader's private work never appears, nor enters the shared layer; and the validator (ETag)
 * changes whenever what the viewer sees changes, and only answers 304 while it has not.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { listArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { restoreAnnotation } from "@/lib/server/annotations/restore-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { getArticle } from "@/lib/server/articles/get-article";
import { getArticleAnnotations } from "@/lib/server/articles/get-article-annotations";
import { getArticleText } from "@/lib/server/articles/get-article-text";
import { importArticle } from "@/lib/server/articles/import-article";
import { setArticleArchived } from "@/lib/server/articles/set-article-archived";
import { articleReadValidator, conditionalResponse } from "@/lib/server/cache/conditional-response";
import { readArticleStamp, type ArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { viewLayerOf } from "@/lib/server/cache/viewer-annotations";
import { sharedLayerOf } from "@/lib/server/cache/shared-layer";
import { createNote } from "@/lib/server/notes/create-note";
import { updateNote } from "@/lib/server/notes/update-note";
import { testLibrary } from "@/lib/server/testing/library";

const FIRST = "Москва заявила, что переговоры с Тбилиси продолжатся в Женеве на следующей неделе.";
const SECOND = "Представитель МИД Грузии подтвердил, что делегация прибудет в понедельник.";

const library = testLibrary("glossa-reading-cache-test");

/** The reader's Project layer choice, as the request's cookie would carry it (lib/projects/layer-preference.ts). */
const layerCookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "glossa-layers" && layerCookie.value !== undefined ? { name, value: layerCookie.value } : undefined) }),
}));

/** A second app instance: the same use cases with caches of their own (a fresh module graph). */
let other: { getArticleAnnotations: typeof getArticleAnnotations; getArticle: typeof getArticle };

beforeAll(async () => {
  vi.resetModules();
  other = {
    getArticleAnnotations: (await import("@/lib/server/articles/get-article-annotations")).getArticleAnnotations,
    getArticle: (await import("@/lib/server/articles/get-article")).getArticle,
  };
});

async function newArticle(): Promise<{ articleId: string; slug: string; sourceUrl: string; paragraphs: string[] }> {
  const sourceUrl = `https://example.test/${randomUUID()}`;
  // A text of its own: an import of a text already in the library may find that article instead.
  const parsed = await parsePlainText(`${FIRST}\n\n${SECOND}\n\nМетка ${randomUUID()}.`, { sourceUrl });
  const { articleId } = await importArticle({ parsed, target: { mode: "new" } });
  const { rows } = await library.client.query<{ id: string; slug: string }>(
    `SELECT p.id, a.slug FROM "Paragraph" p JOIN "Article" a ON a.id = p."articleId" WHERE p."articleId" = $1 ORDER BY p.position`,
    [articleId],
  );
  return { articleId, slug: rows[0]!.slug, sourceUrl, paragraphs: rows.map((row) => row.id) };
}

/** Where `phrase` is in the paragraph (of FIRST or SECOND) with id `paragraphId`. */
function selector(paragraphId: string, phrase: string) {
  const text = FIRST.includes(phrase) ? FIRST : SECOND;
  const start = text.indexOf(phrase);
  const end = start + phrase.length;
  return { paragraphId, start, end, exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

function highlight(paragraphId: string, phrase: string, extra: Record<string, unknown> = {}) {
  return { kind: "HIGHLIGHT", color: "yellow", ...selector(paragraphId, phrase), ...extra };
}

/** The article's stamp for an anonymous reader, and the layer they read it in: what the shared-layer cache is asked for. */
async function anonymousLayer(articleId: string): Promise<[ArticleStamp, string | null]> {
  const stamp = (await readArticleStamp({ id: articleId }))!;
  return [stamp, viewLayerOf(null, stamp)];
}

const viewers = () => ({ anonymous: null, ann: library.ann, bob: library.bob, rita: library.rita, ada: library.ada }) as Record<string, Actor | null>;

/** What the uncached read says `actor` may see, without the cursor (the cached one may be older: the feed replays from it). */
async function truth(actor: Actor | null, articleId: string) {
  const stamp = (await readArticleStamp({ id: articleId }))!;
  const { annotations, notes } = await listArticleAnnotations({ actorId: actor?.id ?? null, articleId, revision: stamp.revision });
  return { annotations, notes };
}

/** Every viewer, through the cached annotations API on both instances and the cached page state, sees exactly the truth. */
async function expectEveryoneCurrent(articleId: string, slug: string) {
  for (const [name, actor] of Object.entries(viewers())) {
    const expected = await truth(actor, articleId);
    for (const [instance, read] of [["this", getArticleAnnotations], ["other", other.getArticleAnnotations]] as const) {
      const { annotations, notes } = await read({ actor, articleId });
      expect({ annotations, notes }, `${name} on the ${instance} instance`).toEqual(expected);
    }
    const page = await getArticle({ actor, slug });
    const text = await getArticleText({ actor, articleId, query: { revision: String(page!.revision), after: "0" } });
    expect(text.paragraphs.map((paragraph) => paragraph.text), `${name}: the text`).toEqual(page!.paragraphs.map((paragraph) => paragraph.text));
  }
}

describe("a write is visible to the next read", () => {
  it("on this instance and another, for every viewer, through creates, edits, deletes, restores and notes", async () => {
    const { articleId, slug, paragraphs } = await newArticle();
    await expectEveryoneCurrent(articleId, slug); // both instances now hold the empty layer
    const shared = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Тбилиси") });
    await expectEveryoneCurrent(articleId, slug);
    expect((await getArticleAnnotations({ actor: null, articleId })).annotations.map((a) => a.id)).toEqual([shared.id]);

    await updateAnnotation({ actor: library.ann, annotationId: shared.id, input: { version: 1, color: "blue" } });
    await expectEveryoneCurrent(articleId, slug);
    expect((await other.getArticleAnnotations({ actor: library.bob, articleId })).annotations[0]!.color).toBe("blue");

    const note = await createNote({ actor: library.bob, articleId, input: { paragraphId: paragraphs[1]!, body: "Which delegation?" } });
    await expectEveryoneCurrent(articleId, slug);
    await updateNote({ actor: library.bob, noteId: note.id, input: { version: note.version, body: "Which delegation, exactly?" } });
    await expectEveryoneCurrent(articleId, slug);
    expect((await getArticleAnnotations({ actor: null, articleId })).notes.map((n) => n.body)).toEqual(["Which delegation, exactly?"]);

    await deleteAnnotation({ actor: library.ann, annotationId: shared.id });
    await expectEveryoneCurrent(articleId, slug);
    expect((await other.getArticleAnnotations({ actor: null, articleId })).annotations).toEqual([]);
    await restoreAnnotation({ actor: library.ann, annotationId: shared.id });
    await expectEveryoneCurrent(articleId, slug);

    // An admin's edit of an entity type (its label and colour show on every tag of it) writes no event.
    await createAnnotation({ actor: library.bob, articleId, input: { kind: "ENTITY", entityTypeId: library.types.PER, ...selector(paragraphs[0]!, "Москва") } });
    await expectEveryoneCurrent(articleId, slug);
    await library.client.query(`UPDATE "EntityType" SET label = label || ' (edited)', color = '#123456' WHERE id = $1`, [library.types.PER]);
    await expectEveryoneCurrent(articleId, slug);
    const tag = (await other.getArticleAnnotations({ actor: null, articleId })).annotations.find((a) => a.kind === "ENTITY")!;
    expect(tag.entityType).toMatchObject({ label: expect.stringMatching(/\(edited\)$/), color: "#123456" });
  });

  it("a re-import's new text and re-anchored work, and archiving", async () => {
    const { articleId, slug, sourceUrl, paragraphs } = await newArticle();
    await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[1]!, "делегация") });
    // On the words the re-import removes: it will wait under Needs review, private as it is.
    await createAnnotation({ actor: library.bob, articleId, input: highlight(paragraphs[0]!, "Тбилиси", { visibility: "PRIVATE" }) });
    await expectEveryoneCurrent(articleId, slug);
    const before = await other.getArticle({ actor: null, slug });
    expect((await sharedLayerOf(...(await anonymousLayer(articleId)), { name: "all" })).orphansPending).toBe(false);

    const parsed = await parsePlainText(`Новый первый абзац.\n\n${SECOND}`, { sourceUrl });
    await importArticle({ parsed, target: { mode: "replace", articleId } });
    const after = await other.getArticle({ actor: null, slug });
    expect(after!.revision).toBe(before!.revision + 1);
    expect(after!.paragraphs.map((paragraph) => paragraph.text)).toEqual(["Новый первый абзац.", SECOND]);
    await expectEveryoneCurrent(articleId, slug);
    expect((await getArticleAnnotations({ actor: null, articleId })).annotations.map((a) => a.exact)).toEqual(["делегация"]);
    // The page learns that Needs review has something (for Bob), without the orphan entering the layer.
    const layer = await sharedLayerOf(...(await anonymousLayer(articleId)), { name: "all" });
    expect(layer.orphansPending).toBe(true);
    expect(layer.annotations.map((a) => a.exact)).toEqual(["делегация"]);

    await setArticleArchived({ actor: library.ada, articleId, archived: true });
    expect(await getArticle({ actor: null, slug })).toBeNull();
    await expect(other.getArticleAnnotations({ actor: library.bob, articleId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getArticle({ actor: library.ada, slug }))!.archivedAt).not.toBeNull();
  });
});

describe("private work never enters a shared cache", () => {
  it("is seen by its author alone, and never by the shared layer, through every change of visibility", async () => {
    const { articleId, slug, paragraphs } = await newArticle();
    const secret = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Женеве", { visibility: "PRIVATE", note: "my secret note" }) });
    const open = await createAnnotation({ actor: library.bob, articleId, input: highlight(paragraphs[0]!, "Москва") });
    // Ann reads first, so her private work would be what a careless cache kept.
    expect((await getArticleAnnotations({ actor: library.ann, articleId })).annotations.map((a) => a.id).sort()).toEqual([secret.id, open.id].sort());
    expect((await getArticleAnnotations({ actor: library.ann, articleId })).notes.map((n) => n.body)).toEqual(["my secret note"]);
    await expectEveryoneCurrent(articleId, slug);
    for (const actor of [null, library.bob, library.rita, library.ada]) {
      const seen = await getArticleAnnotations({ actor, articleId });
      expect(seen.annotations.map((a) => a.id)).toEqual([open.id]);
      expect(seen.notes).toEqual([]);
    }
    const layer = await sharedLayerOf(...(await anonymousLayer(articleId)), { name: "all" });
    expect(layer.annotations.every((a) => a.visibility === "SHARED")).toBe(true);
    expect(JSON.stringify(layer)).not.toContain("my secret note");

    // Shared, then private again: everyone sees it, then only Ann, at the next read.
    const sharedNow = await updateAnnotation({ actor: library.ann, annotationId: secret.id, input: { version: secret.version, visibility: "SHARED" } });
    await expectEveryoneCurrent(articleId, slug);
    expect((await other.getArticleAnnotations({ actor: library.bob, articleId })).annotations.map((a) => a.id)).toContain(secret.id);
    await updateAnnotation({ actor: library.ann, annotationId: secret.id, input: { version: sharedNow.version, visibility: "PRIVATE" } });
    await expectEveryoneCurrent(articleId, slug);
    expect((await other.getArticleAnnotations({ actor: library.bob, articleId })).annotations.map((a) => a.id)).toEqual([open.id]);
    expect((await getArticleAnnotations({ actor: null, articleId })).annotations.map((a) => a.id)).toEqual([open.id]);
  });
});

describe("project layers", () => {
  it("work in a project made Closed leaves the shared layer at once, and stays for its members", async () => {
    const { articleId, paragraphs } = await newArticle();
    const project = randomUUID();
    await library.client.query(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, $2, $2, 'OPEN', now())`, [project, `cache-${project}`]);
    await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [articleId, project]);
    // The project is the article's only one: its layer is what everyone reads.
    await library.client.query(`DELETE FROM "ArticleProject" WHERE "articleId" = $1 AND "projectId" <> $2`, [articleId, project]);
    await library.client.query(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [project, library.ann.id]);
    const layered = await createAnnotation({ actor: library.bob, articleId, input: highlight(paragraphs[0]!, "Тбилиси") });
    await library.client.query(`UPDATE "Annotation" SET "projectId" = $1 WHERE id = $2`, [project, layered.id]);
    const seenBy = async (actor: Actor | null, read = getArticleAnnotations) => (await read({ actor, articleId })).annotations.map((a) => a.id);
    // Open: everyone's, and now in both instances' caches.
    for (const read of [getArticleAnnotations, other.getArticleAnnotations]) expect(await seenBy(null, read)).toEqual([layered.id]);
    const etag = articleReadValidator(["annotations"], library.ann, await findReadableArticle(library.ann, articleId));

    // Closed (an admin's settings change: no article event): only its members see its layer.
    await library.client.query(`UPDATE "Project" SET access = 'CLOSED' WHERE id = $1`, [project]);
    for (const read of [getArticleAnnotations, other.getArticleAnnotations]) {
      await expect(seenBy(null, read)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(seenBy(library.bob, read)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await seenBy(library.ann, read)).toEqual([layered.id]);
    }
    expect(articleReadValidator(["annotations"], library.ann, await findReadableArticle(library.ann, articleId))).not.toBe(etag);
  });
});

describe("an article in two projects: one layer at a time", () => {
  it("each desk sees its own layer; a choice switches it where it may read; new work goes into the layer on screen", async () => {
    const { articleId, paragraphs } = await newArticle();
    const [politics, economy] = [randomUUID(), randomUUID()];
    for (const [project, member] of [[politics, library.ann], [economy, library.bob]] as const) {
      await library.client.query(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, $2, $2, 'CLOSED', now())`, [project, `desk-${project}`]);
      await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [articleId, project]);
      await library.client.query(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [project, member.id]);
    }
    await library.client.query(`DELETE FROM "ArticleProject" WHERE "articleId" = $1 AND "projectId" NOT IN ($2, $3)`, [articleId, politics, economy]);
    const seen = async (actor: Actor | null, read = getArticleAnnotations) => {
      const { annotations, notes } = await read({ actor, articleId });
      return [...annotations.map((a) => a.exact), ...notes.map((n) => n.body)];
    };

    layerCookie.value = undefined;
    const annWork = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Тбилиси") });
    const bobWork = await createAnnotation({ actor: library.bob, articleId, input: highlight(paragraphs[0]!, "Москва") });
    const bobNote = await createNote({ actor: library.bob, articleId, input: { paragraphId: paragraphs[1]!, body: "economy desk note" } });
    expect([annWork.projectId, bobWork.projectId, bobNote.projectId]).toEqual([politics, economy, economy]);
    // Desks do not see each other's work on the shared story, on either instance; a member of neither gets 404.
    for (const read of [getArticleAnnotations, other.getArticleAnnotations]) {
      expect(await seen(library.ann, read)).toEqual(["Тбилиси"]);
      expect(await seen(library.bob, read)).toEqual(["Москва", "economy desk note"]);
      await expect(read({ actor: library.rita, articleId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Choosing a Closed layer one is not a member of changes nothing.
    layerCookie.value = `${economy}.${politics}`;
    expect(await seen(library.ann)).toEqual(["Тбилиси"]);
    // An admin reads either layer, the one chosen, and the validator tells the two answers apart.
    const adminEtag = async () => articleReadValidator(["annotations"], library.ada, await findReadableArticle(library.ada, articleId));
    expect(await seen(library.ada)).toEqual(["Москва", "economy desk note"]);
    const onEconomy = await adminEtag();
    layerCookie.value = politics;
    expect(await seen(library.ada)).toEqual(["Тбилиси"]);
    expect(await adminEtag()).not.toBe(onEconomy);

    // The economy desk opens up: Ann may now read its layer, choose it, and annotate there (site Annotator in an Open project).
    await library.client.query(`UPDATE "Project" SET access = 'OPEN' WHERE id = $1`, [economy]);
    layerCookie.value = economy;
    expect(await seen(library.ann)).toEqual(["Москва", "economy desk note"]);
    const annInEconomy = await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Женеве") });
    expect(annInEconomy.projectId).toBe(economy);
    // Rita (a site Reader) now reads the story through the Open desk, its layer only, and may not write there.
    expect(await seen(library.rita, other.getArticleAnnotations)).toEqual(["Москва", "Женеве", "economy desk note"]);
    await expect(createAnnotation({ actor: library.rita, articleId, input: highlight(paragraphs[0]!, "неделе") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Back to her own desk: her desk's work only, the economy highlight stays in its layer.
    layerCookie.value = undefined;
    expect(await seen(library.ann)).toEqual(["Тбилиси"]);
  });
});

describe("the validator (ETag) of a read", () => {
  async function validators(articleId: string) {
    const result: Record<string, string> = {};
    for (const [name, actor] of Object.entries(viewers())) {
      const article = await findReadableArticle(actor, articleId).catch(() => null);
      result[name] = article ? articleReadValidator(["annotations"], actor, article) : "gone";
    }
    return result;
  }

  /** Every viewer's validator differs from before. */
  async function expectAllChanged(articleId: string, before: Record<string, string>) {
    const after = await validators(articleId);
    for (const name of Object.keys(before)) expect(after[name], name).not.toBe(before[name]);
    return after;
  }

  it("stays while nothing changes, differs between viewers, and changes with every change anyone may see", async () => {
    const { articleId, sourceUrl, paragraphs } = await newArticle();
    let before = await validators(articleId);
    expect(await validators(articleId)).toEqual(before);
    expect(new Set(Object.values(before)).size).toBe(Object.keys(before).length);

    const created = await createAnnotation({ actor: library.bob, articleId, input: highlight(paragraphs[0]!, "Тбилиси") });
    before = await expectAllChanged(articleId, before);
    const hidden = await updateAnnotation({ actor: library.bob, annotationId: created.id, input: { version: created.version, visibility: "PRIVATE" } });
    before = await expectAllChanged(articleId, before);
    await updateAnnotation({ actor: library.bob, annotationId: created.id, input: { version: hidden.version, visibility: "SHARED" } });
    before = await expectAllChanged(articleId, before);
    await deleteAnnotation({ actor: library.bob, annotationId: created.id });
    before = await expectAllChanged(articleId, before);
    await createNote({ actor: library.ann, articleId, input: { paragraphId: paragraphs[1]!, body: "A note" } });
    before = await expectAllChanged(articleId, before);
    const parsed = await parsePlainText(`${FIRST}\n\nДругой второй абзац.`, { sourceUrl });
    await importArticle({ parsed, target: { mode: "replace", articleId } });
    before = await expectAllChanged(articleId, before);
    await library.client.query(`UPDATE "user" SET name = 'Bob Renamed', "updatedAt" = now() WHERE id = $1`, [library.bob.id]);
    before = await expectAllChanged(articleId, before);
    await library.client.query(`UPDATE "EntityType" SET color = '#654321' WHERE id = $1`, [library.types.LOC]);
    before = await expectAllChanged(articleId, before);
    await setArticleArchived({ actor: library.ada, articleId, archived: true });
    const archived = await validators(articleId);
    expect(archived.ada).not.toBe(before.ada);
    expect(archived.anonymous).toBe("gone");
  });

  it("answers 304 without reading while it holds, and 200 with the new data after a write", async () => {
    const { articleId, paragraphs } = await newArticle();
    const respond = async (ifNoneMatch?: string) => {
      const article = await findReadableArticle(null, articleId);
      const request = new Request("http://localhost/api", { headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {} });
      let read = false;
      const response = await conditionalResponse(request, articleReadValidator(["annotations"], null, article), () => {
        read = true;
        return getArticleAnnotations({ actor: null, articleId, article });
      });
      return { response, read };
    };
    const first = await respond();
    expect(first.response.status).toBe(200);
    const etag = first.response.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.response.headers.get("cache-control")).toContain("private, no-cache");
    expect(first.response.headers.get("vary")).toBe("Cookie");

    const again = await respond(etag);
    expect(again.response.status).toBe(304);
    expect(again.read).toBe(false);
    expect(await again.response.text()).toBe("");
    expect((await respond(`"other", ${etag}`)).response.status).toBe(304);
    expect((await respond("*")).response.status).toBe(304);
    expect((await respond('W/"not-it"')).response.status).toBe(200);

    await createAnnotation({ actor: library.ann, articleId, input: highlight(paragraphs[0]!, "Москва") });
    const changed = await respond(etag);
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get("etag")).not.toBe(etag);
    const body = (await changed.response.json()) as { data: { annotations: { exact: string }[] } };
    expect(body.data.annotations.map((a) => a.exact)).toEqual(["Москва"]);
  });
});

describe("hostile input to the cached reads", () => {
  it("answers an unknown or unstorable slug or id as not found, never a database error", async () => {
    for (const slug of ["", "\u0000", "nope\u0000", "\uD800", "x".repeat(5000), "<script>alert(1)</script>"]) {
      expect(await getArticle({ actor: null, slug }), JSON.stringify(slug.slice(0, 20))).toBeNull();
    }
    for (const id of ["\u0000", "missing", "' OR 1=1 --"]) {
      await expect(findReadableArticle(null, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("refuses a bad text query before reading, and an old revision with 409", async () => {
    const { articleId } = await newArticle();
    for (const query of [{}, { revision: "x", after: "0" }, { revision: "1", after: "-1" }, { revision: "1", after: "0", limit: "0" }]) {
      await expect(getArticleText({ actor: null, articleId, query })).rejects.toThrow();
    }
    await expect(getArticleText({ actor: null, articleId, query: { revision: "2", after: "0" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
