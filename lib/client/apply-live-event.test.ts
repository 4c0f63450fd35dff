import { describe, expect, it } from "vitest";
import type { AnnotationDTO, AnnotationOf, NoteDTO } from "@/lib/annotations/types";
import { AnnotationStore } from "@/lib/client/annotation-store";
import { applyLiveEvent } from "./apply-live-event";

const author = { id: "u1", name: "Анна Петрова", color: "#0f766e" };

function annotation(id: string, version: number, extra: Partial<AnnotationOf<"HIGHLIGHT">> = {}): AnnotationDTO {
  return {
    id,
    articleId: "a1",
    paragraphId: "p1",
    kind: "HIGHLIGHT",
    start: 0,
    end: 6,
    exact: "Кремль",
    prefix: "",
    suffix: " 👍🏽",
    color: "yellow",
    entityType: null,
    entity: null,
    visibility: "SHARED",
    anchorStatus: "ANCHORED",
    version,
    author,
    createdAt: "2026-11-28T00:00:00.000Z",
    updatedAt: "2026-11-28T00:00:00.000Z",
    projectId: null,
    ...extra,
  };
}

function note(id: string, version: number, body = "text"): NoteDTO {
  return { id, articleId: "a1", paragraphId: "p1", annotationId: null, parentId: null, body, visibility: "SHARED", version, author, createdAt: "2026-11-28T00:00:00.000Z", updatedAt: "2026-11-28T00:00:00.000Z", projectId: null };
}

describe("applyLiveEvent", () => {
  it("adds, updates and removes annotations; repeating an event changes nothing", () => {
    const store = new AnnotationStore([], []);
    expect(applyLiveEvent(store, { id: "1", type: "annotation.upserted", annotation: annotation("x", 1) })).toBe("applied");
    expect(applyLiveEvent(store, { id: "1", type: "annotation.upserted", annotation: annotation("x", 1) })).toBe("applied");
    expect(store.allAnnotations()).toHaveLength(1);
    applyLiveEvent(store, { id: "2", type: "annotation.upserted", annotation: annotation("x", 2, { color: "green" }) });
    expect(store.annotation("x")?.color).toBe("green");
    expect(applyLiveEvent(store, { id: "3", type: "annotation.deleted", annotationId: "x" })).toBe("applied");
    expect(applyLiveEvent(store, { id: "3", type: "annotation.deleted", annotationId: "x" })).toBe("ignored");
    expect(store.paragraphAnnotations("p1")).toEqual([]);
  });

  it("never replaces a newer version with an older one (our own write came back first)", () => {
    const store = new AnnotationStore([annotation("x", 3, { color: "pink" })], [note("n", 2, "edited")]);
    expect(applyLiveEvent(store, { id: "5", type: "annotation.upserted", annotation: annotation("x", 2, { color: "blue" }) })).toBe("ignored");
    expect(store.annotation("x")?.color).toBe("pink");
    expect(applyLiveEvent(store, { id: "6", type: "note.upserted", note: note("n", 1, "original") })).toBe("ignored");
    expect(store.note("n")?.body).toBe("edited");
    expect(applyLiveEvent(store, { id: "7", type: "note.upserted", note: note("n", 3, "newer") })).toBe("applied");
    expect(store.note("n")?.body).toBe("newer");
  });

  it("a restored annotation (higher version after a delete) comes back", () => {
    const store = new AnnotationStore([annotation("x", 1)], []);
    applyLiveEvent(store, { id: "1", type: "annotation.deleted", annotationId: "x" });
    applyLiveEvent(store, { id: "2", type: "annotation.upserted", annotation: annotation("x", 3) });
    expect(store.annotation("x")?.version).toBe(3);
  });

  it("drops an annotation that became an orphan", () => {
    const store = new AnnotationStore([annotation("x", 1)], []);
    applyLiveEvent(store, { id: "1", type: "annotation.upserted", annotation: annotation("x", 2, { anchorStatus: "ORPHANED" }) });
    expect(store.annotation("x")).toBeUndefined();
  });

  it("notes: add, delete, and a new revision asks for a refetch", () => {
    const store = new AnnotationStore([], []);
    applyLiveEvent(store, { id: "1", type: "note.upserted", note: note("n", 1) });
    expect(store.paragraphNotes("p1").map((n) => n.id)).toEqual(["n"]);
    applyLiveEvent(store, { id: "2", type: "note.deleted", noteId: "n" });
    expect(store.paragraphNotes("p1")).toEqual([]);
    expect(applyLiveEvent(store, { id: "3", type: "article.revised" })).toBe("refetch");
    // A label set changed: the tags' labels and the Tag entity menu are read again.
    expect(applyLiveEvent(store, { id: "4", type: "labels.changed", projectId: "p1" })).toBe("refetch");
  });
});

