import type { Page, Response } from "@playwright/test";
import { callApi, createHighlight, marksOf, openSample, paragraphText } from "./support/reader";
import { E2E_SECOND_BASE_URL } from "./support/urls";
import { expect, newUser, siteHeader, test } from "./support/users";

/**
 * The reading caches as browsers meet them, on the suite's two instances (one database): each
 * instance caches the sample's shared layer, and its anonymous page, as soon as someone reads it, yet a write through one
 * is on the very next page load on the other; another reader's private work is on nobody else's
 * page; and the annotations API answers 304 to a client holding the current answer, 200 with the
 * change after a write. Signed-in readers of one role with no work of their own on the article share
 * one cached page, each shown with their own identity (filled in per answer) and a working reader.
 */

async function loadOn(page: Page, base: string, path: string): Promise<Response | null> {
  const response = await page.goto(`${base}${path}`);
  await expect(page.locator("[data-article-id]")).toBeVisible();
  return response;
}

test("a write on one instance is on the next page load on the other, private work only on its author's", async ({ page, newClient }) => {
  const sample = await openSample(page); // anonymous, instance 1: its caches now hold the sample
  const anonymous = await newClient();
  await loadOn(anonymous, E2E_SECOND_BASE_URL, sample.path); // and instance 2's
  const author = await newClient();
  await newUser(author, { label: "Cache author" });

  // Words no other test marks the same way: this test's own annotations are found by id.
  const words = paragraphText(3).split(" ");
  const shared = await createHighlight(author, sample, { paragraph: 3, phrase: words.slice(1, 3).join(" "), color: "green" });
  const secret = await createHighlight(author, sample, { paragraph: 3, phrase: words.slice(4, 6).join(" "), visibility: "PRIVATE", note: "cache-secret-note" });

  // An anonymous visitor's page comes from the page cache (only it validates pages), which held the page before the writes.
  const cached = await loadOn(anonymous, E2E_SECOND_BASE_URL, sample.path);
  expect(cached!.headers()["etag"]).toMatch(/^W\/".+"$/);
  await expect(marksOf(anonymous, shared.id).first()).toBeAttached();
  await expect(marksOf(anonymous, secret.id)).toHaveCount(0);
  expect(await anonymous.content()).not.toContain("cache-secret-note");
  await loadOn(page, "", sample.path);
  await expect(marksOf(page, shared.id).first()).toBeAttached();
  await expect(marksOf(page, secret.id)).toHaveCount(0);

  // The author, on the instance that cached the layer without their work, sees both.
  await loadOn(author, E2E_SECOND_BASE_URL, sample.path);
  await expect(marksOf(author, shared.id).first()).toBeAttached();
  await expect(marksOf(author, secret.id).first()).toBeAttached();

  // The API: 304 while nothing changed, 200 without the highlight once it is deleted (through instance 1).
  // Other tests write shared work on the sample in parallel, so "nothing changed" is a pair of reads
  // with no write between them: retried until one such pair is seen.
  const api = `${E2E_SECOND_BASE_URL}/api/articles/${sample.articleId}/annotations`;
  let etag = "";
  await expect(async () => {
    const first = await anonymous.request.get(api);
    expect(first.status()).toBe(200);
    etag = first.headers()["etag"]!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await anonymous.request.get(api, { headers: { "If-None-Match": etag } })).status()).toBe(304);
  }).toPass({ timeout: 15_000 });
  expect((await callApi(author, "DELETE", `/api/annotations/${shared.id}`)).status).toBe(200);
  const after = await anonymous.request.get(api, { headers: { "If-None-Match": etag } });
  expect(after.status()).toBe(200);
  expect(after.headers()["etag"]).not.toBe(etag);
  const { data } = (await after.json()) as { data: { annotations: { id: string }[] } };
  expect(data.annotations.map((annotation) => annotation.id)).not.toContain(shared.id);
  await loadOn(anonymous, E2E_SECOND_BASE_URL, sample.path);
  await expect(marksOf(anonymous, shared.id)).toHaveCount(0);
});

/** Page errors and console errors (a hydration mismatch is reported there). */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

test("signed-in readers share one cached page, each with their own name and a reader that works, their private work on their page alone", async ({ page, newClient }) => {
  const sample = await openSample(page);
  const [first, second] = [await newClient(), await newClient()];
  const [firstErrors, secondErrors] = [errorsOf(first), errorsOf(second)];
  // A name that is markup, quotes and React's `$` reference prefix: written back escaped wherever it stands.
  const one = await newUser(first, { label: `$Cache "reader" <i>&` });
  const two = await newUser(second, { label: "Cache reader" });
  for (const [reader, user] of [[first, one], [second, two]] as const) {
    // The page cache answered from the role's shared page (only it validates pages). Other tests write
    // on the sample meanwhile: a write between the two made-up viewers' renders leaves that version
    // unshared (rendered per viewer), so a load after the writes settle is looked for.
    await expect(async () => {
      const response = await loadOn(reader, "", sample.path);
      expect(response!.headers()["etag"]).toMatch(/^W\/".+"$/);
    }).toPass({ timeout: 30_000 });
    await expect(siteHeader(reader)).toContainText(user.name);
    // The reader's client state is this viewer's: its "Only mine" filter is by their id.
    await reader.getByRole("button", { name: "Show annotations" }).click();
    await expect(reader.locator(`option[value="${user.id}"]`)).toHaveText("Only mine");
  }
  expect(await second.content()).not.toContain(one.email);
  expect(firstErrors).toEqual([]);
  expect(secondErrors).toEqual([]);

  // Private work makes the page its author's alone: rendered for them, with it; the other's page never has it.
  const words = paragraphText(2).split(" ");
  const secret = await createHighlight(first, sample, { paragraph: 2, phrase: words.slice(1, 3).join(" "), visibility: "PRIVATE", note: "signed-in-cache-secret" });
  await loadOn(first, "", sample.path);
  await expect(marksOf(first, secret.id).first()).toBeAttached();
  await loadOn(second, "", sample.path);
  await expect(siteHeader(second)).toContainText(two.name);
  await expect(marksOf(second, secret.id)).toHaveCount(0);
  expect(await second.content()).not.toContain("signed-in-cache-secret");
});
