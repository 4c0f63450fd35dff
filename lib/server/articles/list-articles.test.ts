/**
 * The library's pages against a real PostgreSQL: newest first by keyset, Next and Previous giving
 * back the same rows, ties on the import time broken by id, archived articles left out of the
 * pages and the count, and the page's place in the whole list.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parsePageRequest, type PageRequest } from "@/lib/pagination/keyset";
import { testDatabase } from "@/lib/server/testing/test-database";
import { listArticles } from "./list-articles";

const database = testDatabase("glossa-list-articles-test");
const slugs: string[] = []; // newest first, as the library lists them

beforeAll(async () => {
  const made: { articleId: string; slug: string }[] = [];
  for (let n = 0; n < 9; n++) made.push(await database.newArticle(`Статья номер ${n}: текст.`));
  // Three share one import time (a bulk chunk commits together): their order is by id.
  const times = [1, 2, 3, 4, 4, 4, 7, 8, 9].map((minute) => new Date(Date.UTC(2026, 10, 1, 12, minute)));
  for (const [index, article] of made.entries()) {
    await database.client.query(`UPDATE "Article" SET "createdAt" = $2 WHERE id = $1`, [article.articleId, times[index]]);
  }
  // The archived one leaves the library.
  await database.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [made[6]!.articleId]);
  const { rows } = await database.client.query<{ slug: string }>(`SELECT slug FROM "Article" WHERE "archivedAt" IS NULL ORDER BY "createdAt" DESC, id DESC`);
  slugs.push(...rows.map((row) => row.slug));
});

const ask = (params: { after?: string; before?: string }): PageRequest => {
  const request = parsePageRequest(params);
  if ("error" in request) throw new Error(request.error);
  return request;
};

describe("listArticles", () => {
  it("pages through every article not archived, newest first, and back, with the count and each page's place", async () => {
    expect(slugs).toHaveLength(8);
    const first = await listArticles({ from: "start" }, 3);
    expect(first).toMatchObject({ total: 8, firstPosition: 1, previous: null });
    expect(first.items.map((article) => article.slug)).toEqual(slugs.slice(0, 3));
    expect(first.items[0]!.paragraphCount).toBe(1);

    const second = await listArticles(ask({ after: first.next! }), 3);
    expect(second.items.map((article) => article.slug)).toEqual(slugs.slice(3, 6));
    expect(second.firstPosition).toBe(4);
    const third = await listArticles(ask({ after: second.next! }), 3);
    expect(third.items.map((article) => article.slug)).toEqual(slugs.slice(6, 8));
    expect(third).toMatchObject({ firstPosition: 7, next: null });

    const back = await listArticles(ask({ before: third.previous! }), 3);
    expect(back.items.map((article) => article.slug)).toEqual(slugs.slice(3, 6));
    expect(back.firstPosition).toBe(4);
    const start = await listArticles(ask({ before: back.previous! }), 3);
    expect(start.items.map((article) => article.slug)).toEqual(slugs.slice(0, 3));
    expect(start).toMatchObject({ firstPosition: 1, previous: null });
  });

  it("keeps its place when an article is imported while someone pages", async () => {
    const first = await listArticles({ from: "start" }, 3);
    const newcomer = await database.newArticle("Свежая статья.");
    const second = await listArticles(ask({ after: first.next! }), 3);
    expect(second.items.map((article) => article.slug)).toEqual(slugs.slice(3, 6));
    expect(second.total).toBe(9);
    expect(second.firstPosition).toBe(5); // one more is newer now
    await database.client.query(`DELETE FROM "Article" WHERE id = $1`, [newcomer.articleId]);
  });

  it("counts the library and a page's place only up to the cap, and says so", async () => {
    const first = await listArticles({ from: "start" }, 3, {}, 5);
    expect(first).toMatchObject({ total: 5, moreThanTotal: true, firstPosition: 1 });
    const second = await listArticles(ask({ after: first.next! }), 3, {}, 5);
    expect(second).toMatchObject({ total: 5, moreThanTotal: true, firstPosition: 4 });
    const third = await listArticles(ask({ after: second.next! }), 3, {}, 5);
    // Six articles come before this page: more than the cap of five, so its place is not counted.
    expect(third).toMatchObject({ moreThanTotal: true, firstPosition: null, next: null });
    expect(third.items.map((article) => article.slug)).toEqual(slugs.slice(6, 8));
    expect(await listArticles({ from: "start" }, 3, {}, 8)).toMatchObject({ total: 8, moreThanTotal: false });
  });
});
