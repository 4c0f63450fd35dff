// @vitest-environment jsdom
/**
 * The rest of a long article in a DOM, against a fetch that answers its stretch: the text goes on
 * the page first (with its notes, for the margin counts), the stretch's annotations into the store
 * only once that text is rendered, and the text is "complete" only after them.
 */
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { packReaderState } from "@/lib/annotations/packing";
import { AnnotationStore } from "@/lib/client/annotation-store";
import type { ReaderParagraph } from "./reader-context";
import { highlightOn, noteOn } from "./reader-test-fixtures";
import { useArticleText } from "./use-article-text";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const paragraphs: ReaderParagraph[] = [1, 2, 3].map((position) => ({ id: `p${position}`, position, kind: "PARAGRAPH", text: `Абзац ${position}: «Альянс патриотов» попросил помощи 👍🏽.` }));
const note = noteOn("p3", "n1");
const later = paragraphs.slice(1);
const laterAnnotations = [highlightOn(paragraphs[1]!, 0, 5), highlightOn(paragraphs[2]!, 10, 27)];

let root: Root | undefined;
let container: HTMLDivElement | undefined;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  vi.restoreAllMocks();
});

function Text({ store }: { store: AnnotationStore }) {
  const { paragraphs: shown, status } = useArticleText({ articleId: "art", revision: 1, initialParagraphs: paragraphs.slice(0, 1), paragraphCount: 3, store });
  return createElement("div", { "data-status": status }, ...shown.map((paragraph) => createElement("p", { key: paragraph.id, "data-paragraph-id": paragraph.id }, paragraph.text)));
}

describe("useArticleText", () => {
  it("puts a stretch's text on the page before its annotations into the store, and is complete only after them", async () => {
    const fetched: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (url) => {
      fetched.push(String(url));
      return Response.json({ data: { paragraphs: later, state: packReaderState(laterAnnotations, [note], later.map((paragraph) => paragraph.id)), done: true } });
    });
    const store = new AnnotationStore([], [], ["p1", "p2"]);
    // What the page showed at each merge into the store.
    const merges: { annotations: number; notes: number; onPage: number; status: string | null }[] = [];
    const merge = store.merge.bind(store);
    vi.spyOn(store, "merge").mockImplementation((annotations, notes) => {
      merges.push({ annotations: annotations.length, notes: notes.length, onPage: container!.querySelectorAll("[data-paragraph-id]").length, status: container!.firstElementChild!.getAttribute("data-status") });
      merge(annotations, notes);
    });

    container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root!.render(createElement(Text, { store })));
    for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

    expect(fetched).toEqual(["/api/articles/art/text?revision=1&after=1&limit=500"]);
    expect(merges).toEqual([
      // The notes with the text: the margin buttons render once, with their counts.
      { annotations: 0, notes: 1, onPage: 1, status: "loading" },
      // The annotations once the stretch's text is on the page, before the text is called complete.
      { annotations: 2, notes: 0, onPage: 3, status: "loading" },
    ]);
    expect(container.firstElementChild!.getAttribute("data-status")).toBe("complete");
    expect(store.paragraphAnnotations("p3")).toEqual([laterAnnotations[1]]);
    expect(store.annotation(laterAnnotations[0]!.id)).toEqual(laterAnnotations[0]);
    expect(store.paragraphNotes("p3")).toEqual([note]);
  });

  it("is complete when the next stretch brings no text (the article ended earlier than the page said)", async () => {
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => Response.json({ data: { paragraphs: [], state: packReaderState([], [], []), done: true } }));
    container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root!.render(createElement(Text, { store: new AnnotationStore([], [], []) })));
    for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

    expect(container.firstElementChild!.getAttribute("data-status")).toBe("complete");
    expect(container.querySelectorAll("[data-paragraph-id]")).toHaveLength(1);
  });

  it("puts the text of every stretch already arrived on the page before unpacking their annotations", async () => {
    // 1,001 paragraphs: the first on the page, then two stretches of 500.
    const all: ReaderParagraph[] = Array.from({ length: 1001 }, (_, index) => ({ id: `q${index + 1}`, position: index + 1, kind: "PARAGRAPH", text: `Абзац ${index + 1} «Альянса патриотов».` }));
    vi.spyOn(globalThis, "fetch").mockImplementation(async (url) => {
      const after = Number(new URL(String(url), "http://glossa.test").searchParams.get("after"));
      // The first stretch answers last, as the largest answer may: the second is in when the first comes.
      if (after === 1) await new Promise((resolve) => setTimeout(resolve, 30));
      const stretch = all.slice(after, after + 500);
      const annotations = [highlightOn(stretch[0]!, 0, 5), highlightOn(stretch[1]!, 0, 5)];
      return Response.json({ data: { paragraphs: stretch, state: packReaderState(annotations, [noteOn(stretch[2]!.id, `n${after}`)], stretch.map((paragraph) => paragraph.id)), done: after + 500 >= all.length } });
    });
    const store = new AnnotationStore([], [], []);
    const merges: { annotations: number; notes: number; onPage: number }[] = [];
    const merge = store.merge.bind(store);
    vi.spyOn(store, "merge").mockImplementation((annotations, notes) => {
      merges.push({ annotations: annotations.length, notes: notes.length, onPage: container!.querySelectorAll("[data-paragraph-id]").length });
      merge(annotations, notes);
    });
    function Long() {
      const { paragraphs: shown, stretches, status } = useArticleText({ articleId: "art", revision: 1, initialParagraphs: all.slice(0, 1), paragraphCount: all.length, store });
      return createElement("div", { "data-status": status, "data-stretches": stretches.map((stretch) => stretch.length).join(",") }, ...shown.map((paragraph) => createElement("p", { key: paragraph.id, "data-paragraph-id": paragraph.id }, paragraph.text)));
    }

    container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root!.render(createElement(Long)));
    for (let i = 0; i < 10; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));

    expect(merges.map(({ annotations, notes }) => [annotations, notes])).toEqual([[0, 1], [0, 1], [4, 0]]);
    // The annotations of both stretches in one merge, once all 1,001 paragraphs were on the page.
    expect(merges.at(-1)!.onPage).toBe(1001);
    expect(container.firstElementChild!.getAttribute("data-status")).toBe("complete");
    expect(container.firstElementChild!.getAttribute("data-stretches")).toBe("1,500,500");
    expect(store.paragraphAnnotations("q502")).toHaveLength(1);
  });
});
