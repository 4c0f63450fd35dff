/**
 * Exports of an article in two project layers, against a real PostgreSQL: one article's export is
 * the layer the reader looks at (their Project layer choice, or the `layer` asked for), never the
 * layers mixed; a layer they may not read is not found; a corpus export holds every layer the
 * reader may read and names each annotation's layer (CSV `project`, W3C `dcterms:isPartOf`).
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { config } from "@/lib/config";
import { CSV_COLUMNS, exportIris, LAYER_PROPERTY, type WebAnnotation } from "@/lib/exporting";
import type { Actor } from "@/lib/permissions";
import { span, testLibrary } from "@/lib/server/testing/library";

/** The reader's Project layer choice, as the request's cookie carries it (lib/projects/layer-preference.ts). */
const layerCookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "glossa-layers" && layerCookie.value !== undefined ? { name, value: layerCookie.value } : undefined) }),
}));

const { createAnnotation } = await import("@/lib/server/annotations/create-annotation");
const { createNote } = await import("@/lib/server/notes/create-note");
const { exportArticle } = await import("./export-article");
const { exportCorpus } = await import("./export-corpus");
const { downloadResponse } = await import("./download-response");
const { backfillParagraphVectors } = await import("@/lib/server/search/paragraph-vectors");

const TEXT = `Москва заявила, что переговоры с Тбилиси продолжатся в Женеве ${randomUUID()}.`;
const library = testLibrary("glossa-export-layers-test");

let article: { articleId: string; slug: string; paragraphId: string };
const politics = { id: `pol-${randomUUID()}`, slug: `politics-${randomUUID()}`, name: "Politics desk" };
const economy = { id: `eco-${randomUUID()}`, slug: `economy-${randomUUID()}`, name: "Economy, desk" };

async function text(file: { chunks: AsyncGenerator<string> }): Promise<string> {
  let all = "";
  for await (const chunk of file.chunks) all += chunk;
  return all;
}

/** The exact and project columns of a CSV export, row by row (no field here holds a comma but the project's name, which is quoted). */
function csvRows(csv: string): [string, string][] {
  const project = CSV_COLUMNS.indexOf("project");
  return csv
    .trimEnd()
    .split("\r\n")
    .slice(1)
    .map((line) => {
      const fields = line.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((field) => field.replace(/,$/, "").replace(/^"|"$/g, ""));
      return [fields[4]!, fields[project]!];
    });
}

async function articleCsv(actor: Actor | null, query: Record<string, string> = {}): Promise<[string, string][]> {
  return csvRows(await text(await exportArticle({ actor, articleId: article.articleId, query: { format: "csv", ...query } })));
}

beforeAll(async () => {
  article = await library.newArticle(TEXT);
  // Politics is Closed (Ann's desk), Economy Open (Bob's desk): Ann may read both layers, Rita (a site Reader) only Economy.
  for (const [project, access, member] of [[politics, "CLOSED", library.ann], [economy, "OPEN", library.bob]] as const) {
    await library.client.query(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [project.id, project.name, project.slug, access]);
    await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [article.articleId, project.id]);
    await library.client.query(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [project.id, member.id]);
  }
  layerCookie.value = undefined;
  const highlight = (actor: Actor, phrase: string) => createAnnotation({ actor, articleId: article.articleId, input: { kind: "HIGHLIGHT", color: "yellow", visibility: "SHARED", ...span(article.paragraphId, TEXT, phrase) } });
  // Each in their own desk's layer (the default layer of a member: their desk).
  expect((await highlight(library.ann, "Тбилиси")).projectId).toBe(politics.id);
  expect((await highlight(library.bob, "Москва")).projectId).toBe(economy.id);
  expect((await createNote({ actor: library.bob, articleId: article.articleId, input: { paragraphId: article.paragraphId, body: "economy desk note" } })).projectId).toBe(economy.id);
});

