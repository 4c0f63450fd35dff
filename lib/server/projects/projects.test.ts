/**
 * Projects against a real database: creating one, members and the last Manager, the label set's
 * rules (hotkeys, keys, contrast, rename keeps tags, delete moves them in one transaction), and
 * that a Closed project's article, work and entities reach its members only — through the same
 * read paths the pages and APIs use — including after a member is removed.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { createEntity } from "@/lib/server/entities/create-entity";
import { createNote } from "@/lib/server/notes/create-note";
import { getArticle } from "@/lib/server/articles/get-article";
import { getArticleAnnotations } from "@/lib/server/articles/get-article-annotations";
import { getEntity } from "@/lib/server/entities/get-entity";
import { addProjectMember } from "@/lib/server/projects/add-project-member";
import { createEntityType } from "@/lib/server/projects/create-entity-type";
import { createProject } from "@/lib/server/projects/create-project";
import { deleteEntityType } from "@/lib/server/projects/delete-entity-type";
import { findImportProject, findImportProjectByReference } from "@/lib/server/projects/find-import-project";
import { createImportJob } from "@/lib/server/import/create-import-job";
import { runImportJob } from "@/lib/server/import/run-import-job";
import { startImportJob } from "@/lib/server/import/start-import-job";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import { listArticleEntityTypes } from "@/lib/server/projects/list-article-entity-types";
import { readArticleStamp } from "@/lib/server/cache/read-article-stamp";
import { viewLayerOf } from "@/lib/server/cache/viewer-annotations";
import { listProjects } from "@/lib/server/projects/list-projects";
import { removeProjectMember } from "@/lib/server/projects/remove-project-member";
import { setArticleProject } from "@/lib/server/projects/set-article-project";
import { setProjectMemberRole } from "@/lib/server/projects/set-project-member-role";
import { updateEntityType } from "@/lib/server/projects/update-entity-type";
import { span, testLibrary } from "@/lib/server/testing/library";
import { createProjectSchema, entityTypeSchema } from "@/lib/validations/project";

const library = testLibrary("glossa-projects");
const TEXT = "Министр Зельванов посетил порт Кестрел в понедельник.";

let desk: { id: string; slug: string };
let mia: Actor; // desk Annotator
let nina: Actor; // outside the desk
let article: Awaited<ReturnType<typeof library.newArticle>>;

const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: { code?: string }) => error.code ?? String(error));
const typeIds = async (projectId: string) => (await library.client.query<{ id: string; key: string }>(`SELECT id, key FROM "EntityType" WHERE "projectId" = $1`, [projectId])).rows;

beforeAll(async () => {
  mia = await library.newUser("Mia");
  nina = await library.newUser("Nina");
  desk = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Politics desk", access: "CLOSED" }) });
  await addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: mia.email, role: "ANNOTATOR" } });
  article = await library.newArticle(TEXT);
  await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [article.articleId, desk.id]);
});

describe("creating projects and managing members", () => {
  it("an admin creates one with the default label set and becomes its Manager; others may not", async () => {
    expect(desk.slug).toBe("politics-desk");
    expect((await typeIds(desk.id)).map((type) => type.key).sort()).toEqual(["EVENT", "LOC", "MISC", "ORG", "PER"]);
    expect(await code(createProject({ actor: library.ann, input: createProjectSchema.parse({ name: "Mine" }) }))).toBe("FORBIDDEN");
    const again = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Politics desk", access: "CLOSED" }) });
    expect(again.slug).toBe("politics-desk-2");
  });

  it("refuses a second membership, an unknown email, a non-Manager, and taking the last Manager away", async () => {
    expect(await code(addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: mia.email, role: "READER" } }))).toBe("CONFLICT");
    expect(await code(addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: "nobody@example.org", role: "READER" } }))).toBe("NOT_FOUND");
    expect(await code(addProjectMember({ actor: mia, projectId: desk.id, input: { email: nina.email, role: "READER" } }))).toBe("FORBIDDEN");
    // Outside a Closed project, it does not exist.
    expect(await code(addProjectMember({ actor: nina, projectId: desk.id, input: { email: nina.email, role: "MANAGER" } }))).toBe("NOT_FOUND");
    expect(await code(setProjectMemberRole({ actor: library.ada, projectId: desk.id, userId: library.ada.id, role: "READER" }))).toBe("CONFLICT");
    expect(await code(removeProjectMember({ actor: library.ada, projectId: desk.id, userId: library.ada.id }))).toBe("CONFLICT");
  });

  it("lists a Closed project to its members and admins only", async () => {
    const slugs = async (actor: Actor | null) => (await listProjects({ actor })).map((project) => project.slug);
    expect(await slugs(mia)).toEqual(["glossa", "politics-desk"]);
    expect(await slugs(library.ada)).toEqual(["glossa", "politics-desk", "politics-desk-2"]);
    expect(await slugs(nina)).toEqual(["glossa"]);
    expect(await slugs(null)).toEqual(["glossa"]);
  });
});

describe("a Closed project's article, work and entities", () => {
  it("are its members' only, through the page, the entity page, and writes", async () => {
    const person = (await typeIds(desk.id)).find((type) => type.key === "PER")!.id;
    const tag = await createAnnotation({ actor: mia, articleId: article.articleId, input: { kind: "ENTITY", ...span(article.paragraphId, TEXT, "Зельванов"), entityTypeId: person } });
    const { rows } = await library.client.query<{ projectId: string }>(`SELECT "projectId" FROM "Annotation" WHERE id = $1`, [tag.id]);
    expect(rows[0]!.projectId).toBe(desk.id);
    const entityId = (tag as unknown as { entity: { id: string } }).entity.id;

    expect(await getArticle({ actor: mia, slug: article.slug })).not.toBeNull();
    expect(await getArticle({ actor: nina, slug: article.slug })).toBeNull();
    expect(await getArticle({ actor: null, slug: article.slug })).toBeNull();
    expect(await getEntity({ actor: mia, entityId })).not.toBeNull();
    expect(await getEntity({ actor: nina, entityId })).toBeNull();
    expect(await code(createAnnotation({ actor: nina, articleId: article.articleId, input: { kind: "HIGHLIGHT", ...span(article.paragraphId, TEXT, "порт"), color: "yellow" } }))).toBe("NOT_FOUND");
  });

  it("a removed member loses the article at once; their annotations stay, attributed", async () => {
    const theo = await library.newUser("Theo");
    await addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: theo.email, role: "ANNOTATOR" } });
    const highlight = await createAnnotation({ actor: theo, articleId: article.articleId, input: { kind: "HIGHLIGHT", ...span(article.paragraphId, TEXT, "понедельник"), color: "pink" } });
    await removeProjectMember({ actor: library.ada, projectId: desk.id, userId: theo.id });
    expect(await getArticle({ actor: theo, slug: article.slug })).toBeNull();
    const kept = await library.client.query(`SELECT "authorId", "deletedAt" FROM "Annotation" WHERE id = $1`, [highlight.id]);
    expect(kept.rows).toEqual([{ authorId: theo.id, deletedAt: null }]);
  });
});

describe("the label set", () => {
  it("refuses a taken hotkey or key (409) and a colour too faint for a theme (422), writing nothing", async () => {
    const before = (await typeIds(desk.id)).length;
    const input = (fields: object) => entityTypeSchema.parse({ label: "Source", key: "SRC", color: "#0f766e", hotkey: "6", ...fields });
    expect(await code(createEntityType({ actor: library.ada, projectId: desk.id, input: input({ hotkey: "1" }) }))).toBe("CONFLICT");
    expect(await code(createEntityType({ actor: library.ada, projectId: desk.id, input: input({ key: "PER" }) }))).toBe("CONFLICT");
    expect(await code(createEntityType({ actor: library.ada, projectId: desk.id, input: input({ color: "#fdfdf0" }) }))).toBe("UNPROCESSABLE");
    expect(await code(createEntityType({ actor: library.ada, projectId: desk.id, input: input({ color: "#101010" }) }))).toBe("UNPROCESSABLE");
    expect(await code(createEntityType({ actor: mia, projectId: desk.id, input: input({}) }))).toBe("FORBIDDEN");
    expect((await typeIds(desk.id)).length).toBe(before);
  });

  it("a new type on hotkey 6 reaches the article's Tag entity menu; renaming keeps its tags; deleting moves them", async () => {
    const source = await createEntityType({ actor: library.ada, projectId: desk.id, input: entityTypeSchema.parse({ label: "Source", key: "src", color: "#0f766e", hotkey: "6", description: "Who says it" }) });
    expect(source.key).toBe("SRC");
    // Mia reads the article in her desk's layer: its label set is her menu.
    const menu = await listArticleEntityTypes({ layer: viewLayerOf(mia, (await readArticleStamp({ id: article.articleId }, mia.id))!) });
    expect(menu.find((type) => type.hotkey === "6")).toMatchObject({ label: "Source", description: "Who says it" });

    const tag = await createAnnotation({ actor: mia, articleId: article.articleId, input: { kind: "ENTITY", ...span(article.paragraphId, TEXT, "Кестрел"), entityTypeId: source.id } });
    const lastEvent = async () => (await library.client.query<{ id: string }>(`SELECT COALESCE(max(id), 0)::text AS id FROM "ArticleEvent" WHERE "articleId" = $1`, [article.articleId])).rows[0]!.id;
    const before = await lastEvent();
    await updateEntityType({ actor: library.ada, projectId: desk.id, typeId: source.id, changes: { label: "Named source" } });
    // Readers on the article hear of it live: a labels.changed event on every article of the desk.
    const events = await library.client.query(`SELECT type, payload FROM "ArticleEvent" WHERE "articleId" = $1 AND id > $2`, [article.articleId, before]);
    expect(events.rows).toEqual([{ type: "labels.changed", payload: { type: "labels.changed", projectId: desk.id } }]);
    const typeOf = async (id: string) => (await library.client.query<{ label: string }>(`SELECT t.label FROM "Annotation" a JOIN "EntityType" t ON t.id = a."entityTypeId" WHERE a.id = $1`, [id])).rows[0]?.label;
    expect(await typeOf(tag.id)).toBe("Named source");

    expect(await code(deleteEntityType({ actor: library.ada, projectId: desk.id, typeId: source.id }))).toBe("CONFLICT");
    expect(await typeOf(tag.id)).toBe("Named source");
    const glossaPerson = (await typeIds("glossa")).find((type) => type.key === "PER")!.id;
    expect(await code(deleteEntityType({ actor: library.ada, projectId: desk.id, typeId: source.id, moveTo: glossaPerson }))).toBe("NOT_FOUND");
    const person = (await typeIds(desk.id)).find((type) => type.key === "PER")!.id;
    expect(await deleteEntityType({ actor: library.ada, projectId: desk.id, typeId: source.id, moveTo: person })).toEqual({ deleted: source.id, moved: 1 });
    expect(await typeOf(tag.id)).toBe("Person");
    expect((await typeIds(desk.id)).some((type) => type.id === source.id)).toBe(false);
  });
});

describe("articles in several projects", () => {
  it("two projects annotate one article, each in its own layer, unseen by the other", async () => {
    const economy = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Economy desk", access: "CLOSED" }) });
    const oli = await library.newUser("Oli");
    await addProjectMember({ actor: library.ada, projectId: economy.id, input: { email: oli.email, role: "ANNOTATOR" } });
    await setArticleProject({ actor: library.ada, projectId: economy.id, articleId: article.articleId, member: true });
    const theirs = await createAnnotation({ actor: oli, articleId: article.articleId, input: { kind: "HIGHLIGHT", ...span(article.paragraphId, TEXT, "посетил"), color: "blue" } });
    const ours = await createAnnotation({ actor: mia, articleId: article.articleId, input: { kind: "HIGHLIGHT", ...span(article.paragraphId, TEXT, "посетил"), color: "green" } });
    const layers = await library.client.query<{ id: string; projectId: string }>(`SELECT id, "projectId" FROM "Annotation" WHERE id = ANY($1)`, [[theirs.id, ours.id]]);
    expect(Object.fromEntries(layers.rows.map((row) => [row.id, row.projectId]))).toEqual({ [theirs.id]: economy.id, [ours.id]: desk.id });
    const seen = async (actor: Actor) => (await getArticleAnnotationIds(actor)).sort();
    expect(await seen(oli)).toEqual([theirs.id]);
    expect(await seen(mia)).toContain(ours.id);
    expect(await seen(mia)).not.toContain(theirs.id);
    // An article keeps at least one project; a Manager of another project may not remove it from this one.
    expect(await code(setArticleProject({ actor: oli, projectId: economy.id, articleId: article.articleId, member: false }))).toBe("FORBIDDEN");
  });

  it("an import names a project its importer may add to, else 400", async () => {
    expect(await findImportProject(library.ada, desk.id)).toBe(desk.id);
    expect(await code(findImportProject(library.ada, "no-such-project"))).toBe("INVALID_INPUT");
  });
});

describe("writing is decided by the role in the project, not the site role alone", () => {
  it("a site Reader who is the desk's Annotator tags, notes and names entities there; a site Annotator who is the desk's Reader may not", async () => {
    const rosa = await library.newUser("Rosa", "READER");
    const tom = await library.newUser("Tom");
    await addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: rosa.email, role: "ANNOTATOR" } });
    await addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: tom.email, role: "READER" } });
    const highlight = (words: string) => ({ kind: "HIGHLIGHT", color: "yellow", ...span(article.paragraphId, TEXT, words) });

    const made = await createAnnotation({ actor: rosa, articleId: article.articleId, input: highlight("порт") });
    expect(made.projectId).toBe(desk.id);
    const note = await createNote({ actor: rosa, articleId: article.articleId, input: { paragraphId: article.paragraphId, body: "Checked with the port authority." } });
    expect(note.projectId).toBe(desk.id);
    const person = (await typeIds(desk.id)).find((type) => type.key === "PER")!.id;
    expect(await code(createEntity({ actor: rosa, input: { typeId: person, name: "Роза Портовая" } }))).toBe("ok");

    expect(await code(createAnnotation({ actor: tom, articleId: article.articleId, input: highlight("понедельник") }))).toBe("FORBIDDEN");
    expect(await code(createNote({ actor: tom, articleId: article.articleId, input: { paragraphId: article.paragraphId, body: "Not mine to say." } }))).toBe("FORBIDDEN");
    // A site Reader with no project role stays a reader, here on an article of the Open default project.
    const open = await library.newArticle("Открытая статья о порте Кестрел.");
    expect(await code(createAnnotation({ actor: library.rita, articleId: open.articleId, input: { kind: "HIGHLIGHT", color: "yellow", ...span(open.paragraphId, "Открытая статья о порте Кестрел.", "порте") } }))).toBe("FORBIDDEN");
    expect(await code(createEntity({ actor: library.rita, input: { typeId: person, name: "Рита" } }))).toBe("FORBIDDEN");
    const stored = await library.client.query(`SELECT count(*)::int AS n FROM "Annotation" WHERE "authorId" = ANY($1)`, [[tom.id, library.rita.id]]);
    expect(stored.rows[0]).toEqual({ n: 0 });
  });
});

describe("a bulk JSONL file names each line's project", () => {
  it("by slug or name; an unknown, ambiguous or forbidden project is that line's error at upload, and nothing of it is imported", async () => {
    const economy = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Economy bulk desk", access: "CLOSED" }) });
    const site = `https://bulk-projects.test/${randomUUID()}`;
    const line = (n: number, project?: unknown) => JSON.stringify({ title: `Bulk ${n}`, text: `Bulk article ${n} ${site}.`, sourceUrl: `${site}/${n}`, ...(project === undefined ? {} : { project }) });
    const lines = [
      line(1, desk.slug),
      line(2, "ECONOMY BULK DESK"),
      line(3),
      line(4, "No such desk"),
      line(5, "Politics desk"), // the name of two projects (politics-desk, politics-desk-2)
      line(6, "<img src=x onerror=alert(1)>"),
      line(7, 42),
    ];
    const job = await createImportJob({ actor: library.ada, fileName: "desks.jsonl", contentLength: null, body: Readable.from([Buffer.from(lines.join("\n"))]) });
    expect(job).toMatchObject({ status: "READY", total: 7, valid: 3, errorCount: 4 });
    expect(job.errors).toEqual([
      { line: 4, message: `Line 4: there is no project "No such desk" you may import into (give a project's slug or name).` },
      { line: 5, message: `Line 5: the project "Politics desk" is the name of 2 projects: give its slug instead (politics-desk, politics-desk-2).` },
      { line: 6, message: `Line 6: there is no project "<img src=x onerror=alert(1)>" you may import into (give a project's slug or name).` },
      { line: 7, message: expect.stringMatching(/^Line 7: field "project" must be a string, got a number/) },
    ]);
    await startImportJob({ actor: library.ada, jobId: job.id });
    await runImportJob(job.id, { concurrency: 1 });
    const { rows } = await library.client.query<{ url: string; projects: string[] }>(
      `SELECT a."sourceUrl" AS url, array_agg(ap."projectId" ORDER BY ap."projectId") AS projects FROM "Article" a JOIN "ArticleProject" ap ON ap."articleId" = a.id
        WHERE a."sourceUrl" LIKE $1 GROUP BY a."sourceUrl" ORDER BY a."sourceUrl"`,
      [`${site}/%`],
    );
    expect(rows).toEqual([
      { url: `${site}/1`, projects: [desk.id] },
      { url: `${site}/2`, projects: [economy.id] },
      { url: `${site}/3`, projects: [DEFAULT_PROJECT_ID] },
    ]);
  });

  it("a project the importer may not import into reads like one that does not exist", async () => {
    expect(await findImportProjectByReference(library.ada, desk.slug)).toEqual({ ok: true, id: desk.id });
    // Mia annotates in the desk but does not manage it; Nina cannot see it: the same answer, no hint of the Closed desk.
    for (const actor of [mia, nina]) {
      expect(await findImportProjectByReference(actor, desk.slug)).toEqual({ ok: false, message: `there is no project "${desk.slug}" you may import into (give a project's slug or name).` });
    }
  });
});

async function getArticleAnnotationIds(actor: Actor): Promise<string[]> {
  return (await getArticleAnnotations({ actor, articleId: article.articleId })).annotations.map((annotation) => annotation.id);
}
