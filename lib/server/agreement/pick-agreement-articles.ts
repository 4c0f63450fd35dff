import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { articleKindCorrectionsSql, readableMentionSql, rolledUpArticleKindsSql, type InsightScope } from "@/lib/server/insights/insight-work";

/** One article an agreement layer is measured over: its kind and how many readable annotations of it the article holds. */
export interface PickedArticle {
  kind: string;
  articleId: string;
  n: number;
}

/**
 * For each of `kinds`, the `limit` + 1 most annotated articles of the scope that two or more people
 * marked in that kind (readable work only; ties by id, bytewise), most annotated first: the articles
 * a set's agreement is measured over (one more than `limit` says there were more).
 *
 * Where the rollups answer (the whole library or whole days), the articles come from
 * InsightArticleKind, a row per article, layer and kind with its authors counted, and only the
 * articles where that is not what the actor reads are grouped live: those with work in two layers
 * they may read, those they may not open, and those holding their own private work. Elsewhere (one
 * article, part days) every readable annotation of the kinds is grouped, as for those few.
 */
export async function pickAgreementArticles(scope: InsightScope, kinds: readonly string[], limit: number): Promise<PickedArticle[]> {
  // Grouped per kind and article with two or more authors: min <> max hashes where count(DISTINCT) would sort each group.
  const live = (condition: Prisma.Sql) => Prisma.sql`
    SELECT "a"."kind"::text AS "kind", "a"."articleId", count(*)::int AS "n"
      FROM "Annotation" AS "a"
     WHERE "a"."kind"::text = ANY(${kinds}::text[]) AND ${readableMentionSql(scope)} AND ${condition}
     GROUP BY "a"."kind", "a"."articleId"
    HAVING min("a"."authorId" COLLATE "C") <> max("a"."authorId" COLLATE "C")`;
  let candidates: Prisma.Sql;
  if (!scope.corrected) {
    candidates = live(Prisma.sql`TRUE`);
  } else {
    const { actor } = scope;
    const [corrected, ownPrivate] = await Promise.all([
      scope.corrected(),
      actor ? db().$queryRaw<{ articleId: string }[]>(articleKindCorrectionsSql({ ...scope, actor }, kinds)) : [],
    ]);
    const articles = [...new Set([...corrected, ...ownPrivate.map((row) => row.articleId)])];
    candidates = rolledUpArticleKindsSql(scope, kinds, articles);
    if (articles.length > 0) candidates = Prisma.sql`${candidates} UNION ALL ${live(Prisma.sql`"a"."articleId" = ANY(${articles}::text[])`)}`;
  }
  // Each kind's most annotated: a top-N of its candidates rather than a sort of them all. Ids compare
  // bytewise (COLLATE "C"): the order only has to be stable, not linguistic.
  const picked = await db().$queryRaw<PickedArticle[]>`
    WITH "candidates" AS MATERIALIZED (${candidates})
    ${Prisma.join(
      kinds.map((kind) => Prisma.sql`(SELECT "kind", "articleId", "n" FROM "candidates" WHERE "kind" = ${kind} ORDER BY "n" DESC, "articleId" COLLATE "C" LIMIT ${limit + 1})`),
      " UNION ALL ",
    )}`;
  // UNION ALL keeps no order: the most annotated first again (ASCII ids: JavaScript's order is the bytewise one).
  return picked.sort((x, y) => y.n - x.n || (x.articleId < y.articleId ? -1 : 1));
}
