import { expect, test } from "@playwright/test";
import { findSampleInLibrary, SAMPLE_PARAGRAPHS, SAMPLE_PATH, SAMPLE_TITLE } from "./support/sample";

test.describe("library and reader", () => {
  test("the library lists the sample article with its details, linking to the reader", async ({ page }) => {
    const link = await findSampleInLibrary(page);
    await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
    await expect(link).toHaveText(SAMPLE_TITLE);
    const item = page.getByRole("listitem").filter({ has: link });
    await expect(item).toContainText("Russian");
    await expect(item).toContainText("7 paragraphs");
    await expect(item).toContainText("Imported");
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${SAMPLE_PATH}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE_TITLE);
  });

  test("the reader shows the headline once and the 7 body paragraphs in order", async ({ page }) => {
    await (await findSampleInLibrary(page)).click();
    await expect(page).toHaveTitle(`${SAMPLE_TITLE} · Glossa`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE_TITLE);
    await expect(page.locator("article")).toHaveAttribute("lang", "ru");

    const paragraphs = page.locator("[id^='p-']");
    await expect(paragraphs).toHaveCount(7);
    for (const [index, text] of SAMPLE_PARAGRAPHS.entries()) {
      const paragraph = page.locator(`#p-${index + 1}`);
      await expect(paragraph).toHaveText(text);
      await expect(paragraph).toHaveAttribute("dir", "auto");
    }
    // The headline is the title, never repeated as a body paragraph. Counted inside the article:
    // after a client-side navigation Next's route announcer may speak the h1's text too (when the
    // streamed <title> arrives after it), and that is not the page repeating the headline.
    await expect(page.locator("article").getByText(SAMPLE_TITLE, { exact: true })).toHaveCount(1);
  });

  test("#p-5 deep-links to the fifth paragraph", async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 600 });
    await page.goto(`${SAMPLE_PATH}#p-5`);
    const fifth = page.locator("#p-5");
    await expect(fifth).toBeInViewport();
    await expect(page.locator("#p-1")).not.toBeInViewport();
    const top = await fifth.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(300);
  });

  test("the reader asks the router for no other page while it loads; a header link is prefetched when pointed at", async ({ page }) => {
    // The router's requests for another page's data (its RSC payload, prefetched or followed).
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["rsc"] === "1") asked.push(new URL(request.url()).pathname);
    });
    await page.goto(SAMPLE_PATH);
    await page.waitForFunction(() => performance.getEntriesByName("glossa:reader-interactive").length > 0);
    // The router prefetches a link on sight as soon as it can after hydration: by the time the page has
    // been idle twice, a link prefetched on sight has been asked for (the live feed keeps the network busy).
    for (let idle = 0; idle < 2; idle++) await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
    expect(asked).toEqual([]);

    const insights = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" });
    const prefetched = page.waitForRequest((request) => request.headers()["rsc"] === "1" && new URL(request.url()).pathname === "/insights");
    await insights.hover();
    await prefetched;
    await insights.click();
    await expect(page).toHaveURL(/\/insights$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Insights");
  });

  test("an unknown article is a real 404 page", async ({ page }) => {
    const response = await page.goto("/articles/no-such-article-here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the library" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
  });
});
