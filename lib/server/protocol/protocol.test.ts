/**
 * The Web Annotation Protocol's use cases against a real PostgreSQL: a POSTed annotation is stored
 * through the reader's create (with its live event), with the server's id, canonical and via kept;
 * what does not fit the article is refused with a message and stores nothing; PUT needs a current
 * If-Match and changes only what the reader lets one change; DELETE needs the reader's permission;
 * private work stays private in the container.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions";
import { testDatabase } from "@/lib/server/testing/test-database";
import { w3cHighlight } from "@/lib/server/testing/w3c-highlight";
import { createProtocolAnnotation } from "./create-protocol-annotation";
import { deleteProtocolAnnotation } from "./delete-protocol-annotation";
import { getContainer } from "./get-container";
import { getProtocolAnnotation } from "./get-protocol-annotation";
import { replaceProtocolAnnotation } from "./replace-protocol-annotation";

const TEXT = "Москва заявила, что переговоры с Тбилиси продолжатся в Женеве 😀 в марте.";
const BASE = "http://localhost:3000";

const database = testDatabase("glossa-protocol-test");
let author: Actor;
let stranger: Actor;

beforeAll(async () => {
  author = await database.newUser("Ann Otator");
  stranger = await database.newUser("Other Annotator");
});

const annotation = (slug: string, words: string, extra?: Record<string, unknown>) => w3cHighlight({ base: BASE, slug, text: TEXT }, words, extra);
const request = (method: string, headers: Record<string, string> = {}) => new Request(`${BASE}/api/containers/x/`, { method, headers });


async function counts(articleId: string) {
  const { rows } = await database.client.query<{ annotations: number; events: number; provenance: number }>(
    `SELECT (SELECT count(*)::int FROM "Annotation" WHERE "articleId" = $1 AND "deletedAt" IS NULL) AS annotations,
            (SELECT count(*)::int FROM "ArticleEvent" WHERE "articleId" = $1) AS events,
            (SELECT count(*)::int FROM "AnnotationProvenance" p JOIN "Annotation" a ON a.id = p."annotationId" WHERE a."articleId" = $1) AS provenance`,
    [articleId],
  );
  return rows[0]!;
}

async function create(actor: Actor, slug: string, body: unknown) {
  const response = await createProtocolAnnotation({ actor, slug, body, request: request("POST") });
  return { response, body: await response.json() };
}

describe("POST to a container", () => {
  it("stores the annotation with its live event, under the container, keeping canonical and the client's id as via", async () => {
    const { articleId, slug } = await database.newArticle(TEXT);
    const { response, body } = await create(author, slug, annotation(slug, "Женеве 😀", { id: "urn:uuid:client-1", canonical: "urn:uuid:canon-1", body: { type: "TextualBody", value: "Где?" } }));
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(body.id);
    expect(body.id).toMatch(new RegExp(`^${BASE}/api/containers/${slug}/[^/]+$`));
    expect(body).toMatchObject({ canonical: "urn:uuid:canon-1", via: "urn:uuid:client-1", motivation: ["highlighting", "commenting"] });
    expect(body.target.selector).toContainEqual({ type: "CssSelector", value: "#p-1", refinedBy: { type: "TextPositionSelector", start: TEXT.indexOf("Женеве"), end: TEXT.indexOf("Женеве") + "Женеве 😀".length } });
    // The annotation, its note, their two live events and the provenance.
    expect(await counts(articleId)).toEqual({ annotations: 1, events: 2, provenance: 1 });
  });

  it.each([
    ["a target on another article", (slug: string) => ({ ...annotation(slug, "Тбилиси"), target: { ...annotation(slug, "Тбилиси").target, source: `${BASE}/articles/other#p-1` } }), 422, /is not this article/],
    ["words not in the text", (slug: string) => annotation(slug, "Тбилиси", { target: { source: `${BASE}/articles/${slug}#p-1`, selector: { type: "TextQuoteSelector", exact: "Вашингтон" } } }), 422, /do not match/],
    ["a position on other words", (slug: string) => {
      const body = annotation(slug, "Тбилиси");
      (body.target.selector[1]!.refinedBy as { start: number }).start = 0;
      return body;
    }, 422, /TextPositionSelector/],
    ["a list", (slug: string) => [annotation(slug, "Тбилиси")], 400, /not a list/],
    ["no annotation", () => ({ type: "Person" }), 400, /Not a Web Annotation/],
    ["a reply", (slug: string) => ({ type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: "x" }, target: `${BASE}/articles/${slug}/notes/1` }), 422, /holds annotations on words/],
    ["two comments", (slug: string) => annotation(slug, "Тбилиси", { body: [{ type: "TextualBody", value: "a" }, { type: "TextualBody", value: "b" }] }), 422, /one TextualBody/],
    ["a bad canonical", (slug: string) => annotation(slug, "Тбилиси", { canonical: "<script>" }), 400, /canonical must be an IRI/],
    ["an unknown entity type", (slug: string) => annotation(slug, "Тбилиси", { motivation: ["identifying", "classifying"], body: [{ type: "SpecificResource", purpose: "classifying", source: `${BASE}/entity-types/NOPE` }] }), 422, /no entity type NOPE/],
    ["an entity of another site", (slug: string) => annotation(slug, "Тбилиси", { motivation: ["identifying", "classifying"], body: [{ type: "SpecificResource", purpose: "classifying", source: "https://example.com/x" }] }), 422, /not a Glossa/],
  ] as const)("refuses %s with a message and stores nothing", async (_, make, status, message) => {
    const { articleId, slug } = await database.newArticle(TEXT);
    const error = await create(author, slug, make(slug)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status, message: expect.stringMatching(message) });
    expect(await counts(articleId)).toEqual({ annotations: 0, events: 0, provenance: 0 });
  });

  it("refuses a Reader and an anonymous caller, and 404s an unknown article", async () => {
    const { slug } = await database.newArticle(TEXT);
    const reader = await database.newUser("Just Reading", "READER");
    await expect(create(reader, slug, annotation(slug, "Тбилиси"))).rejects.toMatchObject({ status: 403 });
    await expect(create(null as unknown as Actor, slug, annotation(slug, "Тбилиси"))).rejects.toMatchObject({ status: 401 });
    await expect(create(author, "no-such-article", annotation("no-such-article", "Тбилиси"))).rejects.toMatchObject({ status: 404 });
  });
});

describe("reading, replacing and deleting", () => {
  it("answers 304 for a current If-None-Match, 406 for an Accept it cannot meet, HEAD without a body", async () => {
    const { slug } = await database.newArticle(TEXT);
    const { body } = await create(author, slug, annotation(slug, "Тбилиси"));
    const annotationId = body.id.split("/").at(-1);
    const got = await getProtocolAnnotation({ actor: null, slug, annotationId, request: request("GET") });
    expect(got.status).toBe(200);
    const etag = got.headers.get("etag")!;
    expect((await getProtocolAnnotation({ actor: null, slug, annotationId, request: request("GET", { "If-None-Match": etag }) })).status).toBe(304);
    await expect(getProtocolAnnotation({ actor: null, slug, annotationId, request: request("GET", { Accept: "text/html" }) })).rejects.toMatchObject({ status: 406 });
    const head = await getProtocolAnnotation({ actor: null, slug, annotationId, request: request("HEAD") });
    expect(head.headers.get("etag")).toBe(etag);
    expect(await head.text()).toBe("");
  });

  it("PUT: 428 without If-Match, 412 when stale, changes the colour and the comment, refuses a new target or canonical", async () => {
    const { articleId, slug } = await database.newArticle(TEXT);
    const { response, body } = await create(author, slug, annotation(slug, "Тбилиси", { canonical: "urn:x:1" }));
    const annotationId = body.id.split("/").at(-1);
    const etag = response.headers.get("etag")!;
    const put = (next: unknown, headers: Record<string, string>, actor: Actor = author) => replaceProtocolAnnotation({ actor, slug, annotationId, body: next, request: request("PUT", headers) });
    const green = { ...body, target: { ...body.target, styleClass: "green" }, body: { type: "TextualBody", value: "Теперь с заметкой" } };
    await expect(put(green, {})).rejects.toMatchObject({ status: 428 });
    await expect(put(green, { "If-Match": '"stale"' })).rejects.toMatchObject({ status: 412 });
    await expect(put(green, { "If-Match": etag }, stranger)).rejects.toMatchObject({ status: 403 });
    const replaced = await put(green, { "If-Match": etag });
    expect(replaced.status).toBe(200);
    const document = await replaced.json();
    expect(document.target.styleClass).toBe("green");
    expect(document.body).toEqual([expect.objectContaining({ type: "TextualBody", value: "Теперь с заметкой" })]);
    const current = replaced.headers.get("etag")!;
    expect(current).not.toBe(etag);
    const moved = annotation(slug, "Москва", { id: body.id, canonical: "urn:x:1" });
    await expect(put(moved, { "If-Match": current })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/target cannot change/) });
    await expect(put({ ...document, canonical: "urn:x:2" }, { "If-Match": current })).rejects.toMatchObject({ status: 409 });
    await expect(put({ ...document, id: `${BASE}/api/containers/${slug}/other` }, { "If-Match": current })).rejects.toMatchObject({ status: 400 });
    expect((await counts(articleId)).annotations).toBe(1);
  });

  it("DELETE: 204 for the author, 403 for someone else, 412 for a stale If-Match; gone from the container after", async () => {
    const { slug } = await database.newArticle(TEXT);
    const { body } = await create(author, slug, annotation(slug, "Тбилиси"));
    const annotationId = body.id.split("/").at(-1);
    const remove = (actor: Actor, headers: Record<string, string> = {}) => deleteProtocolAnnotation({ actor, slug, annotationId, request: request("DELETE", headers) });
    await expect(remove(stranger)).rejects.toMatchObject({ status: 403 });
    await expect(remove(author, { "If-Match": '"stale"' })).rejects.toMatchObject({ status: 412 });
    expect((await remove(author)).status).toBe(204);
    await expect(getProtocolAnnotation({ actor: author, slug, annotationId, request: request("GET") })).rejects.toMatchObject({ status: 404 });
  });

  it("keeps private work out of other people's containers, and pages what it holds", async () => {
    const { articleId, slug } = await database.newArticle(TEXT);
    await create(author, slug, annotation(slug, "Тбилиси"));
    await database.client.query(`UPDATE "Annotation" SET visibility = 'PRIVATE' WHERE "articleId" = $1`, [articleId]);
    await create(author, slug, annotation(slug, "Москва"));
    const total = async (actor: Actor | null) => (await (await getContainer({ actor, slug, request: request("GET"), query: {} })).json()).total;
    expect(await total(author)).toBe(2);
    expect(await total(stranger)).toBe(1);
    expect(await total(null)).toBe(1);
    await expect(getContainer({ actor: null, slug, request: request("GET"), query: { page: 1 } })).rejects.toMatchObject({ status: 404 });
    const page = await (await getContainer({ actor: null, slug, request: request("GET"), query: { page: 0, iris: "1" } })).json();
    expect(page).toMatchObject({ type: "AnnotationPage", startIndex: 0, partOf: { total: 1 } });
    expect(page.items).toEqual([expect.stringContaining(`/api/containers/${slug}/`)]);
  });
});

describe("an article in two project layers", () => {
  it("a container is the layer its requester reads the article in, where their POSTs go, each annotation naming its layer", async () => {
    const { articleId, slug } = await database.newArticle(TEXT);
    const suffix = crypto.randomUUID();
    const desk = { id: `desk-${suffix}`, slug: `desk-${suffix}`, name: "Closed desk" };
    const open = { id: `open-${suffix}`, slug: `open-${suffix}`, name: "Open desk" };
    for (const [project, access, member] of [[desk, "CLOSED", author], [open, "OPEN", stranger]] as const) {
      await database.client.query(`INSERT INTO "Project" (id, name, slug, access, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [project.id, project.name, project.slug, access]);
      await database.client.query(`INSERT INTO "ArticleProject" ("articleId", "projectId") VALUES ($1, $2)`, [articleId, project.id]);
      await database.client.query(`INSERT INTO "ProjectMember" ("projectId", "userId", role) VALUES ($1, $2, 'ANNOTATOR')`, [project.id, member.id]);
    }
    const layerOf = (document: Record<string, unknown>) => (document["http://purl.org/dc/terms/isPartOf"] as { id: string; name: string } | undefined)?.name;
    const mine = await create(author, slug, annotation(slug, "Тбилиси"));
    const theirs = await create(stranger, slug, annotation(slug, "Москва"));
    expect([mine.response.status, layerOf(mine.body), theirs.response.status, layerOf(theirs.body)]).toEqual([201, "Closed desk", 201, "Open desk"]);

    const items = async (actor: Actor | null) => {
      const container = await (await getContainer({ actor, slug, request: request("GET"), query: {} })).json();
      return (container.first.items as Record<string, unknown>[]).map((item) => [item.id, layerOf(item)]);
    };
    // The author may read both layers, but reads (and posts to) their own desk's: the Open desk's work is not mixed in.
    expect(await items(author)).toEqual([[mine.body.id, "Closed desk"]]);
    expect(await items(stranger)).toEqual([[theirs.body.id, "Open desk"]]);
    expect(await items(null)).toEqual([[theirs.body.id, "Open desk"]]);
    // Another layer's annotation is not in this container: not found, alike for a layer one may not read.
    const annotationId = (body: { id: string }) => body.id.split("/").at(-1)!;
    await expect(getProtocolAnnotation({ actor: author, slug, annotationId: annotationId(theirs.body), request: request("GET") })).rejects.toMatchObject({ status: 404 });
    await expect(getProtocolAnnotation({ actor: stranger, slug, annotationId: annotationId(mine.body), request: request("GET") })).rejects.toMatchObject({ status: 404 });
    expect((await getProtocolAnnotation({ actor: author, slug, annotationId: annotationId(mine.body), request: request("GET") })).status).toBe(200);
  });
});
