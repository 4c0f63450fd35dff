import { expect, test } from "@playwright/test";
import { SAMPLE_PATH } from "./support/sample";

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
