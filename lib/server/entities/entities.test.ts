/**
 * Entities are known only through mentions one can read (or to whoever created them), against a
 * real PostgreSQL: a private tag publishes neither its words as an entity nor as an alias, counts
 * count readable mentions, archived articles' mentions are for admins, and GLOSSA_REQUIRE_SIGN_IN
 * closes search to anonymous visitors.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/permissions";
import { span, testLibrary } from "@/lib/server/testing/library";
import { createAnnotation } from "@/lib/server/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { getEntity } from "./get-entity";
import { searchEntities } from "./search-entities";

const policy = vi.hoisted(() => ({ requireSignIn: false }));
vi.mock("@/lib/permissions/policy", () => ({ readPolicy: () => ({ ...policy }) }));

let stories = 0;
/**
 * A paragraph whose names are its own (entities are shared across articles by their words, so
 * each test tags names no other test does): a story's words are `story.<name>`.
 */
function newStory() {
  const k = `№${++stories}`;
  const words = { secret: `Ивана Секретова ${k}`, full: `Иван Петрович Секретов ${k}`, city: `Женеву ${k}`, open: `Марией Открытой ${k}` };
  return { ...words, k, text: `Ведомство ${words.secret} сообщило, что ${words.full} прибудет в ${words.city} с ${words.open}.` };
}

const library = testLibrary("glossa-entities-test");
let everyone: Record<string, Actor | null>;

beforeAll(() => {
  everyone = { anonymous: null, "another annotator": library.bob, reader: library.rita, admin: library.ada };
});
beforeEach(() => {
  policy.requireSignIn = false;
});

/** An entity tag by `actor` on `phrase`, Person by default; returns the annotation. */
async function tag(actor: Actor, at: { articleId: string; paragraphId: string; text: string }, phrase: string, options: { visibility?: "SHARED" | "PRIVATE"; entityId?: string } = {}) {
  return createAnnotation({ actor, articleId: at.articleId, input: { kind: "ENTITY", entityTypeId: library.types.PER, ...span(at.paragraphId, at.text, phrase), ...options } });
}

/** A new article telling a new story. */
async function newArticle(story = newStory()) {
  return { ...story, ...(await library.newArticle(story.text)) };
}

const search = (actor: Actor | null, q: string) => searchEntities({ actor, input: { typeId: library.types.PER, q } });
const names = async (actor: Actor | null, q: string) => (await search(actor, q)).map((option) => option.name);