describe("one article's export is the project layer the reader looks at", () => {
  it("takes the reader's layer (their choice, else their own desk), never every readable layer mixed", async () => {
    layerCookie.value = undefined;
    // Ann may read both layers; she reads the story in her own desk's, and that is what she exports.
    expect(await articleCsv(library.ann)).toEqual([["Тбилиси", "Politics desk"]]);
    expect(await articleCsv(library.bob)).toEqual([["Москва", "Economy, desk"]]);
    // Switching the Project layer box switches the export.
    layerCookie.value = economy.id;
    expect(await articleCsv(library.ann)).toEqual([["Москва", "Economy, desk"]]);
    // Rita reads the Open desk only; an anonymous visitor too.
    layerCookie.value = undefined;
    expect(await articleCsv(library.rita)).toEqual([["Москва", "Economy, desk"]]);
    expect(await articleCsv(null)).toEqual([["Москва", "Economy, desk"]]);
  });

  it("takes the layer asked for (the menu names the one on screen), over the remembered choice", async () => {
    layerCookie.value = politics.id;
    expect(await articleCsv(library.ada)).toEqual([["Тбилиси", "Politics desk"]]);
    expect(await articleCsv(library.ada, { layer: economy.id })).toEqual([["Москва", "Economy, desk"]]);
    const w3c = JSON.parse(await text(await exportArticle({ actor: library.ann, articleId: article.articleId, query: { format: "w3c", layer: economy.id } }))) as { label: string; first: { items: WebAnnotation[] } };
    expect(w3c.label).toBe("Test (Economy, desk)");
    expect(w3c.first.items.map((item) => [item.motivation, item[LAYER_PROPERTY]])).toEqual([
      ["highlighting", { id: exportIris(config().baseURL).project(economy.slug), name: "Economy, desk" }],
      ["commenting", { id: exportIris(config().baseURL).project(economy.slug), name: "Economy, desk" }],
    ]);
    const markdown = await text(await exportArticle({ actor: library.ann, articleId: article.articleId, query: { format: "markdown", layer: politics.id } }));
    expect(markdown).toContain("**Тбилиси**");
    expect(markdown).not.toContain("**Москва**");
  });

  it("answers a layer the reader may not read, or that the article is not in, as not found; a malformed one as a bad request", async () => {
    layerCookie.value = undefined;
    for (const [actor, layer] of [[library.bob, politics.id], [library.rita, politics.id], [null, politics.id], [library.ann, "no-such-project"]] as const) {
      await expect(exportArticle({ actor, articleId: article.articleId, query: { format: "csv", layer } }), `${actor?.name ?? "anonymous"} in ${layer}`).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    for (const layer of ["", "a b", "<script>", "x".repeat(65), ["a", "b"], 7]) {
      await expect(exportArticle({ actor: library.ann, articleId: article.articleId, query: { format: "csv", layer } }), JSON.stringify(layer)).rejects.toMatchObject({ name: "ZodError" });
    }
  });
});

describe("a corpus export names each annotation's project layer", () => {
  it("holds every layer the reader may read, each row and item naming its layer", async () => {
    layerCookie.value = undefined;
    const corpusRows = async (actor: Actor | null) => csvRows(await text(await exportCorpus({ actor, query: { format: "csv" } }))).filter(([exact]) => TEXT.includes(exact));
    expect((await corpusRows(library.ann)).toSorted()).toEqual([["Москва", "Economy, desk"], ["Тбилиси", "Politics desk"]]);
    expect((await corpusRows(library.ada)).toSorted()).toEqual([["Москва", "Economy, desk"], ["Тбилиси", "Politics desk"]]);
    // Bob is no member of Politics (Closed): its work is not his to export.
    expect(await corpusRows(library.bob)).toEqual([["Москва", "Economy, desk"]]);

    const w3c = JSON.parse(await text(await exportCorpus({ actor: library.ada, query: { format: "w3c" } }))) as { first: { items: WebAnnotation[] } };
    const ours = w3c.first.items.filter((item) => item.id.includes(article.slug));
    expect(ours.map((item) => item[LAYER_PROPERTY]?.name).toSorted()).toEqual(["Economy, desk", "Economy, desk", "Politics desk"]);
  });
});

describe("a corpus export of one project", () => {
  it("holds that project's articles and its layer's work only, the library or a search, with the total its progress counter reaches", async () => {
    layerCookie.value = undefined;
    await backfillParagraphVectors();
    const project = async (actor: Actor | null, query: Record<string, string>) => {
      const response = downloadResponse(await exportCorpus({ actor, query: { format: "csv", ...query } }));
      const csv = await response.text();
      return { rows: csvRows(csv), total: Number(response.headers.get("X-Export-Total")), filename: response.headers.get("Content-Disposition") };
    };
    const economyOnly = await project(library.ada, { project: economy.id });
    expect(economyOnly.rows).toEqual([["Москва", "Economy, desk"]]);
    expect(economyOnly.total).toBe(1);
    expect(economyOnly.filename).toContain(`filename="glossa-${economy.slug}-library-`);
    expect((await project(library.ann, { project: politics.id })).rows).toEqual([["Тбилиси", "Politics desk"]]);
    // The search is narrowed the same way, and a project without the words gives an empty file.
    expect((await project(library.ann, { project: politics.id, q: "Женеве" })).rows).toEqual([["Тбилиси", "Politics desk"]]);
    expect((await project(library.rita, { project: economy.id, q: "Женеве" })).rows).toEqual([["Москва", "Economy, desk"]]);
    // A project one may not read (Closed, not a member), or that does not exist, is not found; a malformed one a bad request.
    for (const [actor, id] of [[library.bob, politics.id], [library.rita, politics.id], [null, politics.id], [library.ada, "no-such-project"]] as const) {
      await expect(exportCorpus({ actor, query: { format: "csv", project: id } }), `${actor?.name ?? "anonymous"}: ${id}`).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    for (const id of ["", "../x", "<b>", "x".repeat(65), ["a"], 1]) {
      await expect(exportCorpus({ actor: library.ada, query: { format: "csv", project: id } }), JSON.stringify(id)).rejects.toMatchObject({ name: "ZodError" });
    }
  });
});
