import { describe, expect, it } from "vitest";
import type { AnnotationDTO, ArticleEventDTO, NoteDTO } from "@/lib/annotations/types";
import type { Actor, ArticleFacts, Readable, WorkFacts } from "@/lib/permissions";
import { asDeletion, liveDelivery, planReplay, replayDelivery, type LiveEventFacts, type LoggedChange, type Viewer } from "./replay";

const person = (id: string, role: Actor["role"] = "ANNOTATOR"): Actor => ({ id, name: id, email: `${id}@test`, role, color: "#000" });
const open = { requireSignIn: false };
const ann: Viewer = { actor: person("ann"), policy: open };
const bob: Viewer = { actor: person("bob"), policy: open };
const reader: Viewer = { actor: person("rea", "READER"), policy: open };
const admin: Viewer = { actor: person("adm", "ADMIN"), policy: open };
const anonymous: Viewer = { actor: null, policy: open };
const anonymousWhenSignInRequired: Viewer = { actor: null, policy: { requireSignIn: true } };

const live: ArticleFacts = { archivedAt: null };
const archived: ArticleFacts = { archivedAt: "2026-11-30T00:00:00.000Z" };

const change = (id: number, type: LoggedChange["type"], entityId: string | null, audienceId: string | null = null): LoggedChange => ({ id: BigInt(id), type, entityId, audienceId });

describe("planReplay collapses the log to one item per annotation or note", () => {
  it.each<[string, LoggedChange[], ReturnType<typeof planReplay>]>([
    ["nothing", [], { kind: "replay", items: [], cursor: null }],
    [
      "a note created, edited twice: one item, at its newest event, created in the window",
      [change(3, "note.upserted", "n1"), change(5, "note.upserted", "n1"), change(9, "note.upserted", "n1")],
      { kind: "replay", cursor: BigInt(9), items: [{ entity: "note", entityId: "n1", eventId: BigInt(9), audienceIds: [null] }] },
    ],
    [
      "edited then deleted (existed before the window)",
      [change(4, "note.upserted", "n1"), change(6, "note.deleted", "n1")],
      { kind: "replay", cursor: BigInt(6), items: [{ entity: "note", entityId: "n1", eventId: BigInt(6), audienceIds: [null] }] },
    ],
    [
      "items ordered by their newest event; an annotation and a note may share an id",
      [change(1, "annotation.upserted", "x"), change(2, "note.upserted", "x"), change(3, "annotation.deleted", "x")],
      {
        kind: "replay",
        cursor: BigInt(3),
        items: [
          { entity: "note", entityId: "x", eventId: BigInt(2), audienceIds: [null] },
          { entity: "annotation", entityId: "x", eventId: BigInt(3), audienceIds: [null] },
        ],
      },
    ],
    [
      "made private: the deletion for everyone and the private upsert for its author",
      [change(7, "note.deleted", "n1", null), change(8, "note.upserted", "n1", "ann")],
      { kind: "replay", cursor: BigInt(8), items: [{ entity: "note", entityId: "n1", eventId: BigInt(8), audienceIds: [null, "ann"] }] },
    ],
    ["a new revision in the window: refetch", [change(1, "note.upserted", "n1"), change(2, "article.revised", null)], { kind: "reset", reason: "revised" }],
    [
      "suggestions decided in the window: one item each, beside the quote one of them made",
      [change(1, "suggestion.decided", "s1"), change(2, "annotation.upserted", "q1"), change(3, "suggestion.decided", "s2")],
      {
        kind: "replay",
        cursor: BigInt(3),
        items: [
          { entity: "suggestion", entityId: "s1", eventId: BigInt(1), audienceIds: [null] },
          { entity: "annotation", entityId: "q1", eventId: BigInt(2), audienceIds: [null] },
          { entity: "suggestion", entityId: "s2", eventId: BigInt(3), audienceIds: [null] },
        ],
      },
    ],
  ])("%s", (_name, changes, expected) => {
    expect(planReplay(changes)).toEqual(expected);
  });

  it("resets (and reads the page again) when a label set changed in the window", () => {
    expect(planReplay([change(3, "note.upserted", "n1"), change(4, "labels.changed", null)])).toEqual({ kind: "reset", reason: "revised" });
  });

  it("resets when more items changed than it replays, however many events each had", () => {
    const many = Array.from({ length: 4 }, (_, n) => change(n + 1, "note.deleted", `n${n}`));
    expect(planReplay(many, 3)).toEqual({ kind: "reset", reason: "gap" });
    const repeated = Array.from({ length: 100 }, (_, n) => change(n + 1, "note.upserted", `n${n % 3}`));
    expect(planReplay(repeated, 3)).toMatchObject({ kind: "replay", cursor: BigInt(100) });
  });
});

