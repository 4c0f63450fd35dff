/**
 * A note is never more visible than what it is on, against a real PostgreSQL: a note on a private
 * highlight, or a reply in a private thread, is private whatever was asked; a highlight made
 * private takes every note on it along (in the same transaction, with live events that drop them
 * for everyone else); a note on a private highlight cannot be shared.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { span, testLibrary } from "@/lib/server/testing/library";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { listArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { createNote } from "./create-note";
import { updateNote } from "./update-note";

const TEXT = "Переговоры в Женеве продолжатся на следующей неделе, сообщил представитель МИД.";

const library = testLibrary("glossa-notes-test");

async function highlight(actor: Actor, visibility: "SHARED" | "PRIVATE") {
  const { articleId, paragraphId } = await library.newArticle(TEXT);
  const annotation = await createAnnotation({ actor, articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility, ...span(paragraphId, TEXT, "Женеве") } });
  return { articleId, paragraphId, annotation };
}

/** The note bodies `actor` may read on the article. */
async function bodiesFor(actor: Actor | null, articleId: string): Promise<string[]> {
  const { rows } = await library.client.query<{ revision: number }>(`SELECT revision FROM "Article" WHERE id = $1`, [articleId]);
  const { notes } = await listArticleAnnotations({ actorId: actor?.id ?? null, articleId, revision: rows[0]!.revision });
  return notes.map((note) => note.body).sort();
}

/** The article's events since `after`, as [type, audience, id of the note] (audience: a name or "everyone"). */
async function eventsAfter(articleId: string, after: bigint) {
  const { rows } = await library.client.query<{ id: string; type: string; audienceId: string | null; payload: { noteId?: string; note?: { id: string } } }>(
    `SELECT id::text, type, "audienceId", payload FROM "ArticleEvent" WHERE "articleId" = $1 AND id > $2 ORDER BY id`,
    [articleId, after.toString()],
  );
  const name = (id: string | null) => (id === null ? "everyone" : [library.ann, library.bob].find((person) => person.id === id)?.name);
  return rows.filter((row) => row.type.startsWith("note.")).map((row) => [row.type, name(row.audienceId), row.payload.noteId ?? row.payload.note?.id]);
}

async function lastEvent(articleId: string): Promise<bigint> {
  const { rows } = await library.client.query<{ id: string | null }>(`SELECT max(id)::text AS id FROM "ArticleEvent" WHERE "articleId" = $1`, [articleId]);
  return BigInt(rows[0]!.id ?? 0);
}

describe("a note on a private highlight", () => {
  it("is private even when asked to be shared, and reaches no one else", async () => {
    const { articleId, paragraphId, annotation } = await highlight(library.ann, "PRIVATE");
    const note = await createNote({ actor: library.ann, articleId, input: { paragraphId, annotationId: annotation.id, body: "my private thought" } });
    expect(note.visibility).toBe("PRIVATE");
    expect(await bodiesFor(library.ann, articleId)).toEqual(["my private thought"]);
    for (const actor of [null, library.bob, library.rita, library.ada]) expect(await bodiesFor(actor, articleId)).toEqual([]);
    expect(await eventsAfter(articleId, 0n)).toEqual([["note.upserted", "Ann", note.id]]);
  });

  it("cannot be made shared while the highlight is private", async () => {
    const { articleId, paragraphId, annotation } = await highlight(library.ann, "PRIVATE");
    const note = await createNote({ actor: library.ann, articleId, input: { paragraphId, annotationId: annotation.id, body: "stays mine" } });
    await expect(updateNote({ actor: library.ann, noteId: note.id, input: { version: note.version, visibility: "SHARED" } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    expect(await bodiesFor(library.bob, articleId)).toEqual([]);
  });
});

describe("a highlight made private", () => {
  it("makes every note on it private in the same change: others' feeds drop them, the author keeps theirs", async () => {
    const { articleId, paragraphId, annotation } = await highlight(library.ann, "SHARED");
    const own = await createNote({ actor: library.ann, articleId, input: { paragraphId, annotationId: annotation.id, body: "Ann's note" } });
    const reply = await createNote({ actor: library.bob, articleId, input: { paragraphId, annotationId: annotation.id, parentId: own.id, body: "Bob's reply" } });
    const bobs = await createNote({ actor: library.bob, articleId, input: { paragraphId, annotationId: annotation.id, body: "Bob's note" } });
    const paragraphNote = await createNote({ actor: library.bob, articleId, input: { paragraphId, body: "on the paragraph" } });
    expect(await bodiesFor(null, articleId)).toEqual(["Ann's note", "Bob's note", "Bob's reply", "on the paragraph"]);

    const before = await lastEvent(articleId);
    await updateAnnotation({ actor: library.ann, annotationId: annotation.id, input: { version: annotation.version, visibility: "PRIVATE" } });

    const { rows } = await library.client.query<{ id: string; visibility: string }>(`SELECT id, visibility FROM "Note" WHERE "articleId" = $1`, [articleId]);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.visibility]))).toEqual({ [own.id]: "PRIVATE", [reply.id]: "PRIVATE", [bobs.id]: "PRIVATE", [paragraphNote.id]: "SHARED" });
    for (const actor of [null, library.bob, library.rita, library.ada]) expect(await bodiesFor(actor, articleId)).toEqual(["on the paragraph"]);
    expect(await bodiesFor(library.ann, articleId)).toEqual(["Ann's note", "on the paragraph"]);
    expect(await eventsAfter(articleId, before)).toEqual([
      ["note.deleted", "everyone", own.id],
      ["note.upserted", "Ann", own.id],
      ["note.deleted", "everyone", reply.id],
      ["note.deleted", "everyone", bobs.id],
    ]);
  });
});

describe("a private thread", () => {
  it("makes a reply private, and takes its replies along when made private", async () => {
    const { articleId, paragraphId } = await library.newArticle(TEXT);
    const secret = await createNote({ actor: library.ann, articleId, input: { paragraphId, body: "private thread", visibility: "PRIVATE" } });
    const reply = await createNote({ actor: library.ann, articleId, input: { paragraphId, parentId: secret.id, body: "private reply", visibility: "SHARED" } });
    expect(reply.visibility).toBe("PRIVATE");

    const open = await createNote({ actor: library.ann, articleId, input: { paragraphId, body: "open thread" } });
    await createNote({ actor: library.bob, articleId, input: { paragraphId, parentId: open.id, body: "Bob answers" } });
    await updateNote({ actor: library.ann, noteId: open.id, input: { version: open.version, visibility: "PRIVATE" } });
    expect(await bodiesFor(library.rita, articleId)).toEqual([]);
    expect(await bodiesFor(library.ann, articleId)).toEqual(["open thread", "private reply", "private thread"]);
  });

  it("cannot be replied to by someone else, nor a private highlight noted on", async () => {
    const { articleId, paragraphId, annotation } = await highlight(library.ann, "PRIVATE");
    const note = await createNote({ actor: library.ann, articleId, input: { paragraphId, annotationId: annotation.id, body: "mine" } });
    await expect(createNote({ actor: library.bob, articleId, input: { paragraphId, annotationId: annotation.id, parentId: note.id, body: "x" } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
    await expect(createNote({ actor: library.bob, articleId, input: { paragraphId, annotationId: annotation.id, body: "x" } })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });
});
