/**
 * Importing W3C Web Annotations onto an article, against a real PostgreSQL: Glossa's own export
 * round-trips (export → delete → import gives back the same annotations and notes), importing the
 * same file again adds nothing, another client's annotations anchor by quote with orphans
 * reported and why, and a bad file is refused whole, leaving nothing behind.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { span, testLibrary } from "@/lib/server/testing/library";

const policy = vi.hoisted(() => ({ requireSignIn: false }));
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => ({ ...policy }) }));

const { createAnnotation } = await import("@/lib/server/annotations/create-annotation");
const { deleteAnnotation } = await import("@/lib/server/annotations/delete-annotation");
const { createNote } = await import("@/lib/server/notes/create-note");
const { deleteNote } = await import("@/lib/server/notes/delete-note");
const { listArticleAnnotations } = await import("@/lib/server/annotations/list-article-annotations");
const { importArticle } = await import("@/lib/server/articles/import-article");
const { exportArticle } = await import("@/lib/server/exports/export-article");
const { importAnnotations, MAX_IMPORTED_ITEMS } = await import("./import-annotations");

const library = testLibrary("glossa-import-annotations-test");
beforeEach(() => {
  policy.requireSignIn = false;
});

const PARAGRAPHS = [
  "Глава МИД Грузии 👍🏽 встретился с Лавровым в Женеве.",
  "Переговоры продолжатся на следующей неделе, сообщил пресс-секретарь.",
  "«Мы готовы к диалогу», — сказал министр.",
];

async function newStory() {
  const sourceUrl = `https://news.example/${randomUUID()}`;
  // A text of its own (same words would be the same article to the importer).
  const parsed = await parsePlainText(`Встреча в Женеве\n\n${PARAGRAPHS.join("\n\n")}\n\nКод ${randomUUID()}.`, { sourceUrl });
  const { articleId } = await importArticle({ parsed, target: { mode: "new" } });
  const { rows } = await library.client.query<{ id: string; position: number; slug: string }>(
    `SELECT p.id, p.position, a.slug FROM "Paragraph" p JOIN "Article" a ON a.id = p."articleId" AND a.revision = p.revision WHERE p."articleId" = $1 ORDER BY p.position`,
    [articleId],
  );
  const paragraph = (text: string) => rows[PARAGRAPHS.findIndex((candidate) => candidate.includes(text))]!.id;
  const on = (text: string) => ({ paragraphId: paragraph(text), text: PARAGRAPHS.find((candidate) => candidate.includes(text))! });
  return { articleId, slug: rows[0]!.slug, sourceUrl, on };
}

async function exportedW3C(actor: Actor, articleId: string): Promise<string> {
  const file = await exportArticle({ actor, articleId, query: { format: "w3c" } });
  let text = "";
  for await (const chunk of file.chunks) text += chunk;
  return text;
}

/** What must survive a round trip, without ids and times. */
async function snapshot(actor: Actor, articleId: string) {
  const { rows } = await library.client.query<{ revision: number }>(`SELECT revision FROM "Article" WHERE id = $1`, [articleId]);
  const { annotations, notes } = await listArticleAnnotations({ actorId: actor.id, articleId, revision: rows[0]!.revision });
  const describe = (annotation: AnnotationDTO) => {
    const fields = annotation as unknown as Record<string, { id?: string; key?: string } | string | null | undefined>;
    const thread = notes.filter((note) => note.annotationId === annotation.id);
    return {
      kind: annotation.kind,
      paragraphId: annotation.paragraphId,
      start: annotation.start,
      end: annotation.end,
      exact: annotation.exact,
      prefix: annotation.prefix,
      suffix: annotation.suffix,
      visibility: annotation.visibility,
      color: fields.color ?? null,
      entityType: (fields.entityType as { key?: string } | null | undefined)?.key ?? null,
      entity: (fields.entity as { id?: string } | null | undefined)?.id ?? null,
      speaker: (fields.speaker as { id?: string } | null | undefined)?.id ?? null,
      notes: thread.map((note) => [note.parentId === null ? "root" : "reply", note.body]).sort(),
    };
  };
  const paragraphNotes = notes.filter((note) => note.annotationId === null).map((note) => [note.paragraphId, note.parentId === null ? "root" : "reply", note.body]);
  return { annotations: annotations.map(describe).sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind)), paragraphNotes: paragraphNotes.sort() };
}

