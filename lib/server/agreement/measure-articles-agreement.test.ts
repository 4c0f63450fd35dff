/**
 * Agreement over a set of articles (/insights' region Agreement) against a real PostgreSQL: the
 * pair's numbers computed by hand for entity tags, highlights, quotes and quote speakers, pooled
 * over the articles two people annotated in the layer (one annotated by one person alone is left
 * out), each pair over the articles both annotated, over what the viewer may read (another
 * person's private work never counts, one's own does; an archived article only for admins),
 * narrowed by period; sign-in.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AgreementLayer, PairAgreement } from "@/lib/agreement";
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
const ALL: InsightsFilter = { query: null, from: null, to: null, articleSlug: null, scope: "paragraph" };
let both: TestArticle;
let alone: TestArticle;
let third: TestArticle;

async function tag(actor: Actor, article: TestArticle, phrase: string, type: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  await createAnnotation({ actor, articleId: article.articleId, input: { kind: "ENTITY", entityTypeId: library.types[type]!, visibility, ...span(article.paragraphId, TEXT, phrase) } });
}

async function highlight(actor: Actor, article: TestArticle, phrase: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  await createAnnotation({ actor, articleId: article.articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility, ...span(article.paragraphId, TEXT, phrase) } });
}

/** A quote said by `speaker` (an entity id, or a new person's name); answers the speaker's id. */
async function quote(actor: Actor, article: TestArticle, phrase: string, speaker: { id: string } | { name: string }, visibility: "SHARED" | "PRIVATE" = "SHARED"): Promise<string> {
  const said = "id" in speaker ? { speakerId: speaker.id } : { speakerName: speaker.name, speakerTypeId: library.types.PER! };
  const created = await createAnnotation({ actor, articleId: article.articleId, input: { kind: "QUOTE", visibility, ...said, ...span(article.paragraphId, TEXT, phrase) } });
  return created.kind === "QUOTE" ? created.speaker!.id : "";
}

/** A layer's measured articles and raters, and the pair of `x` and `y` with `x` the reference whichever the table names first. */
async function layerOf(actor: Actor | null, layer: AgreementLayer, x: Actor = library.ann, y: Actor = library.bob, filter: InsightsFilter = ALL) {
  const agreement = await measureArticlesAgreement(actor, filter);
  const measured = agreement.layers.find((entry) => entry.layer === layer)!;
  const found = measured.table.pairs.find((row) => [row.first, row.second].sort().join() === [x.id, y.id].sort().join());
  const flip = (row: PairAgreement) => (row.first === x.id ? row : { ...row, exact: { ...row.exact, precision: row.exact.recall, recall: row.exact.precision } });
  return { articles: measured.articles, raters: measured.table.raters, overall: measured.table.overall, pair: found ? flip(found) : null };
}

/** The Ann–Bob row of entity tags, with precision and recall as Ann the reference whichever of them the table names first. */
async function annAndBob(actor: Actor | null, filter: InsightsFilter = ALL) {
  const agreement = await measureArticlesAgreement(actor, filter);
  const entities = agreement.layers.find((entry) => entry.layer === "entities")!;
  const pair = entities.table.pairs.find((row) => [row.first, row.second].sort().join() === [library.ann.id, library.bob.id].sort().join());
  if (!pair) return { articles: entities.articles, pair: null };
  const annFirst = pair.first === library.ann.id;
  return {
    articles: entities.articles,
    names: [agreement.names[library.ann.id], agreement.names[library.bob.id]],
    pair: { precision: annFirst ? pair.exact.precision : pair.exact.recall, recall: annFirst ? pair.exact.recall : pair.exact.precision, f1: pair.exact.f1, overlap: pair.overlap.f1, kappa: pair.kappa.kappa },
  };
}

