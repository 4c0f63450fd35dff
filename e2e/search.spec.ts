import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { callApi, entityTypeIdOf } from "./support/reader";
import { SAMPLE_PATH } from "./support/sample";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

const results = (page: import("@playwright/test").Page) => page.getByRole("region", { name: "Search results" });
const search = (page: import("@playwright/test").Page, q: string) => page.goto(`/search?${new URLSearchParams({ q })}`);

test.describe("search", () => {
  test("the header searchbox searches from any page, and an inflected name finds the sample from another form", async ({ page }) => {
    await page.goto(SAMPLE_PATH);
    const box = page.getByRole("search").getByRole("searchbox", { name: "Search" });
    await box.fill("Путин");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=%D0%9F/);
    const region = results(page);
    await expect(region).toContainText(/\d+ articles? match/);
    await expect(region.locator(`a[href="${SAMPLE_PATH}"]`)).toBeVisible();
    // The text says "Путина": the snippet links to its paragraph with that word marked.
    const snippet = region.locator(`a[href="${SAMPLE_PATH}#p-5"]`);
    await expect(snippet.locator("mark")).toHaveText(["Путина"]);
    await snippet.click();
    await expect(page).toHaveURL(new RegExp(`${SAMPLE_PATH}#p-5$`));
    await page.goBack();
    await expect(page).toHaveURL(/\/search\?q=/);
    await expect(results(page).locator(`a[href="${SAMPLE_PATH}"]`)).toBeVisible();
  });

  test("forms that are not in the text find it: партиями, Инашвили's other cases, the reverse of партия/партии", async ({ page }) => {
    for (const q of ["партиями", "Инашвили", "патриоту", "Грузия"]) {
      await search(page, q);
      await expect(results(page).locator(`a[href="${SAMPLE_PATH}"]`), q).toBeVisible();
    }
  });

  test("a phrase needs its words adjacent and in order", async ({ page }) => {
    await search(page, '"Альянс патриотов"');
    await expect(results(page).locator(`a[href="${SAMPLE_PATH}"]`)).toBeVisible();
    await search(page, '"патриотов Альянс"');
    await expect(results(page).locator(`a[href="${SAMPLE_PATH}"]`)).toHaveCount(0);
    await expect(results(page)).toContainText("No articles match");
    await expect(results(page)).toContainText("патриотов Альянс");
  });

  test("lang: filters by the article's language", async ({ page }) => {
    await search(page, "Инашвили lang:ru");
    await expect(results(page).locator(`a[href="${SAMPLE_PATH}"]`)).toBeVisible();
    await search(page, "Инашвили lang:en");
    await expect(results(page).locator(`a[href="${SAMPLE_PATH}"]`)).toHaveCount(0);
    await expect(results(page)).toContainText("No articles match Инашвили lang:en");
  });

  test("a bad filter is shown, not ignored, and hostile queries never fail", async ({ page }) => {
    await search(page, "Инашвили after:yesterday");
    await expect(page.getByRole("alert").filter({ hasText: "not understood" })).toContainText("after:yesterday");
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    for (const q of ['"unbalanced quote', "<script>alert(1)</script>", "word ".repeat(1_000), "'&|!():* \\", "-Путин"]) {
      const response = await search(page, q);
      expect(response?.status(), q.slice(0, 40)).toBe(200);
      await expect(results(page)).toBeVisible();
    }
    expect(dialogs).toBe(0);
  });
});

/** A word no dictionary knows and no other test writes. */
const uniqueWord = () => `zq${randomBytes(5).toString("hex").replace(/\d/g, "x")}`;

