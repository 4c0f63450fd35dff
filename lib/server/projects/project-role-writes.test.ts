/**
 * Every write path asks the person's role in the project layer it writes into, not their site role:
 * the Web Annotation Protocol (POST, PUT, DELETE on a container), the annotation import, and the
 * reader's own change and delete. And one entity across projects' label sets: a type is known by
 * its key, so two desks tagging the same person with their own PER types link to one entity.
 */
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { createEntity } from "@/lib/server/entities/create-entity";
import { getEntity } from "@/lib/server/entities/get-entity";
import { searchEntities } from "@/lib/server/entities/search-entities";
import { importAnnotations } from "@/lib/server/import-annotations/import-annotations";
import { createNote } from "@/lib/server/notes/create-note";
import { updateNote } from "@/lib/server/notes/update-note";
import { addProjectMember } from "@/lib/server/projects/add-project-member";
import { createEntityType } from "@/lib/server/projects/create-entity-type";
import { createProject } from "@/lib/server/projects/create-project";
import { deleteEntityType } from "@/lib/server/projects/delete-entity-type";
import { removeProjectMember } from "@/lib/server/projects/remove-project-member";
import { SESSIONS_ENDED_CHANNEL } from "@/lib/server/live/sessions-ended";
import { setProjectMemberRole } from "@/lib/server/projects/set-project-member-role";
import { updateEntityType } from "@/lib/server/projects/update-entity-type";
import { createProtocolAnnotation } from "@/lib/server/protocol/create-protocol-annotation";
import { deleteProtocolAnnotation } from "@/lib/server/protocol/delete-protocol-annotation";
import { getProtocolAnnotation } from "@/lib/server/protocol/get-protocol-annotation";
import { replaceProtocolAnnotation } from "@/lib/server/protocol/replace-protocol-annotation";
import { span, testLibrary } from "@/lib/server/testing/library";
import { w3cHighlight as highlightOn } from "@/lib/server/testing/w3c-highlight";
import { createProjectSchema, entityTypeSchema } from "@/lib/validations/project";

const library = testLibrary("glossa-project-role-writes");
const BASE = "http://localhost:3000";
const TEXT = "Министр Зельванов посетил порт Кестрел в понедельник, сообщила Клара Вестфаль.";

let desk: { id: string; slug: string };
let article: { articleId: string; slug: string; paragraphId: string };
let rosa: Actor; // site Reader, the desk's Annotator
let tom: Actor; // site Annotator, the desk's Reader
let nina: Actor; // site Annotator, not a member of the Closed desk

const code = (promise: Promise<unknown>) => promise.then(() => "ok", (error: { code?: string }) => error.code ?? String(error));
const request = (method: string, headers: Record<string, string> = {}) => new Request(`${BASE}/api/containers/x/`, { method, headers });
const count = async (sql: string, params: unknown[]) => (await library.client.query<{ n: number }>(sql, params)).rows[0]!.n;
const w3cHighlight = (slug: string, words: string, extra?: Record<string, unknown>) => highlightOn({ base: BASE, slug, text: TEXT }, words, extra);
const authored = (actor: Actor) => count(`SELECT count(*)::int AS n FROM "Annotation" WHERE "authorId" = $1 AND "deletedAt" IS NULL`, [actor.id]);

async function deskArticle(text = TEXT) {
  const made = await library.newArticle(text);
  await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [made.articleId, desk.id]);
  return made;
}

beforeAll(async () => {
  rosa = await library.newUser("Rosa", "READER");
  tom = await library.newUser("Tom");
  nina = await library.newUser("Nina");
  desk = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Investigations desk", access: "CLOSED" }) });
  await addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: rosa.email, role: "ANNOTATOR" } });
  await addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: tom.email, role: "READER" } });
  article = await deskArticle();
});

