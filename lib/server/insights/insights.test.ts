/**
 * The /insights numbers against a real PostgreSQL: counted over what the viewer may read (another
 * person's private tag never counts, an archived article only for admins), narrowed by period and
 * article; and the filter's hostile inputs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { span, testLibrary, type Library } from "@/lib/server/testing/library";
import { insightsQuerySchema, type InsightsFilter } from "@/lib/validations/insights";
import { loadInsights } from "./load-insights";

const TEXT = "Владимир Путин обсудил с Си Цзиньпином отношения Москвы и Пекина. «Мы договорились», — сказал Путин.";
const library: Library = testLibrary("glossa-insights-test");
let first: { articleId: string; paragraphId: string; slug: string };
let second: { articleId: string; paragraphId: string; slug: string };
const ALL: InsightsFilter = { from: null, to: null, articleSlug: null, scope: "paragraph" };

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
