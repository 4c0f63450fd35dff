/**
 * whereSql turns the read rules of lib/permissions/where.ts into SQL: for every rule and every
 * kind of reader, the SQL condition selects exactly the rows Prisma selects with the same object,
 * over rows made to hit each branch (archived, closed projects and their members, private,
 * deleted and orphaned work, notes on private highlights, entities known only by a quote or by
 * their creator). A rule written in a shape whereSql does not know throws instead of matching.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableAnnotationWhere, readableArticleWhere, readableEntityWhere, readableMentionWhere, readableNoteWhere, readableProjectWhere, readableWorkWhere } from "@/lib/permissions/where";
import { testLibrary } from "@/lib/server/testing/library";
import { sharedSetCte, whereSql, type SearchModel, type SharedSet } from "./where-sql";

const library = testLibrary("glossa-where-sql-test");

beforeAll(async () => {
  const sql = (text: string, values: unknown[]) => library.client.query(text, values);
  const { ann, bob, types } = library;
  const closed = randomUUID();
  await sql(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, 'Closed', $1, 'CLOSED', now())`, [closed]);
  await sql(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [closed, bob.id]);
  for (const [index, variant] of ["open", "archived", "closed"].entries()) {
    const article = randomUUID();
    await sql(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt", "archivedAt") VALUES ($1, $1, 'T', 'ru', 'h', now(), $2)`, [article, variant === "archived" ? new Date() : null]);
    if (variant === "closed") await sql(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [article, closed]);
    const paragraph = randomUUID();
    await sql(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, 1, 'Текст')`, [paragraph, article]);
    for (const author of [ann, bob]) {
      for (const visibility of ["SHARED", "PRIVATE"]) {
        for (const state of ["live", "deleted", "orphaned", "in-closed-project"]) {
          const entity = randomUUID();
          await sql(`INSERT INTO "Entity" (id, "typeId", name, aliases, "createdById", "updatedAt") VALUES ($1, $2, $1, '{}', $3, now())`, [entity, types.PER, index === 0 ? author.id : null]);
          const annotation = randomUUID();
          const quote = state === "live" && index === 1;
          await sql(
            `INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, "entityTypeId", "entityId", "speakerId", visibility, "anchorStatus", "deletedAt", "projectId", "updatedAt")
             VALUES ($1, $2, $3, $4, $5, 0, 5, 'Текст', '', '', $6, $7, $8, $9, $10, $11, $12, now())`,
            [annotation, article, paragraph, author.id, quote ? "QUOTE" : "ENTITY", quote ? null : types.PER, quote ? null : entity, quote ? entity : null, visibility, state === "orphaned" ? "ORPHANED" : "ANCHORED", state === "deleted" ? new Date() : null, state === "in-closed-project" ? closed : null],
          );
          for (const noteVisibility of ["SHARED", "PRIVATE"]) {
            await sql(`INSERT INTO "Note" (id, "articleId", "paragraphId", "annotationId", "authorId", body, visibility, "updatedAt") VALUES ($1, $2, $3, $4, $5, 'n', $6, now())`, [randomUUID(), article, paragraph, annotation, author.id, noteVisibility]);
            await sql(`INSERT INTO "Note" (id, "articleId", "paragraphId", "authorId", body, visibility, "updatedAt", "deletedAt") VALUES ($1, $2, $3, $4, 'n', $5, now(), $6)`, [randomUUID(), article, paragraph, author.id, noteVisibility, state === "deleted" ? new Date() : null]);
          }
        }
      }
    }
  }
});

const TABLE: Partial<Record<SearchModel, string>> = { Article: "Article", Annotation: "Annotation", Note: "Note", Entity: "Entity" };

async function idsBySql(model: SearchModel, where: object, shared?: SharedSet): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`${shared ? Prisma.sql`WITH ${sharedSetCte(shared)}` : Prisma.empty}
    SELECT "t"."id" FROM ${Prisma.raw(`"${TABLE[model]}"`)} AS "t" WHERE ${whereSql(model, "t", where, shared)}`;
  return rows.map((row) => row.id).sort();
}

async function idsByPrisma(model: SearchModel, where: object): Promise<string[]> {
  const args = { where, select: { id: true } } as never;
  const rows: { id: string }[] =
    model === "Article" ? await db().article.findMany(args) : model === "Annotation" ? await db().annotation.findMany(args) : model === "Note" ? await db().note.findMany(args) : await db().entity.findMany(args);
  return rows.map((row) => row.id).sort();
}

describe("whereSql", () => {
  const readers = (): [string, Actor | null][] => [
    ["anonymous", null],
    ["Ann (annotator)", library.ann],
    ["Bob (closed project member)", library.bob],
    ["Rita (reader)", library.rita],
    ["Ada (admin)", library.ada],
  ];
  const rules: [string, SearchModel, (actor: Actor | null) => object][] = [
    ["readableArticleWhere", "Article", readableArticleWhere],
    ["readableWorkWhere (annotations)", "Annotation", readableWorkWhere],
    ["readableWorkWhere (notes)", "Note", readableWorkWhere],
    ["readableAnnotationWhere", "Annotation", readableAnnotationWhere],
    ["readableMentionWhere", "Annotation", readableMentionWhere],
    ["readableNoteWhere", "Note", readableNoteWhere],
    ["readableEntityWhere", "Entity", readableEntityWhere],
  ];

  it("selects the same rows as Prisma for every read rule and reader", async () => {
    for (const [rule, model, where] of rules) {
      const sizes = new Set<number>();
      for (const [who, actor] of readers()) {
        const expected = await idsByPrisma(model, where(actor));
        expect(await idsBySql(model, where(actor)), `${rule} for ${who}`).toEqual(expected);
        sizes.add(expected.length);
      }
      // The rows make the readers differ under every rule, so agreement is not agreement on "all" or "none".
      expect(sizes.size, rule).toBeGreaterThan(1);
    }
  });

  it("selects the same rows with the readable projects computed once per statement (a shared set), as search does", async () => {
    for (const [rule, model, where] of rules) {
      for (const [who, actor] of readers()) {
        const projects: SharedSet = { model: "Project", where: readableProjectWhere(actor), name: "readableProject" };
        expect(await idsBySql(model, where(actor), projects), `${rule} for ${who}`).toEqual(await idsByPrisma(model, where(actor)));
        // The set is read wherever the rule reaches a project (admins' rules never do), so this is not the test above again.
        const reachesProjects = JSON.stringify(where(actor)).includes('"project');
        expect(whereSql(model, "t", where(actor), projects).text.includes('"readableProject"'), `${rule} for ${who}`).toBe(reachesProjects);
      }
    }
  });

  it("refuses shapes it does not know instead of ignoring them", () => {
    expect(() => whereSql("Article", "a", { title: { contains: "x" } })).toThrow(/unsupported operator contains/);
    expect(() => whereSql("Article", "a", { annotations: { some: {}, none: {} } })).toThrow(/exactly one/);
    expect(() => whereSql("Article", "a b", {})).toThrow(/bad alias/);
    expect(() => whereSql("Article", "a", { 'x" OR 1=1 --': 1 })).toThrow(/unsupported field/);
  });
});
