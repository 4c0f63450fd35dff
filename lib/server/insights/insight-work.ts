import "server-only";
import { db } from "@/lib/db";
import { Prisma, Visibility } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere, readableLayerWhere, readableMentionWhere, readableNoteWhere } from "@/lib/permissions/where";
import { whereSql } from "@/lib/server/search/where-sql";
import type { InsightsFilter } from "@/lib/validations/insights";

/*
 * The SQL every /insights section reads its numbers from. The read rules come from
 * lib/permissions/where.ts through whereSql, never typed here.
 *
 * Over the whole library (or a period) the annotations come from the rollups that triggers keep
 * (migrations 20261201130500_insight_rollups and 20261201160500_insight_totals): shared, live,
 * placed work, per day (InsightDaily, for a period) or in total (InsightSubject, InsightActivity:
 * the whole library, a few thousand rows instead of one per entity, author and day). What the
 * viewer may read of it is exactly
 *   the rollup rows of the layers they may read
 *   − the same work on the filter's articles they may not open (archived, Closed projects)
 *   + their own private work, counted live (the only readable work the rollups leave out).
 * One article is counted live from its annotations (a few hundred rows at most).
 * insight-rollup.test.ts checks both against direct counts after creates, edits, deletes and a re-import.
 */

const DAY_MS = 86_400_000;

/**
 * Who is looking at what: the actor, the filter and, where the rollups answer, the filter's
 * articles the actor may not open (read once per page by insightScope, usually none), which lets
 * every section name the articles they may open without evaluating the article rule per article.
 */
export interface InsightScope {
  actor: Actor | null;
  filter: InsightsFilter;
  /**
   * With a search query: the readable articles it matches in the rest of the filter
   * (matchInsightArticles), the only articles counted; null without one.
   */
  matched: readonly string[] | null;
  /**
   * The filter's articles whose work is not counted, which the rollups hold and each section takes
   * out again: those the actor may not open and, for a search matching most of the library, the
   * ones it did not match; null where the rollups do not answer (one article, part days, a search
   * matching fewer than half the articles: counted live by its matches).
   */
  unopened: readonly string[] | null;
  /**
   * Where the rollups answer: the articles where a per-layer rollup of tags and quotes (InsightPair,
   * InsightSpeakerEntity) is not what the actor reads (correctedArticlesSql, and the unopened ones),
   * read once per page on first call and shared by the sections; null elsewhere.
   */
  corrected: (() => Promise<readonly string[]>) | null;
}

/** The filter's period bound as a timestamp parameter (UTC, as the columns store it). */
const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/**
 * The filter on articles (aliased `alias`): the period of their date (publication, else import),
 * the one slug, and the articles a search query matched (`matched`, null: no query).
 */
export function articleFilterSql(alias: string, filter: InsightsFilter, matched: readonly string[] | null): Prisma.Sql {
  const day = Prisma.raw(`coalesce("${alias}"."publishedAt", "${alias}"."createdAt")`);
  return Prisma.join(
    [
      Prisma.sql`TRUE`,
      ...(filter.from ? [Prisma.sql`${day} >= ${at(filter.from)}`] : []),
      ...(filter.to ? [Prisma.sql`${day} < ${at(filter.to)}`] : []),
      ...(filter.articleSlug ? [Prisma.sql`${Prisma.raw(`"${alias}"."slug"`)} = ${filter.articleSlug}`] : []),
      ...(matched ? [Prisma.sql`${Prisma.raw(`"${alias}"."id"`)} = ANY(${matched}::text[])`] : []),
    ],
    " AND ",
  );
}

/**
 * The filter's articles the actor may open (`opened`), or may not (`unopened`), as a subquery of
 * ids: the article rule is evaluated once per article, and the caller's rows join by id (a hashed
 * semi-join) instead of re-checking their article row by row.
 */
function articlesSql({ actor, filter, matched }: Pick<InsightScope, "actor" | "filter" | "matched">, which: "opened" | "unopened"): Prisma.Sql {
  const readable = whereSql("Article", "ar", readableArticleWhere(actor));
  return Prisma.sql`SELECT "ar"."id" FROM "Article" AS "ar" WHERE ${articleFilterSql("ar", filter, matched)} AND ${which === "opened" ? readable : Prisma.sql`NOT (${readable})`}`;
}

