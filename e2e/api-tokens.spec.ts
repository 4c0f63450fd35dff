import { request as playwrightRequest } from "@playwright/test";
import { liveStatus, marksOf, openSample, paragraphText } from "./support/reader";
import { SAMPLE_PATH } from "./support/sample";
import { E2E_BASE_URL } from "./support/urls";
import { expect, newUser, test } from "./support/users";

/**
 * API tokens end to end, as a user would use them: create one on /settings/tokens (shown once),
 * post a Web Annotation with it from a program that has no cookies, see it appear live in a reader
 * someone else has open, then revoke it and be refused.
 */

const ANNO_JSONLD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

test("create a token, post an annotation with it that appears live in an open reader, revoke it (401 after)", async ({ page, newClient }) => {
  const owner = await newUser(page, { label: "Token owner" });
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expect(page.getByText("You have no tokens yet.")).toBeVisible();

  // An empty name is refused by the form; a real one makes the token, shown once.
  const name = `Annotation client ${Date.now()}`;
  await page.getByRole("textbox", { name: "Token name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Create token", exact: true }).click();
  const shown = page.locator("[data-token]");
  await expect(shown).toBeVisible();
  const token = (await shown.getAttribute("data-token"))!;
  expect(token).toMatch(/^glossa_[A-Za-z0-9_-]{43}$/);
  await expect(shown).toHaveText(token);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(row).toContainText(token.slice(0, 13));
  await expect(row).toContainText("Never");
  await page.screenshot({ path: test.info().outputPath("settings-tokens.png"), fullPage: true });
  // Shown once: a reload lists the token by its first characters only.
  await page.reload();
  await expect(page.locator("[data-token]")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  // Someone else reads the sample, live.
  const reader = await newClient();
  await newUser(reader, { label: "Reader of the sample" });
  const sample = await openSample(reader);
  await expect(liveStatus(reader)).toHaveText("Live");

  // A program with the token and no cookies finds the container from the article page and posts to it.
  const client = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const articlePage = await client.get(SAMPLE_PATH);
  const container = /<([^>]+)>;\s*rel="http:\/\/www\.w3\.org\/ns\/oa#annotationService"/.exec(articlePage.headers()["link"] ?? "")?.[1];
  expect(container, articlePage.headers()["link"]).toBeTruthy();
  const text = paragraphText(2);
  const exact = text.slice(10, 40);
  const posted = await client.post(new URL(container!, E2E_BASE_URL).href, {
    data: JSON.stringify({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      motivation: "commenting",
      body: { type: "TextualBody", value: "Posted with an API token", format: "text/plain" },
      target: { source: `${E2E_BASE_URL}${SAMPLE_PATH}#p-2`, selector: { type: "TextQuoteSelector", exact, prefix: text.slice(0, 10), suffix: text.slice(40, 50) } },
    }),
    headers: { "Content-Type": ANNO_JSONLD },
  });
  expect(posted.status(), await posted.text()).toBe(201);
  const annotation = await posted.json();
  const annotationId = decodeURIComponent(annotation.id.split("/").at(-1));
  expect(annotation.creator.name).toBe(owner.name);
  // Live in the open reader, without a reload, on the very words.
  await expect(marksOf(reader, annotationId).first()).toBeAttached({ timeout: 5_000 });
  expect((await marksOf(reader, annotationId).allTextContents()).join("")).toBe(exact);
  expect(sample.paragraphIds.length).toBeGreaterThan(2);

  // The list says when it was last used.
  await page.reload();
  await expect(row).not.toContainText("Never");

  // A token cannot manage tokens, nor be sent with a session cookie.
  expect((await client.get("/api/tokens")).status()).toBe(403);
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  const mixed = await client.get(container!, { headers: { Cookie: cookies } });
  expect(mixed.status()).toBe(400);

  // Revoke: the row says so, and the token is refused at once.
  await row.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke", exact: true })).toHaveCount(0);
  const refused = await client.get(container!);
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toBe('Bearer realm="Glossa", error="invalid_token"');
  expect((await refused.json()).error.code).toBe("UNAUTHENTICATED");
  await client.dispose();
});

test("the token name is checked: empty, too long and markup are handled, another user's token cannot be revoked", async ({ page, newClient }) => {
  await newUser(page, { label: "Token checker" });
  const post = (data: unknown) => page.request.post("/api/tokens", { data, headers: { Origin: E2E_BASE_URL } });
  expect((await post({ name: "" })).status()).toBe(400);
  expect((await post({ name: "x".repeat(101) })).status()).toBe(400);
  expect((await post({ name: 5 })).status()).toBe(400);
  expect((await post({ name: "ok", extra: true })).status()).toBe(400);
  const markup = await post({ name: "<img src=x onerror=alert(1)>" });
  expect(markup.status()).toBe(201);
  const { data } = await markup.json();
  await page.goto("/settings/tokens");
  await expect(page.getByRole("rowheader", { name: "<img src=x onerror=alert(1)>" })).toBeVisible();
  const other = await newClient();
  await newUser(other, { label: "Someone else" });
  expect((await other.request.delete(`/api/tokens/${data.record.id}`, { headers: { Origin: E2E_BASE_URL } })).status()).toBe(404);
  // Anonymous visitors are sent to sign in.
  const anonymous = await newClient();
  await anonymous.goto("/settings/tokens");
  await expect(anonymous).toHaveURL(/\/sign-in\?next=\/settings\/tokens/);
});
