import "server-only";
import { AGREEMENT_LAYER_KEYS, AGREEMENT_LAYERS, agreementTable, layerSpans, wordTokens, type LayerAgreement } from "@/lib/agreement";
import { annotationDTOFromRow } from "@/lib/annotations/annotation-row";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { canReadLibrary, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableMentionWhere } from "@/lib/permissions/where";
import { annotationRowSelect, loadAnnotationRefs } from "@/lib/server/annotations/annotation-dto";
import { unauthenticated } from "@/lib/server/errors";
import { insightScope } from "@/lib/server/insights/insight-work";
import { matchInsightArticles, type InsightMatches } from "@/lib/server/insights/match-insight-articles";
import type { InsightsFilter } from "@/lib/validations/insights";
import { pickAgreementArticles } from "./pick-agreement-articles";

/** How many articles a set's agreement is measured over, per layer: the most annotated of the set (κ reads every word of them). */
export const AGREEMENT_ARTICLES = 50;

export interface ArticlesAgreement {
  /** Every layer of AGREEMENT_LAYERS, in its order (entity tags, highlights, quotes: a quote's speaker is its link). */
  layers: LayerAgreement[];
  /** The raters' names, by id. */
  names: Record<string, string>;
}

/**
 * Agreement over a set of articles (the /insights filter: a period, one article, or all), for
 * entity tags, highlights and quotes (with their speakers): every measure of lib/agreement for
 * each pair of annotators and overall, each pair over the articles both annotated in the layer
 * (lib/agreement's documents), among the articles at least two people annotated in it; over
 * what the actor may read (401 when sign-in is required and nobody is signed in). Bounded to the
 * AGREEMENT_ARTICLES most annotated per layer: κ labels every word of them. The same few
 * statements for all the layers at once: which articles (pickAgreementArticles, mostly from a
 * rollup), their annotations, their paragraphs, and the names those refer to. With a search query,
 * over the articles it matches (`matches` when the caller has them, else matched here).
 */
export async function measureArticlesAgreement(actor: Actor | null, filter: InsightsFilter, matches?: InsightMatches | null): Promise<ArticlesAgreement> {
  if (!canReadLibrary(actor, readPolicy())) throw unauthenticated("see insights");
  const kinds = AGREEMENT_LAYER_KEYS.map((layer) => AGREEMENT_LAYERS[layer].kind);
  const matched = matches === undefined ? await matchInsightArticles(actor, filter) : matches;
  const scope = await insightScope(actor, filter, matched?.articleIds ?? null);
  const picked = await pickAgreementArticles(scope, kinds, AGREEMENT_ARTICLES);
  const chosen = AGREEMENT_LAYER_KEYS.map((layer) => {
    const ofKind = picked.filter((row) => row.kind === AGREEMENT_LAYERS[layer].kind);
    return { layer, kind: AGREEMENT_LAYERS[layer].kind, articleIds: ofKind.slice(0, AGREEMENT_ARTICLES).map((row) => row.articleId), limited: ofKind.length > AGREEMENT_ARTICLES };
  });
  const measured = chosen.filter((layer) => layer.articleIds.length > 0);
  const allArticles = [...new Set(measured.flatMap((layer) => layer.articleIds))];
  const tables = (annotations: readonly AnnotationDTO[], rows: readonly { id: string; articleId: string; text: string }[]): ArticlesAgreement => {
    const paragraphs = rows.map(({ id, articleId, text }) => ({ id, text, documentId: articleId }));
    // Segmented once: the layers' articles are often the same ones.
    const tokens = wordTokens(paragraphs);
    return {
      layers: chosen.map(({ layer, articleIds, limited }) => {
        const ids = new Set(articleIds);
        return {
          layer,
          articles: articleIds.length,
          limited,
          table: agreementTable({ spans: layerSpans(annotations, layer), paragraphs: paragraphs.filter((paragraph) => ids.has(paragraph.documentId)), tokens }),
        };
      }),
      names: Object.fromEntries(annotations.map((annotation) => [annotation.author.id, annotation.author.name])),
    };
  };
  if (allArticles.length === 0) return tables([], []);
  const [rows, paragraphs] = await Promise.all([
    db().annotation.findMany({
      where: { AND: [readableMentionWhere(actor), { OR: measured.map(({ kind, articleIds }) => ({ kind, articleId: { in: articleIds } })) }] },
      select: annotationRowSelect,
    }),
    // The current text of each article, in reading order.
    db().$queryRaw<{ id: string; articleId: string; text: string }[]>`
      SELECT "p"."id", "p"."articleId", "p"."text" FROM "Paragraph" AS "p" JOIN "Article" AS "ar" ON "ar"."id" = "p"."articleId" AND "ar"."revision" = "p"."revision"
       WHERE "ar"."id" = ANY(${allArticles}::text[])
       ORDER BY "ar"."id", "p"."position"`,
  ]);
  const refs = await loadAnnotationRefs(db(), rows);
  return tables(
    rows.map((row) => annotationDTOFromRow(row, refs)),
    paragraphs,
  );
}