describe("text loaded after live events (AnnotationStore.merge)", () => {
  it("adds what the stretch carries and notifies only its paragraphs", () => {
    const store = new AnnotationStore([annotation("x", 1)], []);
    const heard: string[] = [];
    store.subscribeParagraph("p1", () => heard.push("p1"));
    store.subscribeParagraph("p9", () => heard.push("p9"));
    store.merge([annotation("y", 1, { paragraphId: "p9", start: 4 }), annotation("z", 1, { paragraphId: "p9", start: 1 })], [{ ...note("n", 1), paragraphId: "p9" }]);
    expect(store.paragraphAnnotations("p9").map((a) => a.id)).toEqual(["z", "y"]);
    expect(store.paragraphNotes("p9").map((n) => n.id)).toEqual(["n"]);
    expect(store.paragraphAnnotations("p1").map((a) => a.id)).toEqual(["x"]);
    expect(heard).toEqual(["p9"]);
  });

  it("keeps a newer version the feed delivered over the older snapshot", () => {
    const store = new AnnotationStore([], []);
    applyLiveEvent(store, { id: "5", type: "annotation.upserted", annotation: annotation("x", 3, { paragraphId: "p9", color: "green" }) });
    applyLiveEvent(store, { id: "6", type: "note.upserted", note: { ...note("n", 2, "edited"), paragraphId: "p9" } });
    store.merge([annotation("x", 2, { paragraphId: "p9" })], [{ ...note("n", 1, "old"), paragraphId: "p9" }]);
    expect(store.annotation("x")?.color).toBe("green");
    expect(store.note("n")?.body).toBe("edited");
  });

  it("does not bring back what was deleted before its paragraph loaded, unless it is restored", () => {
    const store = new AnnotationStore([], []);
    expect(applyLiveEvent(store, { id: "7", type: "annotation.deleted", annotationId: "x" })).toBe("ignored");
    applyLiveEvent(store, { id: "8", type: "note.deleted", noteId: "n" });
    store.merge([annotation("x", 1, { paragraphId: "p9" })], [{ ...note("n", 1), paragraphId: "p9" }]);
    expect(store.annotation("x")).toBeUndefined();
    expect(store.note("n")).toBeUndefined();
    applyLiveEvent(store, { id: "9", type: "annotation.upserted", annotation: annotation("x", 2, { paragraphId: "p9" }) });
    expect(store.paragraphAnnotations("p9").map((a) => a.id)).toEqual(["x"]);
  });

  it("treats what a reset dropped as deleted", () => {
    const store = new AnnotationStore([annotation("x", 1), annotation("y", 1)], []);
    store.reset([annotation("y", 1)], []);
    store.merge([annotation("x", 1)], []);
    expect(store.annotation("x")).toBeUndefined();
  });
});

describe("an own annotation that the live feed brings back before the request answers", () => {
  it("takes the optimistic copy's place instead of showing twice; the answer then changes nothing", () => {
    const store = new AnnotationStore([], []);
    store.upsertAnnotation(annotation("pending-1", 1));
    store.upsertAnnotation(annotation("pending-2", 1, { start: 2, end: 4 }));
    applyLiveEvent(store, { id: "1", type: "annotation.upserted", annotation: annotation("real", 1) });
    expect(store.paragraphAnnotations("p1").map((a) => a.id)).toEqual(["real", "pending-2"]);
    store.upsertAnnotation(annotation("real", 1), "pending-1");
    expect(store.paragraphAnnotations("p1").map((a) => a.id)).toEqual(["real", "pending-2"]);
  });

  it("leaves someone else's identical annotation beside the placeholder", () => {
    const store = new AnnotationStore([], []);
    store.upsertAnnotation(annotation("pending-1", 1));
    applyLiveEvent(store, { id: "1", type: "annotation.upserted", annotation: annotation("theirs", 1, { author: { id: "u2", name: "Other", color: "#000" } }) });
    expect(store.paragraphAnnotations("p1").map((a) => a.id).sort()).toEqual(["pending-1", "theirs"]);
  });
});

describe("a curated.changed event", () => {
  it("tells the whole-article views that the curated layer changed, and leaves the annotations alone", () => {
    const store = new AnnotationStore([annotation("x", 1)], []);
    let heard = 0;
    store.subscribe(() => heard++);
    expect(applyLiveEvent(store, { id: "9", type: "curated.changed", paragraphId: "p1" })).toBe("applied");
    expect(applyLiveEvent(store, { id: "10", type: "curated.changed", paragraphId: "p1" })).toBe("applied");
    expect(store.getCuratedVersion()).toBe(2);
    expect(heard).toBe(2);
    expect(store.getVersion()).toBe(0);
    expect(store.annotation("x")?.version).toBe(1);
  });
});

describe("a suggestion.decided event", () => {
  it("tells the Suggestions regions that a suggestion is gone, once, and leaves the annotations alone", () => {
    const store = new AnnotationStore([annotation("x", 1)], []);
    let heard = 0;
    store.subscribe(() => heard++);
    expect(store.isSuggestionDecided("s1")).toBe(false);
    expect(applyLiveEvent(store, { id: "9", type: "suggestion.decided", suggestionId: "s1", status: "REJECTED" })).toBe("applied");
    expect(store.isSuggestionDecided("s1")).toBe(true);
    expect(store.getSuggestionsVersion()).toBe(1);
    // This reader's own decision coming back from the feed (or a catch-up repeating it) changes nothing.
    expect(applyLiveEvent(store, { id: "10", type: "suggestion.decided", suggestionId: "s1", status: "REJECTED" })).toBe("ignored");
    expect(store.getSuggestionsVersion()).toBe(1);
    expect(heard).toBe(1);
    expect(store.isSuggestionDecided("s2")).toBe(false);
    expect(store.getVersion()).toBe(0);
  });
});
