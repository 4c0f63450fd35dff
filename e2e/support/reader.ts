import { randomInt } from "node:crypto";
import { expect, type Locator, type Page, type Response } from "@playwright/test";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { findSampleInLibrary, SAMPLE_PARAGRAPHS } from "./sample";
import { E2E_BASE_URL } from "./urls";

export type { AnnotationDTO, NoteDTO };

/** The seeded sample article as the reader serves it. */
export interface SampleArticle {
  path: string;
  articleId: string;
  /** `paragraphIds[n - 1]` is the id of `#p-n`. */
  paragraphIds: string[];
}

// The database lives as long as the run, so one look per worker is enough.
let sample: SampleArticle | null = null;

/** The stored text of the sample's paragraph `n` (1-based, as in `#p-n`). */
export function paragraphText(n: number): string {
  const text = SAMPLE_PARAGRAPHS[n - 1];
  if (text === undefined) throw new Error(`The sample has no paragraph ${n}.`);
  return text;
}

/** UTF-16 offsets of the `occurrence`-th `phrase` in paragraph `n`; fails loudly if it is not there. */
export function offsetsOf(n: number, phrase: string, occurrence = 1): { start: number; end: number } {
  const text = paragraphText(n);
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    start = text.indexOf(phrase, start + 1);
    if (start < 0) throw new Error(`“${phrase}” occurs fewer than ${occurrence} times in paragraph ${n}.`);
  }
  return { start, end: start + phrase.length };
}