/**
 * Rows (aliased `alias`, with an "articleId") on the filter's articles the scope's actor may open.
 * With a search query: on the articles it matched. Where the unopened articles are known: not one of them, and (for a period) on an article of the
 * period — the whole library needs no article at all. Otherwise the article rule (articlesSql).
 */
function openedArticleSql(alias: string, scope: InsightScope): Prisma.Sql {
  const articleId = Prisma.raw(`"${alias}"."articleId"`);
  // A search's matches are readable articles of the filter already (matchInsightArticles): the rows
  // come by their article (an index), not by checking every row's article against the rule.
  if (scope.matched) return Prisma.sql`${articleId} = ANY(${scope.matched}::text[])`;
  if (!scope.unopened) return Prisma.sql`${articleId} IN (${articlesSql(scope, "opened")})`;
  const notUnopened = Prisma.sql`NOT (${articleId} = ANY(${scope.unopened}::text[]))`;
  if (!scope.filter.from && !scope.filter.to) return notUnopened;
  return Prisma.sql`${notUnopened} AND ${articleId} IN (SELECT "ar"."id" FROM "Article" AS "ar" WHERE ${articleFilterSql("ar", scope.filter, scope.matched)})`;
}

/**
 * The project layers the actor may read, each as `coalesce(projectId, '')` ('' for work outside any
 * project): the layer rule evaluated once per layer (the projects, and none) rather than per row.
 */
function readableLayersSql(actor: Actor | null): Prisma.Sql {
  // The candidates are named as an annotation's column, so the layer rule reads them as it reads an annotation.
  return Prisma.sql`SELECT coalesce("l"."projectId", '') FROM (SELECT NULL::text AS "projectId" UNION ALL SELECT "id" FROM "Project") AS "l"
     WHERE ${whereSql("Annotation", "l", readableLayerWhere(actor))}`;
}

/**
 * Annotations (aliased `a`) the actor may read among entity mentions, on the filter's articles:
 * readableMentionWhere, its article condition applied once per article (openedArticleSql).
 */
export function readableMentionSql(scope: InsightScope): Prisma.Sql {
  const { article, ...rest } = readableMentionWhere(scope.actor);
  // The rule's article condition is readableArticleWhere; if that ever changes, fail rather than drop a condition.
  if (JSON.stringify(article) !== JSON.stringify(readableArticleWhere(scope.actor))) throw new Error("readableMentionWhere no longer checks its article with readableArticleWhere");
  return Prisma.sql`${whereSql("Annotation", "a", rest)} AND ${openedArticleSql("a", scope)}`;
}

/**
 * The actor's own private work among readableMentionSql: by author first, so the database reads
 * their annotations (an index) rather than every annotation to find the private ones.
 */
function ownPrivateSql(scope: InsightScope & { actor: Actor }): Prisma.Sql {
  // Named as values, not `<> 'SHARED'`, so the (authorId, visibility) index finds them.
  return Prisma.sql`"a"."authorId" = ${scope.actor.id} AND "a"."visibility" = ANY(${NOT_SHARED}::"Visibility"[]) AND ${readableMentionSql(scope)}`;
}

/** Every visibility but SHARED: what is private to its author. */
const NOT_SHARED = Object.values(Visibility).filter((visibility) => visibility !== Visibility.SHARED);

/**
 * The scope of a page: the filter's articles the actor may not open are read here, once, when the
 * rollups answer (their shared work is in the rollups and is taken out again), so each section's
 * plan works with a known, usually empty, list. With a search query the caller passes the articles
 * it matched (matchInsightArticles), counted live: the rollups are per day, not per article.
 */
export async function insightScope(actor: Actor | null, filter: InsightsFilter, matched: readonly string[] | null = null): Promise<InsightScope> {
  // A query without its matches would count the whole library as if it matched: never silently.
  if (filter.query !== null && matched === null) throw new Error("insightScope: a search query needs the articles it matched (matchInsightArticles)");
  if (!rollupAnswers(filter)) return { actor, filter, matched, unopened: null, corrected: null };
  const unmatched = matched ? await unmatchedArticles(actor, filter, matched) : [];
  if (unmatched === null) return { actor, filter, matched, unopened: null, corrected: null };
  const rows = await db().$queryRaw<{ id: string }[]>(articlesSql({ actor, filter, matched: null }, "unopened"));
  const unopened = [...rows.map((row) => row.id), ...unmatched];
  matched = null;
  let corrected: Promise<readonly string[]> | undefined;
  const scope: InsightScope = {
    actor,
    filter,
    matched,
    unopened,
    corrected: () =>
      (corrected ??= db()
        .$queryRaw<{ articleId: string }[]>(correctedArticlesSql(scope))
        .then((found) => [...new Set([...unopened, ...found.map((row) => row.articleId)])])),
  };
  return scope;
}

