/**
 * A search hit on a project layer's work opens the article in that layer: the hit carries its layer,
 * its link goes through /articles/<slug>/layer/<projectId>, which remembers the layer as the reader's
 * newest Project layer choice (the glossa-layers cookie) when they may read it and the article is in
 * it — and the page then shows that layer (viewLayerOf reads the cookie) — else changes nothing.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlainText } from "@/lib/importing";
import type { Actor } from "@/lib/permissions";
import { articleHref } from "@/lib/projects/layer-link";
import { LAYER_COOKIE, parseLayerPreference } from "@/lib/projects/layer-preference";
import { importArticle } from "@/lib/server/articles/import-article";
import { listArticles } from "@/lib/server/articles/list-articles";
import { listProjects } from "@/lib/server/projects/list-projects";
import { readArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { viewLayerOf } from "@/lib/server/cache/viewer-annotations";
import { createNote } from "@/lib/server/notes/create-note";
import { addProjectMember } from "@/lib/server/projects/add-project-member";
import { createProject } from "@/lib/server/projects/create-project";
import { openArticleInLayer } from "@/lib/server/projects/open-article-in-layer";
import { drainSearchIndexQueue } from "@/lib/server/search/index-queue";
import { searchArticles } from "@/lib/server/search/search-articles";
import { testLibrary } from "@/lib/server/testing/library";
import { createProjectSchema } from "@/lib/validations/project";

const library = testLibrary("glossa-layer-links");
let desk: { id: string; slug: string };
let mia: Actor; // the desk's Annotator
let story: { articleId: string; slug: string; paragraphId: string };

beforeAll(async () => {
  mia = await library.newUser("Mia");
  desk = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Fact-check desk", access: "CLOSED" }) });
  await addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: mia.email, role: "ANNOTATOR" } });
  const parsed = await parsePlainText(`Порт Кестрел\n\nПорт Кестрел закрыт на ремонт до марта.`, { sourceUrl: `https://example.test/${randomUUID()}` });
  const imported = await importArticle({ parsed, target: { mode: "new" } });
  // In the Open default project and the Closed desk: two layers.
  await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [imported.articleId, desk.id]);
  const { rows } = await library.client.query<{ id: string }>(`SELECT id FROM "Paragraph" WHERE "articleId" = $1 ORDER BY position LIMIT 1`, [imported.articleId]);
  story = { articleId: imported.articleId, slug: imported.slug, paragraphId: rows[0]!.id };
});

describe("a search hit opens the article in its layer", () => {
  it("a hit on a desk note carries the desk's layer; a hit on the text carries none", async () => {
    const word = `zq${randomUUID().replaceAll("-", "").slice(0, 10).replace(/\d/g, "x")}`;
    const note = await createNote({ actor: mia, articleId: story.articleId, input: { paragraphId: story.paragraphId, body: `Проверить ${word} у портовой службы.` } });
    expect(note.projectId).toBe(desk.id);
    await drainSearchIndexQueue();
    const [hit] = (await searchArticles({ actor: mia, input: { q: word } })).results;
    expect(hit?.snippets[0]).toMatchObject({ source: "note", layer: desk.id });
    expect(articleHref(hit!.slug, hit!.snippets[0]!.anchor, desk.id)).toBe(`/articles/${encodeURIComponent(story.slug)}/layer/${desk.id}#${hit!.snippets[0]!.anchor}`);
    const [text] = (await searchArticles({ actor: mia, input: { q: "ремонт" } })).results.filter((result) => result.slug === story.slug);
    expect(text?.snippets.find((snippet) => snippet.source === "paragraph")?.layer).toBeNull();
    expect(articleHref("a b", "p-1", null)).toBe("/articles/a%20b#p-1");
  });

  it("the link remembers the layer for a member (and the page then reads the article in it), and is ignored for others", async () => {
    const answer = await openArticleInLayer({ actor: mia, slug: story.slug, projectId: desk.id });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("location")).toBe(`/articles/${encodeURIComponent(story.slug)}`);
    const cookie = answer.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^${LAYER_COOKIE}=${desk.id}; path=/; max-age=\\d+; samesite=lax$`));
    const remembered = parseLayerPreference(decodeURIComponent(cookie.split(";")[0]!.slice(LAYER_COOKIE.length + 1)));
    expect(remembered).toEqual([desk.id]);
    // The reader's layer with that choice, and without one (Mia's default is her desk too, so ask for the Open layer first).
    const stamp = (await readArticleStamp({ slug: story.slug }, mia.id))!;
    const open = stamp.projects.find((project) => project.id !== desk.id)!.id;
    expect(viewLayerOf(mia, { ...stamp, layerPreference: [open] })).toBe(open);
    expect(viewLayerOf(mia, { ...stamp, layerPreference: remembered })).toBe(desk.id);

    // Someone outside the Closed desk, an anonymous visitor, an unknown project, or a project the article is not in: no cookie, same answer.
    const other = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Other desk", access: "OPEN" }) });
    for (const [actor, projectId] of [[library.ann, desk.id], [null, desk.id], [mia, "no-such-project"], [mia, other.id]] as const) {
      const ignored = await openArticleInLayer({ actor, slug: story.slug, projectId });
      expect(ignored.status).toBe(303);
      expect(ignored.headers.get("location")).toBe(`/articles/${encodeURIComponent(story.slug)}`);
      expect(ignored.headers.get("set-cookie")).toBeNull();
    }
  });
});

describe("the library filter Project", () => {
  it("shows one project's articles with the projects each is in, Closed ones to their members only", async () => {
    const inDesk = await listArticles({ from: "start" }, 100, { actor: mia, projectSlug: desk.slug });
    expect(inDesk.items.map((item) => item.slug)).toEqual([story.slug]);
    expect(inDesk.items[0]!.projects.map((project) => project.slug)).toContain(desk.slug);
    expect((await listProjects({ actor: mia })).map((project) => project.slug)).toContain(desk.slug);

    // Outside the desk: the filter does not offer it, and asking for it by address lists nothing of it.
    expect((await listProjects({ actor: library.ann })).map((project) => project.slug)).not.toContain(desk.slug);
    expect((await listArticles({ from: "start" }, 100, { actor: library.ann, projectSlug: desk.slug })).items).toEqual([]);
    const everything = await listArticles({ from: "start" }, 100, { actor: library.ann });
    const shared = everything.items.find((item) => item.slug === story.slug)!;
    expect(shared.projects.map((project) => project.slug)).not.toContain(desk.slug);
  });
});
