/**
 * A paragraph's snapshots: marks only once painted (an off-screen paragraph keeps the same
 * snapshot while annotations are merged into it, so it does not render again), and its thread count.
 */
import { describe, expect, it } from "vitest";
import { AnnotationStore } from "@/lib/client/annotation-store";
import { paragraphMarks, paragraphThreadCount, UNPAINTED } from "./paragraph-snapshot";
import { highlightOn, noteOn } from "./reader-test-fixtures";

const text = "Песков: Путин провёл переговоры с Пашиняном 👍🏽 в Кремле.";
const highlight = (id: string, paragraphId: string, start: number) => highlightOn({ id: paragraphId, text }, start, start + 5, id);

describe("paragraphMarks", () => {
  it("keeps an unpainted paragraph's snapshot while its annotations arrive, and shows them once painted", () => {
    const store = new AnnotationStore([highlight("a1", "near", 0)], [], ["near"]);
    const before = paragraphMarks(store, "far");
    expect(before).toBe(UNPAINTED);
    store.merge([highlight("a2", "far", 0), highlight("a3", "far", 10)], []);
    expect(paragraphMarks(store, "far")).toBe(before);

    store.paint("far");
    expect(paragraphMarks(store, "far").map((annotation) => annotation.id)).toEqual(["a2", "a3"]);
    // A painted paragraph with nothing on it is not "unpainted": it left the paint observer.
    store.paint("empty");
    expect(paragraphMarks(store, "empty")).toEqual([]);
    expect(paragraphMarks(store, "empty")).not.toBe(UNPAINTED);
  });

  it("gives a painted paragraph the same list until something in it changes", () => {
    const store = new AnnotationStore([highlight("a1", "near", 0)], [], ["near"]);
    const first = paragraphMarks(store, "near");
    store.merge([highlight("a2", "other", 0)], []);
    expect(paragraphMarks(store, "near")).toBe(first);
    store.upsertAnnotation(highlight("a3", "near", 20));
    expect(paragraphMarks(store, "near").map((annotation) => annotation.id)).toEqual(["a1", "a3"]);
  });
});

describe("paragraphThreadCount", () => {
  it("counts the threads on the paragraph itself, as the notes sheet shows them: not replies, nor notes on its annotations", () => {
    const store = new AnnotationStore([highlight("a1", "p", 0)], [noteOn("p", "n1"), noteOn("p", "n2", { parentId: "n1" }), noteOn("p", "n3", { parentId: "n1" }), noteOn("p", "n4"), noteOn("p", "n5", { annotationId: "a1" })]);
    expect(paragraphThreadCount(store, "p")).toBe(2);
    expect(paragraphThreadCount(store, "q")).toBe(0);
  });

  it("counts replies whose first note this reader cannot see (someone's private note) as one thread", () => {
    const store = new AnnotationStore([], [noteOn("p", "r1", { parentId: "hidden" }), noteOn("p", "r2", { parentId: "hidden" }), noteOn("p", "r3", { parentId: "gone" })]);
    expect(paragraphThreadCount(store, "p")).toBe(2);
  });
});
