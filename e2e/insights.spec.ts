import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { PRESS_SERVICE_QUOTE } from "./support/quotes";
import { SAMPLE_PARAGRAPHS } from "./support/sample";
import { callApi, entityTypeIdsOf, importSampleCopy, openReader, type AnnotationDTO } from "./support/reader";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

/**
 * Insights (issue 15): an annotator tags and quotes a copy of the sample; /insights for that
 * article shows each chart, and Show as table gives exactly the numbers counted here by hand;
 * Download CSV writes the same; a search query (?q=) narrows every section to the articles it
 * matches. Screenshots of each chart go to /tmp/shots for review.
 */
const token = () => Math.random().toString(36).slice(2, 10);

/** Tags `phrase` in the sample's paragraph `n` (1-based) of the copy, linked to `entityId` when given. */
async function annotate(page: Page, articleId: string, paragraphIds: string[], n: number, phrase: string, fields: Record<string, string>): Promise<AnnotationDTO> {
  const text = SAMPLE_PARAGRAPHS[n - 1]!;
  const start = text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  const end = start + phrase.length;
  const answer = await callApi<AnnotationDTO>(page, "POST", `/api/articles/${articleId}/annotations`, {
    paragraphId: paragraphIds[n - 1],
    start,
    end,
    exact: phrase,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    visibility: "SHARED",
    ...fields,
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  return answer.data!;
}

/** The rows of a region's table (after Show as table), each as its cells' texts. */
async function tableRows(page: Page, region: string): Promise<string[][]> {
  const rows = page.getByRole("region", { name: region }).getByRole("table").getByRole("row");
  return rows.evaluateAll((elements) => elements.slice(1).map((row) => [...row.children].map((cell) => (cell.textContent ?? "").trim())));
}

test("insights for an annotated article: each chart, and its table and CSV with the numbers counted by hand", async ({ page, newClient }) => {
  const admin = await newClient();
  await signInAsAdmin(admin);
  const { path, slug, title } = await importSampleCopy(admin, "Insights");
  const annotator = await newUser(page);
  await openReader(page, path);
  const articleId = (await page.locator("[data-article-id]").getAttribute("data-article-id"))!;
  // The copy's paragraphs that hold the sample's, in order (the copy may start with its title).
  const paragraphIds = await Promise.all(
    SAMPLE_PARAGRAPHS.map(async (text) => (await page.locator("[data-paragraph-id]").filter({ hasText: text.slice(0, 50) }).first().getAttribute("data-paragraph-id"))!),
  );
  const paragraphCount = await page.locator("[data-paragraph-id]").count();
  const [PER, ORG, LOC] = await entityTypeIdsOf(page, ["Person", "Organisation", "Location"]);
  const entity = async (n: number, phrase: string, entityTypeId: string, entityId?: string) => annotate(page, articleId, paragraphIds, n, phrase, { kind: "ENTITY", entityTypeId, ...(entityId ? { entityId } : {}) });

  // Paragraph 1: ТАСС, Путин, Москва, Тбилиси; paragraph 5: Путин again; paragraph 7: Москва and Тбилиси again.
  const [tass, putin, moscow, tbilisi] = await Promise.all([entity(1, "ТАСС", ORG), entity(1, "Владимира Путина", PER), entity(1, "Москвой", LOC), entity(1, "Тбилиси", LOC)]);
  const speakerName = `Пресс-служба ${token()}`;
  const [quote] = await Promise.all([
    annotate(page, articleId, paragraphIds, PRESS_SERVICE_QUOTE.paragraph, PRESS_SERVICE_QUOTE.phrase, { kind: "QUOTE", speakerName, speakerTypeId: ORG }),
    entity(5, "Путина", PER, putin.entity!.id),
    entity(7, "Москвы", LOC, moscow.entity!.id),
    entity(7, "Тбилиси", LOC, tbilisi.entity!.id),
  ]);
  const [tassName, putinName, moscowName, tbilisiName] = [tass, putin, moscow, tbilisi].map((tag) => tag.entity!.name) as [string, string, string, string];

  await page.goto(`/insights?article=${encodeURIComponent(slug)}`);
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByText(`in “${title}”`)).toBeVisible();

  // Entities: Путин 2, Москва 2, Тбилиси 2, ТАСС 1 (ties by name).
  const entities = page.getByRole("region", { name: "Entities" });
  await expect(entities.getByRole("img")).toBeVisible();
  await expect(entities.locator(".recharts-bar-rectangle")).toHaveCount(4);
  await entities.screenshot({ path: "/tmp/shots/insights-entities.png" });
  await entities.getByRole("button", { name: "Show as table" }).click();
  await expect(entities.getByRole("button", { name: "Show as table" })).toHaveAttribute("aria-pressed", "true");
  const byName = (rows: string[][]) => [...rows].sort((a, b) => Number(b[2]) - Number(a[2]) || a[0]!.localeCompare(b[0]!));
  expect(await tableRows(page, "Entities")).toEqual(byName([[putinName, "Person", "2"], [moscowName, "Location", "2"], [tbilisiName, "Location", "2"], [tassName, "Organisation", "1"]]));
  const downloaded = page.waitForEvent("download");
  await entities.getByRole("button", { name: "Download CSV" }).click();
  const csv = await readFile((await (await downloaded).path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("Entity,Type,Mentions");
  expect(csv).toContain(`${putinName},Person,2\r\n`);

  // Quotes by speaker: the new speaker, 1 quote.
  const quotes = page.getByRole("region", { name: "Quotes by speaker" });
  await expect(quotes.locator(".recharts-bar-rectangle")).toHaveCount(1);
  await quotes.screenshot({ path: "/tmp/shots/insights-quotes.png" });
  await quotes.getByRole("button", { name: "Show as table" }).click();
  expect((await tableRows(page, "Quotes by speaker")).map((row) => row.slice(0, 2))).toEqual([[quote.speaker!.name, "1"]]);

  // Co-occurrence in one paragraph: paragraph 1 links its four entities pairwise (6 pairs), paragraph 7 adds Москва–Тбилиси again.
  const network = page.getByRole("region", { name: "Co-occurrence" });
  await expect(network.getByRole("img", { name: "Network of 4 entities and 6 links; Show as table lists every link." })).toBeVisible();
  await expect(network.locator("canvas").first()).toBeVisible();
  await page.waitForTimeout(500); // the WebGL frame after layout (a canvas has no DOM to wait for)
  await network.screenshot({ path: "/tmp/shots/insights-cooccurrence.png" });
  await network.getByRole("button", { name: "Show as table" }).click();
  const pairs = (await tableRows(page, "Co-occurrence")).map(([a, b, weight]) => `${[a, b].sort().join(" + ")}: ${weight}`).sort();
  const pair = (a: string, b: string, weight: number) => `${[a, b].sort().join(" + ")}: ${weight}`;
  expect(pairs).toEqual(
    [pair(moscowName, tbilisiName, 2), pair(tassName, putinName, 1), pair(tassName, moscowName, 1), pair(tassName, tbilisiName, 1), pair(putinName, moscowName, 1), pair(putinName, tbilisiName, 1)].sort(),
  );

  // Activity: today, 7 entity tags and 1 quote by the annotator.
  const activity = page.getByRole("region", { name: "Activity" });
  await expect(activity.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // One day is drawn as one bar of a bar's width, not across the whole plot.
  expect((await activity.locator(".recharts-bar-rectangle").first().boundingBox())!.width).toBeLessThanOrEqual(48);
  await activity.screenshot({ path: "/tmp/shots/insights-activity.png" });
  await activity.getByRole("button", { name: "Show as table" }).click();
  const today = new Date().toISOString().slice(0, 10);
  expect(await tableRows(page, "Activity")).toEqual([
    [today, annotator.name, "Entity tags", "7"],
    [today, annotator.name, "Quotes", "1"],
  ]);

  // Coverage: 4 of the article's paragraphs (1, 2, 5, 7) carry the 8 annotations of 1 annotator.
  const coverage = page.getByRole("region", { name: "Coverage" });
  await expect(coverage.locator(".recharts-bar-rectangle")).toHaveCount(1);
  await coverage.screenshot({ path: "/tmp/shots/insights-coverage.png" });
  await coverage.getByRole("button", { name: "Show as table" }).click();
  expect(await tableRows(page, "Coverage")).toEqual([[title, String(paragraphCount), "4", String(Math.round((100 * 4) / paragraphCount)), "8", "1"]]);

  // A search query restricts every section to the articles it matches: the quote's speaker is
  // this copy's alone, so the library's numbers are this article's again, and the URL keeps it.
  await page.goto("/insights");
  const searchBox = page.getByRole("searchbox", { name: "Search articles" });
  const saidQuery = `said:"${speakerName}"`;
  await searchBox.fill(saidQuery);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]q=said/);
  const matched = page.getByRole("status").filter({ hasText: "match" });
  // The speaker's name reaches the search index within a second of the quote (the indexer): look again until it has.
  await expect(async () => {
    await page.reload();
    await expect(matched).toContainText("1 article matches", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("main").getByText(`in the articles matching “${saidQuery}”`)).toBeVisible();
  await page.getByRole("region", { name: "Entities" }).getByRole("button", { name: "Show as table" }).click();
  expect(await tableRows(page, "Entities")).toEqual(byName([[putinName, "Person", "2"], [moscowName, "Location", "2"], [tbilisiName, "Location", "2"], [tassName, "Organisation", "1"]]));
  await page.getByRole("region", { name: "Quotes by speaker" }).getByRole("button", { name: "Show as table" }).click();
  expect((await tableRows(page, "Quotes by speaker")).map((row) => row.slice(0, 2))).toEqual([[quote.speaker!.name, "1"]]);
  await page.screenshot({ path: "/tmp/shots/insights-search.png" });
  // An exclusion the article fails: nothing matches, said once instead of five empty charts.
  await searchBox.fill(`${saidQuery} -Путин`);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No article you can read matches" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Entities" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/shots/insights-search-empty.png" });
  // Back: the first search, its field and numbers again.
  await page.goBack();
  await expect(searchBox).toHaveValue(saidQuery);
  await expect(matched).toContainText("1 article matches");
  // Markup in a query is words to find, shown as text.
  await page.goto(`/insights?q=${encodeURIComponent("<img src=x onerror=alert(1)>")}`);
  await expect(page.getByRole("status").filter({ hasText: "No article you can read matches “<img src=x onerror=alert(1)>”" })).toBeVisible();
  await expect(page.locator("img[src=x]")).toHaveCount(0);

  // A filter that does not parse is said, and everything is shown instead.
  await page.goto("/insights?from=2026-02-30&scope=%3Cscript%3E");
  // Next.js has an alert of its own (the route announcer): ours is the one that says so.
  await expect(page.getByRole("alert").filter({ hasText: "Some filters were not understood" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Entities" })).toBeVisible();
});
