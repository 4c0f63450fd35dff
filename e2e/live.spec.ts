import type { Page } from "@playwright/test";
import { callApi, liveStatus, marksOf, paragraphText, randomSelector, type AnnotationDTO, type NoteDTO } from "./support/reader";
import { findSampleInLibrary, SAMPLE_TITLE } from "./support/sample";
import { E2E_BASE_URL, E2E_SECOND_BASE_URL } from "./support/urls";
import { expect, newUser, test, type TestUser } from "./support/users";

/**
 * Live collaboration across two app instances that share only the database:
 * A reads on the first instance, B on the second, each in their own browser
 * window. Nothing here reloads a page to see a change.
 */

interface Reader {
  page: Page;
  user: TestUser;
  base: string;
  articleId: string;
  paragraphIds: string[];
  path: string;
}

const token = () => Math.random().toString(36).slice(2, 10);
/** Live changes show within a second (see scripts/bench/live-bench.ts); the margin is for a busy shared CI machine. */
const LIVE = { timeout: 5_000 };

const presence = (page: Page) => page.getByRole("region", { name: "Reading now" });
const notesButton = (page: Page, n: number) => page.getByRole("button", { name: `Notes on paragraph ${n}`, exact: true });
const notesDialog = (page: Page, n: number) => page.getByRole("dialog", { name: `Notes on paragraph ${n}` });

/** Signs a new user up on `base` and opens the sample article there, found from the library, until the feed is live. */
async function openAsNewReader(page: Page, base: string, label: string): Promise<Reader> {
  const user = await newUser(page, { label, baseURL: base });
  const link = await findSampleInLibrary(page, base);
  const path = await link.getAttribute("href");
  if (!path) throw new Error("The library does not link to the sample article.");
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE_TITLE);
  expect(new URL(page.url()).origin).toBe(base);
  await expect(liveStatus(page)).toHaveText("Live");
  const articleId = await page.locator("[data-article-id]").first().getAttribute("data-article-id");
  if (!articleId) throw new Error("The reader does not say which article it shows (data-article-id).");
  const paragraphIds = await page.locator("[data-paragraph-id]").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-paragraph-id")!));
  return { page, user, base, articleId, paragraphIds, path };
}

/** A on the first instance, B on the second, both reading the sample. */
async function twoReaders(page: Page, newClient: () => Promise<Page>): Promise<[Reader, Reader]> {
  const a = await openAsNewReader(page, E2E_BASE_URL, "Reader A");
  const b = await openAsNewReader(await newClient(), E2E_SECOND_BASE_URL, "Reader B");
  expect(a.articleId).toBe(b.articleId);
  return [a, b];
}

async function createHighlight(reader: Reader, n: number, visibility: "SHARED" | "PRIVATE" = "SHARED"): Promise<AnnotationDTO> {
  const answer = await callApi<AnnotationDTO>(reader.page, "POST", `${reader.base}/api/articles/${reader.articleId}/annotations`, {
    kind: "HIGHLIGHT",
    paragraphId: reader.paragraphIds[n - 1],
    ...randomSelector(n),
    color: "green",
    visibility,
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  return answer.data!;
}

async function createNote(reader: Reader, n: number, body: string, visibility: "SHARED" | "PRIVATE" = "SHARED"): Promise<NoteDTO> {
  const answer = await callApi<NoteDTO>(reader.page, "POST", `${reader.base}/api/articles/${reader.articleId}/notes`, { paragraphId: reader.paragraphIds[n - 1], body, visibility });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  return answer.data!;
}

async function lastEventId(reader: Reader): Promise<string> {
  const answer = await callApi<{ lastEventId: string }>(reader.page, "GET", `${reader.base}/api/articles/${reader.articleId}/annotations`);
  expect(answer.status).toBe(200);
  return answer.data!.lastEventId;
}

/** Reads the raw event stream in `page` (with its cookies) from `after` until `until` shows up; returns everything received. */
async function readStream(page: Page, url: string, until: string): Promise<string> {
  return page.evaluate(
    async ({ url, until }) => {
      const controller = new AbortController();
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "text/event-stream" } });
      if (!response.ok || !response.body) return `HTTP ${response.status}`;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let text = "";
      const deadline = Date.now() + 10_000;
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
      while (!text.includes(until) && Date.now() < deadline) {
        const chunk = await Promise.race([reader.read(), timeout]);
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      controller.abort();
      return text;
    },
    { url, until },
  );
}

