import { callApi, listArticle, openSample } from "./support/reader";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

test.describe("bad input gets a 4xx with a message, never a 500", () => {
  test("a malformed percent-encoding or a NUL in an article's address is a 4xx (not found)", async ({ page }) => {
    for (const path of ["/articles/%E0%A4%A", "/articles/%00", "/articles/%ZZ"]) {
      const status = (await page.goto(path))?.status() ?? 0;
      expect(status >= 400 && status < 500, `${path} answered ${status}`).toBe(true);
    }
  });

  test("a note with a NUL or half an emoji is refused and nothing is written", async ({ page }) => {
    await newUser(page);
    const article = await openSample(page);
    const before = await listArticle(page, article.articleId);
    for (const body of ["before\u0000after", "half an emoji \uD83D", "\uDE00 reversed"]) {
      const answer = await callApi(page, "POST", `/api/articles/${article.articleId}/notes`, { paragraphId: article.paragraphIds[0], body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.error?.message).toMatch(/body: must not contain a NUL character or half of an emoji/);
    }
    expect((await listArticle(page, article.articleId)).notes).toHaveLength(before.notes.length);
  });

  test("an impossible publication date is refused by the article details and by the import", async ({ page }) => {
    const article = await openSample(page);
    await signInAsAdmin(page);
    for (const publishedAt of ["2024-13-45", "2024-02-30"]) {
      const edit = await callApi(page, "PATCH", `/api/admin/articles/${article.articleId}`, { title: "Не сохранится", language: "ru", publishedAt });
      expect(edit.status, publishedAt).toBe(400);
      expect(edit.error?.message).toMatch(/publishedAt: Published must be a date/);
      const commit = await callApi(page, "POST", "/api/admin/import/commit", { kind: "paste", text: "Один абзац.", publishedAt });
      expect(commit.status, publishedAt).toBe(400);
    }
    await page.goto(article.path);
    await expect(page.getByRole("heading", { level: 1, name: "Не сохранится" })).toHaveCount(0);
  });
});