beforeAll(async () => {
  both = await library.newArticle(TEXT);
  alone = await library.newArticle(TEXT);
  third = await library.newArticle(TEXT);
  await library.client.query(`UPDATE "Article" SET "publishedAt" = '2026-03-10' WHERE id = ANY($1)`, [[both.articleId, alone.articleId, third.articleId]]);
  // Ann: Владимир Путин PER, Москвы LOC. Bob: Владимир Путин PER (the same), Москвы ORG (another type), and privately Пекина LOC.
  await tag(library.ann, both, "Владимир Путин", "PER");
  await tag(library.ann, both, "Москвы", "LOC");
  await tag(library.bob, both, "Владимир Путин", "PER");
  await tag(library.bob, both, "Москвы", "ORG");
  await tag(library.bob, both, "Пекина", "LOC", "PRIVATE");
  // Tagged by Ann alone: nothing to agree on, left out (its words would only add O/O agreement to κ).
  await tag(library.ann, alone, "Си Цзиньпином", "PER");

  // Highlights. Both articles: Ann and Bob, one span alike and one a word longer. Third: Ada, and Ann privately on the same words.
  await highlight(library.ann, both, "Владимир Путин");
  await highlight(library.bob, both, "Владимир Путин обсудил");
  await highlight(library.ann, alone, "отношения Москвы");
  await highlight(library.bob, alone, "отношения Москвы");
  await highlight(library.ada, third, "Пекина");
  await highlight(library.ann, third, "Пекина", "PRIVATE");

  // Quotes. Both: the same words said by Путин for both; Ann's "отношения Москвы и Пекина" by Си, Bob's shorter one by Путин.
  // Alone: Ann's quote by Си, and Bob's the same, privately.
  const putin = await quote(library.ann, both, "обсудил с Си Цзиньпином", { name: "Путин" });
  await quote(library.bob, both, "обсудил с Си Цзиньпином", { id: putin });
  const xi = await quote(library.ann, both, "отношения Москвы и Пекина", { name: "Си Цзиньпин" });
  await quote(library.bob, both, "Москвы и Пекина", { id: putin });
  await quote(library.ann, alone, "Владимир Путин обсудил", { id: xi });
  await quote(library.bob, alone, "Владимир Путин обсудил", { id: xi }, "PRIVATE");
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

  it("highlights: each pair over the articles both highlighted, pooled, as computed by hand", async () => {
    // Rita: Ann and Bob on two articles (Ada alone on the third: left out). Exact: 1 of 2 and 2 → 1/2; overlapping: 2 → 1.
    // κ over the 20 words of both: they differ on обсудил only (po = 19/20); Ann H 4, O 16; Bob H 5, O 15 → pe = (4·5 + 16·15)/400 = 0.65; κ = 0.30/0.35 = 6/7.
    const rita = await layerOf(library.rita, "highlights");
    expect(rita).toMatchObject({ articles: 2, raters: [library.ann.id, library.bob.id].sort() });
    expect(rita.pair).toMatchObject({ documents: 2, exact: { precision: 0.5, recall: 0.5, f1: 0.5 }, overlap: { f1: 1 } });
    expect(rita.pair!.kappa.kappa).toBeCloseTo(6 / 7, 10);
    // Ann reads her private highlight on the third article: Ada and she agree there (1 article, F1 1), and Ann–Bob
    // stays over the two articles both highlighted: her third highlight is not a miss of Bob's, who never marked it.
    const ann = await layerOf(library.ann, "highlights");
    expect(ann).toMatchObject({ articles: 3, raters: [library.ada.id, library.ann.id, library.bob.id].sort() });
    expect(ann.pair).toEqual(rita.pair);
    expect((await layerOf(library.ann, "highlights", library.ada, library.ann)).pair).toMatchObject({ documents: 1, exact: { f1: 1 }, alpha: 1 });
    expect((await layerOf(library.ann, "highlights", library.ada, library.bob)).pair).toMatchObject({ documents: 0, exact: { f1: null }, kappa: { kappa: null } });
    expect(ann.overall).toMatchObject({ documents: 3, f1Exact: 0.75, alphaOver: "pairs" });
    // Nobody else reads Ann's private highlight: the third article is not measured for them.
    expect(await layerOf(library.bob, "highlights")).toMatchObject({ articles: 2, raters: [library.ann.id, library.bob.id].sort() });
    expect(await layerOf(null, "highlights")).toMatchObject({ articles: 2 });
  });

  it("quotes and their speakers: spans, and speakers over the quotes both marked, as computed by hand", async () => {
    // Rita: the one article both quoted in. Exact 1 of 2 and 2 → F1 1/2; overlapping 2 → 1.
    // κ over its 10 words: they differ on отношения (po = 0.9); Ann Quote 8, O 2; Bob Quote 7, O 3 → pe = 0.62; κ = 0.28/0.38 = 14/19.
    // Speakers of the 2 quotes both marked: Путин/Путин, Си/Путин → 1 of 2; Ann Путин 1, Си 1; Bob Путин 2 → pe = 1/2, κ = 0.
    const rita = await layerOf(library.rita, "quotes");
    expect(rita.articles).toBe(1);
    expect(rita.pair).toMatchObject({ documents: 1, exact: { f1: 0.5 }, overlap: { f1: 1 }, links: { same: 1, compared: 2, kappa: 0 } });
    expect(rita.pair!.kappa.kappa).toBeCloseTo(14 / 19, 10);
    expect(rita.overall.links).toEqual({ same: 1, compared: 2, kappa: 0 });
    // Bob reads his private quote too: 2 articles, exact 2 of 3 and 3 → 2/3; speakers 2 of 3;
    // Ann Путин 1, Си 2; Bob Путин 2, Си 1 → po = 2/3, pe = 4/9, κ = (2/9)/(5/9) = 2/5.
    const bob = await layerOf(library.bob, "quotes");
    expect(bob.articles).toBe(2);
    expect(bob.pair).toMatchObject({ documents: 2, links: { same: 2, compared: 3 } });
    expect(bob.pair!.exact.f1).toBeCloseTo(2 / 3, 10);
    expect(bob.pair!.links.kappa).toBeCloseTo(2 / 5, 10);
    // Ann does not read Bob's private quote: her numbers are Rita's.
    expect((await layerOf(library.ann, "quotes")).pair).toEqual(rita.pair);
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
