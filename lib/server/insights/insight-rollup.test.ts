/**
 * The /insights rollups (migrations 20261201130500_insight_rollups, 20261201160500_insight_totals,
 * 20261201192000_insight_pairs, 20261201223000_insight_speaker_entities, 20261202013600_insight_article_kinds)
 * against a real PostgreSQL: after
 * each step of a sequence of writes — creates (shared, private, quotes, notes, in a Closed project),
 * edits (entity, visibility), soft deletes and restores, a re-import that moves some annotations
 * and orphans others, a new article date, archiving, deleting an article — the rollup tables equal
 * a recount from scratch (co-occurrence pairs and the entities around speakers included), and loadInsights (rollups + read rules + own private work) gives, for
 * every kind of viewer and filter, exactly the direct row-by-row counts (countInsightsDirectly), and
 * the region Agreement's articles (pickAgreementArticles, from InsightArticleKind) those a direct
 * grouping of the readable annotations picks.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contentHash, parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { restoreAnnotation } from "@/lib/server/annotations/restore-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { pickAgreementArticles, type PickedArticle } from "@/lib/server/agreement/pick-agreement-articles";
import { reviseArticle } from "@/lib/server/articles/revise-article";
import { createNote } from "@/lib/server/notes/create-note";
import { countInsightsDirectly } from "@/lib/server/testing/direct-insights";
import { span, testLibrary, type Library } from "@/lib/server/testing/library";
import type { TestArticle } from "@/lib/server/testing/test-database";
import type { InsightsFilter } from "@/lib/validations/insights";
import { insightScope } from "./insight-work";
import { insightAnnotationWhere } from "./insights-where";
import { loadInsights } from "./load-insights";
import { matchInsightArticles } from "./match-insight-articles";

const library: Library = testLibrary("glossa-insight-rollup-test");
const TEXT = "Владимир Путин обсудил с Си Цзиньпином отношения Москвы и Пекина. «Мы договорились», — сказал Путин в Кремле.";
const ALL: InsightsFilter = { query: null, from: null, to: null, articleSlug: null, scope: "paragraph" };
let open: TestArticle;
let closed: TestArticle;
let other: TestArticle;

async function tag(actor: Actor, article: TestArticle, phrase: string, type: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  return createAnnotation({ actor, articleId: article.articleId, input: { kind: "ENTITY", entityTypeId: library.types[type]!, visibility, ...span(article.paragraphId, TEXT, phrase) } });
}

async function highlight(actor: Actor, article: TestArticle, phrase: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  return createAnnotation({ actor, articleId: article.articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility, ...span(article.paragraphId, TEXT, phrase) } });
}

async function quote(actor: Actor, article: TestArticle, speakerName: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  return createAnnotation({ actor, articleId: article.articleId, input: { kind: "QUOTE", speakerName, speakerTypeId: library.types.PER!, visibility, ...span(article.paragraphId, TEXT, "Мы договорились") } });
}

/** The rollups as stored, and as recounted from every annotation now (keys as the triggers make them). */
async function rollupsAndRecount() {
  const rows = async (sql: string) => Object.fromEntries((await library.client.query<{ key: string; count: number }>(sql)).rows.map((row) => [row.key, row.count]));
  const counted = `FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" WHERE "glossa_insight_counts"(a.visibility, a."deletedAt", a."anchorStatus")`;
  const day = `date_trunc('day', coalesce(ar."publishedAt", ar."createdAt"))`;
  return {
    stored: {
      daily: await rows(`SELECT key, count FROM "InsightDaily" WHERE count <> 0`),
      articles: await rows(`SELECT key, count FROM "InsightArticle" WHERE count <> 0`),
      subjects: await rows(`SELECT key, count FROM "InsightSubject" WHERE count <> 0`),
      activity: await rows(`SELECT key, count FROM "InsightActivity" WHERE count <> 0`),
      mentions: await rows(`SELECT key, count FROM "InsightMention" WHERE count <> 0`),
      pairs: await rows(`SELECT key, count FROM "InsightPair" WHERE count <> 0`),
      speakerEntities: await rows(`SELECT key, count FROM "InsightSpeakerEntity" WHERE count <> 0`),
      // A row whose work is all gone must hold no authors either.
      articleKinds: await articleKinds(`SELECT key, count, authors, raters FROM "InsightArticleKind" WHERE count <> 0 OR raters <> 0 OR authors <> '{}'`),
    },
    recounted: {
      daily: await rows(
        `SELECT concat_ws('|', ${day}, coalesce(a."projectId", ''), a.kind, coalesce(a."entityId", ''), coalesce(a."speakerId", ''), a."authorId", date_trunc('day', a."createdAt")) AS key, count(*)::int AS count ${counted} GROUP BY 1`,
      ),
      articles: await rows(`SELECT concat_ws('|', a."articleId", coalesce(a."projectId", '')) AS key, count(*)::int AS count ${counted} GROUP BY 1`),
      subjects: await rows(`SELECT concat_ws('|', coalesce(a."projectId", ''), a.kind, coalesce(a."entityId", ''), coalesce(a."speakerId", '')) AS key, count(*)::int AS count ${counted} GROUP BY 1`),
      activity: await rows(`SELECT concat_ws('|', coalesce(a."projectId", ''), a.kind, a."authorId", date_trunc('day', a."createdAt")) AS key, count(*)::int AS count ${counted} GROUP BY 1`),
      mentions: await rows(
        `SELECT concat_ws('|', ${day}, a."paragraphId", coalesce(a."projectId", ''), a.kind, coalesce(a."entityId", ''), coalesce(a."speakerId", '')) AS key, count(*)::int AS count
           ${counted} AND (a."entityId" IS NOT NULL OR a."speakerId" IS NOT NULL) GROUP BY 1`,
      ),
      // Per layer and day, the paragraphs (and articles) whose tags name both entities of a pair.
      pairs: await rows(
        `WITH tags AS (SELECT ${day} AS day, coalesce(a."projectId", '') AS layer, a."paragraphId", a."articleId", a."entityId" ${counted} AND a."entityId" IS NOT NULL),
         members AS (
           SELECT DISTINCT t.day, t.layer, g.scope, g.grp, t."entityId"
             FROM tags t CROSS JOIN LATERAL (VALUES ('paragraph', t."paragraphId"), ('article', t."articleId")) AS g(scope, grp))
         SELECT concat_ws('|', x.day, x.layer, x.scope, x."entityId", y."entityId") AS key, count(*)::int AS count
           FROM members x JOIN members y ON y.day = x.day AND y.layer = x.layer AND y.scope = x.scope AND y.grp = x.grp AND x."entityId" COLLATE "C" < y."entityId" COLLATE "C"
          GROUP BY 1`,
      ),
      // Per layer and day, for each paragraph quoting a speaker (once per speaker), every tag of another entity in it.
      speakerEntities: await rows(
        `WITH quotes AS (SELECT DISTINCT ${day} AS day, coalesce(a."projectId", '') AS layer, a."paragraphId", a."speakerId" ${counted} AND a.kind = 'QUOTE' AND a."speakerId" IS NOT NULL),
         tags AS (SELECT ${day} AS day, coalesce(a."projectId", '') AS layer, a."paragraphId", a."entityId" ${counted} AND a."entityId" IS NOT NULL)
         SELECT concat_ws('|', q.day, q.layer, q."speakerId", t."entityId") AS key, count(*)::int AS count
           FROM quotes q JOIN tags t ON t.day = q.day AND t.layer = q.layer AND t."paragraphId" = q."paragraphId" AND t."entityId" <> q."speakerId"
          GROUP BY 1`,
      ),
      // Per article day, article, layer and kind: the count, each author's and how many authors.
      articleKinds: await articleKinds(
        `SELECT concat_ws('|', w.day, w."articleId", w.layer, w.kind) AS key, sum(w.n)::int AS count, jsonb_object_agg(w."authorId", w.n) AS authors, count(*)::int AS raters
           FROM (SELECT ${day} AS day, a."articleId", coalesce(a."projectId", '') AS layer, a.kind, a."authorId", count(*)::int AS n ${counted} GROUP BY 1, 2, 3, 4, 5) AS w
          GROUP BY 1`,
      ),
    },
  };
}