describe("Web Annotation Protocol writes follow the role in the project layer", () => {
  it("a site Reader who is the desk's Annotator POSTs, PUTs and DELETEs in the desk's layer", async () => {
    const created = await createProtocolAnnotation({ actor: rosa, slug: article.slug, body: w3cHighlight(article.slug, "порт Кестрел"), request: request("POST") });
    expect(created.status).toBe(201);
    const document = await created.json();
    const annotationId = document.id.split("/").at(-1) as string;
    expect((await library.client.query(`SELECT "projectId" FROM "Annotation" WHERE id = $1`, [annotationId])).rows[0]).toEqual({ projectId: desk.id });

    const green = { ...document, target: { ...document.target, styleClass: "green" } };
    const replaced = await replaceProtocolAnnotation({ actor: rosa, slug: article.slug, annotationId, body: green, request: request("PUT", { "If-Match": created.headers.get("etag")! }) });
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).target.styleClass).toBe("green");

    const removed = await deleteProtocolAnnotation({ actor: rosa, slug: article.slug, annotationId, request: request("DELETE") });
    expect(removed.status).toBe(204);
    expect(await authored(rosa)).toBe(0);
  });

  it("a site Annotator who is a Reader of the Closed desk may not POST, PUT or DELETE there (403, nothing changes); a non-member gets 404", async () => {
    const before = await authored(tom);
    expect(await code(createProtocolAnnotation({ actor: tom, slug: article.slug, body: w3cHighlight(article.slug, "понедельник"), request: request("POST") }))).toBe("FORBIDDEN");
    expect(await code(createProtocolAnnotation({ actor: nina, slug: article.slug, body: w3cHighlight(article.slug, "понедельник"), request: request("POST") }))).toBe("NOT_FOUND");
    expect(await authored(tom)).toBe(before);
    expect(await authored(nina)).toBe(0);

    // Tom tagged while he was the desk's Annotator; as its Reader his work there is no longer his to change.
    await setProjectMemberRole({ actor: library.ada, projectId: desk.id, userId: tom.id, role: "ANNOTATOR" });
    const made = await createProtocolAnnotation({ actor: tom, slug: article.slug, body: w3cHighlight(article.slug, "Министр"), request: request("POST") });
    const document = await made.json();
    const annotationId = document.id.split("/").at(-1) as string;
    await setProjectMemberRole({ actor: library.ada, projectId: desk.id, userId: tom.id, role: "READER" });
    const etag = made.headers.get("etag")!;
    const green = { ...document, target: { ...document.target, styleClass: "green" } };
    expect(await code(replaceProtocolAnnotation({ actor: tom, slug: article.slug, annotationId, body: green, request: request("PUT", { "If-Match": etag }) }))).toBe("FORBIDDEN");
    expect(await code(deleteProtocolAnnotation({ actor: tom, slug: article.slug, annotationId, request: request("DELETE") }))).toBe("FORBIDDEN");
    // The reader's own change and delete ask the same rule.
    expect(await code(updateAnnotation({ actor: tom, annotationId, input: { version: 1, color: "pink" } }))).toBe("FORBIDDEN");
    expect(await code(deleteAnnotation({ actor: tom, annotationId }))).toBe("FORBIDDEN");
    // A non-member does not learn it exists.
    expect(await code(deleteAnnotation({ actor: nina, annotationId }))).toBe("NOT_FOUND");
    const row = (await library.client.query(`SELECT color, version, "deletedAt" FROM "Annotation" WHERE id = $1`, [annotationId])).rows[0];
    expect(row).toEqual({ color: "yellow", version: 1, deletedAt: null });
  });

  it("a note in the desk's layer: its author may edit it while the desk's Annotator, not once its Reader", async () => {
    await setProjectMemberRole({ actor: library.ada, projectId: desk.id, userId: tom.id, role: "ANNOTATOR" });
    const note = await createNote({ actor: tom, articleId: article.articleId, input: { paragraphId: article.paragraphId, body: "Проверить порт." } });
    expect(await code(updateNote({ actor: tom, noteId: note.id, input: { version: note.version, body: "Порт проверен." } }))).toBe("ok");
    await setProjectMemberRole({ actor: library.ada, projectId: desk.id, userId: tom.id, role: "READER" });
    expect(await code(updateNote({ actor: tom, noteId: note.id, input: { version: note.version + 1, body: "Снова." } }))).toBe("FORBIDDEN");
    expect(await code(updateNote({ actor: nina, noteId: note.id, input: { version: note.version + 1, body: "<b>Чужое</b>" } }))).toBe("NOT_FOUND");
    expect((await library.client.query(`SELECT body FROM "Note" WHERE id = $1`, [note.id])).rows[0]).toEqual({ body: "Порт проверен." });
  });
});

