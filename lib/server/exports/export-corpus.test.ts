/**
 * Exports of the whole library and of a search result, against a real PostgreSQL: only what the
 * requester may read, every article once across keyset batches, the progress total announced
 * beforehand equal to what the browser's counter counts in the file, and search scoped by the
 * search page's own matching.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { progressCounter } from "@/lib/exporting";
import type { Actor } from "@/lib/permissions";
import { span, testLibrary } from "@/lib/server/testing/library";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/validations/export";

const policy = vi.hoisted(() => ({ requireSignIn: false }));
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => ({ ...policy }) }));

const { createAnnotation } = await import("@/lib/server/annotations/create-annotation");
const { createNote } = await import("@/lib/server/notes/create-note");
const { backfillParagraphVectors } = await import("@/lib/server/search/paragraph-vectors");
const { exportCorpus, EXPORT_BATCH_SIZE } = await import("./export-corpus");
const { downloadResponse } = await import("./download-response");

const library = testLibrary("glossa-export-corpus-test");
beforeEach(() => {
  policy.requireSignIn = false;
});

async function exported(actor: Actor | null, query: Record<string, string>) {
  const response = downloadResponse(await exportCorpus({ actor, query }));
  return { text: await response.text(), headers: response.headers };
}

async function highlight(actor: Actor, article: { articleId: string; paragraphId: string }, text: string, phrase: string, visibility: "SHARED" | "PRIVATE" = "SHARED") {
  return createAnnotation({ actor, articleId: article.articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility, ...span(article.paragraphId, text, phrase) } });
}

describe("exportCorpus", () => {
  it("exports the library as its page lists it, with only the work this reader may read, and the total its progress counter reaches", async () => {
    const word = `Зурабишвили${randomUUID().slice(0, 4).replace(/\d/g, "ж")}`;
    const texts = [`${word} встретился с послом в Тбилиси.`, `Правительство ответило «${word}» в четверг.`, `Архивная статья о ${word}.`];
    const [one, two, archived] = await Promise.all(texts.map((text) => library.newArticle(text)));
    await highlight(library.ann, one!, texts[0]!, "встретился с послом");
    await highlight(library.bob, one!, texts[0]!, "в Тбилиси", "PRIVATE");
    await createAnnotation({ actor: library.ann, articleId: two!.articleId, input: { kind: "ENTITY", entityTypeId: library.types.ORG!, visibility: "SHARED", ...span(two!.paragraphId, texts[1]!, "Правительство") } });
    await createNote({ actor: library.ann, articleId: two!.articleId, input: { paragraphId: two!.paragraphId, body: "Проверить дату." } });
    await highlight(library.ann, archived!, texts[2]!, "Архивная");
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [archived!.articleId]);

    const csv = (await exported(library.ann, { format: "csv" })).text;
    expect(csv).toContain("встретился с послом");
    expect(csv).not.toContain("в Тбилиси"); // Bob's private highlight
    expect(csv).not.toContain(archived!.slug);
    expect((await exported(library.bob, { format: "csv" })).text).toContain(",в Тбилиси,");
    // The library lists no archived article, for admins either: its export holds none.
    expect((await exported(library.ada, { format: "csv" })).text).not.toContain(archived!.slug);

    for (const { format } of EXPORT_FORMATS) {
      for (const actor of [null, library.ann, library.ada]) {
        const { text, headers } = await exported(actor, { format });
        const count = progressCounter(format);
        let counted = 0;
        // Fed in small pieces, as the network cuts them.
        for (let at = 0; at < text.length; at += 7) counted = count(text.slice(at, at + 7));
        expect(counted, `${format} for ${actor?.name ?? "anonymous"}`).toBe(Number(headers.get("X-Export-Total")));
        expect(headers.get("X-Export-Unit")).toBe({ w3c: "annotations", csv: "rows" }[format as string] ?? "articles");
        expect(headers.get("Content-Disposition")).toMatch(/filename="glossa-library-\d{4}-\d{2}-\d{2}\./);
      }
    }
    const w3c = JSON.parse((await exported(null, { format: "w3c" })).text) as { type: string; total: number; first: { items: { motivation: string | string[] }[] } };
    expect(w3c.type).toBe("AnnotationCollection");
    expect(w3c.first.items).toHaveLength(w3c.total);
    expect(w3c.first.items.some((item) => item.motivation === "commenting")).toBe(true);
  });

  it("writes every article exactly once, newest first, across keyset batches (ties in creation time included)", async () => {
    const stamp = new Date("2020-01-01T00:00:00Z");
    const made = [];
    for (let n = 0; n < EXPORT_BATCH_SIZE * 2 + 7; n++) made.push(await library.newArticle(`Пакетная статья номер ${n}.`));
    // Half of them created at the same instant: the id must break the tie, or the keyset skips or repeats articles.
    await library.client.query(`UPDATE "Article" SET "createdAt" = $1 WHERE id = ANY($2::text[])`, [stamp, made.filter((_, n) => n % 2 === 0).map((article) => article.articleId)]);
    const { text } = await exported(library.ada, { format: "doccano" });
    const slugs = text.trimEnd().split("\n").map((line) => (JSON.parse(line) as { article: string }).article);
    expect(new Set(slugs).size).toBe(slugs.length);
    const { rows } = await library.client.query<{ slug: string }>(`SELECT slug FROM "Article" WHERE "archivedAt" IS NULL ORDER BY "createdAt" DESC, id DESC`);
    expect(slugs).toEqual(rows.map((row) => row.slug));
  });

  it("exports the articles a search finds, best first, and nothing else", async () => {
    const word = `Кварели${randomUUID().slice(0, 4).replace(/\d/g, "щ")}`;
    const hit = await library.newArticle(`Виноделы из ${word} собрали урожай.`);
    const other = await library.newArticle("Совсем другая статья о погоде.");
    await backfillParagraphVectors();
    const { text, headers } = await exported(library.rita, { format: "doccano", q: word });
    expect(text).toContain(hit.slug);
    expect(text).not.toContain(other.slug);
    expect(headers.get("X-Export-Total")).toBe("1");
    expect(headers.get("Content-Disposition")).toMatch(/glossa-search-/);
    // A query that finds nothing is an empty file, not an error.
    expect((await exported(library.rita, { format: "csv", q: `${word}нет` })).headers.get("X-Export-Total")).toBe("0");
  });

  it("refuses an anonymous visitor when sign-in is required, and bad queries", async () => {
    policy.requireSignIn = true;
    await expect(exportCorpus({ actor: null, query: { format: "csv" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(exportCorpus({ actor: library.ann, query: { format: "pdf" } })).rejects.toMatchObject({ name: "ZodError" });
    await expect(exportCorpus({ actor: library.ann, query: { format: "csv", q: "x".repeat(5_000) } })).rejects.toMatchObject({ name: "ZodError" });
    await expect(exportCorpus({ actor: library.ann, query: { format: ["csv", "w3c"] as unknown as ExportFormat } })).rejects.toMatchObject({ name: "ZodError" });
  });
});
