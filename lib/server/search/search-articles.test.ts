/**
 * Search against a real PostgreSQL: every writer of paragraph text fills the lemma index in its
 * own transaction (single import, revision, bulk fast path, back-fill), and searchArticles finds
 * inflected forms, phrases and filters within the read rules.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { contentHash, parsePlainText, slugify } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { importArticle } from "@/lib/server/articles/import-article";
import { insertNewArticle } from "@/lib/server/import/insert-new-article";
import { directPool } from "@/lib/server/direct-pool";
import { testDatabase } from "@/lib/server/testing/test-database";
import { backfillParagraphVectors } from "./paragraph-vectors";
import { searchArticles, snippetOf } from "./search-articles";

const database = testDatabase("glossa-search-test");
let reader: Actor;
let admin: Actor;
const tag = () => randomUUID().slice(0, 8);

beforeAll(async () => {
  reader = await database.newUser("Rita Reader", "READER");
  admin = await database.newUser("Ada Admin", "ADMIN");
});

async function importText(text: string, title = `Статья ${tag()}`) {
  const parsed = await parsePlainText(`${title}\n\n${text}`, { sourceUrl: `https://example.test/${randomUUID()}` });
  return importArticle({ parsed, target: { mode: "new" } });
}

async function textVector(slug: string): Promise<string | null> {
  const { rows } = await database.client.query<{ vector: string | null }>(`SELECT "textVector"::text AS vector FROM "Article" WHERE slug = $1`, [slug]);
  return rows[0]!.vector;
}

const search = (q: string, actor: Actor | null = reader, page = 1) => searchArticles({ actor, input: { q, page } });
const slugs = async (q: string, actor: Actor | null = reader) => (await search(q, actor)).results.map((result) => result.slug);

describe("the index", () => {
  it("is written with the text by an import, a revision and the bulk fast path", async () => {
    const word = `Зумбадзе${tag().replace(/\d/g, "")}`;
    const created = await importText(`Министр встретился с ${word}ым в Тбилиси.`);
    const { rows } = await database.client.query<{ vector: string }>(
      `SELECT "searchVector"::text AS vector FROM "Paragraph" WHERE "articleId" = $1 AND "searchVector" IS NOT NULL`,
      [created.articleId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.vector.includes("министр"))).toBe(true);

    const parsed = await parsePlainText(`Другой заголовок\n\nПартия объявила о съезде.`);
    const revised = await importArticle({ parsed, target: { mode: "replace", articleId: created.articleId } });
    expect(revised.status).toBe("revised");
    expect(await slugs("партии")).toContain(created.slug);
    expect(await slugs("министра")).not.toContain(created.slug); // the old revision is not searched

    const bulk = await parsePlainText(`Заголовок ${tag()}\n\nГрузинские виноделы празднуют урожай.`);
    const hash = contentHash(bulk);
    const slug = `${slugify(bulk.title)}-${tag()}`;
    expect(await insertNewArticle({ parsed: bulk, hash, slug })).not.toBeNull();
    expect(await slugs("винодел")).toContain(slug);
    // The article's own vector (search's candidate filter) is written with its paragraphs', on every path.
    expect(await textVector(slug)).toContain("'винодел'");
    const revisedVector = await textVector(created.slug);
    expect(revisedVector).toContain("'партия'");
    expect(revisedVector).not.toContain("'министр'");
  });

  it("back-fills paragraphs stored without a vector", async () => {
    const article = await importText("Пресс-секретарь Кремля ответил журналистам.");
    await database.client.query(`UPDATE "Paragraph" SET "searchVector" = NULL WHERE "articleId" = $1`, [article.articleId]);
    await database.client.query(`UPDATE "Article" SET "textVector" = NULL WHERE "id" = $1`, [article.articleId]);
    expect(await slugs("журналисту")).not.toContain(article.slug);
    expect(await backfillParagraphVectors()).toBeGreaterThanOrEqual(1);
    expect(await slugs("журналисту")).toContain(article.slug);
    expect(await textVector(article.slug)).toContain("'журналист'");
  });
});

describe("searchArticles", () => {
  let ru: string;
  let en: string;
  beforeAll(async () => {
    ru = (await importText("Глава МИД передал Владимиру Путину письмо от лидера партии «Грузинская мечта» Иракли Кобахидзе.")).slug;
    en = (await importText("The committee closed the hearing early. Mice were seen in the hall.", `English ${tag()}`)).slug;
  });

  it("finds every inflected form, and the reverse", async () => {
    expect(await slugs("Путин")).toContain(ru);
    expect(await slugs("партия")).toContain(ru);
    expect(await slugs("close")).toContain(en);
    expect(await slugs("mouse")).toContain(en);
    expect(await slugs("дом")).not.toContain(ru);
  });

  it("needs every word, and a phrase's words adjacent and in order", async () => {
    expect(await slugs("Путин письмо")).toContain(ru);
    expect(await slugs("Путин тигр")).not.toContain(ru);
    expect(await slugs('"Владимир Путин"')).toContain(ru); // "Владимиру Путину"
    expect(await slugs('"Путин Владимир"')).not.toContain(ru);
    expect(await slugs('"передать письмо"')).not.toContain(ru); // not adjacent
    expect(await slugs('"лидер партии"')).toContain(ru);
    expect(await slugs('"партии лидер"')).not.toContain(ru);
  });

  it("applies lang:, after:, before: and -word", async () => {
    expect(await slugs("Путин lang:ru")).toContain(ru);
    expect(await slugs("Путин lang:en")).not.toContain(ru);
    expect(await slugs("Путин after:2000-01-01")).toContain(ru);
    expect(await slugs("Путин before:2000-01-01")).not.toContain(ru);
    expect(await slugs("Путин -письмо")).not.toContain(ru);
    expect(await slugs("Путин -тигр")).toContain(ru);
  });

  it("marks the matched words in the snippets and links the paragraph", async () => {
    const result = (await search("Путин партия")).results.find((row) => row.slug === ru)!;
    const snippet = result.snippets[0]!;
    expect(snippet.anchor).toMatch(/^p-\d+$/);
    expect(snippet.marks.map((mark) => snippet.text.slice(mark.start, mark.end))).toEqual(["Путину", "партии"]);
  });

  it("leaves archived articles to admins", async () => {
    const archived = await importText("Архивариус Феофилакт нашёл рукопись.");
    await database.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [archived.articleId]);
    expect(await slugs("Феофилакта", reader)).not.toContain(archived.slug);
    expect(await slugs("Феофилакта", null)).not.toContain(archived.slug);
    expect(await slugs("Феофилакта", admin)).toContain(archived.slug);
  });

  it("pages 20 results at a time", async () => {
    const word = `Квазимодо`;
    for (let i = 0; i < 21; i++) await importText(`${word} номер ${i} ${tag()} звонил в колокол.`);
    const first = await search(word);
    expect(first.total).toBe(21);
    expect(first.pageCount).toBe(2);
    expect(first.results).toHaveLength(20);
    const second = await search(word, reader, 2);
    expect(second.results).toHaveLength(1);
    expect(first.results.map((row) => row.slug)).not.toContain(second.results[0]!.slug);
  });

  it("lists the newest matches first, their number estimated, when a query is found in too many places to rank", async () => {
    const word = "Эсмеральда";
    const made: string[] = [];
    for (let i = 0; i < 25; i++) made.push((await importText(`${word} номер ${i} ${tag()} танцевала на площади.`)).slug);
    const limits = { rankedHits: 10, listed: 22 };
    const first = await searchArticles({ actor: reader, input: { q: word }, limits });
    expect(first).toMatchObject({ order: "newest", unranked: true, estimated: true, pageCount: 2 });
    // The newest 21 of the library are all matches: about as many as the library holds, at least the 21 found.
    expect(first.total).toBeGreaterThanOrEqual(21);
    // Most recently added first: the last import leads.
    expect(first.results.map((row) => row.slug)).toEqual(made.slice(-20).reverse());
    expect(first.results[0]!.snippets[0]!.marks).toHaveLength(1); // the page still gets its snippets
    const second = await searchArticles({ actor: reader, input: { q: word, page: 2 }, limits });
    expect(second.results.map((row) => row.slug)).toEqual(made.slice(3, 5).reverse()); // the first 22 can be paged through, no more
    expect(second.pageCount).toBe(2);
    expect((await searchArticles({ actor: reader, input: { q: word, page: 3 }, limits })).results).toEqual([]);

    // Few enough places: ranked whole and counted exactly, as without limits.
    expect(await searchArticles({ actor: reader, input: { q: word }, limits: { rankedHits: 25, listed: 22 } })).toMatchObject({ order: "relevance", unranked: false, total: 25, estimated: false });
    // Too many places to rank, but too few matches to fill the page from the newest: every match ranked after all, counted exactly.
    const sparse = await searchArticles({ actor: reader, input: { q: word, page: 2 }, limits: { rankedHits: 10, listed: 100 } });
    expect(sparse).toMatchObject({ order: "relevance", unranked: false, total: 25, estimated: false, pageCount: 2 });
    expect(sparse.results).toHaveLength(5);
  });

  it("does not probe a query the statistics show in far more places than may be ranked", async () => {
    const word = "Гренгуар";
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push((await importText(`${word} звонил в колокол номер ${i} ${tag()}.`)).slug);
    await database.client.query(`ANALYZE "Paragraph"`);
    // The probe is the one statement that materialises the hits (WITH "h" AS MATERIALIZED, LIMIT rankedHits + 1).
    const probes = async (limits: { rankedHits: number; listed: number }) => {
      const spy = vi.spyOn(directPool(), "query");
      try {
        const outcome = await searchArticles({ actor: reader, input: { q: word }, limits });
        const statements = spy.mock.calls.map(([statement]) => (typeof statement === "string" ? statement : (statement as { text: string }).text));
        return { outcome, probed: statements.some((statement) => statement.includes("MATERIALIZED")) };
      } finally {
        spy.mockRestore();
      }
    };
    // 12 paragraphs, more than 5 × 1: listed newest first straight away, as the probe would have concluded.
    const common = await probes({ rankedHits: 1, listed: 3 });
    expect(common.probed).toBe(false);
    expect(common.outcome).toMatchObject({ order: "newest", unranked: true, estimated: true });
    expect(common.outcome.results.map((row) => row.slug)).toEqual(made.slice(-3).reverse());
    // Within 5 × rankedHits of the estimate: probed, and ranked whole since it is found in 12 places.
    const few = await probes({ rankedHits: 12, listed: 3 });
    expect(few.probed).toBe(true);
    expect(few.outcome).toMatchObject({ order: "relevance", unranked: false, total: 12, estimated: false });
  });

  it("keeps the read rules and filters when it walks the newest matches", async () => {
    const word = "Фролло";
    const ru = async (text: string) => importText(`${word} ${text}`);
    await ru("много лет служил архидиаконом при старом храме на острове."); // the oldest: never among the three
    const second = await ru("читал латинские книги по ночам в своей келье под крышей.");
    const english = await importText(`${word} went to the cathedral early in the morning to pray.`, `English ${tag()}`);
    const third = await ru("стоял у окна и смотрел на площадь, где собрался народ.");
    const archived = await ru("ушёл в архив вместе со всеми своими рукописями и письмами.");
    const fourth = await ru("спустился по лестнице собора и исчез в толпе горожан.");
    await database.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [archived.articleId]);
    // Never ranked (rankedHits 0); three listed, so a walk needs four matches to say there are more.
    const walk = { rankedHits: 0, listed: 3 };
    const found = async (q: string, actor: Actor) => {
      const outcome = await searchArticles({ actor, input: { q }, limits: walk });
      expect(outcome).toMatchObject({ order: "newest", estimated: true });
      return outcome.results.map((row) => row.slug);
    };
    expect(await found(word, reader)).toEqual([fourth.slug, third.slug, english.slug]);
    expect(await found(word, admin)).toEqual([fourth.slug, archived.slug, third.slug]);
    expect(await found(`${word} lang:ru`, reader)).toEqual([fourth.slug, third.slug, second.slug]);
    expect(await found(`${word} -собор`, reader)).toEqual([third.slug, english.slug, second.slug]);
  });

  it("answers hostile and empty queries without throwing", async () => {
    for (const q of ['"unbalanced', "x".repeat(5_000), "<script>alert(1)</script>", "'&|!():*", "-только", "lang:xx after:nope", ""]) {
      const outcome = await search(q);
      expect(outcome.query).toBe(q);
    }
    expect((await search("-только")).searched).toBe(false);
    expect((await search("-только")).errors.length).toBeGreaterThan(0);
  });
});

describe("snippetOf", () => {
  it("cuts a long paragraph around its first match and keeps the marks on the words", () => {
    const text = `${"Слово ".repeat(100)}Путина ${"конец ".repeat(60)}`;
    const snippet = snippetOf(text, [{ kind: "word", text: "Путин", exclude: false }], "ru");
    expect(snippet.cutBefore).toBe(true);
    expect(snippet.cutAfter).toBe(true);
    expect(snippet.marks.map((mark) => snippet.text.slice(mark.start, mark.end))).toEqual(["Путина"]);
    expect(snippet.text).toMatch(/^Слово .* конец$/);
  });
});