/** Imports (or, with `replace`, re-imports over) a one-paragraph Russian article as the admin. */
async function importArticle(admin: Page, title: string, text: string, replace?: string) {
  const answer = await callApi<{ articleId: string; slug: string }>(admin, "POST", "/api/admin/import/commit", {
    kind: "paste",
    format: "text",
    title,
    language: "ru",
    text: `${title}\n\n${text}`,
    target: replace ? { mode: "replace", articleId: replace } : { mode: "new" },
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  const { articleId, slug } = answer.data!;
  if (replace) return { articleId, slug, paragraphId: "" };
  const read = await callApi<{ paragraphs: { id: string; text: string }[] }>(admin, "GET", `/api/articles/${articleId}/text?revision=1&after=0`);
  expect(read.status, JSON.stringify(read.error)).toBe(200);
  return { articleId, slug, paragraphId: read.data!.paragraphs.find((paragraph) => paragraph.text === text)!.id };
}

function selector(text: string, phrase: string) {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + phrase.length, start + phrase.length + 32) };
}

test("filters as chips, a private note only for its author, and the index following a re-import", async ({ page, newClient }) => {
  const admin = await newClient();
  await signInAsAdmin(admin);
  const [topic, secret, revised] = [uniqueWord(), uniqueWord(), uniqueWord()];
  const text = `Ирина Соболева обсудила ${topic} с коллегами. Розовая пометка здесь.`;
  const article = await importArticle(admin, `Совещание ${topic}`, text);
  const link = (where: Page) => results(where).locator(`a[href="/articles/${article.slug}"]`);

  await newUser(page);
  const person = await entityTypeIdOf(page, "Person");
  for (const input of [
    { kind: "ENTITY", entityTypeId: person, ...selector(text, "Ирина Соболева") },
    { kind: "HIGHLIGHT", color: "pink", ...selector(text, "Розовая пометка") },
  ]) {
    const created = await callApi(page, "POST", `/api/articles/${article.articleId}/annotations`, { paragraphId: article.paragraphId, visibility: "SHARED", ...input });
    expect(created.status, JSON.stringify(created.error)).toBe(201);
  }
  const note = await callApi(page, "POST", `/api/articles/${article.articleId}/notes`, { paragraphId: article.paragraphId, body: `Проверить **${secret}**`, visibility: "PRIVATE" });
  expect(note.status, JSON.stringify(note.error)).toBe(201);

  // Two filters (and an inflected entity name), shown as chips; one removed from the keyboard. The
  // new entity's name is searchable once the indexer has run (within a second of the write).
  await expect(async () => {
    await search(page, `${topic} entity:Соболеву colour:pink`);
    await expect(link(page)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  const chips = page.getByRole("list", { name: "Filters" });
  await expect(chips.getByRole("listitem")).toHaveText([/entity:\s*Соболеву/, /colour:\s*pink/]);
  await chips.getByRole("link", { name: "Remove filter colour: pink" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${topic}\\\+entity%3A%D0%A1`));
  await expect(chips.getByRole("listitem")).toHaveCount(1);
  await expect(link(page)).toBeVisible();
  await search(page, `${topic} colour:blue`);
  await expect(results(page)).toContainText(`No articles match ${topic} colour:blue`);

  // The private note: its author finds it (once indexed, within a second), nobody else does.
  await expect(async () => {
    await search(page, secret);
    await expect(link(page)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 5_000 });
  // A note's hit opens its paragraph in the note's project layer (/articles/<slug>/layer/<project>#p-N).
  await expect(results(page).locator(`a[href^="/articles/${article.slug}"][href*="#p-"]`)).toContainText("Note by");
  const other = await newClient();
  await newUser(other);
  await search(other, secret);
  await expect(results(other)).toContainText(`No articles match ${secret}`);
  await search(admin, secret);
  await expect(results(admin)).toContainText(`No articles match ${secret}`);

  // A re-import replaces what is searched: the new words find it, the old ones no longer do.
  await importArticle(admin, `Совещание ${topic}`, `Новый текст о ${revised}.`, article.articleId);
  await search(page, revised);
  await expect(link(page)).toBeVisible();
  await search(page, `"обсудила ${topic}"`);
  await expect(results(page)).toContainText("No articles match");
});
