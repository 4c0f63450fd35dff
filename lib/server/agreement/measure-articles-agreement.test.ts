/**
 * Agreement over a set of articles (/insights' region Agreement) against a real PostgreSQL: the
 * pair's numbers computed by hand, pooled over the articles two people tagged (one tagged by one
 * person alone is left out), over what the viewer may read (another person's private tag never
 * counts, one's own does; an archived article only for admins), narrowed by period; sign-in.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { span, testLibrary, type Library } from "@/lib/server/testing/library";
import type { TestArticle } from "@/lib/server/testing/test-database";
import type { InsightsFilter } from "@/lib/validations/insights";
import { measureArticlesAgreement } from "./measure-articles-agreement";

const policy = vi.hoisted(() => ({ requireSignIn: false }));
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => ({ ...policy }) }));

const library: Library = testLibrary("glossa-articles-agreement-test");
// Ten words: Владимир Путин обсудил с Си Цзиньпином отношения Москвы и Пекина.
const TEXT = "Владимир Путин обсудил с Си Цзиньпином отношения Москвы и Пекина.";
const ALL: InsightsFilter = { from: null, to: null, articleSlug: null, scope: "paragraph" };
let both: TestArticle;
let alone: TestArticle;

async function tag(actor: Actor, article: TestArticle, phrase: string, type: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  await createAnnotation({ actor, articleId: article.articleId, input: { kind: "ENTITY", entityTypeId: library.types[type]!, visibility, ...span(article.paragraphId, TEXT, phrase) } });
}

/** The Ann–Bob row, with precision and recall as Ann the reference whichever of them the table names first. */
async function annAndBob(actor: Actor | null, filter: InsightsFilter = ALL) {
  const agreement = await measureArticlesAgreement(actor, filter);
  const pair = agreement.table.pairs.find((row) => [row.first, row.second].sort().join() === [library.ann.id, library.bob.id].sort().join());
  if (!pair) return { articles: agreement.articles, pair: null };
  const annFirst = pair.first === library.ann.id;
  return {
    articles: agreement.articles,
    names: [agreement.names[library.ann.id], agreement.names[library.bob.id]],
    pair: { precision: annFirst ? pair.exact.precision : pair.exact.recall, recall: annFirst ? pair.exact.recall : pair.exact.precision, f1: pair.exact.f1, overlap: pair.overlap.f1, kappa: pair.kappa.kappa },
  };
}

beforeAll(async () => {
  both = await library.newArticle(TEXT);
  alone = await library.newArticle(TEXT);
  await library.client.query(`UPDATE "Article" SET "publishedAt" = '2026-03-10' WHERE id = ANY($1)`, [[both.articleId, alone.articleId]]);
  // Ann: Владимир Путин PER, Москвы LOC. Bob: Владимир Путин PER (the same), Москвы ORG (another type), and privately Пекина LOC.
  await tag(library.ann, both, "Владимир Путин", "PER");
  await tag(library.ann, both, "Москвы", "LOC");
  await tag(library.bob, both, "Владимир Путин", "PER");
  await tag(library.bob, both, "Москвы", "ORG");
  await tag(library.bob, both, "Пекина", "LOC", "PRIVATE");
  // Tagged by Ann alone: nothing to agree on, left out (its words would only add O/O agreement to κ).
  await tag(library.ann, alone, "Си Цзиньпином", "PER");
});

describe("agreement over a set of articles", () => {
  it("gives each pair's numbers over the articles two people tagged, as computed by hand", async () => {
    // One exact match of 2 and 2: P = R = F1 = 1/2 (overlap needs the same type too: 1/2).
    // κ over the 10 words: 9 agree (po = 0.9); Ann PER 2, LOC 1, O 7; Bob PER 2, ORG 1, O 7 → pe = (2·2 + 7·7)/100 = 0.53; κ = 0.37/0.47.
    const { articles, names, pair } = await annAndBob(library.rita);
    expect(articles).toBe(1);
    expect(names).toEqual([library.ann.name, library.bob.name]);
    expect(pair).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, overlap: 0.5 });
    expect(pair!.kappa).toBeCloseTo(0.37 / 0.47, 10);
  });

  it("counts the viewer's own private tags, never someone else's", async () => {
    // Bob sees his private Пекина: 3 spans against Ann's 2 → precision 1/3, recall 1/2, F1 2/5.
    const bob = await annAndBob(library.bob);
    expect(bob.pair).toMatchObject({ precision: 1 / 3, recall: 0.5 });
    expect(bob.pair!.f1).toBeCloseTo(0.4, 10);
    // Ann and anonymous visitors do not.
    expect((await annAndBob(library.ann)).pair).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect((await annAndBob(null)).pair).toMatchObject({ precision: 0.5, recall: 0.5 });
  });

  it("narrows by period and one article; an archived article counts for admins only", async () => {
    expect((await annAndBob(library.rita, { ...ALL, from: new Date("2026-04-01T00:00:00Z") })).articles).toBe(0);
    expect((await annAndBob(library.rita, { ...ALL, from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") })).articles).toBe(1);
    expect((await annAndBob(library.rita, { ...ALL, articleSlug: alone.slug })).articles).toBe(0);
    expect((await annAndBob(library.rita, { ...ALL, articleSlug: both.slug })).pair).toMatchObject({ f1: 0.5 });
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [both.articleId]);
    try {
      expect(await annAndBob(library.rita)).toEqual({ articles: 0, pair: null });
      expect((await annAndBob(library.ada)).pair).toMatchObject({ f1: 0.5 });
    } finally {
      await library.client.query(`UPDATE "Article" SET "archivedAt" = NULL WHERE id = $1`, [both.articleId]);
    }
  });

  it("answers 401 to an anonymous visitor when sign-in is required", async () => {
    policy.requireSignIn = true;
    try {
      await expect(measureArticlesAgreement(null, ALL)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      expect((await annAndBob(library.rita)).articles).toBe(1);
    } finally {
      policy.requireSignIn = false;
    }
  });
});