const work = (authorId: string, visibility: WorkFacts["visibility"], deletedAt: string | null = null): WorkFacts => ({ authorId, visibility, deletedAt });
const noteOf = (note: WorkFacts, annotation: WorkFacts | null = null, article = live): Readable => ({ type: "note", article, note, annotation });

describe("replayDelivery: the current state, as this viewer may read it now", () => {
  const everyone = { audienceIds: [null] };
  it.each<[string, Viewer, Readable | null, { audienceIds: (string | null)[] }, string]>([
    ["a shared note: sent to anyone", anonymous, noteOf(work("ann", "SHARED")), everyone, "send"],
    ["anonymous when sign-in is required: nothing", anonymousWhenSignInRequired, noteOf(work("ann", "SHARED")), everyone, "delete"],
    ["deleted since: a bare deletion", bob, noteOf(work("ann", "SHARED", "2026-12-01")), everyone, "delete"],
    ["gone from the table: a bare deletion", bob, null, everyone, "delete"],
    ["made private: a deletion for others", bob, noteOf(work("ann", "PRIVATE")), { audienceIds: [null, "ann"] }, "delete"],
    ["made private: the current row for its author", ann, noteOf(work("ann", "PRIVATE")), { audienceIds: [null, "ann"] }, "send"],
    ["private from the start, someone else's: nothing at all", bob, noteOf(work("ann", "PRIVATE")), { audienceIds: ["ann"] }, "skip"],
    ["someone else's private note edited and deleted: nothing at all", bob, null, { audienceIds: ["ann"] }, "skip"],
    ["a shared note on a highlight made private: a deletion for others", bob, noteOf(work("bob", "SHARED"), work("ann", "PRIVATE")), everyone, "delete"],
    ["…and even for the note's author, who cannot see the highlight", bob, noteOf(work("bob", "SHARED"), work("ann", "PRIVATE")), everyone, "delete"],
    ["…while the highlight's author still reads it", ann, noteOf(work("bob", "SHARED"), work("ann", "PRIVATE")), everyone, "send"],
    ["an archived article: nothing for a reader", reader, noteOf(work("ann", "SHARED"), null, archived), everyone, "delete"],
    ["an archived article: admins read it", admin, noteOf(work("ann", "SHARED"), null, archived), everyone, "send"],
    ["an admin never reads another's private work", admin, noteOf(work("ann", "PRIVATE")), { audienceIds: [null, "ann"] }, "delete"],
  ])("%s", (_name, viewer, current, item, expected) => {
    expect(replayDelivery(viewer, current, item)).toBe(expected);
  });
});

