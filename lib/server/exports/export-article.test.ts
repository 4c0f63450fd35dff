/**
 * One article's export, against a real PostgreSQL: it holds only what the requester may read
 * (another user's private highlight is left out, the author's own is in), an archived article is
 * not found for anyone but an admin, and the file is answered with its name and media type.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/permissions";
import { span, testLibrary } from "@/lib/server/testing/library";

const policy = vi.hoisted(() => ({ requireSignIn: false }));
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => ({ ...policy }) }));

const { createAnnotation } = await import("@/lib/server/annotations/create-annotation");
const { exportArticle } = await import("./export-article");
const { attachmentDisposition, downloadResponse } = await import("./download-response");
const { exportQuerySchema } = await import("@/lib/validations/export");

const TEXT = "Переговоры в Женеве продолжатся 👍🏽 на следующей неделе, сообщил Лавров.";

const library = testLibrary("glossa-export-article-test");
beforeEach(() => {
  policy.requireSignIn = false;
});

async function highlight(actor: Actor, articleId: string, paragraphId: string, phrase: string, visibility: "SHARED" | "PRIVATE") {
  return createAnnotation({ actor, articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility, ...span(paragraphId, TEXT, phrase) } });
}

async function exported(actor: Actor | null, articleId: string, query: Record<string, string>): Promise<string> {
  const file = await exportArticle({ actor, articleId, query });
  let text = "";
  for await (const chunk of file.chunks) text += chunk;
  return text;
}

describe("exportArticle", () => {
  it("exports only what the requester may read: another user's private highlight is left out, the author's own is in", async () => {
    const { articleId, paragraphId } = await library.newArticle(TEXT);
    await highlight(library.ann, articleId, paragraphId, "Женеве", "SHARED");
    await highlight(library.bob, articleId, paragraphId, "следующей неделе", "PRIVATE");
    await createAnnotation({ actor: library.ann, articleId, input: { kind: "ENTITY", entityTypeId: library.types.PER!, visibility: "SHARED", ...span(paragraphId, TEXT, "Лавров") } });

    const forAnn = await exported(library.ann, articleId, { format: "csv" });
    expect(forAnn).toContain("Женеве");
    expect(forAnn).not.toContain("следующей неделе,");
    expect(forAnn.split("\r\n").filter((line) => line.includes("следующей неделе"))).toEqual([]);

    const forBob = await exported(library.bob, articleId, { format: "csv" });
    expect(forBob.split("\r\n").some((line) => line.includes(",следующей неделе,"))).toBe(true);

    for (const actor of [null, library.rita]) {
      const w3c = JSON.parse(await exported(actor, articleId, { format: "w3c" })) as { type: string; first: { items: { target: { selector: { exact?: string }[] } }[] } };
      expect(w3c.type).toBe("AnnotationCollection");
      const exacts = w3c.first.items.flatMap((item) => item.target.selector.map((selector) => selector.exact)).filter(Boolean);
      expect(exacts).toContain("Женеве");
      expect(exacts).not.toContain("следующей неделе");
    }

    // doccano counts code points: the emoji (two UTF-16 units each) before Лавров shifts it.
    const doccano = JSON.parse(await exported(null, articleId, { format: "doccano" })) as { text: string; label: [number, number, string][] };
    expect(doccano.label).toHaveLength(1);
    const [start, end, label] = doccano.label[0]!;
    expect(label).toBe("PER");
    expect([...doccano.text].slice(start, end).join("")).toBe("Лавров");
  });

  it("answers an archived article as not found for anyone but an admin", async () => {
    const { articleId, paragraphId } = await library.newArticle(TEXT);
    await highlight(library.ann, articleId, paragraphId, "Женеве", "SHARED");
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [articleId]);
    for (const actor of [null, library.rita, library.ann, library.bob]) {
      await expect(exportArticle({ actor, articleId, query: { format: "markdown" } }), actor?.name ?? "anonymous").rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await exported(library.ada, articleId, { format: "markdown" })).toContain("**Женеве**");
    await expect(exportArticle({ actor: library.ada, articleId: "no-such-article", query: { format: "csv" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks an anonymous visitor to sign in when sign-in is required, and refuses an unknown format", async () => {
    const { articleId } = await library.newArticle(TEXT);
    policy.requireSignIn = true;
    await expect(exportArticle({ actor: null, articleId, query: { format: "csv" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(exportArticle({ actor: library.ann, articleId, query: { format: "xlsx" } })).rejects.toMatchObject({ name: "ZodError" });
    await expect(exportArticle({ actor: library.ann, articleId, query: { format: "csv", bom: "yes" } })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("names the file by the slug and streams it with its media type, privately", async () => {
    const { articleId, slug } = await library.newArticle(TEXT);
    const cases = { w3c: ['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "jsonld"], csv: ["text/csv; charset=utf-8", "csv"], markdown: ["text/markdown; charset=utf-8", "md"], conll: ["text/plain; charset=utf-8", "conll"], doccano: ["application/x-ndjson", "doccano.jsonl"], spacy: ["application/x-ndjson", "spacy.jsonl"] };
    for (const [format, [contentType, extension]] of Object.entries(cases)) {
      const response = downloadResponse(await exportArticle({ actor: null, articleId, query: { format } }));
      expect(response.headers.get("Content-Type"), format).toBe(contentType);
      expect(response.headers.get("Content-Disposition"), format).toBe(`attachment; filename="${slug}.${extension}"; filename*=UTF-8''${slug}.${extension}`);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect((await response.text()).length, format).toBeGreaterThan(0);
    }
    // What the route hands over is the query already parsed: parsing it again must give the same.
    const withBom = downloadResponse(await exportArticle({ actor: null, articleId, query: exportQuerySchema.parse({ format: "csv", bom: "1" }) }));
    expect(new Uint8Array(await withBom.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe("attachmentDisposition", () => {
  it.each([
    ["plain.csv", `attachment; filename="plain.csv"; filename*=UTF-8''plain.csv`],
    ["москва-2026.md", `attachment; filename="______-2026.md"; filename*=UTF-8''%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0-2026.md`],
    [`a"b\\c's (1).csv`, `attachment; filename="a_b_c's (1).csv"; filename*=UTF-8''a%22b%5Cc%27s%20%281%29.csv`],
  ])("%s", (filename, expected) => {
    expect(attachmentDisposition(filename)).toBe(expected);
  });
});
