import type { Page } from "@playwright/test";
import { callApi } from "./support/reader";
import { expect, signInAsAdmin, test } from "./support/users";

/**
 * A long article: the page carries its first screens, the reader loads the rest
 * right after (GET /api/articles/<id>/text), and everything still works on the
 * paragraphs that arrived later: deep links, annotations, the side panel.
 */
/** More than the first screens and two of the API's 500-paragraph stretches: the rest comes in three, asked for at once. */
const PARAGRAPHS = 1100;
// A deep link waits for the text up to its target: on a loaded 2-core CI machine, more than the usual 10 s.
const LONG_LOAD_MS = 30_000;
const paragraphText = (n: number) => `Paragraph ${n} of the long article: the delegation met in Geneva, and talks number ${n} went on late into the night.`;

interface LongArticle {
  articleId: string;
  slug: string;
  /** Paragraph ids by position (1-based). */
  paragraphIds: Map<number, string>;
}

let imported: LongArticle | null = null;

/** Imports the long article once per worker, as the admin; `admin` stays signed in. */
async function longArticle(admin: Page): Promise<LongArticle> {
  await signInAsAdmin(admin);
  if (imported) return imported;
  const title = `A long article ${Math.random().toString(36).slice(2, 8)}`;
  const text = [title, ...Array.from({ length: PARAGRAPHS }, (_, index) => paragraphText(index + 1))].join("\n\n");
  const answer = await callApi<{ articleId: string; slug: string }>(admin, "POST", "/api/admin/import/commit", { kind: "paste", format: "text", title, language: "en", text, target: { mode: "new" } });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  const { articleId, slug } = answer.data!;
  const paragraphs: { id: string; position: number; text: string }[] = [];
  for (let done = false; !done; ) {
    const range = await callApi<{ paragraphs: { id: string; position: number; text: string }[]; done: boolean }>(admin, "GET", `/api/articles/${articleId}/text?revision=1&after=${paragraphs.length}&limit=500`);
    expect(range.status, JSON.stringify(range.error)).toBe(200);
    paragraphs.push(...range.data!.paragraphs);
    done = range.data!.done;
  }
  expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(Array.from({ length: PARAGRAPHS }, (_, index) => paragraphText(index + 1)));
  imported = { articleId, slug, paragraphIds: new Map(paragraphs.map((paragraph) => [paragraph.position, paragraph.id])) };
  return imported;
}

test("a long article's page carries its first screens; the rest loads right after, in order", async ({ page }) => {
  const article = await longArticle(page);
  const html = await (await page.request.get(`/articles/${article.slug}`)).text();
  expect(html).toContain('id="p-60"');
  expect(html).not.toContain('id="p-61"');

  await page.goto(`/articles/${article.slug}`);
  await expect(page.locator("[id^='p-']")).toHaveCount(PARAGRAPHS);
  // The stretches arrive side by side but are put in reading order, each paragraph once.
  const positions = await page.locator("[data-paragraph-id]").evaluateAll((elements) => elements.map((element) => Number((element as HTMLElement).dataset.position)));
  expect(positions).toEqual(Array.from({ length: PARAGRAPHS }, (_, index) => index + 1));
  for (const n of [1, 60, 61, 560, 561, 1060, 1061, PARAGRAPHS]) await expect(page.locator(`#p-${n}`)).toHaveText(paragraphText(n));
  await expect(page.getByText(/Loading the rest of the article/)).toHaveCount(0);

  // Off-screen paragraphs skip rendering, yet their words are in the page: the browser's find reaches the last one.
  // The paragraph's whole block skips (its margin button too), not the text alone.
  await expect(page.locator(`#p-${PARAGRAPHS}`).locator("xpath=..")).toHaveCSS("content-visibility", "auto");
  await expect(page.getByRole("button", { name: `Notes on paragraph ${PARAGRAPHS}`, exact: true })).toBeAttached();
  expect(await page.evaluate((words) => (window as unknown as { find: (text: string) => boolean }).find(words), `talks number ${PARAGRAPHS} went on`)).toBe(true);
});

