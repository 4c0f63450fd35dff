/**
 * Test support (not a test): the database a test file of the server's use cases runs against. A
 * throwaway PostgreSQL (scripts/db/throwaway-database.ts: an embedded cluster, or a new database
 * on GLOSSA_TEST_DATABASE_URL's server) with Glossa's migrations, set as DATABASE_URL for the
 * use cases, a direct connection for the test's own set-up and checks, and rows to start from.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { Actor, Role } from "@/lib/permissions";
import { migrate } from "@/scripts/db/migrate";
import { startThrowawayDatabase, type ThrowawayDatabase } from "@/scripts/db/throwaway-database";

/** A one-paragraph article's ids, as inserted by `newArticle`. */
export interface TestArticle {
  articleId: string;
  slug: string;
  paragraphId: string;
}

export interface TestDatabase {
  /** The database's URL (DATABASE_URL too, once started): for other processes and connections. */
  readonly url: string;
  /** The test's own connection, for rows to start from and for reading what the use cases stored. */
  readonly client: pg.Client;
  /** A new user with `role` (an annotator by default), as the actor the use cases take. */
  newUser(name: string, role?: Role): Promise<Actor>;
  /** A new article (revision 1) of one paragraph holding `text`. */
  newArticle(text: string): Promise<TestArticle>;
}

/**
 * Registers, in the calling test file, a `beforeAll` that starts and migrates a throwaway database
 * named after `prefix` and an `afterAll` that closes every connection the file's use cases opened
 * (Prisma's and the direct pools) before deleting it. Call it once, at the top level of the file;
 * `url` and `client` are there from the first test (or the file's own later `beforeAll`) on.
 */
export function testDatabase(prefix: string): TestDatabase {
  let database: ThrowawayDatabase | undefined;
  let client: pg.Client | undefined;

  beforeAll(async () => {
    database = await startThrowawayDatabase(prefix);
    await migrate(database.url, { log: () => {} });
    process.env.DATABASE_URL = database.url;
    // With DATABASE_URL set, the configuration (read by the read policy) requires a secret.
    process.env.BETTER_AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    if (database) {
      const { db } = await import("@/lib/db");
      await db().$disconnect();
      const { closeDirectPools } = await import("@/lib/server/direct-pool");
      await closeDirectPools();
    }
    await database?.stop();
  });

  const started = () => {
    if (!database || !client) throw new Error(`The test database "${prefix}" is used before its beforeAll has run.`);
    return { url: database.url, client };
  };

  return {
    get url() {
      return started().url;
    },
    get client() {
      return started().client;
    },
    async newUser(name, role = "ANNOTATOR") {
      const id = randomUUID();
      const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${id}@test.glossa`;
      await started().client.query(`INSERT INTO "user" (id, name, email, role, "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`, [id, name, email, role]);
      return { id, name, email, role, color: "#8a4b0f" };
    },
    async newArticle(text) {
      const { client } = started();
      const articleId = randomUUID();
      const paragraphId = randomUUID();
      const slug = `article-${articleId}`;
      await client.query(`INSERT INTO "Article" (id, slug, title, language, "contentHash", "updatedAt") VALUES ($1, $2, 'Test', 'ru', 'hash', now())`, [articleId, slug]);
      await client.query(`INSERT INTO "Paragraph" (id, "articleId", revision, position, text) VALUES ($1, $2, 1, 1, $3)`, [paragraphId, articleId, text]);
      return { articleId, slug, paragraphId };
    },
  };
}