/**
 * For a search matching most of the filter's articles the actor may open (a common word, a filter
 * such as has:entity on an annotated library): the others, fewer, whose work the rollups hold and
 * the sections take out again (as they do for the articles the actor may not open) — instead of
 * counting all the matches' work live. Null when the search matched fewer than half: counted live
 * by its matches.
 */
async function unmatchedArticles(actor: Actor | null, filter: InsightsFilter, matched: readonly string[]): Promise<string[] | null> {
  const rows = await db().$queryRaw<{ id: string }[]>(articlesSql({ actor, filter, matched: null }, "opened"));
  if (matched.length * 2 < rows.length) return null;
  // The matches are among those articles (matchInsightArticles).
  const found = new Set(matched);
  return rows.map((row) => row.id).filter((id) => !found.has(id));
}

/** Whether the rollups can answer: the whole library or whole UTC days of it (the rollups count by day). */
function rollupAnswers(filter: InsightsFilter): boolean {
  return !filter.articleSlug && [filter.from, filter.to].every((bound) => !bound || bound.getTime() % DAY_MS === 0);
}

/** What a section sums readable work by: its subject (entity, speaker) or its activity (author, creation day). */
export type WorkDimension = "subject" | "activity";

/**
 * The readable annotations of the scope as signed, grouped rows `(kind, entityId, speakerId,
 * authorId, createdDay, n)`: sum `n` over the `by` dimension's columns for the count of what the
 * actor may read (a group whose sum is 0 has nothing readable). Over the whole library the columns
 * of the other dimension may be null (each dimension has a total rollup of its own).
 */
export function readableWorkSql(scope: InsightScope, by: WorkDimension): Prisma.Sql {
  const { actor, filter, unopened } = scope;
  const live = (condition: Prisma.Sql, sign: Prisma.Sql) => Prisma.sql`
    SELECT "a"."kind"::text AS "kind", "a"."entityId", "a"."speakerId", "a"."authorId", date_trunc('day', "a"."createdAt") AS "createdDay", ${sign} * count(*)::int AS "n"
      FROM "Annotation" AS "a"
     WHERE ${condition}
     GROUP BY 1, 2, 3, 4, 5`;
  if (!unopened) return live(readableMentionSql(scope), Prisma.sql`1`);
  const layers = Prisma.sql`coalesce("d"."projectId", '') IN (${readableLayersSql(actor)})`;
  const shared =
    filter.from || filter.to
      ? Prisma.sql`
    SELECT "d"."kind"::text AS "kind", "d"."entityId", "d"."speakerId", "d"."authorId", "d"."createdDay", "d"."count" AS "n"
      FROM "InsightDaily" AS "d"
     WHERE ${Prisma.join([Prisma.sql`"d"."count" <> 0`, ...(filter.from ? [Prisma.sql`"d"."articleDay" >= ${at(filter.from)}`] : []), ...(filter.to ? [Prisma.sql`"d"."articleDay" < ${at(filter.to)}`] : [])], " AND ")} AND ${layers}`
      : by === "subject"
        ? Prisma.sql`
    SELECT "d"."kind"::text AS "kind", "d"."entityId", "d"."speakerId", NULL::text AS "authorId", NULL::timestamp AS "createdDay", "d"."count" AS "n"
      FROM "InsightSubject" AS "d"
     WHERE "d"."count" <> 0 AND ${layers}`
        : Prisma.sql`
    SELECT "d"."kind"::text AS "kind", NULL::text AS "entityId", NULL::text AS "speakerId", "d"."authorId", "d"."createdDay", "d"."count" AS "n"
      FROM "InsightActivity" AS "d"
     WHERE "d"."count" <> 0 AND ${layers}`;
  const taken = live(
    Prisma.sql`"a"."articleId" = ANY(${unopened}::text[]) AND "glossa_insight_counts"("a"."visibility", "a"."deletedAt", "a"."anchorStatus")
      AND coalesce("a"."projectId", '') IN (${readableLayersSql(actor)})`,
    Prisma.sql`-1`,
  );
  const ownPrivate = actor ? live(ownPrivateSql({ ...scope, actor }), Prisma.sql`1`) : null;
  return Prisma.join([shared, ...(unopened.length > 0 ? [taken] : []), ...(ownPrivate ? [ownPrivate] : [])], " UNION ALL ");
}