test("a page of long paragraphs carries only its first screens of characters", async ({ page }) => {
  await signInAsAdmin(page);
  const title = `Long paragraphs ${Math.random().toString(36).slice(2, 8)}`;
  const long = (n: number) => `Paragraph ${n}. ${"The committee heard evidence from the delegation until late in the evening. ".repeat(8)}`.trim();
  const text = [title, ...Array.from({ length: 40 }, (_, index) => long(index + 1))].join("\n\n");
  const answer = await callApi<{ slug: string }>(page, "POST", "/api/admin/import/commit", { kind: "paste", format: "text", title, language: "en", text, target: { mode: "new" } });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  // 620 characters each: 12 fit in the first screens' 8,000 (7,443), a 13th would not (8,064); the rest load after.
  const html = await (await page.request.get(`/articles/${answer.data!.slug}`)).text();
  expect(html).toContain('id="p-12"');
  expect(html).not.toContain('id="p-13"');
  await page.goto(`/articles/${answer.data!.slug}`);
  await expect(page.locator("[id^='p-']")).toHaveCount(40);
  await expect(page.locator("#p-40")).toHaveText(long(40));
});

test("deep links reach annotations and paragraphs beyond the first screens", async ({ page }) => {
  const article = await longArticle(page);
  const highlight = async (n: number) => {
    const exact = `talks number ${n}`;
    const start = paragraphText(n).indexOf(exact);
    const created = await callApi<{ id: string }>(page, "POST", `/api/articles/${article.articleId}/annotations`, {
      kind: "HIGHLIGHT",
      paragraphId: article.paragraphIds.get(n),
      start,
      end: start + exact.length,
      exact,
      prefix: paragraphText(n).slice(Math.max(0, start - 32), start),
      suffix: paragraphText(n).slice(start + exact.length, start + exact.length + 32),
      color: "green",
    });
    expect(created.status, JSON.stringify(created.error)).toBe(201);
    return { id: created.data!.id, exact };
  };
  const { id, exact } = await highlight(140);

  await page.goto(`/articles/${article.slug}#a-${id}`);
  await expect(page.getByRole("dialog", { name: "Annotation" })).toBeVisible({ timeout: LONG_LOAD_MS });
  const mark = page.locator(`mark[data-annotation-id="${id}"]`);
  await expect(mark).toHaveText(exact);
  await expect(mark).toBeInViewport();
  await expect(page.locator("#p-140")).toHaveText(paragraphText(140));

  // Far down, past paragraphs the browser has not laid out yet (their real heights move the target).
  const far = await highlight(1000);
  await page.goto("about:blank"); // a fresh load, as a shared link opens
  await page.goto(`/articles/${article.slug}#a-${far.id}`);
  await expect(page.getByRole("dialog", { name: "Annotation" })).toBeVisible({ timeout: LONG_LOAD_MS });
  await expect(page.locator(`mark[data-annotation-id="${far.id}"]`)).toBeInViewport();

  await page.goto(`/articles/${article.slug}#p-120`);
  await expect(page.locator("#p-120")).toBeInViewport();

  // The side panel lists it once the text is all there; choosing it brings it back into view.
  await page.goto(`/articles/${article.slug}`);
  await expect(page.locator("[id^='p-']")).toHaveCount(PARAGRAPHS);
  await page.getByRole("button", { name: "Show annotations" }).click();
  const panel = page.getByRole("region", { name: "Annotations" });
  await panel.getByRole("button").filter({ hasText: exact }).click();
  await expect(mark).toBeInViewport();
});

test("the text range API refuses bad input with a clear message", async ({ page }) => {
  const article = await longArticle(page);
  const url = (query: string) => `/api/articles/${article.articleId}/text?${query}`;
  const cases: [string, number, RegExp][] = [
    ["after=0", 400, /revision/],
    ["revision=1", 400, /after/],
    ["revision=abc&after=0", 400, /revision must be a number/],
    ["revision=1&after=-5", 400, /after must not be negative/],
    ["revision=1&after=0&limit=0", 400, /limit must be at least 1/],
    ["revision=1&after=0&limit=100000", 400, /limit must be at most 500/],
    ["revision=1&after=1.5", 400, /after must be a whole number/],
    ["revision=1&after=3000000000", 400, /after is too large/],
    ["revision=99999999999&after=0", 400, /revision is too large/],
    ["revision=2&after=0", 409, /new revision/],
  ];
  for (const [query, status, message] of cases) {
    const answer = await callApi(page, "GET", url(query));
    expect(answer.status, query).toBe(status);
    expect(answer.error?.message, query).toMatch(message);
  }
  const unknown = await callApi(page, "GET", `/api/articles/no-such-article/text?revision=1&after=0`);
  expect(unknown.status).toBe(404);
  // Past the end: nothing, and done.
  const past = await callApi<{ paragraphs: unknown[]; done: boolean }>(page, "GET", url(`revision=1&after=${PARAGRAPHS}`));
  expect(past.data).toMatchObject({ paragraphs: [], done: true });
});