const author = { id: "ann", name: "Ann", color: "#000" };
const note = (version: number, visibility: NoteDTO["visibility"] = "SHARED"): NoteDTO => ({
  id: "n1",
  articleId: "a1",
  paragraphId: "p1",
  annotationId: "h1",
  parentId: null,
  body: "Тбилиси 👍🏽",
  visibility,
  version,
  author,
  createdAt: "2026-12-01T00:00:00.000Z",
  updatedAt: "2026-12-01T00:00:00.000Z",
  projectId: null,
});
const highlight = (version: number, visibility: AnnotationDTO["visibility"] = "SHARED"): AnnotationDTO => ({
  id: "h1",
  articleId: "a1",
  paragraphId: "p1",
  kind: "HIGHLIGHT",
  start: 0,
  end: 7,
  exact: "Тбилиси",
  prefix: "",
  suffix: "",
  color: "yellow",
  entityType: null,
  entity: null,
  visibility,
  anchorStatus: "ANCHORED",
  version,
  author,
  createdAt: "2026-12-01T00:00:00.000Z",
  updatedAt: "2026-12-01T00:00:00.000Z",
  projectId: null,
});
const facts = (event: ArticleEventDTO, audienceId: string | null = null, extra: Partial<LiveEventFacts> = {}): LiveEventFacts => ({
  event,
  audienceId,
  article: live,
  noteAnnotation: null,
  ...extra,
});