/**
 * Readable annotations per article, as signed rows `(articleId, n)` on the scope's articles the
 * actor may open: the per-article rollup over the layers they may read, plus their own private
 * work live.
 */
export function readableWorkPerArticleSql(scope: InsightScope): Prisma.Sql {
  const shared = Prisma.sql`SELECT "d"."articleId", "d"."count" AS "n" FROM "InsightArticle" AS "d"
    WHERE "d"."count" <> 0 AND coalesce("d"."projectId", '') IN (${readableLayersSql(scope.actor)}) AND ${openedArticleSql("d", scope)}`;
  if (!scope.actor) return shared;
  return Prisma.sql`${shared}
    UNION ALL
    SELECT "a"."articleId", count(*)::int FROM "Annotation" AS "a" WHERE ${ownPrivateSql({ ...scope, actor: scope.actor })} GROUP BY 1`;
}

/**
 * The readable tags and quotes of the scope meeting `condition` (on columns named as the
 * annotation's, alias `a`: kind, entityId, speakerId, paragraphId, articleId), as rows
 * `(paragraphId, articleId, kind, entityId, speakerId, n)`: n annotations alike in a paragraph.
 * Where the rollups answer, the shared ones come from InsightMention (a narrow per-paragraph copy
 * of them) over the layers the actor may read and the articles they may open, and their own
 * private ones live; otherwise every readable annotation live. A paragraph and subject may come
 * twice (shared and private): sum or take distinct values.
 */
export function readableMentionRowsSql(scope: InsightScope, condition: Prisma.Sql): Prisma.Sql {
  const live = (readable: Prisma.Sql) => Prisma.sql`
    SELECT "a"."paragraphId", "a"."articleId", "a"."kind"::text AS "kind", "a"."entityId", "a"."speakerId", count(*)::int AS "n"
      FROM "Annotation" AS "a" WHERE ${condition} AND ${readable} GROUP BY 1, 2, 3, 4, 5`;
  if (!scope.unopened) return live(readableMentionSql(scope));
  const shared = Prisma.sql`
    SELECT "a"."paragraphId", "a"."articleId", "a"."kind"::text AS "kind", "a"."entityId", "a"."speakerId", "a"."count" AS "n"
      FROM "InsightMention" AS "a"
     WHERE ${rolledUpMentionWhere(scope, condition)} AND NOT ("a"."articleId" = ANY(${scope.unopened}::text[]))`;
  return scope.actor ? Prisma.sql`${shared} UNION ALL ${live(ownPrivateSql({ ...scope, actor: scope.actor }))}` : shared;
}

/** InsightMention rows (alias `a`) meeting `condition` in the layers the actor may read and the filter's period. */
function rolledUpMentionWhere(scope: InsightScope, condition: Prisma.Sql): Prisma.Sql {
  const { filter } = scope;
  return Prisma.join(
    [
      Prisma.sql`"a"."count" <> 0`,
      condition,
      Prisma.sql`coalesce("a"."projectId", '') IN (${readableLayersSql(scope.actor)})`,
      ...(filter.from ? [Prisma.sql`"a"."articleDay" >= ${at(filter.from)}`] : []),
      ...(filter.to ? [Prisma.sql`"a"."articleDay" < ${at(filter.to)}`] : []),
    ],
    " AND ",
  );
}

/**
 * The shared tags and quotes as InsightPair and InsightSpeakerEntity counted them, per layer: rows
 * `(paragraphId, articleId, layer, kind, entityId, speakerId, n)` of InsightMention meeting
 * `condition` (alias `a`) in the layers the actor may read and the period, on any article (those
 * they may not open included: what those rollups hold of them is taken out again with these).
 */
