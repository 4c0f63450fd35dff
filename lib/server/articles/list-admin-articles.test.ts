/**
 * The admin article list against a real PostgreSQL: keyset pages newest first (Next and Previous
 * give back the same rows), the filter over title, source, URL, author and slug answered from the
 * pg_trgm index, the count capped, and only admins or importers may list.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { parsePageRequest, type PageRequest } from "@/lib/pagination/keyset";
import { testDatabase } from "@/lib/server/testing/test-database";
import { listAdminArticles } from "./list-admin-articles";

const database = testDatabase("glossa-admin-articles-test");
let admin: Actor;
let reader: Actor;
const ids: string[] = []; // newest first

beforeAll(async () => {
  admin = await database.newUser("Ada Admin", "ADMIN");
  reader = await database.newUser("Rita Reader", "READER");
  const made: string[] = [];
  for (let n = 0; n < 7; n++) made.push((await database.newArticle(`Текст ${n}.`)).articleId);
  // Titles and sources to filter by; two share an import instant (their order is by id).
  const rows: [string, string | null, number][] = [
    ["Port strike ends", "Reuters", 1],
    ["Забастовка в порту", "ТАСС", 2],
    ["Budget vote", null, 3],
    ["Выборы в парламент", "Интерфакс", 3],
    ["Harbour talks resume", "Port Weekly", 5],
    ["Погода", null, 6],
    ["Archived report", "Reuters", 7],
  ];
  for (const [index, [title, source, minute]] of rows.entries()) {
    await database.client.query(`UPDATE "Article" SET title = $2, source = $3, "createdAt" = $4 WHERE id = $1`, [made[index], title, source, new Date(Date.UTC(2026, 10, 1, 12, minute))]);
  }
  await database.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [made[6]]);
  ids.push(...(await database.client.query<{ id: string }>(`SELECT id FROM "Article" WHERE "archivedAt" IS NULL ORDER BY "createdAt" DESC, id DESC`)).rows.map((row) => row.id));
});

const ask = (params: { after?: string; before?: string }): PageRequest => {
  const request = parsePageRequest(params);
  if ("error" in request) throw new Error(request.error);
  return request;
};

describe("listAdminArticles", () => {
  it("pages newest first by keyset, and back", async () => {
    const first = await listAdminArticles({ actor: admin, size: 4 });
    expect(first).toMatchObject({ total: 6, moreThanTotal: false, previous: null });
    expect(first.items.map((row) => row.id)).toEqual(ids.slice(0, 4));
    expect(first.items[0]!.paragraphCount).toBe(1);
    const second = await listAdminArticles({ actor: admin, size: 4, request: ask({ after: first.next! }) });
    expect(second.items.map((row) => row.id)).toEqual(ids.slice(4, 6));
    expect(second.next).toBeNull();
    const back = await listAdminArticles({ actor: admin, size: 4, request: ask({ before: second.previous! }) });
    expect(back.items.map((row) => row.id)).toEqual(ids.slice(0, 4));
    expect(back.previous).toBeNull();
  });

  it("filters by words in the title or source, any case, with the status", async () => {
    const titles = async (q: string, status: "active" | "archived" | "all" = "active") => (await listAdminArticles({ actor: admin, q, status })).items.map((row) => row.title);
    expect(await titles("PORT")).toEqual(["Harbour talks resume", "Port strike ends"]); // the source "Port Weekly", then a title
    expect(await titles("порту")).toEqual(["Забастовка в порту"]);
    expect(await titles("reuters")).toEqual(["Port strike ends"]);
    expect(await titles("reuters", "all")).toEqual(["Archived report", "Port strike ends"]);
    expect(await titles("reuters", "archived")).toEqual(["Archived report"]);
    expect(await titles("%")).toEqual([]); // a LIKE wildcard is a character to find, not a pattern
    expect(await titles("nothing like it")).toEqual([]);
  });

  it("pages a filter's matches by keyset the same way whether they are few (read whole) or more than the cap (walked)", async () => {
    // Forward with Next, then back with Previous from the last page: titles in list order, and the first page's count.
    const walk = async (q: string, countCap: number) => {
      const seen: string[][] = [];
      let page = await listAdminArticles({ actor: admin, q, size: 1, countCap });
      const total = page.total;
      seen.push(page.items.map((row) => row.title));
      while (page.next) {
        page = await listAdminArticles({ actor: admin, q, size: 1, countCap, request: ask({ after: page.next }) });
        seen.push(page.items.map((row) => row.title));
      }
      while (page.previous) {
        page = await listAdminArticles({ actor: admin, q, size: 1, countCap, request: ask({ before: page.previous }) });
        seen.push(page.items.map((row) => row.title));
      }
      return { seen, total };
    };
    const pages = [["Harbour talks resume"], ["Budget vote"], ["Port strike ends"], ["Budget vote"], ["Harbour talks resume"]];
    expect(await walk("o", 10)).toEqual({ seen: pages, total: 3 });
    expect(await walk("o", 2)).toEqual({ seen: pages, total: 2 }); // more than the cap: "more than 2"
    expect((await listAdminArticles({ actor: admin, q: "o", countCap: 2 })).moreThanTotal).toBe(true);
    expect((await listAdminArticles({ actor: admin, q: "o", countCap: 3 })).moreThanTotal).toBe(false);
  });

  it("has the trigram index the filter reads", async () => {
    const { rows } = await database.client.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'Article_list_filter_trgm_idx'`);
    expect(rows[0]?.indexdef).toMatch(/USING gin \(title gin_trgm_ops, source gin_trgm_ops, "sourceUrl" gin_trgm_ops, author gin_trgm_ops, slug gin_trgm_ops\)/);
  });

  it("counts up to the cap and says there are more", async () => {
    expect(await listAdminArticles({ actor: admin, size: 2, countCap: 4 })).toMatchObject({ total: 4, moreThanTotal: true });
    expect(await listAdminArticles({ actor: admin, size: 2, countCap: 6 })).toMatchObject({ total: 6, moreThanTotal: false });
  });

  it("is for admins and importers only", async () => {
    await expect(listAdminArticles({ actor: reader })).rejects.toMatchObject({ status: 403 });
    await expect(listAdminArticles({ actor: null })).rejects.toMatchObject({ status: 401 });
  });
});