async function counts(articleId: string) {
  const { rows } = await library.client.query<{ annotations: number; notes: number }>(
    `SELECT (SELECT count(*)::int FROM "Annotation" WHERE "articleId" = $1 AND "deletedAt" IS NULL) AS annotations, (SELECT count(*)::int FROM "Note" WHERE "articleId" = $1 AND "deletedAt" IS NULL) AS notes`,
    [articleId],
  );
  return rows[0]!;
}

describe("importAnnotations", () => {
  it("round-trips Glossa's export: export → delete → import gives back the same annotations and notes, and a second import adds nothing", async () => {
    const story = await newStory();
    const { articleId } = story;
    const ann = library.ann;
    const lavrov = story.on("Лавровым");
    const marked = await createAnnotation({ actor: ann, articleId, input: { kind: "HIGHLIGHT", color: "green", visibility: "SHARED", note: "Проверить дату встречи.", ...span(lavrov.paragraphId, lavrov.text, "встретился") } });
    const root = (await library.client.query<{ id: string }>(`SELECT id FROM "Note" WHERE "annotationId" = $1`, [marked.id])).rows[0]!.id;
    await createNote({ actor: ann, articleId, input: { paragraphId: lavrov.paragraphId, annotationId: marked.id, parentId: root, body: "Подтверждено **агентством**." } });
    await createAnnotation({ actor: ann, articleId, input: { kind: "ENTITY", entityTypeId: library.types.PER!, visibility: "SHARED", ...span(lavrov.paragraphId, lavrov.text, "Лавровым") } });
    const said = story.on("готовы к диалогу");
    await createAnnotation({ actor: ann, articleId, input: { kind: "QUOTE", speakerName: "Глава МИД Грузии", speakerTypeId: library.types.PER!, visibility: "SHARED", ...span(said.paragraphId, said.text, "Мы готовы к диалогу") } });
    const talks = story.on("Переговоры");
    const paragraphNote = await createNote({ actor: ann, articleId, input: { paragraphId: talks.paragraphId, body: "Источник — пресс-секретарь." } });
    await createNote({ actor: ann, articleId, input: { paragraphId: talks.paragraphId, parentId: paragraphNote.id, body: "Какой именно?" } });

    const before = await snapshot(ann, articleId);
    expect(before.annotations).toHaveLength(3);
    const file = await exportedW3C(ann, articleId);

    // Exported and still there: nothing to add.
    const unchanged = await importAnnotations({ actor: ann, articleId, file: JSON.parse(file), options: {} });
    expect(unchanged.anchored).toEqual([]);
    expect(unchanged.skipped.length).toBeGreaterThan(0);

    const { rows } = await library.client.query<{ id: string }>(`SELECT id FROM "Annotation" WHERE "articleId" = $1 AND "deletedAt" IS NULL`, [articleId]);
    for (const { id } of rows) await deleteAnnotation({ actor: ann, annotationId: id });
    // Deleting an annotation takes its notes along; a paragraph thread is deleted note by note, replies first.
    const paragraphNotes = await library.client.query<{ id: string }>(`SELECT id FROM "Note" WHERE "articleId" = $1 AND "deletedAt" IS NULL AND "annotationId" IS NULL ORDER BY "parentId" NULLS LAST`, [articleId]);
    for (const { id } of paragraphNotes.rows) await deleteNote({ actor: ann, noteId: id });
    expect(await snapshot(ann, articleId)).toEqual({ annotations: [], paragraphNotes: [] });

    const report = await importAnnotations({ actor: ann, articleId, file: JSON.parse(file), options: {} });
    expect(report.orphaned).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.anchored.map((item) => item.what).sort()).toEqual(["Entity", "Highlight", "Note", "Quote", "Reply", "Reply"]);
    expect(await snapshot(ann, articleId)).toEqual(before);

    const stored = await counts(articleId);
    const again = await importAnnotations({ actor: ann, articleId, file, options: {} });
    expect(again.anchored).toEqual([]);
    expect(again.skipped).toHaveLength(report.anchored.length);
    expect(await counts(articleId)).toEqual(stored);
  });

  it("adds nothing when an admin imports the same file twice (admins' row filters differ)", async () => {
    const story = await newStory();
    const talks = story.on("Переговоры");
    const made = await createAnnotation({ actor: library.ada, articleId: story.articleId, input: { kind: "HIGHLIGHT", color: "green", note: "Уточнить дату", visibility: "SHARED", ...span(talks.paragraphId, talks.text, "следующей неделе") } });
    const file = await exportedW3C(library.ada, story.articleId);
    await deleteAnnotation({ actor: library.ada, annotationId: made.id });
    expect((await importAnnotations({ actor: library.ada, articleId: story.articleId, file, options: {} })).anchored).toHaveLength(1);
    const again = await importAnnotations({ actor: library.ada, articleId: story.articleId, file, options: {} });
    expect(again.anchored).toEqual([]);
    expect(again.skipped).toHaveLength(1);
    expect((await counts(story.articleId)).annotations).toBe(1);
  });

  it("anchors another client's annotations by their quote and reports orphans with the reason", async () => {
    const story = await newStory();
    const file = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationPage",
      items: [
        // As Hypothesis makes them: the page's URL, a document-level quote, a comment body.
        { id: "https://hypothes.is/a/one", type: "Annotation", motivation: "commenting", body: { type: "TextualBody", value: "Важно" }, target: { source: story.sourceUrl, selector: [{ type: "TextQuoteSelector", exact: "следующей неделе", prefix: "продолжатся на ", suffix: ", сообщил" }] } },
        { id: "https://hypothes.is/a/two", type: "Annotation", motivation: "highlighting", target: { source: story.sourceUrl, selector: { type: "TextQuoteSelector", exact: "в Стамбуле" } } },
        { id: "https://hypothes.is/a/three", type: "Annotation", motivation: "highlighting", target: { source: `${story.sourceUrl}#p-9`, selector: { type: "TextQuoteSelector", exact: "с Блинкеном" } } },
        // No context, a paragraph that does not exist, but words that occur once: placed there.
        { id: "https://hypothes.is/a/four", type: "Annotation", motivation: "highlighting", target: { source: `${story.sourceUrl}#p-9`, selector: { type: "TextQuoteSelector", exact: "министр" } } },
        // An entity type this Glossa does not have, named by a malformed IRI: an orphan, not a crash.
        { id: "urn:x:five", type: "Annotation", motivation: ["identifying", "classifying"], body: { type: "SpecificResource", purpose: "classifying", source: "https://other.example/entity-types/%E0%A4%A" }, target: { source: story.sourceUrl, selector: { type: "TextQuoteSelector", exact: "пресс-секретарь" } } },
      ],
    };
    const report = await importAnnotations({ actor: library.bob, articleId: story.articleId, file, options: { visibility: "PRIVATE" } });
    expect(report.anchored).toEqual([
      { index: 0, id: "https://hypothes.is/a/one", what: "Highlight", exact: "следующей неделе", paragraph: 2 },
      { index: 3, id: "https://hypothes.is/a/four", what: "Highlight", exact: "министр", paragraph: 3 },
    ]);
    expect(report.orphaned).toEqual([
      { index: 1, id: "https://hypothes.is/a/two", what: "Highlight", exact: "в Стамбуле", detail: "«в Стамбуле» is not in the article's current text." },
      { index: 2, id: "https://hypothes.is/a/three", what: "Highlight", exact: "с Блинкеном", detail: "Paragraph 9 is not in the article, and «с Блинкеном» is nowhere else in its text." },
      { index: 4, id: "urn:x:five", what: "Entity", exact: "пресс-секретарь", detail: "Its entity type https://other.example/entity-types/%E0%A4%A does not exist here." },
    ]);
    const { rows } = await library.client.query<{ visibility: string; body: string | null }>(`SELECT a.visibility, n.body FROM "Annotation" a LEFT JOIN "Note" n ON n."annotationId" = a.id WHERE a."articleId" = $1 ORDER BY a.start`, [story.articleId]);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(expect.arrayContaining([{ visibility: "PRIVATE", body: "Важно" }, { visibility: "PRIVATE", body: null }]));
    // Private: another reader does not see it.
    expect((await snapshot(library.ann, story.articleId)).annotations).toEqual([]);
  });

  it("refuses a bad file whole, with the reason, and stores nothing", async () => {
    const story = await newStory();
    const other = await newStory();
    const { articleId } = story;
    const good = { type: "Annotation", motivation: "highlighting", target: { source: story.sourceUrl, selector: { type: "TextQuoteSelector", exact: "Переговоры" } } };
    const cases: [string, unknown, Record<string, unknown>][] = [
      ["not an annotation", { hello: "world" }, { code: "INVALID_INPUT", message: expect.stringContaining("Expected a Web Annotation") }],
      ["a number", 42, { code: "INVALID_INPUT" }],
      ["not JSON text", "{not json", { code: "INVALID_INPUT", message: expect.stringContaining("Not JSON") }],
      ["an empty page", { type: "AnnotationPage", items: [] }, { code: "UNPROCESSABLE", message: "The file holds no annotations." }],
      ["a wrong shape after a good item", [good, { type: "Annotation", target: 7 }], { code: "UNPROCESSABLE", details: { items: [expect.objectContaining({ index: 1 })] } }],
      ["another article's target", [good, { ...good, target: { source: `http://localhost:3000/articles/${other.slug}#p-1`, selector: { type: "TextQuoteSelector", exact: "Переговоры" } } }], { code: "UNPROCESSABLE", message: expect.stringContaining("another document") }],
      ["script in a note", [good, { ...good, motivation: "commenting", body: { type: "TextualBody", value: 'Смотри <script>alert("x")</script>' } }], { code: "UNPROCESSABLE", message: expect.stringContaining("script") }],
      ["an event handler in a note", [{ ...good, body: { type: "TextualBody", value: "<img src=x onerror='alert(1)'>" } }], { code: "UNPROCESSABLE" }],
      ["too many items", Array.from({ length: MAX_IMPORTED_ITEMS + 1 }, () => good), { code: "TOO_LARGE" }],
    ];
    for (const [name, file, error] of cases) {
      await expect(importAnnotations({ actor: library.ann, articleId, file, options: {} }), name).rejects.toMatchObject(error);
    }
    // A failure in the middle of writing (a note too long to store, after a good annotation) rolls back the good one too.
    const late = [good, { ...good, target: { source: story.sourceUrl, selector: { type: "TextQuoteSelector", exact: "встретился" } }, body: { type: "TextualBody", value: "x".repeat(20_001) } }];
    await expect(importAnnotations({ actor: library.ann, articleId, file: late, options: {} })).rejects.toMatchObject({ name: "ZodError" });
    expect(await counts(articleId)).toEqual({ annotations: 0, notes: 0 });

    await expect(importAnnotations({ actor: library.rita, articleId, file: [good], options: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importAnnotations({ actor: null, articleId, file: [good], options: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(importAnnotations({ actor: library.ann, articleId: "no-such-article", file: [good], options: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(importAnnotations({ actor: library.ann, articleId, file: [good], options: { visibility: "PUBLIC" } })).rejects.toMatchObject({ name: "ZodError" });
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [articleId]);
    await expect(importAnnotations({ actor: library.ann, articleId, file: [good], options: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts(articleId)).toEqual({ annotations: 0, notes: 0 });
  });
});