describe("a private entity tag", () => {
  it("publishes no entity: not in search, not on its page, not after the tag is deleted", async () => {
    const at = await newArticle();
    const mention = await tag(library.ann, at, at.secret, { visibility: "PRIVATE" });
    const entityId = mention.entity!.id;

    for (const [who, actor] of Object.entries(everyone)) {
      expect(await names(actor, ""), who).not.toContain(at.secret);
      expect(await names(actor, at.k), who).toEqual([]);
      expect(await getEntity({ actor, entityId }), who).toBeNull();
    }
    expect(await search(library.ann, at.k)).toEqual([{ id: entityId, name: at.secret, aliases: [], mentions: 1 }]);
    expect((await getEntity({ actor: library.ann, entityId }))?.mentions).toHaveLength(1);

    await deleteAnnotation({ actor: library.ann, annotationId: mention.id });
    for (const [who, actor] of Object.entries(everyone)) {
      expect(await names(actor, at.k), who).toEqual([]);
      expect(await getEntity({ actor, entityId }), who).toBeNull();
    }
    // Its creator still knows it (and may link to it again), with no mention left.
    expect(await search(library.ann, at.k)).toEqual([{ id: entityId, name: at.secret, aliases: [], mentions: 0 }]);
  });

  it("linked to a shared entity adds no alias that others can read or that their tags match", async () => {
    const at = await newArticle();
    const shared = await tag(library.ann, at, at.open);
    const entityId = shared.entity!.id;
    await tag(library.ann, at, at.full, { visibility: "PRIVATE", entityId });

    expect((await getEntity({ actor: null, entityId }))?.aliases).toEqual([]);
    expect(await search(null, at.k)).toEqual([{ id: entityId, name: at.open, aliases: [], mentions: 1 }]);
    expect(await names(library.bob, `Петрович Секретов ${at.k}`)).toEqual([]);
    expect(await search(library.ann, at.k)).toEqual([{ id: entityId, name: at.open, aliases: [at.full], mentions: 2 }]);
    const { rows } = await library.client.query<{ aliases: string[] }>(`SELECT aliases FROM "Entity" WHERE id = $1`, [entityId]);
    expect(rows[0]!.aliases).toEqual([]);

    // Bob tagging the same words is not linked to the entity Ann privately took them for.
    const bobs = await tag(library.bob, at, at.full);
    expect(bobs.entity!.id).not.toBe(entityId);
  });

  it("made shared publishes its words as an alias; made private again, they are shown no more", async () => {
    const at = await newArticle();
    const shared = await tag(library.ann, at, at.open);
    const entityId = shared.entity!.id;
    const other = await tag(library.ann, at, at.city, { visibility: "PRIVATE", entityId });
    const madeShared = await updateAnnotation({ actor: library.ann, annotationId: other.id, input: { version: other.version, visibility: "SHARED" } });
    expect((await getEntity({ actor: null, entityId }))?.aliases).toEqual([at.city]);
    await updateAnnotation({ actor: library.ann, annotationId: other.id, input: { version: madeShared.version, visibility: "PRIVATE" } });
    expect((await getEntity({ actor: null, entityId }))?.aliases).toEqual([]);
    expect(await search(null, at.k)).toEqual([{ id: entityId, name: at.open, aliases: [], mentions: 1 }]);
  });

  it("cannot be linked to by someone who cannot know of its entity", async () => {
    const at = await newArticle();
    const secret = await tag(library.ann, at, at.secret, { visibility: "PRIVATE" });
    await expect(tag(library.bob, at, at.open, { entityId: secret.entity!.id })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: "That entity does not exist.",
    });
  });
});

describe("mentions", () => {
  it("are counted and listed only when readable; on an archived article only for admins", async () => {
    const live = await newArticle();
    const archived = await newArticle(live);
    const first = await tag(library.ann, live, live.open);
    const entityId = first.entity!.id;
    await tag(library.ann, live, live.city, { visibility: "PRIVATE", entityId });
    await tag(library.bob, archived, archived.open, { entityId });
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [archived.articleId]);

    const counted = async (actor: Actor | null) => (await search(actor, live.k)).find((option) => option.id === entityId)?.mentions;
    const listed = async (actor: Actor | null) => (await getEntity({ actor, entityId }))?.mentions.map((mention) => [mention.exact, mention.articleArchived]);
    expect(await counted(null)).toBe(1);
    expect(await counted(library.bob)).toBe(1);
    expect(await counted(library.ann)).toBe(2);
    expect(await counted(library.ada)).toBe(2);
    expect(await listed(library.rita)).toEqual([[live.open, false]]);
    expect(await listed(library.ada)).toEqual(expect.arrayContaining([[live.open, false], [live.open, true]]));
    expect(await listed(library.ada)).toHaveLength(2);
  });

  it("only on an archived article keep the entity from everyone but admins", async () => {
    const at = await newArticle();
    const mention = await tag(library.bob, at, at.full);
    await library.client.query(`UPDATE "Article" SET "archivedAt" = now() WHERE id = $1`, [at.articleId]);
    expect(await getEntity({ actor: library.rita, entityId: mention.entity!.id })).toBeNull();
    expect(await names(library.rita, at.k)).toEqual([]);
    expect(await getEntity({ actor: library.ada, entityId: mention.entity!.id })).not.toBeNull();
  });
});

describe("with GLOSSA_REQUIRE_SIGN_IN", () => {
  it("search answers 401 and the page nothing to anonymous visitors", async () => {
    const at = await newArticle();
    const mention = await tag(library.ann, at, at.open);
    policy.requireSignIn = true;
    await expect(search(null, "")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await getEntity({ actor: null, entityId: mention.entity!.id })).toBeNull();
    expect(await getEntity({ actor: library.rita, entityId: mention.entity!.id })).not.toBeNull();
  });
});
