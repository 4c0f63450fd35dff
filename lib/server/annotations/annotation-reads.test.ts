/**
 * One mapper serves every read: against a real PostgreSQL (a throwaway embedded cluster), an
 * annotation of each kind reads the same from every path — what its write returned (the highlight
 * fast path, the general create, update, restore), the live event it published, the article's list,
 * the packed page state, Needs review (once orphaned) and the entity page.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { packReaderState, unpackReaderState } from "@/lib/annotations/packing";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { Actor } from "@/lib/permissions";
import { migrate } from "@/scripts/db/migrate";
import { startThrowawayDatabase, type ThrowawayDatabase } from "@/scripts/db/throwaway-database";

vi.mock("server-only", () => ({}));

const { createAnnotation } = await import("./create-annotation");
const { updateAnnotation } = await import("./update-annotation");
const { deleteAnnotation } = await import("./delete-annotation");
const { restoreAnnotation } = await import("./restore-annotation");
const { listArticleAnnotations } = await import("./list-article-annotations");
const { listOrphans } = await import("@/lib/server/articles/list-orphans");
const { getEntity } = await import("@/lib/server/entities/get-entity");
const { ensureDefaultEntityTypes } = await import("@/lib/server/entities/ensure-default-entity-types");

const TEXT = "Москва заявила, что переговоры с Тбилиси продолжатся в Женеве 👍🏽 в марте.";

let database: ThrowawayDatabase;
let client: pg.Client;
let actor: Actor;
let articleId: string;
let paragraphId: string;
let personTypeId: string;

beforeAll(async () => {
  database = await startThrowawayDatabase("glossa-annotation-reads-test");
  await migrate(database.url, { log: () => {} });
  process.env.DATABASE_URL = database.url;
  // With DATABASE_URL set, the configuration (read by the read policy) requires a secret.
  process.env.BETTER_AUTH_SECRET ??= "annotation-reads-test-secret-0123456789abcdef";
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const id = randomUUID();
  await client.query(`INSERT INTO "user" (id, name, email, "updatedAt") VALUES ($1, 'Ann Otator', $2, now())`, [id, `${id}@test.glossa`]);
  actor = { id, name: "Ann Otator", email: `${id}@test.glossa`, role: "ANNOTATOR", color: "#8a4b0f" };
  await ensureDefaultEntityTypes();
  personTypeId = (await client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE key = 'PER'`)).rows[0]!.id;
  articleId = randomUUID();
  paragraphId = randomUUID();
  await client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $1, 'Test', 'ru', 'hash', now())`, [articleId]);
  await client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, 1, $3)`, [paragraphId, articleId, TEXT]);
}, 120_000);

afterAll(async () => {
  await client?.end();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  const { closeDirectPools } = await import("@/lib/server/direct-pool");
  await closeDirectPools();
  await database?.stop();
});

function selectorOf(phrase: string) {
  const start = TEXT.indexOf(phrase);
  const end = start + phrase.length;
  return { paragraphId, start, end, exact: phrase, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) };
}

/** The newest `annotation.upserted` payload the live feed recorded for an annotation. */
async function lastEventOf(annotationId: string): Promise<AnnotationDTO> {
  const { rows } = await client.query<{ payload: { annotation: AnnotationDTO } }>(
    `SELECT payload FROM "ArticleEvent" WHERE "articleId" = $1 AND type = 'annotation.upserted' AND payload->'annotation'->>'id' = $2 ORDER BY id DESC LIMIT 1`,
    [articleId, annotationId],
  );
  return rows[0]!.payload.annotation;
}

describe("every read of an annotation maps it the same way", () => {
  it("for each kind, through every write and read path", async () => {
    const fast = await createAnnotation({ actor, articleId, input: { kind: "HIGHLIGHT", color: "green", ...selectorOf("Тбилиси") } });
    const noted = await createAnnotation({ actor, articleId, input: { kind: "HIGHLIGHT", color: "pink", note: "Why here?", ...selectorOf("в Женеве 👍🏽") } });
    const tagged = await createAnnotation({ actor, articleId, input: { kind: "ENTITY", entityTypeId: personTypeId, ...selectorOf("Москва") } });
    const recoloured = await updateAnnotation({ actor, annotationId: noted.id, input: { version: 1, color: "blue" } });
    await deleteAnnotation({ actor, annotationId: fast.id });
    const restored = await restoreAnnotation({ actor, annotationId: fast.id });

    expect(fast).toMatchObject({ kind: "HIGHLIGHT", color: "green", entityType: null, entity: null, author: { id: actor.id, name: actor.name, color: actor.color } });
    expect(Object.keys(fast).sort()).toEqual(Object.keys(tagged).sort());
    expect(tagged).toMatchObject({ kind: "ENTITY", color: null, entityType: { id: personTypeId, key: "PER", label: "Person" }, entity: { name: "Москва" } });
    expect(recoloured).toMatchObject({ color: "blue", version: 2 });
    expect(restored).toEqual({ ...fast, version: 3, updatedAt: restored.updatedAt });

    const written = [tagged, recoloured, restored];
    for (const annotation of written) expect(await lastEventOf(annotation.id)).toEqual(annotation);

    const listed = await listArticleAnnotations({ actorId: actor.id, articleId, revision: 1 });
    expect(new Map(listed.annotations.map((a) => [a.id, a]))).toEqual(new Map(written.map((a) => [a.id, a])));

    const packed = JSON.parse(JSON.stringify(packReaderState(listed.annotations, listed.notes, [paragraphId])));
    expect(unpackReaderState(packed, articleId, [{ id: paragraphId, text: TEXT }]).annotations).toEqual(listed.annotations);

    // A row of another kind that refers to the entity (as a quote's speaker would) is not one of its mentions.
    await client.query(
      `INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, color, "entityId", "updatedAt")
       SELECT $1, "articleId", "paragraphId", "authorId", 'HIGHLIGHT', start, "end", exact, prefix, suffix, 'yellow', "entityId", now() FROM "Annotation" WHERE id = $2`,
      [randomUUID(), tagged.id],
    );
    const entity = await getEntity({ actor, entityId: tagged.entity!.id });
    expect(entity?.mentions).toMatchObject([{ annotationId: tagged.id, exact: "Москва", authorName: actor.name }]);
    expect(entity?.mentions).toHaveLength(1);

    await client.query(`UPDATE "Annotation" SET "anchorStatus" = 'ORPHANED' WHERE "articleId" = $1`, [articleId]);
    const orphans = await listOrphans({ actor, articleId });
    for (const annotation of written) {
      const orphan = orphans.find((candidate) => candidate.id === annotation.id);
      expect(orphan).toMatchObject({ ...annotation, anchorStatus: "ORPHANED", revision: 1, position: 1, canModify: true });
    }
  });
});