/** InsightArticleKind-shaped rows by key. */
async function articleKinds(sql: string) {
  const { rows } = await library.client.query<{ key: string; count: number; authors: Record<string, number>; raters: number }>(sql);
  return Object.fromEntries(rows.map(({ key, ...row }) => [key, row]));
}

const AGREEMENT_KINDS = ["ENTITY", "HIGHLIGHT", "QUOTE"];

/**
 * The agreement's articles counted directly: the readable annotations of each kind grouped by
 * article and author (Prisma, lib/permissions' rules), those two or more people marked, most
 * annotated first (ties by id), `limit` + 1 per kind.
 */
async function pickAgreementArticlesDirectly(actor: Actor | null, filter: InsightsFilter, matched: readonly string[] | null, limit: number): Promise<PickedArticle[]> {
  const groups = await db().annotation.groupBy({
    by: ["kind", "articleId", "authorId"],
    where: { AND: [insightAnnotationWhere(actor, filter, matched), { kind: { in: ["ENTITY", "HIGHLIGHT", "QUOTE"] } }] },
    _count: { _all: true },
  });
  const articles = new Map<string, { kind: string; articleId: string; n: number; authors: number }>();
  for (const group of groups) {
    const key = `${group.kind} ${group.articleId}`;
    const article = articles.get(key) ?? { kind: group.kind, articleId: group.articleId, n: 0, authors: 0 };
    articles.set(key, { ...article, n: article.n + group._count._all, authors: article.authors + 1 });
  }
  const ranked = [...articles.values()].filter((article) => article.authors > 1).sort((x, y) => y.n - x.n || (x.articleId < y.articleId ? -1 : 1));
  return AGREEMENT_KINDS.flatMap((kind) => ranked.filter((article) => article.kind === kind).slice(0, limit + 1))
    .map(({ kind, articleId, n }) => ({ kind, articleId, n }))
    .sort((x, y) => y.n - x.n || (x.articleId < y.articleId ? -1 : 1));
}