describe("entity types over the Web Annotation Protocol", () => {
  it("a tag's type IRI names a key: a PUT of the document as read changes nothing, in a desk whose PER is one of several", async () => {
    const story = await deskArticle();
    const deskPer = (await library.client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE "projectId" = $1 AND key = 'PER'`, [desk.id])).rows[0]!;
    // More PER types than the desk's: other projects' label sets.
    for (const name of ["Sports desk", "Culture desk", "Metro desk"]) await createProject({ actor: library.ada, input: createProjectSchema.parse({ name, access: "CLOSED" }) });
    const tag = await createAnnotation({ actor: rosa, articleId: story.articleId, input: { kind: "ENTITY", entityTypeId: deskPer.id, ...span(story.paragraphId, TEXT, "Клара Вестфаль") } });
    const read = await getProtocolAnnotation({ actor: rosa, slug: story.slug, annotationId: tag.id, request: request("GET") });
    const document = await read.json();
    const put = await replaceProtocolAnnotation({ actor: rosa, slug: story.slug, annotationId: tag.id, body: document, request: request("PUT", { "If-Match": read.headers.get("etag")! }) });
    expect(put.status).toBe(200);
    expect((await library.client.query(`SELECT version, "entityTypeId" FROM "Annotation" WHERE id = $1`, [tag.id])).rows[0]).toEqual({ version: 1, entityTypeId: deskPer.id });
  });
});

describe("annotation import follows the role in the project layer", () => {
  it("a site Reader who is the desk's Annotator imports into the desk's layer; the desk's Reader gets 403 and nothing is stored", async () => {
    const story = await deskArticle();
    const file = [w3cHighlight(story.slug, "Клара Вестфаль")];
    expect(await code(importAnnotations({ actor: tom, articleId: story.articleId, file, options: {} }))).toBe("FORBIDDEN");
    expect(await code(importAnnotations({ actor: nina, articleId: story.articleId, file, options: {} }))).toBe("NOT_FOUND");
    expect(await count(`SELECT count(*)::int AS n FROM "Annotation" WHERE "articleId" = $1`, [story.articleId])).toBe(0);

    const report = await importAnnotations({ actor: rosa, articleId: story.articleId, file, options: {} });
    expect(report.anchored).toHaveLength(1);
    const stored = await library.client.query(`SELECT "authorId", "projectId", exact FROM "Annotation" WHERE "articleId" = $1`, [story.articleId]);
    expect(stored.rows).toEqual([{ authorId: rosa.id, projectId: desk.id, exact: "Клара Вестфаль" }]);
  });
});

describe("one entity across projects' label sets", () => {
  it("types sharing a key (PER as Person and as Персона) link to one entity; a type with another key stays apart", async () => {
    const economy = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Economy desk", access: "CLOSED" }) });
    const oli = await library.newUser("Oli");
    await addProjectMember({ actor: library.ada, projectId: economy.id, input: { email: oli.email, role: "ANNOTATOR" } });
    const types = async (projectId: string) =>
      Object.fromEntries((await library.client.query<{ id: string; key: string }>(`SELECT id, key FROM "EntityType" WHERE "projectId" = $1`, [projectId])).rows.map((row) => [row.key, row.id]));
    const deskTypes = await types(desk.id);
    const economyTypes = await types(economy.id);
    await updateEntityType({ actor: library.ada, projectId: economy.id, typeId: economyTypes.PER!, changes: { label: "Персона" } });
    const suspect = await createEntityType({ actor: library.ada, projectId: economy.id, input: entityTypeSchema.parse({ key: "SUSPECT", label: "Подозреваемый", color: "#ef4444", hotkey: "7" }) });

    const deskStory = await deskArticle("Вчера Клара Вестфаль выступила в парламенте.");
    const economyStory = await library.newArticle("Клара Вестфаль возглавила совет директоров.");
    await library.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [economyStory.articleId, economy.id]);
    const tag = (actor: Actor, story: { articleId: string; paragraphId: string }, text: string, entityTypeId: string) =>
      createAnnotation({ actor, articleId: story.articleId, input: { kind: "ENTITY", entityTypeId, ...span(story.paragraphId, text, "Клара Вестфаль") } });

    const inDesk = await tag(rosa, deskStory, "Вчера Клара Вестфаль выступила в парламенте.", deskTypes.PER!);
    const inEconomy = await tag(oli, economyStory, "Клара Вестфаль возглавила совет директоров.", economyTypes.PER!);
    expect(inEconomy.entity?.id).toBe(inDesk.entity?.id);
    // Its type there is the economy desk's own (its label), the entity the same.
    expect(inEconomy.entityType?.label).toBe("Персона");
    const asSuspect = await tag(oli, economyStory, "Клара Вестфаль возглавила совет директоров.", suspect.id);
    expect(asSuspect.entity?.id).not.toBe(inDesk.entity?.id);

    // Naming the entity in the Entity box finds the same one, and the type-ahead of either label set offers it.
    expect(await createEntity({ actor: oli, input: { typeId: economyTypes.PER!, name: "Клара Вестфаль" } })).toEqual({ id: inDesk.entity!.id, name: "Клара Вестфаль" });
    expect((await searchEntities({ actor: oli, input: { typeId: economyTypes.PER!, q: "Вестфаль" } })).map((option) => option.id)).toEqual([inDesk.entity!.id]);
    expect((await searchEntities({ actor: oli, input: { typeId: suspect.id, q: "Вестфаль" } })).map((option) => option.id)).toEqual([asSuspect.entity!.id]);
    expect(await count(`SELECT count(*)::int AS n FROM "Entity" WHERE name = 'Клара Вестфаль'`, [])).toBe(2);
    // One entity page, its type named as each reader's desk names it (never the other Closed desk's label).
    expect((await getEntity({ actor: oli, entityId: inDesk.entity!.id }))?.type).toMatchObject({ key: "PER", label: "Персона" });
    expect((await getEntity({ actor: rosa, entityId: inDesk.entity!.id }))?.type).toMatchObject({ key: "PER", label: "Person" });
  });

  it("two desks naming the same new person at once end up on one entity", async () => {
    const science = await createProject({ actor: library.ada, input: createProjectSchema.parse({ name: "Science desk", access: "OPEN" }) });
    const [scienceType] = (await library.client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE "projectId" = $1 AND key = 'PER'`, [science.id])).rows;
    const deskType = (await library.client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE "projectId" = $1 AND key = 'PER'`, [desk.id])).rows[0]!;
    const name = `Эмиль Рощин ${Date.now()}`;
    const made = await Promise.all([
      createEntity({ actor: library.ada, input: { typeId: scienceType!.id, name } }),
      createEntity({ actor: library.ada, input: { typeId: deskType.id, name } }),
    ]);
    expect(made[0].id).toBe(made[1].id);
  });

  it("a tag naming another label set's type is stored with the layer's type of that key; a key the layer lacks is 422, nothing stored", async () => {
    const story = await deskArticle("Клара Вестфаль и порт Кестрел.");
    const economy = (await library.client.query<{ id: string }>(`SELECT id FROM "Project" WHERE name = 'Economy desk'`)).rows[0]!;
    const economyLoc = (await library.client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE "projectId" = $1 AND key = 'LOC'`, [economy.id])).rows[0]!;
    const suspect = (await library.client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE "projectId" = $1 AND key = 'SUSPECT'`, [economy.id])).rows[0]!;
    const deskLoc = (await library.client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE "projectId" = $1 AND key = 'LOC'`, [desk.id])).rows[0]!;
    const text = "Клара Вестфаль и порт Кестрел.";
    const tag = await createAnnotation({ actor: rosa, articleId: story.articleId, input: { kind: "ENTITY", entityTypeId: economyLoc.id, ...span(story.paragraphId, text, "Кестрел") } });
    expect(tag.entityType?.id).toBe(deskLoc.id);
    expect(await code(createAnnotation({ actor: rosa, articleId: story.articleId, input: { kind: "ENTITY", entityTypeId: suspect.id, ...span(story.paragraphId, text, "Клара Вестфаль") } }))).toBe("UNPROCESSABLE");
    expect(await count(`SELECT count(*)::int AS n FROM "Annotation" WHERE "articleId" = $1`, [story.articleId])).toBe(1);
    // Deleting the desk's LOC (moving its tags to MISC) leaves the desk without that key: refused too.
    await deleteEntityType({ actor: library.ada, projectId: desk.id, typeId: deskLoc.id, moveTo: (await library.client.query<{ id: string }>(`SELECT id FROM "EntityType" WHERE "projectId" = $1 AND key = 'MISC'`, [desk.id])).rows[0]!.id });
    expect(await code(createAnnotation({ actor: rosa, articleId: story.articleId, input: { kind: "ENTITY", entityTypeId: economyLoc.id, ...span(story.paragraphId, text, "порт") } }))).toBe("UNPROCESSABLE");
  });
});

describe("removing a member", () => {
  it("closes their open live feeds when the removal commits (every instance hears it), and not before", async () => {
    const leaving = await library.newUser("Lena");
    await addProjectMember({ actor: library.ada, projectId: desk.id, input: { email: leaving.email, role: "ANNOTATOR" } });
    const listener = new pg.Client({ connectionString: library.url });
    await listener.connect();
    try {
      const heard: string[] = [];
      listener.on("notification", (message) => heard.push(message.payload ?? ""));
      await listener.query(`LISTEN ${SESSIONS_ENDED_CHANNEL}`);
      // A refused removal (not a member) announces nothing.
      expect(await code(removeProjectMember({ actor: library.ada, projectId: desk.id, userId: nina.id }))).toBe("NOT_FOUND");
      await removeProjectMember({ actor: library.ada, projectId: desk.id, userId: leaving.id });
      await expect.poll(() => heard).toEqual([`user:${leaving.id}`]);
    } finally {
      await listener.end();
    }
  });
});
