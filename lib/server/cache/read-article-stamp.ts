import "server-only";
import type { ProjectFacts } from "@/lib/permissions";
import { directPool } from "@/lib/server/direct-pool";
import { readLayerPreference } from "@/lib/server/projects/read-layer-preference";
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
  /**
   * A digest of the entity types (a tag shows its type's label and colour, the Tag entity menu
   * its description, which admins may edit): a few rows per project, hashed by the database in
   * the same round trip.
   */
  entityTypesVersion: string;
  /**
   * The projects it is in, in the order it joined them, with the viewer's role in each (canRead: a
   * Closed project's article is its members'): each is a layer of work on it.
   */
  projects: StampProject[];
  /**
   * The viewer's id when they have no private annotation or note on the article at all, else null
   * (and null without a viewer): their page then reads nothing beyond the cached shared layer.
   */
  noPrivateWorkOf: string | null;
  /**
   * The viewer's id when they have no annotation or note on the article at all, shared or private,
   * else null: nothing on their page is theirs (no "mine" marks), so it is the page of anyone of
   * their role (the signed-in page cache, serve-cached-page.ts).
   */
  noWorkOf: string | null;
  /** The layers the viewer chose last, newest first (see chooseViewLayer): which layer they read. */
  layerPreference: string[];
}

/** One of an article's projects, for one viewer: a layer of work on it they may be shown (see chooseViewLayer). */
export interface StampProject extends ProjectFacts {
  id: string;
  name: string;
  /** A digest of its guidelines (Markdown the reader shows): the cached page follows their edits. */
  guidelinesDigest: string;
}

// Timestamps are stored as UTC without a time zone (as Prisma writes them): read as UTC instants.
const STAMP_SQL = (where: string) => `
  SELECT "a"."id", "a"."slug", "a"."title", "a"."language", "a"."source", "a"."sourceUrl", "a"."author",
         "a"."publishedAt" AT TIME ZONE 'UTC' AS "publishedAt", "a"."revision",
         "a"."archivedAt" AT TIME ZONE 'UTC' AS "archivedAt", "a"."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
         COALESCE((SELECT "v"."version" FROM "ArticleWorkVersion" AS "v" WHERE "v"."articleId" = "a"."id"), 0)::text AS "workVersion",
         COALESCE((SELECT (extract(epoch FROM max("u"."updatedAt")) * 1000000)::bigint FROM "user" AS "u"), 0)::text AS "usersVersion",
         (SELECT md5(COALESCE(string_agg(concat_ws(' ', "t"."id", "t"."key", "t"."label", "t"."color", "t"."hotkey", "t"."position", "t"."projectId", md5("t"."description")), ',' ORDER BY "t"."id"), '')) FROM "EntityType" AS "t") AS "entityTypesVersion",
         COALESCE((SELECT json_agg(json_build_object('id', "p"."id", 'name', "p"."name", 'access', "p"."access", 'guidelinesDigest', md5("p"."guidelines"),
                     'memberRole', (SELECT "m"."role" FROM "ProjectMember" AS "m" WHERE "m"."projectId" = "p"."id" AND "m"."userId" = $2))
                     ORDER BY "ap"."addedAt", "ap"."projectId")
                     FROM "ArticleProject" AS "ap" JOIN "Project" AS "p" ON "p"."id" = "ap"."projectId"
                    WHERE "ap"."articleId" = "a"."id"), '[]'::json) AS "projects",
         CASE WHEN $2 <> '' AND "mine"."private" IS NOT TRUE THEN $2 END AS "noPrivateWorkOf",
         CASE WHEN $2 <> '' AND "mine"."private" IS NULL THEN $2 END AS "noWorkOf"
    FROM "Article" AS "a"
    -- The viewer's work on it, one probe for both questions: per table their private item first, if
    -- any, else a shared one (at most one row each). "private": NULL none, false shared only, true some private.
    LEFT JOIN LATERAL (
      SELECT bool_or("w"."private") AS "private" FROM (
        (SELECT "x"."visibility" = 'PRIVATE' AS "private" FROM "Annotation" AS "x"
          WHERE "x"."authorId" = $2 AND "x"."articleId" = "a"."id" AND "x"."deletedAt" IS NULL
          ORDER BY "x"."visibility" = 'PRIVATE' DESC LIMIT 1)
        UNION ALL
        (SELECT "n"."visibility" = 'PRIVATE' FROM "Note" AS "n"
          WHERE "n"."articleId" = "a"."id" AND "n"."authorId" = $2 AND "n"."deletedAt" IS NULL
          ORDER BY "n"."visibility" = 'PRIVATE' DESC LIMIT 1)
      ) AS "w"
    ) AS "mine" ON $2 <> ''
   WHERE ${where}`;

/**
 * One round trip that says everything a read of an article needs before it may use a cache:
 * the article's fields (whoever reads them checks canRead) and the versions of its text
 * (revision), of the work on it and of the accounts that wrote it. Null for an unknown article
 * (and for a slug or id PostgreSQL could not even compare, such as one with a NUL).
 */
export async function readArticleStamp(
  by: { slug: string } | { id: string },
  viewerId: string | null = null,
  /** The viewer's layer choice when the caller has it (outside Next's request scope); else read from this request's cookies. */
  layerPreference?: string[],
): Promise<ArticleStamp | null> {
  const [where, value] = "slug" in by ? [`"a"."slug" = $1`, by.slug] : [`"a"."id" = $1`, by.id];
  if (!isStorableText(value)) return null;
  // The viewer's memberships decide Closed projects; without a viewer, only Open ones are open.
  const [{ rows }, preference] = await Promise.all([directPool().query<Omit<ArticleStamp, "layerPreference">>(STAMP_SQL(where), [value, viewerId ?? ""]), layerPreference ?? readLayerPreference()]);
  return rows[0] ? { ...rows[0], layerPreference: preference } : null;
}