/** loadInsights equals the direct counts for every viewer and filter; returns how many comparisons were made. */
async function expectInsightsEqualDirectCounts(): Promise<number> {
  const { stored, recounted } = await rollupsAndRecount();
  expect(stored).toEqual(recounted);
  const viewers: [string, Actor | null][] = [
    ["anonymous", null],
    ["Ann (annotator, not in the Closed project)", library.ann],
    ["Bob (annotator, member of the Closed project)", library.bob],
    ["Rita (reader)", library.rita],
    ["Ada (admin)", library.ada],
  ];
  const filters: [string, InsightsFilter][] = [
    ["all", ALL],
    ["all, same article", { ...ALL, scope: "article" }],
    ["March 2026", { ...ALL, from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") }],
    ["one article", { ...ALL, articleSlug: open.slug }],
    // A search query (a filter of the search: articles with someone's readable work), counted live over its matches.
    ["search user:bob", { ...ALL, query: "user:bob" }],
  ];
  let compared = 0;
  for (const [who, actor] of viewers) {
    for (const [what, filter] of filters) {
      const matched = (await matchInsightArticles(actor, filter))?.articleIds ?? null;
      const insights = await loadInsights(actor, filter);
      const direct = await countInsightsDirectly(actor, filter, Object.keys((await countInsightsDirectly(actor, filter, [], matched)).entities), matched);
      const context = `${who}, ${what}`;
      expect(Object.fromEntries(insights.entities.map((entity) => [entity.entityId, entity.mentions])), context).toEqual(direct.entities);
      expect(Object.fromEntries(insights.speakers.map((speaker) => [speaker.speakerId, speaker.quotes])), context).toEqual(direct.speakers);
      for (const speaker of insights.speakers) {
        const names = new Map(insights.entities.map((entity) => [entity.entityId, entity.name]));
        const expected = Object.entries(direct.around[speaker.speakerId] ?? {})
          .map(([id, mentions]) => ({ name: names.get(id)!, mentions }))
          .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name))
          .slice(0, 3);
        expect(speaker.topEntities, context).toEqual(expected);
      }
      expect(insights.activity, context).toEqual(direct.activity);
      expect(Object.fromEntries(insights.coverage.map((row) => [row.articleId, row.annotations])), context).toEqual(direct.articles);
      expect(insights.cooccurrence.edges, context).toEqual(direct.edges);
      const scope = await insightScope(actor, filter, matched);
      // Every candidate, and the top one per kind only (the cut of the top-N).
      for (const limit of [50, 0]) expect(await pickAgreementArticles(scope, AGREEMENT_KINDS, limit), `${context}, agreement articles, limit ${limit}`).toEqual(await pickAgreementArticlesDirectly(actor, filter, matched, limit));
      compared++;
    }
  }
  return compared;
}

