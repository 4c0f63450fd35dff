/**
 * Backup and restore round trip against a real PostgreSQL: a seeded database with a revised
 * article, highlights and an entity tag, notes with a reply, entities, users and live events is
 * backed up and restored into an empty database, and every table compares equal; a non-empty
 * database and a damaged file are refused, leaving the target as it was.
 */
import { randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "./backup";
import { migrate } from "./migrate";
import { query, testServer } from "./test-server";

const server = testServer("glossa-backup-test");

/** Every application table's rows, as JSON text in a stable order. */
async function contents(url: string): Promise<Record<string, string[]>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    result[name] = (await query<{ row: string }>(url, `SELECT to_jsonb(t)::text AS row FROM "${name}" AS t ORDER BY 1`)).map((r) => r.row);
  }
  return result;
}

let source: string;

beforeAll(async () => {
  source = await server.emptyDatabase();
  await migrate(source, { log: () => {} });

  // The app's own seed (admin account with its password, entity types, the sample article) …
  process.env.DATABASE_URL = source;
  process.env.BETTER_AUTH_SECRET ??= "backup-test-secret-of-at-least-32-characters";
  process.env.BETTER_AUTH_URL ??= "http://localhost:3000";
  const { seed } = await import("@/prisma/seed/seed");
  await seed(() => {});
  const { db } = await import("@/lib/db");
  await db().$disconnect();

  // … then a second revision, annotations, an entity, notes with a reply and live events.
  const client = new pg.Client({ connectionString: source });
  await client.connect();
  const [{ id: articleId }] = (await client.query<{ id: string }>(`SELECT id FROM "Article" LIMIT 1`)).rows as [{ id: string }];
  const [{ id: userId }] = (await client.query<{ id: string }>(`SELECT id FROM "user" LIMIT 1`)).rows as [{ id: string }];
  await client.query(`UPDATE "Article" SET revision = 2 WHERE id = $1`, [articleId]);
  const paragraphId = randomUUID();
  const text = "Москва заявила, что переговоры с Тбилиси продолжатся — 🇬🇪 «Женева»\ttab\\backslash\nnewline.";
  await client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 2, 1, $3)`, [paragraphId, articleId, text]);
  const [{ id: typeId }] = (await client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE key = 'LOC'`)).rows as [{ id: string }];
  const entityId = randomUUID();
  await client.query(`INSERT INTO "Entity" (id, "typeId", name, aliases, "updatedAt") VALUES ($1, $2, 'Тбилиси', ARRAY['Тифлис', 'столица Грузии'], now())`, [entityId, typeId]);
  const highlightId = randomUUID();
  await client.query(
    `INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, color, visibility, "updatedAt")
     VALUES ($1, $2, $3, $4, 'HIGHLIGHT', 0, 6, 'Москва', '', ' заявила', 'yellow', 'PRIVATE', now())`,
    [highlightId, articleId, paragraphId, userId],
  );
  await client.query(
    `INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, "entityTypeId", "entityId", "anchorStatus", "updatedAt")
     VALUES ($1, $2, $3, $4, 'ENTITY', 33, 40, 'Тбилиси', 'переговоры с ', ' продолжатся', $5, $6, 'REANCHORED', now())`,
    [randomUUID(), articleId, paragraphId, userId, typeId, entityId],
  );
  const noteId = randomUUID();
  await client.query(`INSERT INTO "Note" (id, "articleId", "paragraphId", "annotationId", "authorId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, '**Где?**', now())`, [
    noteId,
    articleId,
    paragraphId,
    highlightId,
    userId,
  ]);
  await client.query(`INSERT INTO "Note" (id, "articleId", "paragraphId", "parentId", "authorId", body, "updatedAt") VALUES ($1, $2, $3, $4, $5, 'В Женеве.', now())`, [
    randomUUID(),
    articleId,
    paragraphId,
    noteId,
    userId,
  ]);
  for (let i = 0; i < 3; i++) {
    await client.query(`INSERT INTO "ArticleEvent" ("articleId", type, payload) VALUES ($1, 'note.upserted', $2)`, [articleId, JSON.stringify({ i, text: "ё" })]);
  }
  await client.end();
}, 180_000);

describe("npm run db:backup, then db:restore into an empty database", () => {
  it("brings back every table exactly, and new rows continue after the restored ids", async () => {
    const file = path.join(server.dataDir, "round-trip.gz");
    const backup = await backupDatabase(source, file);
    expect(backup.rows).toMatchObject({ Article: 1, Annotation: 2, Note: 2, Entity: 1, ArticleEvent: 3, user: 1, account: 1 });

    const target = await server.emptyDatabase();
    const restored = await restoreDatabase(target, file);
    expect(restored.rows).toEqual(backup.rows);
    const before = await contents(source);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["Article", "Paragraph", "Annotation", "Note", "Entity", "EntityType", "user", "account", "ArticleEvent"]));
    expect(await contents(target)).toEqual(before);
    expect(await query(target, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`)).toEqual(await query(source, `SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`));

    const [{ id: articleId }] = (await query<{ id: string }>(target, `SELECT id FROM "Article"`)) as [{ id: string }];
    const [event] = await query<{ id: string }>(target, `INSERT INTO "ArticleEvent" ("articleId", type, payload) VALUES ($1, 'x', '{}') RETURNING id`, [articleId]);
    const [{ max }] = (await query<{ max: string }>(source, `SELECT max(id)::text AS max FROM "ArticleEvent"`)) as [{ max: string }];
    expect(BigInt(event!.id)).toBeGreaterThan(BigInt(max));
  });

  it("refuses a database that is not empty, changing nothing", async () => {
    const file = path.join(server.dataDir, "refused.gz");
    await backupDatabase(source, file);
    const before = await contents(source);
    await expect(restoreDatabase(source, file)).rejects.toThrow(/not empty .* nothing was changed/);
    expect(await contents(source)).toEqual(before);
  });

  it("refuses a truncated backup and leaves the target empty", async () => {
    const file = path.join(server.dataDir, "truncated.gz");
    await backupDatabase(source, file);
    const text = gunzipSync(await readFile(file)).toString("utf8");
    await writeFile(file, gzipSync(text.slice(0, Math.floor(text.length * 0.8))));
    const target = await server.emptyDatabase();
    await expect(restoreDatabase(target, file)).rejects.toThrow(/truncated|damaged/);
    expect(await query(target, `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`)).toEqual([]);
  });
});