/** A W3C position + quote selector for `phrase` in paragraph `n`, as the reader would send it. */
export function selectorOf(n: number, phrase: string, occurrence = 1) {
  const text = paragraphText(n);
  const { start, end } = offsetsOf(n, phrase, occurrence);
  return { start, end, exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

/** A selector for a random slice of paragraph `n`: data no other test is likely to write. */
export function randomSelector(n: number) {
  const text = paragraphText(n);
  const start = randomInt(0, text.length - 40);
  const end = start + randomInt(8, 40);
  return { start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

/**
 * Opens the sample article in the reader (at `hash`, e.g. `#a-<id>`) and
 * waits until it is interactive, so selections and clicks are handled.
 */
export async function openSample(page: Page, hash = ""): Promise<SampleArticle> {
  if (!sample) {
    const href = await (await findSampleInLibrary(page)).getAttribute("href");
    if (!href) throw new Error("The library does not link to the sample article.");
    await page.goto(href + hash);
    await waitForReader(page);
    const articleId = await page.locator("[data-article-id]").getAttribute("data-article-id");
    const paragraphIds = await page.locator("[data-paragraph-id]").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-paragraph-id")!));
    if (!articleId) throw new Error("The reader does not say which article it shows (data-article-id).");
    sample = { path: href, articleId, paragraphIds };
    return sample;
  }
  // A new hash on the page already shown would only scroll it: load the article afresh, as a followed link does.
  if (hash && new URL(page.url(), "http://x").pathname === sample.path) await page.goto("about:blank");
  await page.goto(sample.path + hash);
  await waitForReader(page);
  return sample;
}

/** Opens an article (by its reader path) and waits until the reader is interactive. */
export async function openReader(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForReader(page);
}

/** Reloads the reader and waits until it is interactive. */
export async function reloadReader(page: Page): Promise<void> {
  await page.reload();
  await waitForReader(page);
}

async function waitForReader(page: Page): Promise<void> {
  await expect(page.locator("[data-article-id]")).toBeVisible();
  // Interactive: the reader marks the moment its effects have run (the selection toolbar's listener,
  // the live feed, deep links), as the reader benchmark reads it. Polled, with a limit: waiting for an
  // animation frame instead hung a test until its 60 s timeout when a busy machine stalled the
  // renderer's frames (api-tokens.spec.ts), with no word of what it was waiting for.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName("glossa:reader-interactive").length > 0), { message: "The reader did not become interactive." })
    .toBe(true);
}

/** The sample paragraph `#p-n`. */
export const paragraph = (page: Page, n: number): Locator => page.locator(`#p-${n}`);

/** Every rendered piece of one annotation. */
export const marksOf = (page: Page, id: string): Locator => page.locator(`mark[data-annotation-id="${id}"]`);

/** The toolbar that follows a selection in the article. */
export const selectionToolbar = (page: Page): Locator => page.getByRole("toolbar", { name: "Annotate selection" });

/** The reader's live status ("Live", "Connecting…", "Reconnecting…"). */
export const liveStatus = (page: Page): Locator => page.getByRole("status").filter({ hasText: /^(Live|Connecting…|Reconnecting…)$/ });

export interface TextPoint {
  paragraph: number;
  offset: number;
}

/**
 * Selects text programmatically, from a point to a point (offsets in the
 * paragraphs' text, across any marks already rendered in them), as a
 * script or assistive technology would.
 */
export async function selectBetween(page: Page, from: TextPoint, to: TextPoint): Promise<void> {
  await page.evaluate(
    ({ from, to }) => {
      const point = (at: { paragraph: number; offset: number }, isEnd: boolean): [Node, number] => {
        const element = document.getElementById(`p-${at.paragraph}`)!;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let total = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (at.offset < total + length || (isEnd && at.offset === total + length)) return [node, at.offset - total];
          total += length;
        }
        throw new Error(`Offset ${at.offset} is beyond paragraph ${at.paragraph}.`);
      };
      document.getElementById(`p-${from.paragraph}`)!.scrollIntoView({ block: "center" });
      const range = document.createRange();
      range.setStart(...point(from, false));
      range.setEnd(...point(to, true));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { from, to },
  );
}

/** Selects `phrase` (its `occurrence`-th time) in paragraph `n` programmatically. */
export async function selectPhrase(page: Page, n: number, phrase: string, occurrence = 1): Promise<void> {
  const { start, end } = offsetsOf(n, phrase, occurrence);
  await selectBetween(page, { paragraph: n, offset: start }, { paragraph: n, offset: end });
}

/**
 * Selects with a real mouse drag: presses on the left part of the first
 * character and releases on the right part of the last one, so the
 * browser's own hit-testing decides the range, as for a person.
 */
export async function dragSelect(page: Page, from: TextPoint, to: TextPoint): Promise<void> {
  // Other tests' annotations arrive live and may reflow the text between measuring and dragging:
  // then the browser selected other words, and the drag is made again on the new layout.
  for (let attempt = 1; ; attempt++) {
    await dragOnce(page, from, to);
    const selected = await selectedPoints(page);
    if ((selected && sameWords(selected[0]!, from, "start") && sameWords(selected[1]!, to, "end")) || attempt === 3) return;
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
  }
}

/** Whether two boundary points are the same once spaces next to them (which the reader trims) are skipped. */
function sameWords(actual: TextPoint, expected: TextPoint, side: "start" | "end"): boolean {
  const skip = ({ paragraph: n, offset }: TextPoint) => {
    const text = paragraphText(n);
    if (side === "start") while (offset < text.length && /\s/.test(text[offset]!)) offset++;
    else while (offset > 0 && /\s/.test(text[offset - 1]!)) offset--;
    return offset;
  };
  return actual.paragraph === expected.paragraph && skip(actual) === skip(expected);
}

/** Where the document's selection begins and ends, as paragraph text offsets (null if none). */
async function selectedPoints(page: Page): Promise<TextPoint[] | null> {
  return page.evaluate(() => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const locate = (container: Node, offset: number) => {
      const element = (container.nodeType === Node.TEXT_NODE ? container.parentElement : (container as Element))?.closest<HTMLElement>("[data-paragraph-id]");
      if (!element || container.nodeType !== Node.TEXT_NODE) return { paragraph: -1, offset: -1 };
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let total = 0;
      for (let node = walker.nextNode(); node && node !== container; node = walker.nextNode()) total += node.textContent!.length;
      return { paragraph: Number(element.id.slice(2)), offset: total + offset };
    };
    return [locate(range.startContainer, range.startOffset), locate(range.endContainer, range.endOffset)];
  });
}

async function dragOnce(page: Page, from: TextPoint, to: TextPoint): Promise<void> {
  const points = await page.evaluate(
    ({ from, to }) => {
      const charRect = (at: { paragraph: number; offset: number }, last: boolean): DOMRect => {
        const element = document.getElementById(`p-${at.paragraph}`)!;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let total = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (at.offset < total + length) {
            const range = document.createRange();
            range.setStart(node, at.offset - total);
            range.setEnd(node, at.offset - total + 1);
            const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
            // A space where a line wraps has no width: use its neighbour inside the range instead.
            if (rects.length === 0) return charRect({ paragraph: at.paragraph, offset: at.offset + (last ? -1 : 1) }, last);
            return last ? rects.at(-1)! : rects[0]!;
          }
          total += length;
        }
        throw new Error(`Offset ${at.offset} is beyond paragraph ${at.paragraph}.`);
      };
      document.getSelection()?.removeAllRanges();
      document.getElementById(`p-${from.paragraph}`)!.scrollIntoView({ block: "center" });
      const first = charRect(from, false);
      const last = charRect({ paragraph: to.paragraph, offset: to.offset - 1 }, true);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    { from, to },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 });
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

/**
 * Drags the mouse over `phrase` in paragraph `n`, from the space before it
 * (the reader trims it): a drag must begin on plain text, because Chromium
 * starts no selection inside a focusable mark, such as an earlier highlight
 * of the same words.
 */
export async function dragOverPhrase(page: Page, n: number, phrase: string, occurrence = 1): Promise<void> {
  const { start, end } = offsetsOf(n, phrase, occurrence);
  if (!/\s/.test(paragraphText(n)[start - 1] ?? "")) throw new Error(`“${phrase}” in paragraph ${n} must follow a space to be dragged over.`);
  await dragSelect(page, { paragraph: n, offset: start - 1 }, { paragraph: n, offset: end });
}

const isCreateAnnotation = (response: Response) =>
  response.request().method() === "POST" && /\/api\/articles\/[^/]+\/annotations$/.test(new URL(response.url()).pathname);

/**
 * Resolves with the next `count` annotations the page creates (the server's
 * answers), failing at once if the server refuses one. Start it before the action.
 */
export function nextCreatedAnnotations(page: Page, count = 1): Promise<AnnotationDTO[]> {
  return new Promise((resolve, reject) => {
    const created: AnnotationDTO[] = [];
    const onResponse = async (response: Response) => {
      if (!isCreateAnnotation(response)) return;
      if (response.status() !== 201) {
        page.off("response", onResponse);
        reject(new Error(`Creating an annotation answered ${response.status()}: ${await response.text()}`));
        return;
      }
      created.push(((await response.json()) as { data: AnnotationDTO }).data);
      if (created.length === count) {
        page.off("response", onResponse);
        resolve(created);
      }
    };
    page.on("response", onResponse);
  });
}

/** Resolves with the server's answer to the page's next PATCH of an annotation. */
export async function nextAnnotationUpdate(page: Page): Promise<AnnotationDTO> {
  const response = await page.waitForResponse((candidate) => candidate.request().method() === "PATCH" && new URL(candidate.url()).pathname.startsWith("/api/annotations/"));
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: AnnotationDTO }).data;
}

// ---- the JSON API, with the page's session ----

export interface ApiAnswer<T = unknown> {
  status: number;
  data?: T;
  error?: { code: string; message: string; details?: unknown };
}

type Method = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * Calls the API as `page`'s user. `body` undefined sends none; a string is
 * sent byte for byte (with a JSON content type), anything else as JSON.
 */
export async function callApi<T = unknown>(page: Page, method: Method, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  // As the browser's fetch would: state-changing requests with cookies must carry their Origin (lib/server/route/origin.ts).
  const headers: Record<string, string> = { Origin: new URL(path, E2E_BASE_URL).origin };
  let data: Buffer | undefined;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    // A Buffer: Playwright would JSON-encode a string that does not parse, hiding the bad body.
    data = Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
  }
  const response = await fetchOnce(page, path, { method, headers, data });
  const text = await response.text();
  let json: { data?: T; error?: ApiAnswer["error"] } = {};
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new Error(`${method} ${path} answered ${response.status()} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  return { status: response.status(), data: json.data, error: json.error };
}

/**
 * Sends one request; if the connection was reset before any answer (the server
 * closing an idle kept-alive socket just as it is reused), sends it again, as
 * browsers do: the server never saw the first one.
 */
async function fetchOnce(page: Page, path: string, options: { method: Method; headers: Record<string, string>; data?: Buffer }) {
  try {
    return await page.request.fetch(path, options);
  } catch (error) {
    if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
    return page.request.fetch(path, options);
  }
}

/** Everything on the article that `page`'s user may see. */
export async function listArticle(page: Page, articleId: string): Promise<{ annotations: AnnotationDTO[]; notes: NoteDTO[] }> {
  const answer = await callApi<{ annotations: AnnotationDTO[]; notes: NoteDTO[] }>(page, "GET", `/api/articles/${articleId}/annotations`);
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  return answer.data!;
}

export type HighlightInput = { paragraph: number; phrase: string; occurrence?: number; color?: string; note?: string; visibility?: "SHARED" | "PRIVATE" };

/** Creates a highlight through the API as `page`'s user (fast set-up for tests about something else). */
export async function createHighlight(page: Page, article: SampleArticle, input: HighlightInput): Promise<AnnotationDTO> {
  const answer = await callApi<AnnotationDTO>(page, "POST", `/api/articles/${article.articleId}/annotations`, {
    kind: "HIGHLIGHT",
    paragraphId: article.paragraphIds[input.paragraph - 1],
    ...selectorOf(input.paragraph, input.phrase, input.occurrence),
    color: input.color ?? "yellow",
    visibility: input.visibility ?? "SHARED",
    ...(input.note ? { note: input.note } : {}),
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  return answer.data!;
}

/** Creates an entity tag through the API as `page`'s user. */
export async function createEntityTag(
  page: Page,
  article: SampleArticle,
  input: { paragraph: number; phrase: string; occurrence?: number; entityTypeId: string; visibility?: "SHARED" | "PRIVATE" },
): Promise<AnnotationDTO> {
  const answer = await callApi<AnnotationDTO>(page, "POST", `/api/articles/${article.articleId}/annotations`, {
    kind: "ENTITY",
    paragraphId: article.paragraphIds[input.paragraph - 1],
    ...selectorOf(input.paragraph, input.phrase, input.occurrence),
    entityTypeId: input.entityTypeId,
    visibility: input.visibility ?? "SHARED",
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  return answer.data!;
}

/** Writes a note (or a reply, with `parentId`) through the API as `page`'s user. */
export async function createNote(
  page: Page,
  article: SampleArticle,
  input: { paragraph: number; body: string; parentId?: string; annotationId?: string; visibility?: "SHARED" | "PRIVATE" },
): Promise<NoteDTO> {
  const { paragraph: n, ...rest } = input;
  const answer = await callApi<NoteDTO>(page, "POST", `/api/articles/${article.articleId}/notes`, { paragraphId: article.paragraphIds[n - 1], visibility: "SHARED", ...rest });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  return answer.data!;
}

const entityTypeIds = new Map<string, string>();

/**
 * The id of the entity type labelled `label` (e.g. "Person"), learnt the way
 * the reader knows it: by tagging a word through the UI (then deleting the
 * tag). `page` must be signed in as someone who may annotate.
 */
export async function entityTypeIdOf(page: Page, label: string): Promise<string> {
  return (await entityTypeIdsOf(page, [label]))[0]!;
}

/**
 * The ids of several entity types (see entityTypeIdOf), learnt in one visit of
 * the sample: a page load each costs seconds on a busy machine, and a test
 * that learnt three types one visit at a time spent a third of its minute there.
 */
export async function entityTypeIdsOf<const Labels extends readonly string[]>(page: Page, labels: Labels): Promise<{ [K in keyof Labels]: string }> {
  const unknown = labels.filter((label) => !entityTypeIds.has(label));
  if (unknown.length > 0) await openSample(page);
  for (const label of unknown) {
    // A random slice: a name no one else tags at the same moment.
    const { start, end } = randomSelector(6);
    await selectBetween(page, { paragraph: 6, offset: start }, { paragraph: 6, offset: end });
    await selectionToolbar(page).getByRole("button", { name: "Tag entity" }).click();
    const created = nextCreatedAnnotations(page);
    await selectionToolbar(page).getByRole("menuitem", { name: label }).click();
    const [tag] = await created;
    expect((await callApi(page, "DELETE", `/api/annotations/${tag!.id}`)).status).toBe(200);
    // Gone from the text before a next selection, which its removal would otherwise disturb.
    if (label !== unknown.at(-1)) await expect(marksOf(page, tag!.id)).toHaveCount(0);
    entityTypeIds.set(label, tag!.entityType!.id);
  }
  return labels.map((label) => entityTypeIds.get(label)!) as { [K in keyof Labels]: string };
}

/**
 * The reader's promise about text: `#p-n` reads exactly the stored paragraph,
 * and every annotation rendered in it (nested, overlapping or not) is cut
 * into marks whose text joins to its exact quote.
 */
export async function expectParagraphIntact(page: Page, article: SampleArticle, n: number): Promise<void> {
  const element = paragraph(page, n);
  expect(await element.evaluate((node) => node.textContent)).toBe(paragraphText(n));
  const rendered = await element.locator("mark[data-annotation-id]").evaluateAll((marks) => {
    const pieces = new Map<string, string[]>();
    for (const mark of marks) {
      const id = mark.getAttribute("data-annotation-id")!;
      pieces.set(id, [...(pieces.get(id) ?? []), mark.textContent ?? ""]);
    }
    return [...pieces].map(([id, texts]) => ({ id, text: texts.join("") }));
  });
  const { annotations } = await listArticle(page, article.articleId);
  const stored = new Map(annotations.map((annotation) => [annotation.id, annotation]));
  for (const { id, text } of rendered) {
    // Another test may have deleted its annotation since this page loaded.
    const annotation = stored.get(id);
    if (annotation) expect(text, `marks of annotation ${id}`).toBe(annotation.exact);
  }
}

/** Every mark of `annotation` together reads its exact quote. */
export async function expectMarksRead(page: Page, annotation: AnnotationDTO): Promise<void> {
  await expect(marksOf(page, annotation.id).first()).toBeAttached();
  expect((await marksOf(page, annotation.id).allTextContents()).join("")).toBe(annotation.exact);
}

/** An error message a person can read: some words, no stack trace or internals. */
export function expectReadableMessage(error: ApiAnswer["error"]): void {
  expect(error, "an error body { error: { code, message } }").toBeDefined();
  expect(error!.code).toMatch(/^[A-Z_]+$/);
  const message = error!.message;
  expect(message.trim().length, "a non-empty message").toBeGreaterThan(5);
  expect(message).toMatch(/[A-Za-z]{3,}/);
  expect(message).not.toMatch(/\n\s+at |\bat \S+ \(.*:\d+:\d+\)|ZodError|Prisma|TypeError|ReferenceError|\[object Object\]|Unexpected token|stack/i);
}

/**
 * Imports, as the admin signed in on `admin`, a copy of the sample of its own (titled `<label>
 * sample <random>`), for tests whose work belongs to one article (agreement, suggestions, insights):
 * its path, slug and title.
 */
export async function importSampleCopy(admin: Page, label: string): Promise<{ path: string; slug: string; title: string }> {
  const title = `${label} sample ${randomInt(2 ** 40).toString(36)}`;
  const answer = await callApi<{ slug: string }>(admin, "POST", "/api/admin/import/commit", {
    kind: "paste",
    format: "text",
    title,
    language: "ru",
    text: `${title}\n\n${SAMPLE_PARAGRAPHS.join("\n\n")}`,
    target: { mode: "new" },
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  return { path: `/articles/${answer.data!.slug}`, slug: answer.data!.slug, title };
}
