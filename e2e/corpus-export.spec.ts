import { readFile, writeFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { callApi } from "./support/reader";
import { E2E_BASE_URL } from "./support/urls";
import { expect, signInAsAdmin, test } from "./support/users";

/**
 * Corpus exports and importing annotations back (issue 13). The library's Export menu streams the
 * whole library with a progress bar (and Cancel), then saves the file; the article's W3C JSON-LD
 * export, its highlight deleted, comes back through the import page's Annotations tab, whose
 * report lists what anchored and what was orphaned and why; importing it again adds nothing.
 */
test.describe.configure({ mode: "parallel" });

const token = () => Math.random().toString(36).slice(2, 10);

/** A fresh article of its own, imported by the admin; its id, slug and title. */
async function importArticle(admin: Page) {
  const title = `Corpus export ${token()}`;
  const answer = await callApi<{ articleId: string; slug: string }>(admin, "POST", "/api/admin/import/commit", {
    kind: "paste",
    format: "text",
    title,
    language: "ru",
    text: `${title}\n\nМинистр иностранных дел встретился с послом в Тбилиси.\n\nПереговоры продолжатся на следующей неделе, сообщил пресс-секретарь.`,
    target: { mode: "new" },
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  const html = await (await admin.request.get(`/articles/${answer.data!.slug}`)).text();
  const paragraphIds = [...html.matchAll(/data-paragraph-id="([^"]+)"/g)].map((match) => match[1]!);
  return { ...answer.data!, title, paragraphIds };
}

test("the library's Export streams the corpus with a progress bar and Cancel; the file holds every article", async ({ page }, testInfo) => {
  await signInAsAdmin(page);
  const article = await importArticle(page);
  const phrase = "встретился с послом";
  const created = await callApi(page, "POST", `/api/articles/${article.articleId}/annotations`, {
    kind: "HIGHLIGHT",
    paragraphId: article.paragraphIds[0],
    start: 24,
    end: 24 + phrase.length,
    exact: phrase,
    prefix: "Министр иностранных дел ",
    suffix: " в Тбилиси.",
    color: "yellow",
    visibility: "SHARED",
  });
  expect(created.status, JSON.stringify(created.error)).toBe(201);

  await page.goto("/");
  // Held back, the export shows its bar (no total yet), and Cancel stops it.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/exports?*", async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await page.getByRole("menu", { name: "Export" }).getByRole("menuitem", { name: "CSV" }).click();
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("library-export-progress.png") });
  await page.getByRole("button", { name: "Cancel export" }).click();
  await expect(page.getByText("Export cancelled.")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toHaveCount(0);
  release();
  await page.unroute("**/api/exports?*");

  // Let through, it fills to the announced total and saves the file.
  const totals: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/api/exports?")) totals.push(response.headers()["x-export-total"] ?? "");
  });
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const downloaded = page.waitForEvent("download");
  await page.getByRole("menu", { name: "Export" }).getByRole("menuitem", { name: "CSV" }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/^glossa-library-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByText(`Export saved as ${file.suggestedFilename()}.`)).toBeVisible();
  const csv = await readFile((await file.path())!, "utf8");
  const rows = csv.trimEnd().split("\r\n");
  expect(rows[0]).toBe("article,paragraph,start,end,exact,kind,entity type,entity,speaker,colour,author,created,note,project");
  expect(rows.some((row) => row.startsWith(`${article.slug},1,24,`) && row.includes(phrase))).toBe(true);
  expect(Number(totals.at(-1))).toBeGreaterThanOrEqual(1);
});

test("an article's W3C export, its highlight deleted, comes back through the Annotations tab with a report; again, nothing is added", async ({ page }, testInfo) => {
  await signInAsAdmin(page);
  const article = await importArticle(page);
  const phrase = "следующей неделе";
  const paragraph = "Переговоры продолжатся на следующей неделе, сообщил пресс-секретарь.";
  const start = paragraph.indexOf(phrase);
  const created = await callApi<{ id: string }>(page, "POST", `/api/articles/${article.articleId}/annotations`, {
    kind: "HIGHLIGHT",
    paragraphId: article.paragraphIds[1],
    start,
    end: start + phrase.length,
    exact: phrase,
    prefix: paragraph.slice(0, start),
    suffix: paragraph.slice(start + phrase.length),
    color: "green",
    note: "Уточнить дату",
    visibility: "SHARED",
  });
  expect(created.status, JSON.stringify(created.error)).toBe(201);

  const exported = await page.request.get(`/api/articles/${article.articleId}/export?format=w3c`);
  const collection = (await exported.json()) as { first: { items: Record<string, unknown>[] } };
  // And one another client made on words the article does not have: an orphan.
  collection.first.items.push({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: `https://annotations.example/${token()}`,
    type: "Annotation",
    motivation: "highlighting",
    target: { source: `${E2E_BASE_URL}/articles/${article.slug}`, selector: { type: "TextQuoteSelector", exact: "в Стамбуле" } },
  });
  const path = testInfo.outputPath("annotations.jsonld");
  await writeFile(path, JSON.stringify(collection));
  expect((await callApi(page, "DELETE", `/api/annotations/${created.data!.id}`)).status).toBe(200);

  await page.goto("/admin/import?tab=annotations");
  const panel = page.getByRole("tabpanel", { name: "Annotations" });
  await expect(page.getByRole("tab", { name: "Annotations" })).toHaveAttribute("aria-selected", "true");
  await panel.getByLabel("Find the article").fill(article.title);
  await panel.getByRole("button", { name: article.title }).click();
  await expect(panel.getByRole("button", { name: article.title })).toHaveAttribute("aria-pressed", "true");
  await panel.getByLabel("W3C JSON-LD file").setInputFiles(path);
  await panel.getByRole("button", { name: "Import annotations" }).click();

  const report = panel.getByRole("region", { name: "Import report" });
  await expect(report.getByRole("status")).toContainText("1 annotation anchored, 0 already there, 1 orphaned");
  await expect(report.getByRole("list", { name: "Anchored" })).toContainText(phrase);
  await expect(report.getByRole("list", { name: "Orphaned" })).toContainText("«в Стамбуле» is not in the article's current text.");
  await page.screenshot({ path: testInfo.outputPath("annotations-import-report.png"), fullPage: true });

  // The reader shows it again, with its note.
  await report.getByRole("link", { name: "paragraph 2" }).click();
  await expect(page.locator("#p-2 mark").filter({ hasText: phrase })).toBeVisible();

  await page.goto("/admin/import?tab=annotations");
  await panel.getByLabel("Find the article").fill(article.title);
  await panel.getByRole("button", { name: article.title }).click();
  await panel.getByLabel("W3C JSON-LD file").setInputFiles(path);
  await panel.getByRole("button", { name: "Import annotations" }).click();
  await expect(report.getByRole("status")).toContainText("0 annotations anchored, 1 already there, 1 orphaned");

  // A file that is not JSON is refused, with why.
  const bad = testInfo.outputPath("bad.jsonld");
  await writeFile(bad, "{ this is not json");
  await panel.getByLabel("W3C JSON-LD file").setInputFiles(bad);
  await panel.getByRole("button", { name: "Import annotations" }).click();
  await expect(panel.getByRole("alert")).toContainText("The file is not JSON");
});
