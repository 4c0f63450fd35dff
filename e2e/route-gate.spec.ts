import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { callApi, listArticle, openSample } from "./support/reader";
import { E2E_BASE_URL } from "./support/urls";
import { expect, newUser, test } from "./support/users";

/**
 * Every API route passes one gate (lib/server/route): state-changing requests from another
 * site are refused (403), JSON routes take only application/json (415), bodies are capped (413)
 * — all before anything is written.
 */
test.describe.configure({ mode: "parallel" });

const token = () => randomBytes(5).toString("hex");
const notesUrl = (articleId: string) => `/api/articles/${articleId}/notes`;

test("a state-changing request from another site is refused with 403 and writes nothing", async ({ page }) => {
  await newUser(page);
  const article = await openSample(page);
  const marker = `cross-site ${token()}`;
  const note = { paragraphId: article.paragraphIds[0], body: marker };

  const refused: Record<string, string>[] = [
    { Origin: "https://evil.example" },
    { Origin: "null" },
    { Origin: E2E_BASE_URL, "Sec-Fetch-Site": "cross-site" },
    // Cookies without any word of where the request comes from.
    {},
  ];
  for (const headers of refused) {
    const response = await page.request.post(notesUrl(article.articleId), { data: note, headers });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringMatching(/^Refused/) } });
  }
  // The app's own origin gets through the gate (here to the body's check, so still nothing is written).
  const own = await page.request.post(notesUrl(article.articleId), { data: { paragraphId: article.paragraphIds[0] }, headers: { Origin: E2E_BASE_URL } });
  expect(own.status()).toBe(400);

  const { notes } = await listArticle(page, article.articleId);
  expect(notes.filter((candidate) => candidate.body.includes(marker))).toEqual([]);
});

test("a form on a sibling site posting JSON-looking text in the user's browser is refused", async ({ page }) => {
  await newUser(page);
  const article = await openSample(page);
  const marker = `forged ${token()}`;
  // The classic forgery: a text/plain form whose one field reads as JSON, sent with the user's cookies
  // (127.0.0.1 on another port is the same site, so SameSite=Lax cookies go along).
  const field = JSON.stringify({ paragraphId: article.paragraphIds[0], body: marker, x: "" }).slice(0, -2);
  const html = `<!doctype html><title>Win a prize</title>
    <form method="post" enctype="text/plain" action="${E2E_BASE_URL}${notesUrl(article.articleId)}">
      <input type="hidden" name='${field.replace(/'/g, "&#39;")}' value='"}'>
      <button>Claim</button>
    </form>`;
  const attacker = http.createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end(html));
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await page.getByRole("button", { name: "Claim" }).click();
    await expect(page.locator("body")).toContainText('"code":"FORBIDDEN"');
  } finally {
    attacker.close();
  }
  const { notes } = await listArticle(page, article.articleId);
  expect(notes.filter((candidate) => candidate.body.includes(marker))).toEqual([]);
});

test("a JSON route refuses a text/plain body with 415", async ({ page }) => {
  await newUser(page);
  const article = await openSample(page);
  const response = await page.request.post(notesUrl(article.articleId), {
    headers: { Origin: E2E_BASE_URL, "Content-Type": "text/plain" },
    data: JSON.stringify({ paragraphId: article.paragraphIds[0], body: `plain ${token()}` }),
  });
  expect(response.status()).toBe(415);
  expect(await response.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringContaining("application/json") } });
});

test("a 2 MB JSON body is refused with 413, stated or streamed; an anonymous one with 401 before it is read", async ({ page }) => {
  await newUser(page);
  const article = await openSample(page);
  const marker = `large ${token()}`;
  const large = JSON.stringify({ paragraphId: article.paragraphIds[0], body: `${marker} ${"x".repeat(2 * 1024 * 1024)}` });

  // Content-Length says it: refused before reading.
  const stated = await page.request.post(notesUrl(article.articleId), { headers: { Origin: E2E_BASE_URL, "Content-Type": "application/json" }, data: large });
  expect(stated.status()).toBe(413);
  expect(await stated.json()).toEqual({ error: { code: "TOO_LARGE", message: "The request body is too large: the limit is 1 MB." } });

  // Streamed without Content-Length: counted as it is read.
  const cookie = (await page.context().cookies(E2E_BASE_URL)).map(({ name, value }) => `${name}=${value}`).join("; ");
  const streamed = (headers: Record<string, string>) =>
    fetch(`${E2E_BASE_URL}${notesUrl(article.articleId)}`, {
      method: "POST",
      headers: { Origin: E2E_BASE_URL, "Content-Type": "application/json", ...headers },
      body: new Blob([large]).stream(),
      // @ts-expect-error -- Node's fetch needs duplex for a streamed body; the DOM types lack it.
      duplex: "half",
    });
  const counted = await streamed({ Cookie: cookie });
  expect(counted.status).toBe(413);
  expect(((await counted.json()) as { error: { code: string } }).error.code).toBe("TOO_LARGE");
  const anonymous = await streamed({});
  expect(anonymous.status).toBe(401);

  const { notes } = await listArticle(page, article.articleId);
  expect(notes.filter((candidate) => candidate.body.includes(marker))).toEqual([]);
});

test("the reader's own requests pass the gate", async ({ page }) => {
  await newUser(page);
  const article = await openSample(page);
  const body = `own ${token()}`;
  // The page's own fetch, as lib/client/api.ts sends it: same origin, JSON.
  const status = await page.evaluate(
    async ({ url, note }) => (await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(note), credentials: "same-origin" })).status,
    { url: notesUrl(article.articleId), note: { paragraphId: article.paragraphIds[0], body } },
  );
  expect(status).toBe(201);
  const created = (await listArticle(page, article.articleId)).notes.find((note) => note.body === body);
  expect(created).toBeDefined();
  expect((await callApi(page, "DELETE", `/api/notes/${created!.id}`)).status).toBe(200);
});
