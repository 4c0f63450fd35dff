// @vitest-environment jsdom
/**
 * The Export menu of a corpus scope in a DOM, against a fetch that streams a file in pieces: the
 * progress bar (named Export progress) counts up to the total the response announced, the file
 * is saved under the server's name, and Cancel export aborts the request.
 */
import { act, createElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExportMenu } from "./export-menu";
import { dispositionFilename } from "./use-streamed-export";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLDivElement | undefined;
const saved: string[] = [];

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => "blob:export");
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  vi.restoreAllMocks();
  saved.length = 0;
});

function render(scope: Parameters<typeof ExportMenu>[0]) {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(createElement(ExportMenu, scope)));
  return container;
}

/** A streamed response whose pieces are released one at a time by `next()`. */
function streamedResponse(pieces: string[], headers: Record<string, string>) {
  let release: () => void = () => {};
  const encoder = new TextEncoder();
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise<void>((resolve) => (release = resolve));
      if (index < pieces.length) controller.enqueue(encoder.encode(pieces[index++]!));
      else controller.close();
    },
  });
  return { response: new Response(body, { headers }), next: () => release() };
}

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

function choose(view: HTMLElement, label: string) {
  act(() => view.querySelector<HTMLButtonElement>("button[aria-haspopup=menu]")!.click());
  const item = [...view.querySelectorAll<HTMLElement>("[role=menuitem]")].find((element) => element.textContent === label)!;
  act(() => item.click());
}

describe("ExportMenu for the library", () => {
  it("shows the progress of a streamed export against the announced total, then saves the file", async () => {
    const header = "article,paragraph,start,end,exact,kind,entity type,entity,speaker,colour,author,created,note\r\n";
    const stream = streamedResponse([header, 'a,1,0,3,abc,HIGHLIGHT,,,,yellow,Ann,2026,"two\r\nlines"\r\n', "b,1,0,3,def,HIGHLIGHT,,,,yellow,Ann,2026,\r\n"], {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": "attachment; filename=\"glossa-library-2026-12-01.csv\"; filename*=UTF-8''glossa-library-2026-12-01.csv",
      "X-Export-Total": "2",
      "X-Export-Unit": "rows",
    });
    const fetchMock = vi.fn(async () => stream.response);
    vi.stubGlobal("fetch", fetchMock);
    const view = render({ scope: { kind: "library" } });
    choose(view, "CSV");
    await settle();
    expect(fetchMock).toHaveBeenCalledWith("/api/exports?format=csv", expect.anything());

    const bar = () => view.querySelector<HTMLElement>("[role=progressbar]")!;
    expect(bar().getAttribute("aria-label")).toBe("Export progress");
    for (const expected of ["0", "1", "2"]) {
      stream.next();
      await settle();
      expect(bar().getAttribute("aria-valuenow")).toBe(expected);
      expect(bar().getAttribute("aria-valuemax")).toBe("2");
    }
    expect(bar().getAttribute("aria-valuetext")).toBe("2 of 2 rows");
    stream.next();
    await settle();
    expect(view.querySelector("[role=progressbar]")).toBeNull();
    expect(view.querySelector("[role=status]")!.textContent).toContain("Export saved as glossa-library-2026-12-01.csv.");
    expect(saved).toEqual(["glossa-library-2026-12-01.csv"]);
  });

  it("cancels: the request is aborted and nothing is saved", async () => {
    let signal: AbortSignal | undefined;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init: RequestInit) => {
        signal = init.signal!;
        return new Promise<Response>((_resolve, reject) => signal!.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))));
      }),
    );
    const view = render({ scope: { kind: "search", q: "Путин lang:ru" } });
    choose(view, "W3C JSON-LD");
    await settle();
    expect(view.querySelector("[role=progressbar]")).not.toBeNull();
    const cancel = [...view.querySelectorAll("button")].find((button) => button.textContent === "Cancel export")!;
    act(() => cancel.click());
    await settle();
    expect(signal?.aborted).toBe(true);
    expect(view.querySelector("[role=status]")!.textContent).toContain("Export cancelled.");
    expect(saved).toEqual([]);
  });

  it("exports one project's articles and layer when the library is filtered to it, and says so while it runs", async () => {
    const fetchMock = vi.fn(async () => new Promise<Response>(() => {}));
    vi.stubGlobal("fetch", fetchMock);
    const view = render({ scope: { kind: "library", project: { id: "desk_1", name: "Politics desk" } } });
    choose(view, "CSV");
    await settle();
    expect(fetchMock).toHaveBeenCalledWith("/api/exports?format=csv&project=desk_1", expect.anything());
    expect(view.textContent).toContain("Exporting the project Politics desk as CSV…");
  });

  it("says why when the server refuses", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Response.json({ error: { code: "UNAUTHENTICATED", message: "Sign in to export the library." } }, { status: 401 })));
    const view = render({ scope: { kind: "library" } });
    choose(view, "Markdown");
    await settle();
    expect(view.querySelector("[role=alert]")!.textContent).toContain("Sign in to export the library.");
  });

  it("keeps an article's items as plain download links", () => {
    const view = render({ articleId: "abc" });
    act(() => view.querySelector<HTMLButtonElement>("button[aria-haspopup=menu]")!.click());
    expect([...view.querySelectorAll("a[role=menuitem]")].map((link) => link.getAttribute("href"))[0]).toBe("/api/articles/abc/export?format=w3c");
  });

  it("names the project layer on screen in an article's links, so the file is the layer this tab shows", () => {
    const view = render({ articleId: "abc", layer: "desk_1" });
    act(() => view.querySelector<HTMLButtonElement>("button[aria-haspopup=menu]")!.click());
    const hrefs = [...view.querySelectorAll("a[role=menuitem]")].map((link) => link.getAttribute("href"));
    expect(hrefs.slice(0, 2)).toEqual(["/api/articles/abc/export?format=w3c&layer=desk_1", "/api/articles/abc/export?format=csv&layer=desk_1"]);
  });
});

