/**
 * Test support (not a test): a throwaway PostgreSQL with Glossa's migrations, four people — two
 * annotators, a reader and an admin — the default entity types, and one-paragraph articles, for the
 * database tests of who may read what. Callers mock "server-only" before importing it.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Actor, Role } from "@/lib/permissions";
import { migrate } from "@/scripts/db/migrate";
import { startThrowawayDatabase, type ThrowawayDatabase } from "@/scripts/db/throwaway-database";

export interface Library {
  client: pg.Client;
  ann: Actor;
  bob: Actor;
  rita: Actor;
  ada: Actor;
  /** Entity type ids by key (PER, ORG, LOC, EVENT, MISC). */
  types: Record<string, string>;
  newArticle(text: string): Promise<{ articleId: string; slug: string; paragraphId: string }>;
  stop(): Promise<void>;
}

/** Starts the database; `stop` closes every connection the use cases opened, then deletes it. */
export async function startLibrary(prefix: string): Promise<Library> {
  const database: ThrowawayDatabase = await startThrowawayDatabase(prefix);
  await migrate(database.url, { log: () => {} });
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();

  const person = async (name: string, role: Role): Promise<Actor> => {
    const id = randomUUID();
    const email = `${name.toLowerCase()}-${id}@test.glossa`;
    await client.query(`INSERT INTO "user" (id, name, email, role, "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`, [id, name, email, role]);
    return { id, name, email, role, color: "#8a4b0f" };
  };
  const { ensureDefaultEntityTypes } = await import("@/lib/server/entities/ensure-default-entity-types");
  await ensureDefaultEntityTypes();
  const { rows } = await client.query<{ id: string; key: string }>(`SELECT id, key FROM "EntityType"`);

  return {
    client,
    ann: await person("Ann", "ANNOTATOR"),
    bob: await person("Bob", "ANNOTATOR"),
    rita: await person("Rita", "READER"),
    ada: await person("Ada", "ADMIN"),
    types: Object.fromEntries(rows.map((row) => [row.key, row.id])),
    async newArticle(text) {
      const articleId = randomUUID();
      const paragraphId = randomUUID();
      const slug = `article-${articleId}`;
      await client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $2, 'Test', 'ru', 'hash', now())`, [articleId, slug]);
      await client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, 1, $3)`, [paragraphId, articleId, text]);
      return { articleId, slug, paragraphId };
    },
    async stop() {
      await client.end();
      const { db } = await import("@/lib/db");
      await db().$disconnect();
      const { closeDirectPools } = await import("@/lib/server/direct-pool");
      await closeDirectPools();
      await database.stop();
    },
  };
}

/** A selector for the first `phrase` in `text`, as the reader sends it. */
export function span(paragraphId: string, text: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  const end = start + phrase.length;
  return { paragraphId, start, end, exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}
