import type { Page } from "@playwright/test";
import { callApi, openSample, type NoteDTO } from "./support/reader";
import { E2E_BASE_URL, E2E_SECOND_BASE_URL } from "./support/urls";
import { expect, newUser, signInWithApi, signOut, test } from "./support/users";

/**
 * Signing out ends that session's live feeds at once: in the other tabs of
 * the same browser, on every instance, while the same person's other
 * sessions (another browser) keep theirs.
 */

/** Opens the article's raw feed in `page` (its cookies) and follows it in the background; `ended` resolves true when the server closes it. */
async function openRawFeed(page: Page, url: string): Promise<{ ended: Promise<boolean>; received: () => Promise<string> }> {
  const ended = page.evaluate(async (url): Promise<boolean> => {
    const state: { text: string; open: boolean } = { text: "", open: false };
    (window as unknown as { rawFeed: typeof state }).rawFeed = state;
    const response = await fetch(url, { headers: { Accept: "text/event-stream" } });
    if (!response.ok || !response.body) return false;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return true;
      state.text += decoder.decode(chunk.value, { stream: true });
      state.open = true;
    }
  }, url);
  await page.waitForFunction(() => (window as unknown as { rawFeed?: { open: boolean } }).rawFeed?.open === true);
  // A feed still open when the test ends is cut off with its page: not a failure.
  return { ended: ended.catch(() => false), received: () => page.evaluate(() => (window as unknown as { rawFeed: { text: string } }).rawFeed.text) };
}

test("signing out closes that session's live feeds in its other tabs, on every instance, and only that session's", async ({ page, newClient }) => {
  const user = await newUser(page, { label: "Signing out" });
  const elsewhere = await newClient();
  await signInWithApi(elsewhere, user, E2E_SECOND_BASE_URL);
  const { articleId, paragraphIds } = await openSample(page);
  const feed = `/api/articles/${articleId}/events`;

  // This session's feed on the second instance (a tab of the same browser), and the other session's.
  const sameSession = await page.context().newPage();
  await sameSession.goto(`${E2E_SECOND_BASE_URL}/`);
  const closing = await openRawFeed(sameSession, feed);
  await elsewhere.goto(`${E2E_SECOND_BASE_URL}/`);
  const staying = await openRawFeed(elsewhere, feed);

  // Sign out in the first tab, on the first instance.
  await page.goto(`${E2E_BASE_URL}/`);
  await signOut(page);
  expect(await closing.ended).toBe(true);

  // The other session still follows the article: its own note arrives on its open feed.
  const body = `Still signed in elsewhere ${Math.random().toString(36).slice(2, 8)}`;
  const note = await callApi<NoteDTO>(elsewhere, "POST", `${E2E_SECOND_BASE_URL}/api/articles/${articleId}/notes`, { paragraphId: paragraphIds[0], body, visibility: "PRIVATE" });
  expect(note.status, JSON.stringify(note.error)).toBe(201);
  await expect.poll(staying.received).toContain(body);
});
