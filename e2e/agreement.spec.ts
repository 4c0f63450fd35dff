import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { SAMPLE_PARAGRAPHS } from "./support/sample";
import { callApi, entityTypeIdsOf, importSampleCopy, openReader, type AnnotationDTO } from "./support/reader";
import { expect, newUser, signInAsAdmin, test, type TestUser } from "./support/users";

/**
 * Agreement and curation (issue 15): two annotators tag a copy of the sample differently; the
 * reader's region Agreement shows the pair's F1 and Cohen's κ as computed here by hand, and
 * follows a new tag live; region Disagreements lists each difference, marked in the text; a
 * curator adopts one version, which an annotator's open Disagreements view shows at once (live) and
 * the Export menu's Curated CoNLL (IOB2) then holds. An annotator sees no Adopt. /insights'
 * region Agreement, over that one article, gives the reader's numbers, and those of a highlight,
 * a quote and its speaker both marked.
 */
const FIRST = SAMPLE_PARAGRAPHS[0]!;


interface Article {
  articleId: string;
  /** The paragraph holding the sample's first paragraph. */
  paragraphId: string;
}

async function openArticle(page: Page, path: string): Promise<Article> {
  await openReader(page, path);
  const articleId = (await page.locator("[data-article-id]").getAttribute("data-article-id"))!;
  const paragraphId = (await page.locator("[data-paragraph-id]").filter({ hasText: FIRST.slice(0, 40) }).first().getAttribute("data-paragraph-id"))!;
  return { articleId, paragraphId };
}

