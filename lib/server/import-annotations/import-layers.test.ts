/**
 * Importing W3C Web Annotations onto an article in two project layers, against a real PostgreSQL:
 * the work lands in the layer the importer writes in (their own desk's), and "already there" means
 * there, in that layer: another desk's export of the same article is copied in, not skipped, and a
 * reply in the file to a note of another layer does not slip into that layer.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { span, testLibrary } from "@/lib/server/testing/library";

const { createAnnotation } = await import("@/lib/server/annotations/create-annotation");
const { createNote } = await import("@/lib/server/notes/create-note");
const { exportArticle } = await import("@/lib/server/exports/export-article");
const { importAnnotations } = await import("./import-annotations");

const TEXT = `Москва заявила, что переговоры с Тбилиси продолжатся в Женеве ${randomUUID()}.`;
const library = testLibrary("glossa-import-layers-test");

let article: { articleId: string; slug: string; paragraphId: string };
const politics = `pol-${randomUUID()}`;
const economy = `eco-${randomUUID()}`;

beforeAll(async () => {
  article = await library.newArticle(TEXT);
  // Politics is Closed (Ann's desk), Economy Open (Bob's desk): Ann reads both, writes in her own.
  for (const [project, access, member] of [[politics, "CLOSED", library.ann], [economy, "OPEN", library.bob]] as const) {
    await library.client.query(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, $1, $1, $2, now())`, [project, access]);
    await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [article.articleId, project]);
    await library.client.query(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [project, member.id]);
  }
});

async function economyExport(): Promise<unknown> {
  const file = await exportArticle({ actor: library.ann, articleId: article.articleId, query: { format: "w3c", layer: economy } });
  let text = "";
  for await (const chunk of file.chunks) text += chunk;
  return JSON.parse(text);
}

async function work(authorId: string) {
  const { rows } = await library.client.query<{ kind: string; exact: string | null; projectId: string }>(
    `SELECT 'annotation' AS kind, exact, "projectId" FROM "Annotation" WHERE "articleId" = $1 AND "authorId" = $2 AND "deletedAt" IS NULL
     UNION ALL SELECT 'note', body, "projectId" FROM "Note" WHERE "articleId" = $1 AND "authorId" = $2 AND "deletedAt" IS NULL ORDER BY 1, 2`,
    [article.articleId, authorId],
  );
  return rows.map((row) => [row.kind, row.exact, row.projectId]);
}

describe("importing onto an article in two project layers", () => {
  it("copies another desk's export into the importer's layer (not 'already there'), and a second import adds nothing", async () => {
    const highlight = await createAnnotation({ actor: library.bob, articleId: article.articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility: "SHARED", note: "Проверить", ...span(article.paragraphId, TEXT, "Москва") } });
    expect(highlight.projectId).toBe(economy);
    const file = await economyExport();

    const first = await importAnnotations({ actor: library.ann, articleId: article.articleId, file, options: {} });
    expect([first.anchored.length, first.skipped, first.orphaned]).toEqual([1, [], []]);
    expect(await work(library.ann.id)).toEqual([
      ["annotation", "Москва", politics],
      ["note", "Проверить", politics],
    ]);
    // Bob's work stays his desk's, untouched.
    expect(await work(library.bob.id)).toEqual([
      ["annotation", "Москва", economy],
      ["note", "Проверить", economy],
    ]);

    const again = await importAnnotations({ actor: library.ann, articleId: article.articleId, file, options: {} });
    expect([again.anchored, again.skipped.map((item) => item.detail), again.orphaned]).toEqual([[], ["Already imported: your annotation on these words is there."], []]);
    expect(await work(library.ann.id)).toHaveLength(2);
  });

  it("does not hang a reply on a note of another layer: it is orphaned with the reason, nothing is written there", async () => {
    const note = await createNote({ actor: library.bob, articleId: article.articleId, input: { paragraphId: article.paragraphId, body: `Economy thread ${randomUUID()}` } });
    expect(note.projectId).toBe(economy);
    const noteIri = `http://localhost:3000/articles/${article.slug}/notes/${note.id}`;
    const reply = { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: "A reply from another desk" }, target: noteIri };
    const before = await work(library.ann.id);

    const report = await importAnnotations({ actor: library.ann, articleId: article.articleId, file: reply, options: {} });
    expect(report.anchored).toEqual([]);
    expect(report.orphaned).toEqual([expect.objectContaining({ what: "Reply", detail: `It replies to ${noteIri}, which is neither in the file nor on the article.` })]);
    expect(await work(library.ann.id)).toEqual(before);
  });
});
