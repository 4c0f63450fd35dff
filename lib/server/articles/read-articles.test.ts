/**
 * Articles and their counts as each viewer may read them, against a real PostgreSQL: an archived
 * article is gone (404) for everyone but admins, through the page loader, the text API and the
 * annotations API; counts (Needs review, the admin lists) count only work the viewer can read.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/permissions";
import { span, testLibrary } from "@/lib/server/testing/library";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { createNote } from "@/lib/server/notes/create-note";
import { deleteNote } from "@/lib/server/notes/delete-note";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { getArticle } from "./get-article";
import { getArticleText } from "./get-article-text";
import { getArticleAnnotations } from "./get-article-annotations";
import { getAdminArticle } from "./get-admin-article";
import { listOrphans } from "./list-orphans";
import { searchArticles } from "./search-articles";
import { listUsers } from "@/lib/server/users/list-users";

const policy = vi.hoisted(() => ({ requireSignIn: false }));
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => ({ ...policy }) }));

const TEXT = "Переговоры в Женеве продолжатся на следующей неделе, сообщил представитель МИД.";

const library = testLibrary("glossa-read-articles-test");
beforeEach(() => {
  policy.requireSignIn = false;
});

async function highlight(actor: Actor, articleId: string, paragraphId: string, phrase: string, visibility: "SHARED" | "PRIVATE", note?: string) {
  return createAnnotation({ actor, articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility, ...span(paragraphId, TEXT, phrase), ...(note ? { note } : {}) } });
}

describe("an archived article", () => {
  it("is not found by anyone but an admin: page, text and annotations", async () => {
    const { articleId, slug, paragraphId } = await library.newArticle(TEXT);
    const work = await highlight(library.ann, articleId, paragraphId, "Женеве", "SHARED", "a shared note");
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [articleId]);
    const query = { revision: "1", after: "0" };

    for (const actor of [null, library.rita, library.ann, library.bob]) {
      const who = actor?.name ?? "anonymous";
      expect(await getArticle({ actor, slug }), who).toBeNull();
      await expect(getArticleText({ actor, articleId, query }), who).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getArticleAnnotations({ actor, articleId }), who).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await listOrphans({ actor, articleId }), who).toEqual([]);
    }
    const page = await getArticle({ actor: library.ada, slug });
    expect(page?.archivedAt).toBeInstanceOf(Date);
    expect(page?.paragraphs.map((paragraph) => paragraph.text)).toEqual([TEXT]);
    expect((await getArticleText({ actor: library.ada, articleId, query })).paragraphs).toHaveLength(1);
    expect((await getArticleAnnotations({ actor: library.ada, articleId })).notes.map((note) => note.body)).toEqual(["a shared note"]);

    // Writes: its author no longer finds the work; an admin does, and is told it is read-only.
    const [note] = (await getArticleAnnotations({ actor: library.ada, articleId })).notes;
    await expect(deleteAnnotation({ actor: library.ann, annotationId: work.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteNote({ actor: library.ann, noteId: note!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteAnnotation({ actor: library.ada, annotationId: work.id })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/archived/) });
  });

  it("a live one is open to all, and to no anonymous visitor when sign-in is required", async () => {
    const { articleId, slug } = await library.newArticle(TEXT);
    expect(await getArticle({ actor: null, slug })).not.toBeNull();
    policy.requireSignIn = true;
    expect(await getArticle({ actor: null, slug })).toBeNull();
    await expect(getArticleText({ actor: null, articleId, query: { revision: "1", after: "0" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(getArticleAnnotations({ actor: null, articleId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await getArticle({ actor: library.rita, slug })).not.toBeNull();
  });
});

describe("counts", () => {
  it("count only what the viewer may read: Needs review, the admin list and the admin article page", async () => {
    const { articleId, paragraphId } = await library.newArticle(TEXT);
    const shared = await highlight(library.ann, articleId, paragraphId, "Женеве", "SHARED", "Ann's shared note");
    await createNote({ actor: library.bob, articleId, input: { paragraphId, annotationId: shared.id, body: "Bob's private note", visibility: "PRIVATE" } });
    await createNote({ actor: library.bob, articleId, input: { paragraphId, body: "Bob's private thread", visibility: "PRIVATE" } });
    await createNote({ actor: library.bob, articleId, input: { paragraphId, body: "Bob's shared thread" } });
    await highlight(library.bob, articleId, paragraphId, "представитель", "PRIVATE");
    const bobsOrphan = await highlight(library.bob, articleId, paragraphId, "МИД", "PRIVATE");
    await library.client.query(`UPDATE "Annotation" SET "anchorStatus" = 'ORPHANED' WHERE id = ANY($1)`, [[shared.id, bobsOrphan.id]]);

    const orphans = async (actor: Actor | null) => (await listOrphans({ actor, articleId })).map((orphan) => [orphan.exact, orphan.notes]);
    expect(await orphans(library.ada)).toEqual([["Женеве", 1]]);
    expect(await orphans(null)).toEqual([["Женеве", 1]]);
    expect(await orphans(library.bob)).toEqual([["Женеве", 2], ["МИД", 0]]);

    const admin = await getAdminArticle({ actor: library.ada, articleId });
    expect(admin.annotations).toEqual({ anchored: 0, reanchored: 0, orphaned: 1 });
    expect(admin.notes).toBe(2);

    const { items } = await searchArticles({ actor: library.ada, status: "all", pageSize: 500 });
    expect(items.find((item) => item.id === articleId)).toMatchObject({ annotationCount: 0, orphanCount: 1 });

    // Bob has written only private highlights: the admin's user list counts none of them.
    const users = await listUsers({ actor: library.ada });
    expect(users.find((user) => user.id === library.bob.id)?.annotationCount).toBe(0);
  });
});