beforeAll(async () => {
  open = await library.newArticle(TEXT);
  closed = await library.newArticle(TEXT);
  other = await library.newArticle(TEXT);
  await library.client.query(`UPDATE "Article" SET "publishedAt" = '2026-03-10' WHERE id = ANY($1)`, [[open.articleId, closed.articleId]]);
  await library.client.query(`UPDATE "Article" SET "publishedAt" = '2026-05-02' WHERE id = $1`, [other.articleId]);
  const project = randomUUID();
  await library.client.query(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, 'Closed desk', $1, 'CLOSED', now())`, [project]);
  await library.client.query(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [project, library.bob.id]);
  // The desk's own label set (a copy of the default one): a tag in its layer takes the desk's type of the same key.
  await library.client.query(
    `INSERT INTO "EntityType" (id, "projectId", key, label, color, hotkey, description, position)
     SELECT $1 || '-' || key, $1, key, label, color, hotkey, description, position FROM "EntityType" WHERE id = ANY($2)`,
    [project, Object.values(library.types)],
  );
  await library.client.query(`DELETE FROM "ArticleProject" WHERE "articleId" = $1`, [closed.articleId]);
  await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [closed.articleId, project]);
});

describe("the insights rollups", () => {
  it("give the direct counts after creates, edits, deletes, two layers on a paragraph, a re-import, a new date, archiving and deleting an article", async () => {
    // Creates: shared and private tags, quotes with speakers, notes; in an open article, a Closed project's and another.
    const putin = await tag(library.ann, open, "Владимир Путин", "PER");
    const si = await tag(library.ann, open, "Си Цзиньпином", "PER");
    await tag(library.ann, open, "Москвы", "LOC");
    const kremlin = await tag(library.bob, open, "Кремле", "ORG");
    await tag(library.bob, open, "Пекина", "LOC", "PRIVATE");
    await quote(library.ann, open, "Путин");
    await tag(library.bob, closed, "Владимир Путин", "PER");
    await tag(library.bob, closed, "Кремле", "ORG");
    const closedQuote = await quote(library.bob, closed, "Путин");
    await tag(library.ann, other, "Москвы", "LOC");
    await tag(library.bob, other, "Си Цзиньпином", "PER");
    // Bob's own private quote: counted (with the tags around it) for him alone, live.
    await quote(library.bob, other, "Пекин", "PRIVATE");
    // Highlights: in an article with nothing else, two people's only for Bob, whose is private (the
    // rollup holds one author there: his own private highlight alone makes it his to correct).
    const highlighted = await library.newArticle(TEXT);
    await highlight(library.ann, highlighted, "отношения Москвы");
    await highlight(library.bob, highlighted, "Мы договорились", "PRIVATE");
    await highlight(library.ann, other, "отношения Москвы");
    await highlight(library.bob, other, "Мы договорились");
    await createNote({ actor: library.ann, articleId: open.articleId, input: { paragraphId: open.paragraphId, body: "Проверить цитату." } });
    await createNote({ actor: library.bob, articleId: open.articleId, input: { paragraphId: open.paragraphId, body: "Личное.", visibility: "PRIVATE" } });
    expect(await expectInsightsEqualDirectCounts()).toBe(25);

    // Two layers on one paragraph: the open article joins an Open desk, and three new shared tags
    // move into the desk's layer (as a script would). For whoever reads both layers, a pair across
    // them counts, and a pair in both (Moscow, Xi) counts once: InsightPair, per layer, is corrected.
    const desk = randomUUID();
    await library.client.query(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, 'Open desk', $1, 'OPEN', now())`, [desk]);
    const inDesk = [await tag(library.ann, open, "Москвы", "LOC"), await tag(library.ann, open, "Си Цзиньпином", "PER"), await tag(library.bob, open, "Пекина", "LOC")];
    await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [open.articleId, desk]);
    await library.client.query(`UPDATE "Annotation" SET "projectId" = $1 WHERE id = ANY($2)`, [desk, inDesk.map((annotation) => annotation.id)]);
    const deskPairs = await library.client.query(`SELECT scope, count FROM "InsightPair" WHERE "projectId" = $1 AND count <> 0 ORDER BY 1`, [desk]);
    expect(deskPairs.rows).toEqual([...Array(3).fill({ scope: "article", count: 1 }), ...Array(3).fill({ scope: "paragraph", count: 1 })]);
    await expectInsightsEqualDirectCounts();
    // The article leaves the desk (new work goes to its own layer again); the desk's tags stay in theirs.
    await library.client.query(`DELETE FROM "ArticleProject" WHERE "projectId" = $1`, [desk]);

    // Edits: another entity for a tag, another speaker for a quote, a shared tag made private; deletes and a restore.
    await updateAnnotation({ actor: library.bob, annotationId: kremlin.id, input: { version: kremlin.version, entityTypeId: library.types.PER!, entityId: putin.entity!.id } });
    await updateAnnotation({ actor: library.bob, annotationId: closedQuote.id, input: { version: closedQuote.version, speakerId: kremlin.entity!.id } });
    await updateAnnotation({ actor: library.ann, annotationId: si.id, input: { version: si.version, visibility: "PRIVATE" } });
    const moscow = await tag(library.bob, open, "Москвы", "LOC");
    await deleteAnnotation({ actor: library.bob, annotationId: moscow.id });
    await deleteAnnotation({ actor: library.ann, annotationId: putin.id });
    await restoreAnnotation({ actor: library.ann, annotationId: putin.id });
    await expectInsightsEqualDirectCounts();

    // A re-import: "Пекина" and "Кремле" are gone from the text (their tags orphaned), the rest moves.
    const revised = await parsePlainText(`Вступление.\n\n${TEXT.replace(" и Пекина", "").replace(" в Кремле", "")}`);
    const report = await db().$transaction((tx) => reviseArticle(tx, { articleId: open.articleId, parsed: revised, hash: contentHash(revised) }));
    expect(report.annotations.orphaned).toBeGreaterThan(0);
    expect(report.annotations.moved + report.annotations.kept).toBeGreaterThan(0);
    await expectInsightsEqualDirectCounts();

    // A new date moves the article's work out of March; archiving hides one from all but admins; a deletion takes its work along.
    await library.client.query(`UPDATE "Article" SET "publishedAt" = '2026-06-01' WHERE id = $1`, [closed.articleId]);
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [other.articleId]);
    await expectInsightsEqualDirectCounts();
    await library.client.query(`DELETE FROM "Article" WHERE id = $1`, [other.articleId]);
    await expectInsightsEqualDirectCounts();
    // The article is gone from the rollups, not only hidden.
    const { rows } = await library.client.query(`SELECT 1 FROM "InsightArticle" WHERE "articleId" = $1 AND count <> 0`, [other.articleId]);
    expect(rows).toEqual([]);
  }, 120_000);

  it("pair the tags two writers relink at once in one paragraph", async () => {
    // Relinking a tag changes no count but the paragraph's entities: each writer's pairs depend on
    // the other's tags, so the second waits for the first (the touched InsightArticle rows are
    // locked) and counts with its tags. Unlocked, each saw the old other tag: (Putin, Xi) ended at -1.
    const article = await library.newArticle(TEXT);
    const [putin, xi, moscow, kremlin] = [await tag(library.ann, article, "Владимир Путин", "PER"), await tag(library.bob, article, "Си Цзиньпином", "PER"), await tag(library.ann, await library.newArticle(TEXT), "Москвы", "PER"), await tag(library.ann, await library.newArticle(TEXT), "Кремле", "PER")];
    const second = new pg.Client({ connectionString: library.url });
    await second.connect();
    try {
      await library.client.query("BEGIN");
      await second.query("BEGIN");
      await library.client.query(`UPDATE "Annotation" SET "entityId" = $1 WHERE id = $2`, [moscow.entity!.id, putin.id]);
      const relinked = second.query(`UPDATE "Annotation" SET "entityId" = $1 WHERE id = $2`, [kremlin.entity!.id, xi.id]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await library.client.query("COMMIT");
      await relinked;
      await second.query("COMMIT");
    } finally {
      await second.end();
    }
    const { stored, recounted } = await rollupsAndRecount();
    expect(stored.pairs).toEqual(recounted.pairs);
    const { rows } = await library.client.query(`SELECT scope, source, target, count FROM "InsightPair" WHERE key LIKE '%' || $1 || '%' AND count <> 0 ORDER BY 1`, [moscow.entity!.id]);
    const [source, target] = [moscow.entity!.id, kremlin.entity!.id].sort();
    expect(rows.filter((row) => row.target === target || row.source === target)).toEqual(["article", "paragraph"].map((scope) => ({ scope, source, target, count: 1 })));
  });

  it("count around a quote whose speaker one writer changes while another relinks a tag beside it", async () => {
    // The paragraph's speakers and tags both decide InsightSpeakerEntity: the tag's writer waits for
    // the quote's (the touched InsightArticle rows are locked even when only a quote changed) and
    // counts with the new speaker. Unlocked, each saw the other's old row: (old speaker, old entity) ended at -1.
    const article = await library.newArticle(TEXT);
    const said = await quote(library.ann, article, "Путин");
    const putin = await tag(library.bob, article, "Владимир Путин", "PER");
    // A speaker quoted nowhere else (so its rows are this paragraph's alone) and another entity.
    const [moscow, sobol] = [await tag(library.ann, await library.newArticle(TEXT), "Москвы", "LOC"), await quote(library.ann, await library.newArticle(TEXT), "Ирина Соболева")];
    const second = new pg.Client({ connectionString: library.url });
    await second.connect();
    try {
      await library.client.query("BEGIN");
      await second.query("BEGIN");
      await library.client.query(`UPDATE "Annotation" SET "speakerId" = $1 WHERE id = $2`, [sobol.speaker!.id, said.id]);
      const relinked = second.query(`UPDATE "Annotation" SET "entityId" = $1 WHERE id = $2`, [moscow.entity!.id, putin.id]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await library.client.query("COMMIT");
      await relinked;
      await second.query("COMMIT");
    } finally {
      await second.end();
    }
    const { stored, recounted } = await rollupsAndRecount();
    expect(stored.speakerEntities).toEqual(recounted.speakerEntities);
    const { rows } = await library.client.query(`SELECT "speakerId", "entityId", sum(count)::int AS count FROM "InsightSpeakerEntity" WHERE "speakerId" = $1 GROUP BY 1, 2 HAVING sum(count) <> 0`, [sobol.speaker!.id]);
    expect(rows).toEqual([{ speakerId: sobol.speaker!.id, entityId: moscow.entity!.id, count: 1 }]);
  });

  it("count both authors of two highlights written at once in one article", async () => {
    // Both writers change one InsightArticleKind row: the second waits on its key and merges its
    // author into the committed row (ON CONFLICT reads the latest row, not the statement's snapshot).
    const article = await library.newArticle(TEXT);
    const second = new pg.Client({ connectionString: library.url });
    await second.connect();
    const insert = (client: pg.Client, author: string, id: string) =>
      client.query(
        `INSERT INTO "Annotation" (id, "articleId", "paragraphId", "authorId", kind, start, "end", exact, prefix, suffix, color, visibility, "updatedAt")
         VALUES ($1, $2, $3, $4, 'HIGHLIGHT', 0, 8, 'Владимир', '', '', 'yellow', 'SHARED', now())`,
        [id, article.articleId, article.paragraphId, author],
      );
    try {
      await library.client.query("BEGIN");
      await second.query("BEGIN");
      await insert(library.client, library.ann.id, randomUUID());
      const written = insert(second, library.bob.id, randomUUID());
      await new Promise((resolve) => setTimeout(resolve, 300));
      await library.client.query("COMMIT");
      await written;
      await second.query("COMMIT");
    } finally {
      await second.end();
    }
    const { stored, recounted } = await rollupsAndRecount();
    expect(stored.articleKinds).toEqual(recounted.articleKinds);
    const { rows } = await library.client.query(`SELECT raters, authors FROM "InsightArticleKind" WHERE "articleId" = $1 AND kind = 'HIGHLIGHT'`, [article.articleId]);
    expect(rows).toEqual([{ raters: 2, authors: { [library.ann.id]: 1, [library.bob.id]: 1 } }]);
  });

  it("skip, for a write naming no entity and no speaker, only statements that would change nothing", async () => {
    // The triggers run "glossa_insight_plain_sql" for such writes (20261202080000_insight_plain_writes):
    // every other statement of "glossa_insight_sql" must select no row of theirs, or a rollup added
    // there alone would miss them.
    const article = await library.newArticle(TEXT);
    await highlight(library.ann, article, "Путин");
    await highlight(library.bob, article, "Кремле");
    const source = `SELECT a.*, date_trunc('day', coalesce(ar."publishedAt", ar."createdAt")) AS "articleDay", 1 AS "sign"
                      FROM "Annotation" AS a JOIN "Article" AS ar ON ar."id" = a."articleId"
                     WHERE a."articleId" = '${article.articleId}' AND a."entityId" IS NULL AND a."speakerId" IS NULL`;
    const { rows } = await library.client.query<{ all: string[]; plain: string[] }>(`SELECT "glossa_insight_sql"($1) AS "all", "glossa_insight_plain_sql"($1) AS "plain"`, [source]);
    const { all, plain } = rows[0]!;
    const skipped = all.filter((statement) => !plain.includes(statement));
    expect(plain.every((statement) => all.includes(statement))).toBe(true);
    expect(skipped.length).toBeGreaterThan(0);
    await library.client.query("BEGIN");
    try {
      for (const statement of skipped) expect((await library.client.query(statement)).rowCount, statement).toBe(0);
      // The same rows do count in every plain statement (the check above is not vacuous).
      for (const statement of plain) expect((await library.client.query(statement)).rowCount, statement).toBeGreaterThan(0);
    } finally {
      await library.client.query("ROLLBACK");
    }
  });

  it("count a write that rolls back nowhere", async () => {
    const before = await rollupsAndRecount();
    await expect(
      db().$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Annotation" SET "deletedAt" = now() WHERE "articleId" = ${open.articleId}`;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await rollupsAndRecount()).toEqual(before);
  });
});
