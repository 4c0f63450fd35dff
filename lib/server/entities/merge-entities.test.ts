/**
 * Merge entities against a real PostgreSQL: mentions and quotes relinked, aliases united, the
 * merged-away entity gone, in one transaction; Undo restores the state before it exactly; who may
 * merge and undo (lib/permissions canMergeEntities); bad input leaves nothing changed.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { span, testLibrary } from "@/lib/server/testing/library";
import { mergeEntities } from "./merge-entities";
import { undoEntityMerge } from "./undo-entity-merge";

const library = testLibrary("glossa-merge-test");
const TEXT = "Путин и Владимир Путин встретились, сказал Песков: «Всё хорошо».";
let articleId: string;
let paragraphId: string;

beforeAll(async () => {
  articleId = randomUUID();
  paragraphId = randomUUID();
  await library.client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $1, 'Merge', 'ru', 'hash', now())`, [articleId]);
  await library.client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, 1, $3)`, [paragraphId, articleId, TEXT]);
});

const entityOf = (annotation: unknown) => (annotation as { entity: { id: string } }).entity.id;
const tag = async (actor = library.ann, words: string, visibility: "SHARED" | "PRIVATE" = "SHARED", entityName?: string) =>
  createAnnotation({ actor, articleId, input: { kind: "ENTITY", entityTypeId: library.types.PER!, visibility, ...span(paragraphId, TEXT, words), ...(entityName ? {} : {}) } });

/** Everything a merge touches, to compare before and after. */
async function state() {
  const entities = await library.client.query(`SELECT id, "typeId", name, aliases, "createdById", "createdAt", "updatedAt" FROM "Entity" ORDER BY id`);
  const annotations = await library.client.query(`SELECT id, "entityId", "speakerId", version FROM "Annotation" ORDER BY id`);
  return { entities: entities.rows, annotations: annotations.rows };
}

describe("Merge entities", () => {
  let short: string;
  let full: string;

  beforeAll(async () => {
    short = entityOf(await tag(library.ann, "Путин"));
    // Ann links "Владимир Путин" to an entity of its own by tagging it as an organisation first would
    // differ in type; instead a second person entity: the whole name, created separately.
    full = entityOf(await tag(library.ann, "Владимир Путин"));
    const quote = await createAnnotation({ actor: library.ann, articleId, input: { kind: "QUOTE", visibility: "SHARED", speakerId: short, ...span(paragraphId, TEXT, "Всё хорошо") } });
    expect(quote).toMatchObject({ speaker: { id: short } });
  });

  it("two entities for one person exist to begin with", () => {
    expect(short).not.toBe(full);
  });

  it("refuses bad input, itself, an unknown or other-type target and a Reader, changing nothing", async () => {
    const before = await state();
    for (const input of [{}, { targetId: "" }, { targetId: 42 }, { targetId: full, extra: true }, { targetId: "x".repeat(1000) }]) {
      await expect(mergeEntities({ actor: library.ann, sourceId: short, input })).rejects.toBeInstanceOf(ZodError);
    }
    await expect(mergeEntities({ actor: library.ann, sourceId: short, input: { targetId: short } })).rejects.toMatchObject({ status: 422 });
    await expect(mergeEntities({ actor: library.ann, sourceId: short, input: { targetId: "<img src=x onerror=alert(1)>" } })).rejects.toMatchObject({ status: 404 });
    await expect(mergeEntities({ actor: library.ann, sourceId: randomUUID(), input: { targetId: full } })).rejects.toMatchObject({ status: 404 });
    const orgTag = await createAnnotation({ actor: library.ann, articleId, input: { kind: "ENTITY", entityTypeId: library.types.ORG!, visibility: "PRIVATE", ...span(paragraphId, TEXT, "Песков") } });
    const org = entityOf(orgTag);
    await expect(mergeEntities({ actor: library.ann, sourceId: short, input: { targetId: org } })).rejects.toMatchObject({ status: 422 });
    await expect(mergeEntities({ actor: library.rita, sourceId: short, input: { targetId: full } })).rejects.toMatchObject({ status: 403 });
    await expect(mergeEntities({ actor: null, sourceId: short, input: { targetId: full } })).rejects.toMatchObject({ status: 401 });
    // Bob did not tag either: another's mentions may be merged only by an admin.
    await expect(mergeEntities({ actor: library.bob, sourceId: short, input: { targetId: full } })).rejects.toMatchObject({ status: 403 });
    const after = await state();
    expect(after.annotations.filter((row) => row.id !== orgTag.id)).toEqual(before.annotations);
    expect(after.entities.filter((entity) => entity.id !== org)).toEqual(before.entities);
  });

  it("relinks mentions and quotes, unites aliases and removes the merged entity; Undo restores it exactly", async () => {
    const before = await state();
    const merged = await mergeEntities({ actor: library.ann, sourceId: short, input: { targetId: full } });
    expect(merged).toMatchObject({ target: { id: full, name: "Владимир Путин" }, relinked: 2 });
    const during = await state();
    expect(during.entities.some((entity) => entity.id === short)).toBe(false);
    expect(during.annotations.filter((row) => row.entityId === short || row.speakerId === short)).toEqual([]);
    expect(during.annotations.filter((row) => row.entityId === full)).toHaveLength(2);
    expect(during.annotations.filter((row) => row.speakerId === full)).toHaveLength(1);
    expect(during.entities.find((entity) => entity.id === full)?.aliases).toContain("Путин");
    const { rows } = await library.client.query(`SELECT "mergedById", "undoneAt" FROM "EntityMerge" WHERE id = $1`, [merged.mergeId]);
    expect(rows[0]).toEqual({ mergedById: library.ann.id, undoneAt: null });

    // Only whoever merged (or an admin) may undo.
    await expect(undoEntityMerge({ actor: library.bob, mergeId: merged.mergeId })).rejects.toMatchObject({ status: 403 });
    await expect(undoEntityMerge({ actor: library.ann, mergeId: randomUUID() })).rejects.toMatchObject({ status: 404 });
    expect(await undoEntityMerge({ actor: library.ann, mergeId: merged.mergeId })).toEqual({ source: { id: short, name: "Путин" } });
    expect(await state()).toEqual(before);
    await expect(undoEntityMerge({ actor: library.ann, mergeId: merged.mergeId })).rejects.toMatchObject({ status: 409 });
  });

  it("lets an admin merge others' entities; an earlier merge cannot be undone under a later one", async () => {
    const bobs = entityOf(await tag(library.bob, "Владимир Путин встретились"));
    const first = await mergeEntities({ actor: library.ada, sourceId: bobs, input: { targetId: full } });
    const second = await mergeEntities({ actor: library.ada, sourceId: short, input: { targetId: full } });
    await expect(undoEntityMerge({ actor: library.ada, mergeId: first.mergeId })).rejects.toMatchObject({ status: 409 });
    await undoEntityMerge({ actor: library.ada, mergeId: second.mergeId });
    await undoEntityMerge({ actor: library.ada, mergeId: first.mergeId });
    const { rows } = await library.client.query(`SELECT count(*)::int AS n FROM "Entity" WHERE id = ANY($1)`, [[bobs, short, full]]);
    expect(rows[0].n).toBe(3);
  });
});
