/**
 * The curated layer against a real PostgreSQL: who may adopt, what may be adopted (readable,
 * shared, placed, of the kind, inside the stretch), that an adoption replaces the stretch's
 * versions and nothing else, that a refusal writes nothing, and that the curated export carries
 * exactly the adopted versions through the ordinary writers.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contentHash, parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { reviseArticle } from "@/lib/server/articles/revise-article";
import { span, testLibrary } from "@/lib/server/testing/library";
import { adoptVersion } from "./adopt-version";
import { exportCurated } from "./export-curated";
import { listCuratedAnnotations } from "./list-curated-annotations";

const TEXT = "Владимир Путин встретился с Си Цзиньпином в Москве, сообщил Кремль.";
const library = testLibrary("glossa-curation-test");

async function tag(actor: Actor, articleId: string, paragraphId: string, phrase: string, type: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  return createAnnotation({ actor, articleId, input: { kind: "ENTITY", entityTypeId: library.types[type]!, visibility, ...span(paragraphId, TEXT, phrase) } });
}

async function curatedCount(articleId: string): Promise<number> {
  const { rows } = await library.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CuratedAnnotation" WHERE "articleId" = $1`, [articleId]);
  return rows[0]!.n;
}

/** How many curated.changed events the article's live feed holds (a refusal announces nothing). */
async function curatedEvents(articleId: string): Promise<number> {
  const { rows } = await library.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "ArticleEvent" WHERE "articleId" = $1 AND type = 'curated.changed'`, [articleId]);
  return rows[0]!.n;
}

async function text(chunks: AsyncGenerator<string>): Promise<string> {
  let all = "";
  for await (const chunk of chunks) all += chunk;
  return all;
}

describe("adopting a version", () => {
  it("copies the chosen version, replaces it on a second adoption, clears with none, and exports it", async () => {
    const { articleId, paragraphId } = await library.newArticle(TEXT);
    const curator = await library.newUser("Cora", "CURATOR");
    const annMoscow = await tag(library.ann, articleId, paragraphId, "Москве", "LOC");
    const bobMoscow = await tag(library.bob, articleId, paragraphId, "Москве", "ORG");
    const stretch = { paragraphId, kind: "ENTITY", start: annMoscow.start, end: annMoscow.end };

    const adopted = await adoptVersion({ actor: curator, articleId, input: { ...stretch, annotationIds: [annMoscow.id] } });
    expect(adopted).toHaveLength(1);
    expect(adopted[0]).toMatchObject({ annotation: { kind: "ENTITY", exact: "Москве", entityType: { key: "LOC" }, author: { id: library.ann.id } }, adoptedBy: { id: curator.id }, sourceAnnotationId: annMoscow.id });
    // Everyone on the article hears of it on the live feed (open Disagreements views read the layer again).
    const { rows: events } = await library.client.query(`SELECT type, "audienceId", payload FROM "ArticleEvent" WHERE "articleId" = $1 ORDER BY id DESC LIMIT 1`, [articleId]);
    expect(events).toEqual([{ type: "curated.changed", audienceId: null, payload: { type: "curated.changed", paragraphId } }]);

    // The other version replaces it (the stretch holds one version, never both).
    const replaced = await adoptVersion({ actor: library.ada, articleId, input: { ...stretch, annotationIds: [bobMoscow.id] } });
    expect(replaced.map((entry) => entry.annotation.entityType?.key)).toEqual(["ORG"]);
    expect(await curatedCount(articleId)).toBe(1);

    // Another stretch is left alone.
    const annPutin = await tag(library.ann, articleId, paragraphId, "Владимир Путин", "PER");
    await adoptVersion({ actor: curator, articleId, input: { paragraphId, kind: "ENTITY", start: annPutin.start, end: annPutin.end, annotationIds: [annPutin.id] } });
    expect((await listCuratedAnnotations({ actor: null, articleId })).map((entry) => entry.annotation.exact)).toEqual(["Владимир Путин", "Москве"]);

    const conll = await text((await exportCurated({ actor: library.rita, articleId, query: { format: "conll" } })).chunks);
    expect(conll).toMatch(/^Владимир _ _ B-PER$/m);
    expect(conll).toMatch(/^Путин _ _ I-PER$/m);
    expect(conll).toMatch(/^Москве _ _ B-ORG$/m);
    expect(conll).toMatch(/^Кремль _ _ O$/m);
    expect(conll).not.toMatch(/B-LOC/);
    const file = await exportCurated({ actor: null, articleId, query: { format: "spacy" } });
    expect(file.filename).toMatch(/\.curated\.spacy\.jsonl$/);

    // Adopting "nothing here" clears the stretch.
    expect(await adoptVersion({ actor: curator, articleId, input: { ...stretch, annotationIds: [] } })).toEqual([]);
    expect(await curatedCount(articleId)).toBe(1);
  });

  it("keeps the gold copy when the original annotation is deleted", async () => {
    const { articleId, paragraphId } = await library.newArticle(TEXT);
    const annKremlin = await tag(library.ann, articleId, paragraphId, "Кремль", "ORG");
    await adoptVersion({ actor: library.ada, articleId, input: { paragraphId, kind: "ENTITY", start: annKremlin.start, end: annKremlin.end, annotationIds: [annKremlin.id] } });
    await library.client.query(`DELETE FROM "Annotation" WHERE id = $1`, [annKremlin.id]);
    const [kept] = await listCuratedAnnotations({ actor: null, articleId });
    expect(kept).toMatchObject({ annotation: { exact: "Кремль" }, sourceAnnotationId: null });
  });

  it("follows a re-import onto the new text; gold whose words are gone is reported and kept, and placed again when they return", async () => {
    const { articleId, paragraphId } = await library.newArticle(TEXT);
    const putin = await tag(library.ann, articleId, paragraphId, "Владимир Путин", "PER");
    const kremlin = await tag(library.bob, articleId, paragraphId, "Кремль", "ORG");
    for (const source of [putin, kremlin]) {
      await adoptVersion({ actor: library.ada, articleId, input: { paragraphId, kind: "ENTITY", start: source.start, end: source.end, annotationIds: [source.id] } });
    }
    const revise = async (text: string) => {
      const parsed = await parsePlainText(text);
      return db().$transaction((tx) => reviseArticle(tx, { articleId, parsed, hash: contentHash(parsed) }));
    };

    // A new first paragraph, and the sentence without "сообщил Кремль": Путин moves, Кремль is orphaned.
    const edited = TEXT.replace(", сообщил Кремль", "");
    const report = await revise(`Срочно.\n\n${edited}`);
    expect(report.curated).toEqual({ kept: 0, moved: 1, orphaned: 1, recovered: 0, orphans: [{ id: expect.any(String), exact: "Кремль", kind: "ENTITY" }] });
    const layer = await listCuratedAnnotations({ actor: library.rita, articleId });
    expect(layer.map((entry) => entry.annotation.exact)).toEqual(["Владимир Путин"]);
    const { rows: paragraphs } = await library.client.query<{ id: string; text: string }>(`SELECT id, text FROM "Paragraph" WHERE "articleId" = $1 AND revision = 2 ORDER BY position`, [articleId]);
    const moved = layer[0]!.annotation;
    expect(moved.paragraphId).toBe(paragraphs[1]!.id);
    expect(paragraphs[1]!.text.slice(moved.start, moved.end)).toBe("Владимир Путин");
    // The orphan is kept (on the text it was adopted on), not deleted.
    expect(await curatedCount(articleId)).toBe(2);
    const exported = await text((await exportCurated({ actor: library.rita, articleId, query: { format: "conll" } })).chunks);
    expect(exported).toMatch(/^Владимир _ _ B-PER$/m);
    expect(exported).not.toMatch(/ORG/);

    // The words come back in a later revision: the orphan is placed again.
    const again = await revise(TEXT);
    expect(again.curated).toMatchObject({ kept: 0, moved: 1, orphaned: 0, recovered: 1 });
    expect((await listCuratedAnnotations({ actor: library.rita, articleId })).map((entry) => [entry.annotation.exact, entry.annotation.entityType?.key])).toEqual([
      ["Владимир Путин", "PER"],
      ["Кремль", "ORG"],
    ]);
  });

  describe("refusals store nothing", () => {
    it.each([
      ["an annotator", "ann", {}, "FORBIDDEN"],
      ["a reader", "rita", {}, "FORBIDDEN"],
      ["someone else's private tag", "ada", { private: true }, "NOT_FOUND"],
      ["one's own private tag", "ownPrivate", { private: true }, "UNPROCESSABLE"],
      ["a tag outside the stretch", "ada", { outside: true }, "UNPROCESSABLE"],
      ["another kind than the tag's", "ada", { kind: "QUOTE" }, "UNPROCESSABLE"],
      ["an unknown annotation", "ada", { unknown: true }, "NOT_FOUND"],
      ["a paragraph of another article", "ada", { otherParagraph: true }, "NOT_FOUND"],
    ] as const)("%s", async (_case, who, change, code) => {
      const { articleId, paragraphId } = await library.newArticle(TEXT);
      const other = await library.newArticle(TEXT);
      const curator = await library.newUser("Curt", "CURATOR");
      const author = who === "ownPrivate" ? curator : library.bob;
      const made = await tag(author, articleId, paragraphId, "Кремль", "ORG", "private" in change ? "PRIVATE" : "SHARED");
      const actor = who === "ownPrivate" ? curator : library[who];
      const input = {
        paragraphId: "otherParagraph" in change ? other.paragraphId : paragraphId,
        kind: "kind" in change ? change.kind : "ENTITY",
        start: made.start,
        end: "outside" in change ? made.end - 1 : made.end,
        annotationIds: ["unknown" in change ? "no-such-annotation" : made.id],
      };
      await expect(adoptVersion({ actor, articleId, input })).rejects.toMatchObject({ code });
      expect(await curatedCount(articleId)).toBe(0);
      expect(await curatedEvents(articleId)).toBe(0);
    });

    it("an archived article (409) and hostile input (400)", async () => {
      const { articleId, paragraphId } = await library.newArticle(TEXT);
      const made = await tag(library.ann, articleId, paragraphId, "Кремль", "ORG");
      const good = { paragraphId, kind: "ENTITY", start: made.start, end: made.end, annotationIds: [made.id] };
      for (const input of [
        null,
        "<script>alert(1)</script>",
        { ...good, end: made.start },
        { ...good, start: -1 },
        { ...good, start: "0" },
        { ...good, kind: "<b>ENTITY</b>" },
        { ...good, annotationIds: Array.from({ length: 51 }, (_, index) => `id-${index}`) },
        { ...good, annotationIds: [made.id, made.id] },
        { ...good, annotationIds: ["x".repeat(10_000)] },
        { ...good, extra: true },
      ]) {
        await expect(adoptVersion({ actor: library.ada, articleId, input })).rejects.toMatchObject({ name: "ZodError" });
      }
      await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [articleId]);
      await expect(adoptVersion({ actor: library.ada, articleId, input: good })).rejects.toMatchObject({ code: "CONFLICT" });
      expect(await curatedCount(articleId)).toBe(0);
      expect(await curatedEvents(articleId)).toBe(0);
    });
  });
});