describe("liveDelivery: each live event checked for each viewer at send time", () => {
  it.each<[string, Viewer, LiveEventFacts, string]>([
    ["a shared note: sent", anonymous, facts({ id: "1", type: "note.upserted", note: note(1) }), "send"],
    ["a private note: only its author", ann, facts({ id: "1", type: "note.upserted", note: note(1, "PRIVATE") }, "ann"), "send"],
    ["someone else's private note: nothing", bob, facts({ id: "1", type: "note.upserted", note: note(2, "PRIVATE") }, "ann"), "skip"],
    ["someone else's private deletion: nothing", bob, facts({ id: "1", type: "note.deleted", noteId: "n1" }, "ann"), "skip"],
    ["a deletion for everyone", anonymous, facts({ id: "1", type: "note.deleted", noteId: "n1" }), "send"],
    [
      "a shared note on a highlight made private since: a deletion for others",
      bob,
      facts({ id: "1", type: "note.upserted", note: note(2) }, null, { noteAnnotation: work("ann", "PRIVATE") }),
      "delete",
    ],
    ["…sent to the highlight's author", ann, facts({ id: "1", type: "note.upserted", note: note(2) }, null, { noteAnnotation: work("ann", "PRIVATE") }), "send"],
    ["a shared highlight: sent", reader, facts({ id: "1", type: "annotation.upserted", annotation: highlight(1) }), "send"],
    ["an archived article: nothing for a reader", reader, facts({ id: "1", type: "article.revised" }, null, { article: archived }), "skip"],
    ["an archived article: admins get it", admin, facts({ id: "1", type: "annotation.upserted", annotation: highlight(3) }, null, { article: archived }), "send"],
    ["sign-in required, anonymous: nothing", anonymousWhenSignInRequired, facts({ id: "1", type: "note.deleted", noteId: "n1" }), "skip"],
    ["a suggestion decided: sent to whoever reads the article", reader, facts({ id: "1", type: "suggestion.decided", suggestionId: "s1", status: "REJECTED" }), "send"],
    ["a suggestion decided on an archived article: nothing for a reader", reader, facts({ id: "1", type: "suggestion.decided", suggestionId: "s1", status: "ACCEPTED" }, null, { article: archived }), "skip"],
  ])("%s", (_name, viewer, event, expected) => {
    expect(liveDelivery(viewer, event)).toBe(expected);
  });

  // Projects: the politics desk is Closed (Ann is its member); the newsroom is Open.
  const desk = { access: "CLOSED" as const, memberIds: ["ann"] };
  const newsroom = { access: "OPEN" as const, memberIds: [] };
  it.each<[string, Viewer, LiveEventFacts, string]>([
    ["the desk's layer, a member", ann, facts({ id: "1", type: "annotation.upserted", annotation: highlight(1) }, null, { articleProjects: [desk, newsroom], layer: desk }), "send"],
    ["the desk's layer, a non-member reading through the Open project: a deletion", bob, facts({ id: "1", type: "annotation.upserted", annotation: highlight(1) }, null, { articleProjects: [desk, newsroom], layer: desk }), "delete"],
    ["the desk's note, a non-member: a deletion", bob, facts({ id: "1", type: "note.upserted", note: note(1) }, null, { articleProjects: [desk, newsroom], layer: desk }), "delete"],
    ["the Open layer, anyone", anonymous, facts({ id: "1", type: "annotation.upserted", annotation: highlight(1) }, null, { articleProjects: [desk, newsroom], layer: newsroom }), "send"],
    ["an article only the desk has, a non-member (or a removed member): nothing at all", bob, facts({ id: "1", type: "article.revised" }, null, { articleProjects: [desk] }), "skip"],
    ["a suggestion decided on an article only the desk has, a non-member: nothing", bob, facts({ id: "1", type: "suggestion.decided", suggestionId: "s1", status: "ACCEPTED" }, null, { articleProjects: [desk] }), "skip"],
    ["…a member: sent", ann, facts({ id: "1", type: "suggestion.decided", suggestionId: "s1", status: "ACCEPTED" }, null, { articleProjects: [desk] }), "send"],
    ["an article only the desk has, an admin", admin, facts({ id: "1", type: "annotation.upserted", annotation: highlight(1) }, null, { articleProjects: [desk], layer: desk }), "send"],
  ])("projects: %s", (_name, viewer, event, expected) => {
    expect(liveDelivery(viewer, event)).toBe(expected);
  });

  // The reader's Project layer: a reader on the newsroom's layer does not hear of the desk's live work, even when they may read it.
  it.each<[string, Viewer, LiveEventFacts, string]>([
    ["the layer on screen: sent", { ...ann, layer: "desk" }, facts({ id: "1", type: "annotation.upserted", annotation: { ...highlight(1), projectId: "desk" } }, null, { articleProjects: [desk, newsroom], layer: desk }), "send"],
    ["another layer they may read: nothing", { ...ann, layer: "newsroom" }, facts({ id: "1", type: "annotation.upserted", annotation: { ...highlight(1), projectId: "desk" } }, null, { articleProjects: [desk, newsroom], layer: desk }), "skip"],
    ["another layer's note: nothing", { ...ann, layer: "newsroom" }, facts({ id: "1", type: "note.upserted", note: { ...note(1), projectId: "desk" } }, null, { articleProjects: [desk, newsroom], layer: desk }), "skip"],
    ["the Open layer's note, on the Open layer: sent", { ...bob, layer: "newsroom" }, facts({ id: "1", type: "note.upserted", note: { ...note(1), projectId: "newsroom" } }, null, { articleProjects: [desk, newsroom], layer: newsroom }), "send"],
    ["no layer chosen (every readable layer): sent", ann, facts({ id: "1", type: "annotation.upserted", annotation: { ...highlight(1), projectId: "desk" } }, null, { articleProjects: [desk, newsroom], layer: desk }), "send"],
    ["a label change of the layer on screen: sent", { ...ann, layer: "desk" }, facts({ id: "1", type: "labels.changed", projectId: "desk" }, null, { articleProjects: [desk, newsroom] }), "send"],
    ["a label change of another layer: nothing", { ...bob, layer: "newsroom" }, facts({ id: "1", type: "labels.changed", projectId: "desk" }, null, { articleProjects: [desk, newsroom] }), "skip"],
  ])("layers: %s", (_name, viewer, event, expected) => {
    expect(liveDelivery(viewer, event)).toBe(expected);
  });

  it("a deletion keeps the event id and carries no content", () => {
    expect(asDeletion({ id: "42", type: "note.upserted", note: note(2) })).toEqual({ id: "42", type: "note.deleted", noteId: "n1" });
    expect(asDeletion({ id: "43", type: "annotation.upserted", annotation: highlight(2) })).toEqual({ id: "43", type: "annotation.deleted", annotationId: "h1" });
  });
});
