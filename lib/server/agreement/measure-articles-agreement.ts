import "server-only";
import { AGREEMENT_LAYERS, agreementTable, layerSpans, type AgreementLayer, type AgreementTable } from "@/lib/agreement";
import { annotationDTOFromRow } from "@/lib/annotations/annotation-row";
import { db } from "@/lib/db";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableMentionWhere } from "@/lib/permissions/where";
import { annotationRowSelect, loadAnnotationRefs } from "@/lib/server/annotations/annotation-dto";
import { unauthenticated } from "@/lib/server/errors";
import { insightScope, readableMentionSql } from "@/lib/server/insights/insight-work";
import type { InsightsFilter } from "@/lib/validations/insights";

/** How many articles a set's agreement is measured over: the most annotated of the set (κ reads every word of them). */
export const AGREEMENT_ARTICLES = 50;

export interface ArticlesAgreement {
  layer: AgreementLayer;
  /** The articles measured: of the filter's, those that two or more people annotated in the layer, the most annotated first. */
  articles: number;
  /** More such articles than AGREEMENT_ARTICLES: the rest are left out (said on the page). */
  limited: boolean;
  table: AgreementTable;
  /** The raters' names, by id. */
  names: Record<string, string>;
}

/**
 * Agreement over a set of articles (the /insights filter: a period, one article, or all): every
 * measure of lib/agreement for each pair of annotators and overall, pooled over the articles that
 * at least two people annotated in the layer (their paragraphs one continuum; spans on different
 * paragraphs never match), over what the actor may read (401 when sign-in is required and nobody
 * is signed in). Bounded to the AGREEMENT_ARTICLES most annotated: κ labels every word of them.
 */
export async function measureArticlesAgreement(actor: Actor | null, filter: InsightsFilter, layer: AgreementLayer = "entities"): Promise<ArticlesAgreement> {
  if (!canReadLibrary(actor, readPolicy())) throw unauthenticated("see insights");
  const kind = AGREEMENT_LAYERS[layer].kind;
  const scope = await insightScope(actor, filter);
  const picked = await db().$queryRaw<{ articleId: string }[]>`
    SELECT "a"."articleId" FROM "Annotation" AS "a"
     WHERE "a"."kind"::text = ${kind} AND ${readableMentionSql(scope)}
     GROUP BY 1 HAVING count(DISTINCT "a"."authorId") > 1
     ORDER BY count(*) DESC, 1 ASC
     LIMIT ${AGREEMENT_ARTICLES + 1}`;
  const articleIds = picked.slice(0, AGREEMENT_ARTICLES).map((row) => row.articleId);
  const [rows, paragraphs] = await Promise.all([
    db().annotation.findMany({ where: { AND: [readableMentionWhere(actor), { articleId: { in: articleIds }, kind }] }, select: annotationRowSelect }),
    // The current text of each article, in reading order.
    db().$queryRaw<{ id: string; text: string }[]>`
      SELECT "p"."id", "p"."text" FROM "Paragraph" AS "p" JOIN "Article" AS "ar" ON "ar"."id" = "p"."articleId" AND "ar"."revision" = "p"."revision"
       WHERE "ar"."id" = ANY(${articleIds}::text[])
       ORDER BY "ar"."id", "p"."position"`,
  ]);
  const refs = await loadAnnotationRefs(db(), rows);
  const annotations = rows.map((row) => annotationDTOFromRow(row, refs));
  return {
    layer,
    articles: articleIds.length,
    limited: picked.length > AGREEMENT_ARTICLES,
    table: agreementTable({ spans: layerSpans(annotations, layer), paragraphs }),
    names: Object.fromEntries(annotations.map((annotation) => [annotation.author.id, annotation.author.name])),
  };
}
