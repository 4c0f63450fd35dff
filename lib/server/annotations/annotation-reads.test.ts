/**
 * One mapper serves every read: against a real PostgreSQL (a throwaway embedded cluster), an
 * annotation of each kind reads the same from every path — what its write returned (the highlight
 * fast path, the general create, update, restore), the live event it published, the article's list,
 * the packed page state, Needs review (once orphaned) and the entity page.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { packReaderState, unpackReaderState } from "@/lib/annotations/packing";
import type { AnnotationDTO } from "@/lib/annotations/types";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { createAnnotation } from "./create-annotation";
import { updateAnnotation } from "./update-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { restoreAnnotation } from "./restore-annotation";
import { listArticleAnnotations } from "./list-article-annotations";
import { listOrphans } from "@/lib/server/articles/list-orphans";
import { getEntity } from "@/lib/server/entities/get-entity";
import { ensureDefaultEntityTypes } from "@/lib/server/entities/ensure-default-entity-types";

const TEXT = "Москва заявила, что переговоры с Тбилиси продолжатся в Женеве 👍🏽 в марте.";

const database = testDatabase("glossa-annotation-reads-test");
let actor: Actor;
let articleId: string;
let paragraphId: string;
let personTypeId: string;

beforeAll(async () => {
  actor = await database.newUser("Ann Otator");
  await ensureDefaultEntityTypes();
  personTypeId = (await database.client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE key = 'PER'`)).rows[0]!.id;
  ({ articleId, paragraphId } = await database.newArticle(TEXT));
});

function selectorOf(phrase: string) {
  const start = TEXT.indexOf(phrase);
  const end = start + phrase.length;
  return { paragraphId, start, end, exact: phrase, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) };
}

/** The newest `annotation.upserted` payload the live feed recorded for an annotation. */
async function lastEventOf(annotationId: string): Promise<AnnotationDTO> {
  const { rows } = await database.client.query<{ payload: { annotation: AnnotationDTO } }>(
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
    await database.client.query(
      `INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, color, "entityId", "updatedAt")
       SELECT $1, "articleId", "paragraphId", "authorId", 'HIGHLIGHT', start, "end", exact, prefix, suffix, 'yellow', "entityId", now() FROM "Annotation" WHERE id = $2`,
      [randomUUID(), tagged.id],
    );
    const entity = await getEntity({ actor, entityId: tagged.entity!.id });
    expect(entity?.mentions).toMatchObject([{ annotationId: tagged.id, exact: "Москва", authorName: actor.name }]);
    expect(entity?.mentions).toHaveLength(1);

    await database.client.query(`UPDATE "Annotation" SET "anchorStatus" = 'ORPHANED' WHERE "articleId" = $1`, [articleId]);
    const orphans = await listOrphans({ actor, articleId });
    for (const annotation of written) {
      const orphan = orphans.find((candidate) => candidate.id === annotation.id);
      expect(orphan).toMatchObject({ ...annotation, anchorStatus: "ORPHANED", revision: 1, position: 1, canModify: true });
    }
  });
});
