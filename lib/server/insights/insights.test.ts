/**
 * The /insights numbers against a real PostgreSQL: counted over what the viewer may read (another
 * person's private tag never counts, an archived article only for admins), narrowed by period and
 * article; and the filter's hostile inputs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { backfillParagraphVectors } from "@/lib/server/search/paragraph-vectors";
import { countInsightsDirectly } from "@/lib/server/testing/direct-insights";
import { span, testLibrary, type Library } from "@/lib/server/testing/library";
import { insightsQuerySchema, type InsightsFilter } from "@/lib/validations/insights";
import { insightScope } from "./insight-work";
import { loadInsights } from "./load-insights";
import { matchInsightArticles } from "./match-insight-articles";

const TEXT = "Владимир Путин обсудил с Си Цзиньпином отношения Москвы и Пекина. «Мы договорились», — сказал Путин.";
const library: Library = testLibrary("glossa-insights-test");
let first: { articleId: string; paragraphId: string; slug: string };
let second: { articleId: string; paragraphId: string; slug: string };
const ALL: InsightsFilter = { query: null, from: null, to: null, articleSlug: null, scope: "paragraph" };

async function tag(actor: Actor, article: { articleId: string; paragraphId: string }, phrase: string, type: string, entityName: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  const made = await createAnnotation({ actor, articleId: article.articleId, input: { kind: "ENTITY", entityTypeId: library.types[type]!, visibility, ...span(article.paragraphId, TEXT, phrase) } });
  // Link the tag to one entity per name, whatever words name it.
  const { rows } = await library.client.query<{ id: string }>(`SELECT id FROM "Entity" WHERE name = $1 AND "typeId" = $2`, [entityName, library.types[type]]);
  const entityId = rows[0]?.id ?? made.entity?.id;
  await library.client.query(`UPDATE "Annotation" SET "entityId" = $1 WHERE id = $2`, [entityId, made.id]);
  if (!rows[0] && made.entity) await library.client.query(`UPDATE "Entity" SET name = $1 WHERE id = $2`, [entityName, made.entity.id]);
  return made;
}

beforeAll(async () => {
  first = await library.newArticle(TEXT);
  second = await library.newArticle(TEXT);
  // Dates: the first article is from March, the second from May (publication dates).
  await library.client.query(`UPDATE "Article" SET "publishedAt" = '2026-03-10' WHERE id = $1`, [first.articleId]);
  await library.client.query(`UPDATE "Article" SET "publishedAt" = '2026-05-10' WHERE id = $1`, [second.articleId]);
  await tag(library.ann, first, "Владимир Путин", "PER", "Путин Test");
  await tag(library.ann, first, "Си Цзиньпином", "PER", "Си Test");
  await tag(library.ann, first, "Москвы", "LOC", "Москва Test");
  await tag(library.bob, first, "Путин.", "PER", "Путин Test"); // the second Путин
  await tag(library.bob, second, "Владимир Путин", "PER", "Путин Test");
  await tag(library.bob, second, "Пекина", "LOC", "Пекин Test", "PRIVATE");
  await createAnnotation({ actor: library.ann, articleId: first.articleId, input: { kind: "QUOTE", speakerName: "Путин Test", speakerTypeId: library.types.PER!, ...span(first.paragraphId, TEXT, "Мы договорились") } });
});

const counts = (insights: Awaited<ReturnType<typeof loadInsights>>) => Object.fromEntries(insights.entities.filter((entity) => entity.name.endsWith(" Test")).map((entity) => [entity.name, entity.mentions]));

describe("insights", () => {
  it("counts mentions over what each viewer may read", async () => {
    expect(counts(await loadInsights(library.ann, ALL))).toEqual({ "Путин Test": 3, "Си Test": 1, "Москва Test": 1 });
    // Bob also sees his own private tag of Пекин.
    expect(counts(await loadInsights(library.bob, ALL))).toEqual({ "Путин Test": 3, "Си Test": 1, "Москва Test": 1, "Пекин Test": 1 });
    expect(counts(await loadInsights(null, ALL))).toEqual({ "Путин Test": 3, "Си Test": 1, "Москва Test": 1 });
  });

  it("narrows by period and by article", async () => {
    const march = insightsQuerySchema.parse({ from: "2026-03-01", to: "2026-03-31" });
    expect(counts(await loadInsights(library.ann, march))).toEqual({ "Путин Test": 2, "Си Test": 1, "Москва Test": 1 });
    const may = insightsQuerySchema.parse({ article: second.slug });
    expect(counts(await loadInsights(library.bob, may))).toEqual({ "Путин Test": 1, "Пекин Test": 1 });
  });

  it("co-occurrence, quotes by speaker, activity and coverage", async () => {
    const insights = await loadInsights(library.ann, insightsQuerySchema.parse({ article: first.slug }));
    const name = (id: string) => insights.cooccurrence.nodes.find((node) => node.entityId === id)?.name;
    // One paragraph with Путин, Си and Москва: each pair shares one paragraph.
    const pairs = insights.cooccurrence.edges.map((edge) => `${[name(edge.source), name(edge.target)].sort().join(" + ")}: ${edge.weight}`).sort();
    expect(pairs).toEqual(["Москва Test + Путин Test: 1", "Москва Test + Си Test: 1", "Путин Test + Си Test: 1"]);
    expect(insights.speakers).toEqual([expect.objectContaining({ name: "Путин Test", quotes: 1 })]);
    expect(insights.speakers[0]!.topEntities.map((entity) => entity.name)).toEqual(["Москва Test", "Си Test"]);
    const perKind = Object.fromEntries(["ENTITY", "QUOTE"].map((kind) => [kind, insights.activity.filter((row) => row.kind === kind).reduce((sum, row) => sum + row.count, 0)]));
    expect(perKind).toEqual({ ENTITY: 4, QUOTE: 1 });
    expect(insights.coverage).toEqual([expect.objectContaining({ articleId: first.articleId, paragraphs: 1, annotatedParagraphs: 1, annotations: 5, annotators: 2 })]);
  });

  it("leaves out an archived article for everyone but admins", async () => {
    const archived = await library.newArticle(TEXT);
    await tag(library.ann, archived, "Пекина", "LOC", "Архив Test");
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [archived.articleId]);
    expect(counts(await loadInsights(library.ann, ALL))["Архив Test"]).toBeUndefined();
    expect(counts(await loadInsights(library.ada, ALL))["Архив Test"]).toBe(1);
  });
});

describe("insights over a search query", () => {
  const OTHER_TEXT = "Ирина Соболева встретилась с Си Цзиньпином в Пекине.";
  let third: { articleId: string; paragraphId: string; slug: string };
  const search = (query: string, more: Record<string, string> = {}) => insightsQuerySchema.parse({ q: query, ...more });

  beforeAll(async () => {
    third = await library.newArticle(OTHER_TEXT);
    const at = (phrase: string) => ({ ...span(third.paragraphId, OTHER_TEXT, phrase) });
    for (const [phrase, type, name] of [["Ирина Соболева", "PER", "Соболева Test"], ["Си Цзиньпином", "PER", "Си Test"], ["Пекине", "LOC", "Пекин Test"]] as const) {
      const made = await createAnnotation({ actor: library.ann, articleId: third.articleId, input: { kind: "ENTITY", entityTypeId: library.types[type]!, ...at(phrase) } });
      const { rows } = await library.client.query<{ id: string }>(`SELECT id FROM "Entity" WHERE name = $1 AND "typeId" = $2`, [name, library.types[type]]);
      if (rows[0]) await library.client.query(`UPDATE "Annotation" SET "entityId" = $1 WHERE id = $2`, [rows[0].id, made.id]);
      else await library.client.query(`UPDATE "Entity" SET name = $1 WHERE id = $2`, [name, made.entity!.id]);
    }
    // The test articles are inserted without their search vectors: index them as an import does.
    await backfillParagraphVectors();
  });

  it("counts only the articles the query matches, in any inflected form, with phrases and exclusions", async () => {
    // "Соболевой" finds "Соболева": the third article alone.
    expect(counts(await loadInsights(library.ann, search("Соболевой")))).toEqual({ "Соболева Test": 1, "Си Test": 1, "Пекин Test": 1 });
    // Пекин is in all three (and the archived one); without Соболева, the first two: Bob's private Пекин for him alone.
    expect(counts(await loadInsights(library.ann, search("Пекин -Соболева")))).toEqual({ "Путин Test": 3, "Си Test": 1, "Москва Test": 1 });
    expect(counts(await loadInsights(library.bob, search("Пекин -Соболева")))).toEqual({ "Путин Test": 3, "Си Test": 1, "Москва Test": 1, "Пекин Test": 1 });
    expect(counts(await loadInsights(library.ann, search("\"Си Цзиньпином в Пекине\"")))).toEqual({ "Соболева Test": 1, "Си Test": 1, "Пекин Test": 1 });
    // A filter of the search (the first article alone has a quote) and the page's period with a query.
    expect(counts(await loadInsights(library.ann, search("has:quote")))).toEqual({ "Путин Test": 2, "Си Test": 1, "Москва Test": 1 });
    expect(counts(await loadInsights(library.bob, search("Пекин", { from: "2026-05-01", to: "2026-05-31" })))).toEqual({ "Путин Test": 1, "Пекин Test": 1 });
    // The archived article matches for the admin only.
    expect(counts(await loadInsights(library.ada, search("Пекин -Соболева")))["Архив Test"]).toBe(1);
    expect(counts(await loadInsights(library.ann, search("Пекин -Соболева")))["Архив Test"]).toBeUndefined();
  });

  it("equals a recount over the matching articles in every section, for every viewer", async () => {
    const queries = ["\"в Пекине\"", "Соболевой", "Путин -Соболева", "has:quote", "user:bob"];
    // Both ways of counting: live by the matches (fewer than half the articles), from the rollups less the others (most).
    const ways = new Set<string>();
    for (const actor of [null, library.ann, library.bob, library.rita, library.ada]) {
      for (const query of queries) {
        const filter = search(query);
        const matches = await matchInsightArticles(actor, filter);
        const insights = await loadInsights(actor, filter, matches);
        ways.add((await insightScope(actor, filter, matches!.articleIds)).unopened ? "rollups" : "live");
        const all = await countInsightsDirectly(actor, filter, [], matches!.articleIds);
        const direct = await countInsightsDirectly(actor, filter, Object.keys(all.entities), matches!.articleIds);
        const context = `${actor?.name ?? "anonymous"}, ${query}`;
        // Never the whole library: each query leaves out some article this viewer may read.
        expect(Object.keys(direct.articles).length, context).toBeLessThan(Object.keys((await countInsightsDirectly(actor, ALL, [])).articles).length);
        expect(Object.fromEntries(insights.entities.map((entity) => [entity.entityId, entity.mentions])), context).toEqual(direct.entities);
        expect(Object.fromEntries(insights.speakers.map((speaker) => [speaker.speakerId, speaker.quotes])), context).toEqual(direct.speakers);
        expect(insights.activity, context).toEqual(direct.activity);
        expect(Object.fromEntries(insights.coverage.map((row) => [row.articleId, row.annotations])), context).toEqual(direct.articles);
        expect(insights.cooccurrence.edges, context).toEqual(direct.edges);
      }
    }
    expect([...ways].sort()).toEqual(["live", "rollups"]);
  });

  it("counts a query that matches every readable article as the whole library, from the rollups", async () => {
    for (const actor of [null, library.ann, library.bob, library.rita, library.ada]) {
      const filter = search("has:entity");
      const matches = await matchInsightArticles(actor, filter);
      const context = actor?.name ?? "anonymous";
      // The rollups answer (the articles the viewer may not open are known), not a live count of every match.
      expect((await insightScope(actor, filter, matches!.articleIds)).unopened, context).not.toBeNull();
      const insights = await loadInsights(actor, filter, matches);
      expect(insights, context).toEqual(await loadInsights(actor, ALL));
      const direct = await countInsightsDirectly(actor, filter, [], matches!.articleIds);
      expect(Object.fromEntries(insights.entities.map((entity) => [entity.entityId, entity.mentions])), context).toEqual(direct.entities);
      expect(insights.activity, context).toEqual(direct.activity);
    }
  });

  it("matches nothing for a query nothing matches, or one the search refuses, and says why", async () => {
    // Nothing matched is no article counted (never the whole library instead); what the parser refused is said.
    for (const [query, refused] of [["несуществующееслово", false], ["<script>alert(1)</script>", false], ["lang:zz", false], ["-Пекин", true], ["x".repeat(5_000), true]] as const) {
      const matches = await matchInsightArticles(library.ann, search(query));
      expect(matches, query.slice(0, 40)).toMatchObject({ query, articleIds: [] });
      expect(matches!.errors.length > 0, query.slice(0, 40)).toBe(refused);
      expect((await loadInsights(library.ann, search(query), matches)).entities, query.slice(0, 40)).toEqual([]);
    }
    // An unclosed quote reads as a phrase to the end of the query.
    expect((await matchInsightArticles(library.ann, search("\"Ирина Соболева")))!.articleIds).toEqual([third.articleId]);
  });

  it("never counts a query without its matches as the whole library", async () => {
    await expect(insightScope(library.ann, search("Пекин"))).rejects.toThrow(/search query/);
    expect(await matchInsightArticles(library.ann, ALL)).toBeNull();
  });
});

describe("the insights filter", () => {
  it.each([
    [{ from: "2026-02-30" }],
    [{ from: "yesterday" }],
    [{ to: "<script>alert(1)</script>" }],
    [{ from: "2026-05-01", to: "2026-04-01" }],
    [{ scope: "sentence" }],
    [{ article: "x".repeat(301) }],
  ])("refuses %j", (query) => {
    expect(insightsQuerySchema.safeParse(query).success).toBe(false);
  });

  it("takes a period inclusive of its last day", () => {
    expect(insightsQuerySchema.parse({ from: "2026-03-01", to: "2026-03-01" })).toMatchObject({ from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-02T00:00:00Z") });
  });
});