/** A shared annotation of `phrase` in the first paragraph: `fields` say its kind and what it links to. */
async function annotate(page: Page, article: Article, phrase: string, fields: Record<string, string>): Promise<AnnotationDTO> {
  const start = FIRST.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  const end = start + phrase.length;
  const answer = await callApi<AnnotationDTO>(page, "POST", `/api/articles/${article.articleId}/annotations`, {
    paragraphId: article.paragraphId,
    start,
    end,
    exact: phrase,
    prefix: FIRST.slice(Math.max(0, start - 32), start),
    suffix: FIRST.slice(end, end + 32),
    visibility: "SHARED",
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  return answer.data!;
}

const tag = (page: Page, article: Article, phrase: string, entityTypeId: string) => annotate(page, article, phrase, { kind: "ENTITY", entityTypeId });

/** Cohen's κ from the counts of each label per annotator and the words both labelled alike. */
function kappa(words: number, agreed: number, first: Record<string, number>, second: Record<string, number>): number {
  const observed = agreed / words;
  const expected = Object.keys({ ...first, ...second }).reduce((sum, label) => sum + ((first[label] ?? 0) / words) * ((second[label] ?? 0) / words), 0);
  return (observed - expected) / (1 - expected);
}

/** The agreement table's row for two annotators (whichever is named first). */
function pairRow(page: Page, a: TestUser, b: TestUser) {
  return page.getByRole("region", { name: "Agreement" }).getByRole("row").filter({ hasText: a.name }).filter({ hasText: b.name });
}

/** The row's cells in column order: Precision, Recall, F1 exact, F1 overlap, κ, αU. */
async function cells(page: Page, a: TestUser, b: TestUser): Promise<string[]> {
  return pairRow(page, a, b).getByRole("cell").allTextContents();
}

test("two annotators' tags: the agreement table's F1 and κ, live; Disagreements lists each difference; a curator adopts one into the curated export", async ({ page, newClient }) => {
  const admin = await newClient();
  await signInAsAdmin(admin);
  const { path, slug } = await importSampleCopy(admin, "Agreement");

  const anna = await newUser(page);
  const borisPage = await newClient();
  const boris = await newUser(borisPage);
  // Learnt first (on the seeded sample), then Anna's page stays on the copy: her Disagreements view is watched live below.
  const [PER, ORG, LOC] = await entityTypeIdsOf(page, ["Person", "Organisation", "Location"]);
  const article = await openArticle(page, path);

  // Anna: ТАСС ORG, Владимира Путина PER, Москвой LOC, Альянс патриотов Грузии ORG.
  await Promise.all([tag(page, article, "ТАСС", ORG), tag(page, article, "Владимира Путина", PER), tag(page, article, "Москвой", LOC), tag(page, article, "Альянс патриотов Грузии", ORG)]);
  // Boris: ТАСС ORG (the same), Путина PER (shorter), Москвой ORG (another type), Тбилиси LOC (Anna has none); no Альянс.
  await Promise.all([tag(borisPage, article, "ТАСС", ORG), tag(borisPage, article, "Путина", PER), tag(borisPage, article, "Москвой", ORG), tag(borisPage, article, "Тбилиси", LOC)]);

  // A curator: signed up, then given the role by the admin.
  const curatorPage = await newClient();
  const curator = await newUser(curatorPage, { label: "Curator" });
  const promoted = await callApi(admin, "PATCH", `/api/admin/users/${curator.id}`, { role: "CURATOR" });
  expect(promoted.status, JSON.stringify(promoted.error)).toBe(200);
  await openArticle(curatorPage, path);
  await curatorPage.getByRole("button", { name: "Agreement" }).click();
  const agreement = curatorPage.getByRole("region", { name: "Agreement" });
  await expect(agreement.getByRole("table")).toBeVisible();

  // By hand: 4 tags each, one exact match (ТАСС) → P = R = F1 = 1/4; two overlapping same-type matches (ТАСС, Путина) → F1 overlap = 4/8.
  // κ over every word of the article (counted as the browser segments words): Anna labels 7 words (ORG 4, PER 2, LOC 1),
  // Boris 4 (ORG 2, PER 1, LOC 1); 8 different words are tagged by someone, so N − 8 words are O for both, and they also
  // agree on ТАСС and Путина: N − 6 words agree.
  const words = await curatorPage.locator("[data-article-id]").evaluate((root) => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
    return [...root.querySelectorAll("[data-paragraph-id]")].reduce((sum, element) => sum + [...segmenter.segment(element.textContent ?? "")].filter((segment) => segment.isWordLike).length, 0);
  });
  const expectedKappa = kappa(words, words - 6, { ORG: 4, PER: 2, LOC: 1, O: words - 7 }, { ORG: 2, PER: 1, LOC: 1, O: words - 4 });
  await expect.poll(() => cells(curatorPage, anna, boris)).toEqual(["0.25", "0.25", "0.25", "0.50", expectedKappa.toFixed(2), expect.stringMatching(/^-?\d\.\d\d$/)]);
  await expect(agreement.getByRole("row", { name: /Overall \(2 annotators\)/ })).toBeVisible();
  await expect(agreement.getByText("INCEpTION drops such positions", { exact: false })).toBeAttached();
  await curatorPage.screenshot({ path: "/tmp/shots/agreement-table.png", fullPage: false });

  await agreement.getByRole("button", { name: "Disagreements" }).click();
  const disagreements = curatorPage.getByRole("region", { name: "Disagreements" });
  const items = disagreements.getByRole("listitem").filter({ has: curatorPage.getByRole("button", { name: "Show in text" }) });
  // Путина (span), Москвой (type), Альянс (only Anna), Тбилиси (only Boris): ТАСС agrees and is not listed.
  await expect(items).toHaveCount(4);
  await expect(disagreements.getByRole("listitem", { name: /different span/ })).toContainText("Владимира Путина");
  await expect(disagreements.getByRole("listitem", { name: /different type/ })).toContainText("Москвой");
  await expect(disagreements.getByRole("listitem", { name: /one marked it, another did not/ })).toHaveCount(2);
  await expect(disagreements.getByRole("button", { name: "Adopt" })).toHaveCount(8);
  // Marked in the text: one CSS highlight range per difference.
  await expect.poll(() => curatorPage.evaluate(() => CSS.highlights.get("glossa-disagreement")?.size ?? 0)).toBe(4);

  // Live: Boris tags the Альянс as Anna did; the table and the list follow without a reload.
  await tag(borisPage, article, "Альянс патриотов Грузии", ORG);
  // Now 2 exact matches of 4 and 5 tags → F1 4/9; 3 overlapping → 6/9; precision/recall depend on who is the reference.
  await expect.poll(async () => (await cells(curatorPage, anna, boris)).slice(2, 4)).toEqual(["0.44", "0.67"]);
  await expect(items).toHaveCount(3);

  // Anna keeps the Disagreements view open in her own browser while the curator decides.
  await page.getByRole("button", { name: "Agreement" }).click();
  await page.getByRole("region", { name: "Agreement" }).getByRole("button", { name: "Disagreements" }).click();
  const versionOf = (on: Page, who: TestUser) =>
    on.getByRole("region", { name: "Disagreements" }).getByRole("listitem", { name: /different type/ }).locator("div").filter({ has: on.getByText(`${who.name}'s version`, { exact: true }) }).last();
  await expect(versionOf(page, boris)).toBeVisible();
  await expect(versionOf(page, boris).getByText("In the curated layer")).toHaveCount(0);

  // Adopt Boris's version of Москвой (an organisation here): it is marked as curated, live in Anna's view too.
  await versionOf(curatorPage, boris).getByRole("button", { name: "Adopt" }).click();
  await expect(versionOf(curatorPage, boris).getByText("In the curated layer")).toBeVisible();
  await expect(versionOf(page, boris).getByText("In the curated layer")).toBeVisible();
  await expect(versionOf(page, anna).getByText("In the curated layer")).toHaveCount(0);
  await curatorPage.screenshot({ path: "/tmp/shots/disagreements.png", fullPage: true });

  // Export › Curated CoNLL (IOB2) downloads the curated layer: the adopted tag in IOB2, nothing else tagged.
  await curatorPage.getByRole("button", { name: "Export" }).click();
  const downloaded = curatorPage.waitForEvent("download");
  await curatorPage.getByRole("menu", { name: "Export" }).getByRole("menuitem", { name: "Curated CoNLL (IOB2)", exact: true }).click();
  const text = await readFile((await (await downloaded).path())!, "utf8");
  expect(text).toMatch(/^Москвой _ _ B-ORG$/m);
  expect(text).not.toMatch(/B-LOC|B-PER|I-ORG/);
  expect(text).toMatch(/^ТАСС _ _ O$/m);
  // The Disagreements view no longer repeats the export links: one place to download, the Export menu.
  await expect(curatorPage.getByRole("region", { name: "Disagreements" }).getByRole("link")).toHaveCount(0);

  // Another annotator sees the same differences and cannot adopt (the API refuses too, and nothing changes).
  const reader = await newClient();
  await newUser(reader);
  await openArticle(reader, path);
  await reader.getByRole("button", { name: "Agreement" }).click();
  await reader.getByRole("region", { name: "Agreement" }).getByRole("button", { name: "Disagreements" }).click();
  await expect(reader.getByRole("region", { name: "Disagreements" }).getByRole("listitem", { name: /different type/ })).toBeVisible();
  await expect(reader.getByRole("region", { name: "Disagreements" }).getByRole("button", { name: "Adopt" })).toHaveCount(0);
  const refused = await callApi(reader, "POST", `/api/articles/${article.articleId}/curated`, { paragraphId: article.paragraphId, kind: "ENTITY", start: 0, end: 10, annotationIds: [] });
  expect(refused.status).toBe(403);
  const layer = await callApi<unknown[]>(reader, "GET", `/api/articles/${article.articleId}/curated`);
  expect(layer.data).toHaveLength(1);

  // /insights measures agreement over a set of articles: for this one article, the reader's very numbers (after its Articles column).
  const inReader = await cells(curatorPage, anna, boris);
  // Highlights and quotes too: the same highlight; a quote and a shorter one inside it, said by the same speaker.
  await annotate(page, article, "Власти России", { kind: "HIGHLIGHT", color: "yellow" });
  await annotate(borisPage, article, "Власти России", { kind: "HIGHLIGHT", color: "yellow" });
  const said = await annotate(page, article, "Власти России разделяют озабоченность нынешним состоянием двусторонних связей с Грузией", { kind: "QUOTE", speakerName: "пресс-служба Кремля", speakerTypeId: ORG! });
  expect(said.kind === "QUOTE" && said.speaker).toBeTruthy();
  await annotate(borisPage, article, "разделяют озабоченность", { kind: "QUOTE", speakerId: said.kind === "QUOTE" ? said.speaker!.id : "" });
  await curatorPage.goto(`/insights?article=${encodeURIComponent(slug)}`);
  const region = curatorPage.getByRole("region", { name: "Agreement" });
  await expect(region).toContainText("in the one article that two or more people tagged");
  expect(await cells(curatorPage, anna, boris)).toEqual(["1", ...inReader]);
  await region.getByRole("radio", { name: "Highlights" }).check();
  await expect.poll(() => cells(curatorPage, anna, boris)).toEqual(["1", "1.00", "1.00", "1.00", "1.00", "1.00", "1.00"]);
  // The quotes differ in span (exact F1 0, overlapping 1) and agree on the speaker: 1 of 1 quote both marked; κ undefined with one speaker.
  await region.getByRole("radio", { name: "Quotes", exact: true }).check();
  await expect.poll(async () => (await cells(curatorPage, anna, boris)).slice(0, 5)).toEqual(["1", "0.00", "0.00", "0.00", "1.00"]);
  await region.getByRole("radio", { name: "Quote speakers" }).check();
  await expect.poll(() => cells(curatorPage, anna, boris)).toEqual(["1", "1", "1", "1.00", "—"]);
  await expect(region.getByRole("table", { name: /quote speakers between each pair/ })).toBeVisible();
  await region.screenshot({ path: "/tmp/shots/insights-agreement.png" });
  await curatorPage.emulateMedia({ colorScheme: "dark" });
  await region.getByRole("radio", { name: "Entity tags" }).check();
  await region.getByText("What each measure leaves out").click();
  await region.screenshot({ path: "/tmp/shots/insights-agreement-dark.png" });
});