describe("dispositionFilename", () => {
  it.each([
    ["attachment; filename=\"______.csv\"; filename*=UTF-8''%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0.csv", "москва.csv"],
    ['attachment; filename="plain.md"', "plain.md"],
    ["attachment; filename*=UTF-8''%E0%A4%A.csv; filename=\"fallback.csv\"", "fallback.csv"],
    [null, "glossa-export.csv"],
  ])("%s", (header, expected) => {
    expect(dispositionFilename(header, "glossa-export.csv")).toBe(expected);
  });
});

describe("ExportMenu for an article", () => {
  it("offers the curated layer in every format, in a group of its own, after the article's own files", () => {
    const view = render({ articleId: "art 1" });
    act(() => view.querySelector<HTMLButtonElement>("button[aria-haspopup=menu]")!.click());
    const group = view.querySelector<HTMLElement>("[role=menu] [role=group]")!;
    expect(document.getElementById(group.getAttribute("aria-labelledby")!)!.textContent).toBe("Curated (gold)");
    const curated = [...group.querySelectorAll<HTMLAnchorElement>("[role=menuitem]")];
    expect(curated.map((item) => [item.getAttribute("aria-label"), item.getAttribute("href")])).toEqual([
      ["Curated W3C JSON-LD", "/api/articles/art%201/curated/export?format=w3c"],
      ["Curated CSV", "/api/articles/art%201/curated/export?format=csv"],
      ["Curated Markdown", "/api/articles/art%201/curated/export?format=markdown"],
      ["Curated CoNLL (IOB2)", "/api/articles/art%201/curated/export?format=conll"],
      ["Curated doccano JSONL", "/api/articles/art%201/curated/export?format=doccano"],
      ["Curated spaCy JSONL", "/api/articles/art%201/curated/export?format=spacy"],
    ]);
    expect(curated.every((item) => item.hasAttribute("download"))).toBe(true);
    // The arrow keys reach them after the article's own six items.
    const all = [...view.querySelectorAll<HTMLElement>("[role=menuitem]")];
    expect(all).toHaveLength(12);
    expect(all.indexOf(curated[0]!)).toBe(6);
  });

  it("has no Curated group for the library", () => {
    const view = render({ scope: { kind: "library" } });
    act(() => view.querySelector<HTMLButtonElement>("button[aria-haspopup=menu]")!.click());
    expect(view.querySelector("[role=group]")).toBeNull();
  });
});