export function layerMentionRowsSql(scope: InsightScope, condition: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT "a"."paragraphId", "a"."articleId", coalesce("a"."projectId", '') AS "layer", "a"."kind"::text AS "kind", "a"."entityId", "a"."speakerId", "a"."count" AS "n"
      FROM "InsightMention" AS "a"
     WHERE ${rolledUpMentionWhere(scope, condition)}`;
}

/**
 * InsightPair (migration 20261201192000_insight_pairs) over the layers the actor may read and the
 * filter's period, for `group` ("paragraph" or "article") and pairs of `ids`: rows `(source, target,
 * weight)`, one per layer and day. Exact where each group's readable tags are of one layer and
 * shared, on an article the actor may open; correctedArticlesSql names the others.
 */
export function rolledUpPairsSql(scope: InsightScope, group: "paragraph" | "article", ids: readonly string[]): Prisma.Sql {
  const { filter } = scope;
  return Prisma.sql`
    SELECT "p"."source", "p"."target", "p"."count" AS "weight"
      FROM "InsightPair" AS "p"
     WHERE ${Prisma.join(
       [
         Prisma.sql`"p"."scope" = ${group}`,
         Prisma.sql`"p"."count" <> 0`,
         Prisma.sql`"p"."source" = ANY(${ids}::text[]) AND "p"."target" = ANY(${ids}::text[])`,
         Prisma.sql`coalesce("p"."projectId", '') IN (${readableLayersSql(scope.actor)})`,
         ...(filter.from ? [Prisma.sql`"p"."articleDay" >= ${at(filter.from)}`] : []),
         ...(filter.to ? [Prisma.sql`"p"."articleDay" < ${at(filter.to)}`] : []),
       ],
       " AND ",
     )}`;
}

/**
 * InsightSpeakerEntity (migration 20261201223000_insight_speaker_entities) over the layers the actor
 * may read and the filter's period, for `speakers`: rows `(speakerId, entityId, n)`, one per layer
 * and day. Exact where each paragraph's readable tags and quotes are of one layer and shared, on an
 * article the actor may open; correctedArticlesSql names the others.
 */
export function rolledUpSpeakerEntitiesSql(scope: InsightScope, speakers: readonly string[]): Prisma.Sql {
  const { filter } = scope;
  return Prisma.sql`
    SELECT "r"."speakerId", "r"."entityId", "r"."count" AS "n"
      FROM "InsightSpeakerEntity" AS "r"
     WHERE ${Prisma.join(
       [
         Prisma.sql`"r"."count" <> 0`,
         Prisma.sql`"r"."speakerId" = ANY(${speakers}::text[])`,
         Prisma.sql`coalesce("r"."projectId", '') IN (${readableLayersSql(scope.actor)})`,
         ...(filter.from ? [Prisma.sql`"r"."articleDay" >= ${at(filter.from)}`] : []),
         ...(filter.to ? [Prisma.sql`"r"."articleDay" < ${at(filter.to)}`] : []),
       ],
       " AND ",
     )}`;
}

/**
 * InsightArticleKind (migration 20261202013600_insight_article_kinds) over the layers the actor may
 * read and the filter's period, for `kinds`, leaving out the articles `corrected` names: rows
 * `(kind, articleId, n)`, one per article two or more people marked in `kind` in a layer, with its
 * count. Exact for an article whose readable work of `kinds` is shared and in one layer, on an
 * article the actor may open: `corrected` must name the others (articleKindCorrectionsSql, the
 * scope's corrected articles).
 */
export function rolledUpArticleKindsSql(scope: InsightScope, kinds: readonly string[], corrected: readonly string[]): Prisma.Sql {
  const { filter } = scope;
  return Prisma.sql`
    SELECT "k"."kind"::text AS "kind", "k"."articleId", "k"."count" AS "n"
      FROM "InsightArticleKind" AS "k"
     WHERE ${Prisma.join(
       [
         Prisma.sql`"k"."raters" > 1`,
         Prisma.sql`"k"."kind"::text = ANY(${kinds}::text[])`,
         Prisma.sql`coalesce("k"."projectId", '') IN (${readableLayersSql(scope.actor)})`,
         Prisma.sql`NOT ("k"."articleId" = ANY(${corrected}::text[]))`,
         ...(filter.from ? [Prisma.sql`"k"."articleDay" >= ${at(filter.from)}`] : []),
         ...(filter.to ? [Prisma.sql`"k"."articleDay" < ${at(filter.to)}`] : []),
       ],
       " AND ",
     )}`;
}

/**
 * The articles holding the actor's own private work of `kinds` (rows `(articleId)`): besides the
 * scope's corrected articles, where rolledUpArticleKindsSql is not what they read.
 */
export function articleKindCorrectionsSql(scope: InsightScope & { actor: Actor }, kinds: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT "a"."articleId" FROM "Annotation" AS "a" WHERE "a"."kind"::text = ANY(${kinds}::text[]) AND ${ownPrivateSql(scope)}`;
}

