import "server-only";
import { directPool } from "@/lib/server/direct-pool";
import { isStorableText } from "@/lib/validations/storable";

/** An article's own fields (what the reader shows above the text) and the versions its caches are keyed by. */
export interface ArticleStamp {
  id: string;
  slug: string;
  title: string;
  language: string;
  source: string | null;
  sourceUrl: string | null;
  author: string | null;
  publishedAt: Date | null;
  revision: number;
  archivedAt: Date | null;
  createdAt: Date;
  /** Moves forward with every change to the article's annotations, notes or text (ArticleWorkVersion). */
  workVersion: string;
  /**
   * The newest change to any account: an author's name or colour is part of every annotation
   * shown. Accounts are few (a newsroom's), so their newest `updatedAt` is a cheap read.
   */
  usersVersion: string;
}

// Timestamps are stored as UTC without a time zone (as Prisma writes them): read as UTC instants.
const STAMP_SQL = (where: string) => `
  SELECT "a"."id", "a"."slug", "a"."title", "a"."language", "a"."source", "a"."sourceUrl", "a"."author",
         "a"."publishedAt" AT TIME ZONE 'UTC' AS "publishedAt", "a"."revision",
         "a"."archivedAt" AT TIME ZONE 'UTC' AS "archivedAt", "a"."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
         COALESCE((SELECT "v"."version" FROM "ArticleWorkVersion" AS "v" WHERE "v"."articleId" = "a"."id"), 0)::text AS "workVersion",
         COALESCE((SELECT (extract(epoch FROM max("u"."updatedAt")) * 1000000)::bigint FROM "user" AS "u"), 0)::text AS "usersVersion"
    FROM "Article" AS "a"
   WHERE ${where}`;

/**
 * One round trip that says everything a read of an article needs before it may use a cache:
 * the article's fields (whoever reads them checks canRead) and the versions of its text
 * (revision), of the work on it and of the accounts that wrote it. Null for an unknown article
 * (and for a slug or id PostgreSQL could not even compare, such as one with a NUL).
 */
export async function readArticleStamp(by: { slug: string } | { id: string }): Promise<ArticleStamp | null> {
  const [where, value] = "slug" in by ? [`"a"."slug" = $1`, by.slug] : [`"a"."id" = $1`, by.id];
  if (!isStorableText(value)) return null;
  const { rows } = await directPool().query<ArticleStamp>(STAMP_SQL(where), [value]);
  return rows[0] ?? null;
}