test.describe("live collaboration across two instances", () => {
  test("highlights and notes, and their deletion, reach the other instance without a reload, both ways", async ({ page, newClient }) => {
    const [a, b] = await twoReaders(page, newClient);
    await b.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // A (first instance) highlights → B (second instance) sees it.
    const highlight = await createHighlight(a, 2);
    await expect(marksOf(b.page, highlight.id).first()).toBeVisible(LIVE);
    await expect(marksOf(b.page, highlight.id).first()).toHaveAttribute("data-color", "green");
    await expect(marksOf(b.page, highlight.id).first()).toHaveAttribute("title", `Highlight — ${a.user.name}`);

    // B writes a note in the UI → A, with the paragraph's notes open, sees it arrive.
    await notesButton(a.page, 3).click();
    await expect(notesDialog(a.page, 3)).toBeVisible();
    const body = `Live note ${token()}`;
    await notesButton(b.page, 3).click();
    await notesDialog(b.page, 3).getByRole("textbox", { name: "Note" }).fill(body);
    await notesDialog(b.page, 3).getByRole("button", { name: "Save note" }).click();
    const aNote = notesDialog(a.page, 3).getByRole("article", { name: `Note by ${b.user.name}` }).filter({ hasText: body });
    await expect(aNote).toBeVisible(LIVE);

    // Deletions travel too: B deletes the note, A deletes the highlight.
    await notesDialog(b.page, 3).getByRole("article", { name: `Note by ${b.user.name}` }).filter({ hasText: body }).getByRole("button", { name: "Delete" }).click();
    await expect(aNote).toHaveCount(0, LIVE);
    const deleted = await callApi(a.page, "DELETE", `${a.base}/api/annotations/${highlight.id}`);
    expect(deleted.status).toBe(200);
    await expect(marksOf(b.page, highlight.id)).toHaveCount(0, LIVE);

    expect(await b.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  test("private annotations and notes never reach anyone else: not the page, the API or the live feed", async ({ page, newClient }) => {
    const [a, b] = await twoReaders(page, newClient);
    const before = await lastEventId(a);

    const secret = await createHighlight(a, 4, "PRIVATE");
    const secretBody = `Private thought ${token()}`;
    const secretNote = await createNote(a, 4, secretBody, "PRIVATE");
    // A shared change after them: once B has it, B has been sent everything before it.
    const marker = await createHighlight(a, 5);

    await expect(marksOf(b.page, marker.id).first()).toBeVisible(LIVE);
    await expect(marksOf(b.page, secret.id)).toHaveCount(0);
    await expect(marksOf(a.page, secret.id).first()).toBeVisible(LIVE);
    await expect(marksOf(a.page, secret.id).first()).toHaveAttribute("data-private", "");

    // B's API and B's page.
    const list = await callApi<{ annotations: AnnotationDTO[]; notes: NoteDTO[] }>(b.page, "GET", `${b.base}/api/articles/${b.articleId}/annotations`);
    expect(list.data!.annotations.map((annotation) => annotation.id)).toContain(marker.id);
    expect(list.data!.annotations.map((annotation) => annotation.id)).not.toContain(secret.id);
    expect(list.data!.notes.map((note) => note.id)).not.toContain(secretNote.id);
    const html = await (await b.page.request.get(`${b.base}${b.path}`)).text();
    expect(html).toContain(marker.id);
    expect(html).not.toContain(secret.id);
    expect(html).not.toContain(secretBody);

    // B's raw feed, replayed from before the private changes: the marker, and nothing about them.
    const feed = `/api/articles/${b.articleId}/events?after=${before}`;
    const bRaw = await readStream(b.page, feed, marker.id);
    expect(bRaw).toContain(marker.id);
    expect(bRaw).not.toContain(secret.id);
    expect(bRaw).not.toContain(secretNote.id);
    expect(bRaw).not.toContain(secretBody);
    // The same feed does carry them to their author (so the check above can fail).
    const aRaw = await readStream(a.page, feed, marker.id);
    expect(aRaw).toContain(secret.id);
    expect(aRaw).toContain(secretBody);
    // Anonymous readers get shared changes only.
    const anonymous = await callApi<{ annotations: AnnotationDTO[] }>(await newClient(), "GET", `${E2E_SECOND_BASE_URL}/api/articles/${b.articleId}/annotations`);
    expect(anonymous.data!.annotations.map((annotation) => annotation.id)).not.toContain(secret.id);
  });

  test("presence shows who is reading on both instances, and drops a reader who leaves", async ({ page, newClient }) => {
    const [a, b] = await twoReaders(page, newClient);
    for (const reader of [a, b]) {
      await expect(presence(reader.page)).toContainText(a.user.name);
      await expect(presence(reader.page)).toContainText(b.user.name);
    }
    const initials = (name: string) => name.split(" ").map((word) => word[0]!.toUpperCase()).filter((_, index, all) => index === 0 || index === all.length - 1).join("");
    await expect(presence(a.page).getByText(initials(b.user.name), { exact: true }).first()).toBeVisible();

    await b.page.close();
    await expect(presence(a.page)).not.toContainText(b.user.name, { timeout: 10_000 });
    await expect(presence(a.page)).toContainText(a.user.name);
  });

  test("a reader who lost the network gets what was missed when it comes back", async ({ page, newClient }) => {
    const [a, b] = await twoReaders(page, newClient);
    await b.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await b.page.context().setOffline(true);
    await expect(liveStatus(b.page)).toHaveText("Reconnecting…");
    const missed = await createHighlight(a, 6);
    const missedNote = await createNote(a, 6, `While you were away ${token()}`);
    // Give the change every chance to arrive while offline: it must not.
    await expect(marksOf(a.page, missed.id).first()).toBeVisible(LIVE);
    await expect(marksOf(b.page, missed.id)).toHaveCount(0);

    await b.page.context().setOffline(false);
    await expect(liveStatus(b.page)).toHaveText("Live", { timeout: 10_000 });
    await expect(marksOf(b.page, missed.id).first()).toBeVisible(LIVE);
    await notesButton(b.page, 6).click();
    await expect(notesDialog(b.page, 6)).toContainText(missedNote.body);
    expect(await b.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(paragraphText(6)).toContain(missed.exact);
  });
});