/**
 * The articles where rolledUpPairsSql (or rolledUpSpeakerEntitiesSql) is not what the actor reads,
 * besides the scope's unopened ones: articles with work in two or more layers the actor may read (a
 * paragraph's tags in two layers pair across them, and a pair in both counts once), and those
 * holding the actor's own private tags or quotes. Rows `(articleId)`; usually few. One list for
 * both sections: an article corrected without need counts the same (its rollup rows are taken out
 * and counted again).
 */
function correctedArticlesSql(scope: InsightScope): Prisma.Sql {
  const layered = Prisma.sql`
    SELECT "d"."articleId" FROM "InsightArticle" AS "d"
     WHERE "d"."count" <> 0 AND coalesce("d"."projectId", '') IN (${readableLayersSql(scope.actor)})
     GROUP BY 1 HAVING count(*) > 1`;
  if (!scope.actor) return layered;
  return Prisma.sql`${layered} UNION SELECT DISTINCT "a"."articleId" FROM "Annotation" AS "a" WHERE ("a"."entityId" IS NOT NULL OR "a"."speakerId" IS NOT NULL) AND ${ownPrivateSql({ ...scope, actor: scope.actor })}`;
}

/**
 * A per-layer rollup of tags and quotes (InsightPair, InsightSpeakerEntity) made what the actor
 * reads: `rolledUp` (its rows, `columns` then the signed `value`), minus what it holds of the
 * scope's corrected articles (where a per-layer count is not what the actor reads), plus what the
 * actor reads there; both over the mentions meeting `condition` (alias `a`). `count` turns mention
 * rows (aliased `m`, with a "layer" column when `layered`; see layerMentionRowsSql and
 * readableMentionRowsSql) into the rollup's rows, counted per layer when `layered`. `places`, when
 * given, names the only paragraphs of those articles where the two can differ (see correctedParagraphs).
 */
export async function correctedRollupSql(
  corrected: () => Promise<readonly string[]>,
  scope: InsightScope,
  condition: Prisma.Sql,
  rolledUp: Prisma.Sql,
  columns: string,
  value: string,
  count: (mentions: Prisma.Sql, layered: boolean) => Prisma.Sql,
  places?: Prisma.Sql,
): Promise<Prisma.Sql> {
  const articles = await corrected();
  if (articles.length === 0) return rolledUp;
  let live = Prisma.sql`${condition} AND "a"."articleId" = ANY(${articles}::text[])`;
  if (places) {
    const paragraphs = await correctedParagraphs(scope, Prisma.sql`${places} AND "a"."articleId" = ANY(${articles}::text[])`);
    if (paragraphs.length === 0) return rolledUp;
    live = Prisma.sql`${live} AND "a"."paragraphId" = ANY(${paragraphs}::text[])`;
  }
  return Prisma.sql`${rolledUp}
    UNION ALL
    SELECT ${Prisma.raw(columns)}, -${Prisma.raw(value)} FROM (${count(layerMentionRowsSql(scope, live), true)}) AS "r"
    UNION ALL
    SELECT ${Prisma.raw(columns)}, ${Prisma.raw(value)} FROM (${count(readableMentionRowsSql(scope, live), false)}) AS "l"`;
}

/**
 * The paragraphs holding mentions that meet `places` (alias `a`) on either side of a correction:
 * in the rollup's layers the actor may read (what is taken out) or among what they read (what is
 * counted instead). A paragraph with none on either side counts nothing on both, so a correction
 * needs only these: for Quotes by speaker, the paragraphs quoting a top speaker, a few hundred of
 * the ~3,500 in the ~700 articles holding an annotator's private tags.
 */
async function correctedParagraphs(scope: InsightScope, places: Prisma.Sql): Promise<string[]> {
  const rows = await db().$queryRaw<{ paragraphId: string }[]>`
    SELECT "r"."paragraphId" FROM (${layerMentionRowsSql(scope, places)}) AS "r"
    UNION
    SELECT "l"."paragraphId" FROM (${readableMentionRowsSql(scope, places)}) AS "l"`;
  return rows.map((row) => row.paragraphId);
}

/** Notes (aliased `n`) the actor may read on the scope's articles they may open. */
export function readableNoteSql(scope: InsightScope): Prisma.Sql {
  return Prisma.sql`${whereSql("Note", "n", readableNoteWhere(scope.actor))} AND ${openedArticleSql("n", scope)}`;
}
