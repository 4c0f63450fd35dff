import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import { describeRange } from "../lib/anchoring";
import { callApi, marksOf } from "./support/reader";
import { SAMPLE_PARAGRAPHS, SAMPLE_TITLE } from "./support/sample";
import { E2E_PORT } from "./support/urls";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(import.meta.dirname, "fixtures/import");
const SAMPLE_FILE = path.join(ROOT, "prisma/seed/articles/kremlin-georgia-ru.txt");
/** Pages for the URL importer; playwright.config.ts allow-lists exactly this address. */
const PAGE_PORT = E2E_PORT + 7;
const tag = () => Math.random().toString(36).slice(2, 8);

// ---- the test database, read directly to check what the UI cannot show ----

let client: pg.Client | null = null;
async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  if (!client) {
    const { url } = JSON.parse(readFileSync(path.join(ROOT, ".test-data", `e2e-database-${E2E_PORT}.json`), "utf8")) as { url: string };
    client = new pg.Client({ connectionString: url });
    await client.connect();
  }
  return (await client.query<T>(text, values)).rows;
}

test.afterAll(async () => {
  await client?.end();
  client = null;
});

// ---- helpers ----

const panel = (page: Page, name: "Paste" | "Files" | "URL") => page.getByRole("tabpanel", { name });

async function openImport(page: Page, tab: "Paste" | "Files" | "URL" = "Paste") {
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import articles" })).toBeVisible();
  await page.getByRole("tab", { name: tab, exact: true }).click();
  await expect(page.getByRole("tab", { name: tab, exact: true })).toHaveAttribute("aria-selected", "true");
  return panel(page, tab);
}

/** Windows-1251 bytes of `text` (the test's own encoder: Node has only decoders). */
function cp1251(text: string): Buffer {
  const table = new Map<string, number>();
  Array.from(new TextDecoder("windows-1251").decode(Uint8Array.from({ length: 256 }, (_, i) => i))).forEach((ch, byte) => {
    if (!table.has(ch)) table.set(ch, byte);
  });
  return Buffer.from(Array.from(text, (ch) => table.get(ch) ?? 0x3f));
}

async function articleBySourceUrl(sourceUrl: string) {
  const [row] = await sql<{ id: string; slug: string; revision: number; title: string }>(`SELECT id, slug, revision, title FROM "Article" WHERE "sourceUrl" = $1`, [sourceUrl]);
  return row!;
}

async function paragraphs(articleId: string, revision: number) {
  return sql<{ id: string; position: number; text: string }>(`SELECT id, position, text FROM "Paragraph" WHERE "articleId" = $1 AND revision = $2 ORDER BY position`, [articleId, revision]);
}

// ---- access ----

test.describe("who may import", () => {
  test("anonymous visitors are sent to sign in; annotators get 403, page and API alike", async ({ page }) => {
    await page.goto("/admin/import");
    await expect(page).toHaveURL(/\/sign-in\?next=\/admin\/import$/);
    expect((await callApi(page, "POST", "/api/admin/import/preview", { kind: "paste", text: "x" })).status).toBe(401);

    await newUser(page, { label: "Annotator" });
    expect((await page.goto("/admin/import"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("403")).toBeVisible();
    await expect(page.getByRole("tab", { name: "Paste" })).toHaveCount(0);
    expect((await page.goto("/admin/articles"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();

    for (const [method, url, body] of [
      ["POST", "/api/admin/import/preview", { kind: "paste", text: "Some text." }],
      ["POST", "/api/admin/import/commit", { kind: "paste", text: "Some text." }],
      ["GET", "/api/admin/import/jobs", undefined],
      ["GET", "/api/admin/articles", undefined],
    ] as const) {
      const answer = await callApi(page, method, url, body);
      expect(answer.status, url).toBe(403);
      expect(answer.error?.message).toMatch(/Only administrators/);
    }
  });
});

// ---- paste ----

test.describe("paste", () => {
  test("preview shows what was detected before anything is written; Import creates the article", async ({ page }) => {
    await signInAsAdmin(page);
    const id = tag();
    const title = `Паста ${id}: соглашение о портах`;
    const sourceUrl = `https://example.test/paste-${id}`;
    // Counted by this test's own source URL: the other worker imports articles meanwhile.
    const articlesFromThisPaste = () => sql<{ n: string }>(`SELECT count(*)::text AS n FROM "Article" WHERE "sourceUrl" = $1 OR title = $2`, [sourceUrl, title]);
    const paste = await openImport(page, "Paste");
    await paste.getByRole("textbox", { name: "Text" }).fill(SAMPLE_PARAGRAPHS.slice(0, 3).join("\n\n"));
    await paste.getByRole("textbox", { name: "Title" }).fill(title);
    await paste.getByRole("textbox", { name: "Source", exact: true }).fill("ТАСС");
    await paste.getByRole("textbox", { name: "Source URL" }).fill(sourceUrl);
    await paste.getByRole("button", { name: "Preview" }).click();

    const card = paste.getByRole("article", { name: title });
    await expect(card).toBeVisible();
    await expect(card).toContainText("Russian (ru)");
    await expect(card).toContainText("3 paragraphs");
    await expect(card.getByRole("list", { name: "First paragraphs" }).getByRole("listitem").first()).toHaveText(SAMPLE_PARAGRAPHS[0]!);
    // Nothing is written by a preview.
    expect(await articlesFromThisPaste()).toEqual([{ n: "0" }]);

    await paste.getByRole("button", { name: "Import" }).click();
    await expect(card.getByRole("status")).toContainText("Imported as a new article");
    await card.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("#p-3")).toHaveText(SAMPLE_PARAGRAPHS[2]!);
    expect(await articlesFromThisPaste()).toEqual([{ n: "1" }]);
  });

  test("empty text, a bad Source URL and garbled text each get a clear message", async ({ page }) => {
    await signInAsAdmin(page);
    const paste = await openImport(page, "Paste");
    await paste.getByRole("button", { name: "Preview" }).click();
    await expect(paste.getByRole("alert")).toContainText("The text is empty");

    await paste.getByRole("textbox", { name: "Text" }).fill("Some text.");
    await paste.getByRole("textbox", { name: "Source URL" }).fill("javascript:alert(1)");
    await paste.getByRole("button", { name: "Preview" }).click();
    await expect(paste.getByText("Source URL must be an http(s) address")).toBeVisible();
    await expect(paste.getByRole("textbox", { name: "Source URL" })).toHaveAttribute("aria-invalid", "true");
    await paste.getByRole("textbox", { name: "Source URL" }).fill("");

    // UTF-8 Russian that went through Windows-1251 somewhere: «Р’Р»Р°СЃС‚Рё…».
    const id = tag();
    const original = `${SAMPLE_PARAGRAPHS[0]}\n\n${SAMPLE_PARAGRAPHS[1]}`;
    const garbled = new TextDecoder("windows-1251").decode(new TextEncoder().encode(original));
    await paste.getByRole("textbox", { name: "Text" }).fill(garbled);
    await paste.getByRole("textbox", { name: "Title" }).fill(`Garbled ${id}`);
    await paste.getByRole("button", { name: "Preview" }).click();
    const card = paste.getByRole("article", { name: `Garbled ${id}` });
    await expect(card.getByRole("list", { name: "Warnings" })).toContainText("The text looks garbled");
    await expect(card).toContainText("UTF-8 text that was read as Windows-1251");
    await card.getByRole("button", { name: "Decode it" }).click();
    await expect(card.getByRole("list", { name: "First paragraphs" }).getByRole("listitem").first()).toHaveText(SAMPLE_PARAGRAPHS[0]!);
    await expect(card).toContainText("Russian (ru)");
    await expect(card.getByRole("list", { name: "Warnings" })).not.toContainText("garbled");
    await paste.getByRole("button", { name: "Import" }).click();
    await expect(card.getByRole("status")).toContainText("Imported as a new article");
    const [stored] = await sql<{ text: string }>(`SELECT p.text FROM "Paragraph" p JOIN "Article" a ON a.id = p."articleId" WHERE a.title = $1 AND p.position = 1`, [`Garbled ${id}`]);
    expect(stored?.text).toBe(SAMPLE_PARAGRAPHS[0]);
  });
});

// ---- files ----

test.describe("files", () => {
  test("the sample file (already seeded: a no-op) and a Markdown file, picked together", async ({ page }) => {
    await signInAsAdmin(page);
    const id = tag();
    const files = await openImport(page, "Files");
    await files.getByLabel("Choose files").setInputFiles([
      { name: "kremlin-georgia-ru.txt", mimeType: "text/plain", buffer: readFileSync(SAMPLE_FILE) },
      { name: `notes-${id}.md`, mimeType: "text/markdown", buffer: Buffer.from(`# Port notes ${id}\n\nFirst paragraph with **bold** text.\n\n> A quotation.\n\n- one\n- two\n`) },
    ]);
    await files.getByRole("button", { name: "Preview" }).click();

    const sample = files.getByRole("article", { name: SAMPLE_TITLE });
    await expect(sample).toContainText("7 paragraphs");
    await expect(sample).toContainText("Russian (ru)");
    await expect(sample.getByRole("list", { name: "Warnings" })).toContainText("Duplicate: identical to");
    const markdown = files.getByRole("article", { name: `Port notes ${id}` });
    await expect(markdown).toContainText("4 paragraphs");
    await expect(markdown).toContainText("First paragraph with bold text.");

    await files.getByRole("button", { name: "Import" }).click();
    await expect(sample.getByRole("status")).toContainText("Unchanged: identical to");
    await expect(markdown.getByRole("status")).toContainText("Imported as a new article");
    await expect(files.getByRole("status").filter({ hasText: "imported" }).first()).toBeVisible();
    expect(await sql(`SELECT id FROM "Article" WHERE title = $1`, [SAMPLE_TITLE])).toHaveLength(1);
  });

  test("binary, mis-encoded, unsupported and oversized files are explained; Windows-1251 can be decoded", async ({ page }) => {
    await signInAsAdmin(page);
    const id = tag();
    const russian = `Письмо ${id} о портах\n\n${SAMPLE_PARAGRAPHS[2]}\n\n${SAMPLE_PARAGRAPHS[3]}`;
    const files = await openImport(page, "Files");
    await files.getByLabel("Choose files").setInputFiles([
      { name: "photo.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]) },
      { name: `letter-${id}.txt`, mimeType: "text/plain", buffer: cp1251(russian) },
      { name: "slides.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") },
      { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(5 * 1024 * 1024 + 10, "a") },
    ]);
    await expect(files.getByText("slides.pdf: unsupported file type")).toBeVisible();
    await expect(files.getByText("huge.txt (5 MB) is larger than the 5 MB limit for one article.")).toBeVisible();
    await files.getByRole("button", { name: "Preview" }).click();
    await expect(files.getByText("photo.txt is not a text file (it contains binary data)")).toBeVisible();
    await expect(files.getByText(`letter-${id}.txt is not UTF-8 text. It looks like Windows-1251 (Cyrillic).`)).toBeVisible();

    await files.getByRole("button", { name: "Decode as Windows-1251 (Cyrillic)" }).click();
    const card = files.getByRole("article", { name: `Письмо ${id} о портах` });
    await expect(card).toContainText("Windows-1251 (Cyrillic)");
    await expect(card.getByRole("list", { name: "First paragraphs" }).getByRole("listitem").first()).toHaveText(SAMPLE_PARAGRAPHS[2]!);
    await files.getByRole("button", { name: "Import" }).click();
    await expect(card.getByRole("status")).toContainText("Imported as a new article");
  });

  test("a JSONL of 50 articles with 3 bad lines imports in the background with progress and a per-line error list", async ({ page }) => {
    test.slow();
    await signInAsAdmin(page);
    const id = tag();
    const lines: string[] = [];
    for (let n = 1; n <= 50; n++) {
      if (n === 10) lines.push(`{"title": "Broken ${id}", "text": "no closing brace"`);
      else if (n === 25) lines.push(JSON.stringify({ title: `Coloured ${id}`, text: "Body.", colour: "red" }));
      else if (n === 40) lines.push(JSON.stringify({ title: `Bodiless ${id}`, source: "E2E Wire" }));
      else
        lines.push(
          JSON.stringify({
            title: `Bulk ${id} article ${n}`,
            text: `The first paragraph of bulk article ${n} (${id}) reports on the harbour.\n\nThe second paragraph adds the details, with numbers: ${n * 7}.`,
            source: "E2E Wire",
            sourceUrl: `https://example.test/bulk/${id}/${n}`,
            publishedAt: "2024-05-31",
            language: "en",
          }),
        );
    }
    const name = `bulk-${id}.jsonl`;
    const files = await openImport(page, "Files");
    await files.getByLabel("Choose files").setInputFiles({ name, mimeType: "application/x-ndjson", buffer: Buffer.from(lines.join("\n") + "\n") });
    await files.getByRole("button", { name: "Preview" }).click();

    const job = files.getByRole("article", { name });
    await expect(job).toContainText("Ready to import");
    await expect(job).toContainText("50 articles found: 47 ready to import, 3 lines with errors (skipped).");
    const skipped = job.getByRole("table", { name: /Lines that will be skipped/ });
    await expect(skipped.getByRole("row")).toHaveCount(4);
    await expect(skipped.getByRole("row").nth(1)).toContainText(/^10\s*invalid JSON/);
    await expect(skipped.getByRole("row").nth(2)).toContainText('25unknown field "colour"');
    await expect(skipped.getByRole("row").nth(3)).toContainText('40one of "text", "html", "markdown" is required.');
    expect(await sql(`SELECT id FROM "Article" WHERE title LIKE $1`, [`Bulk ${id} %`])).toHaveLength(0);

    await files.getByRole("button", { name: "Import" }).click();
    const progress = job.getByRole("progressbar", { name: "Import progress" });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute("aria-valuemax", "50");
    await expect(progress).toHaveAttribute("aria-valuenow", "50", { timeout: 30_000 });
    await expect(job).toContainText("Done");
    await expect(job).toContainText("47 new");
    await expect(job).toContainText("3 failed");
    const errors = job.getByRole("table", { name: /Errors by line/ });
    await expect(errors.getByRole("row")).toHaveCount(4);
    await expect(errors).toContainText("invalid JSON");
    expect(await sql(`SELECT id FROM "Article" WHERE title LIKE $1`, [`Bulk ${id} %`])).toHaveLength(47);

    // The page can be left and revisited: the job is listed with its outcome.
    await page.goto("/");
    await page.goto("/admin/import");
    const recent = page.getByRole("region", { name: "Recent bulk imports" }).getByRole("article", { name });
    await expect(recent).toContainText("Done");
    await expect(recent.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "50");
    await expect(recent.getByRole("table", { name: /Errors by line/ })).toContainText("40");

    // Importing the same file again changes nothing.
    const again = await page.request.post(`/api/admin/import/jobs?name=${name}`, { data: Buffer.from(lines.join("\n")), headers: { "Content-Type": "application/octet-stream", Origin: `http://127.0.0.1:${E2E_PORT}` } });
    expect(again.status()).toBe(201);
    const { data } = (await again.json()) as { data: { id: string; preview: { identical: number } } };
    expect(data.preview.identical).toBe(47);
  });

  test("bad bulk files are refused with a reason, and nothing is written", async ({ page }) => {
    await signInAsAdmin(page);
    const upload = (name: string, body: Buffer) => page.request.post(`/api/admin/import/jobs?name=${encodeURIComponent(name)}`, { data: body, headers: { "Content-Type": "application/octet-stream", Origin: `http://127.0.0.1:${E2E_PORT}` } });
    const expectError = async (response: Awaited<ReturnType<typeof upload>>, status: number, message: RegExp) => {
      expect(response.status()).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    };
    await expectError(await upload("empty.jsonl", Buffer.from("\n\n  \n")), 422, /contains no articles/);
    await expectError(await upload("image.jsonl", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])), 422, /not a text file/);
    await expectError(await upload("latin.jsonl", Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])), 422, /not UTF-8/);
    await expectError(await upload("articles.csv", Buffer.from("a,b")), 400, /\.jsonl/);
    const json = await upload("array.json", Buffer.from(`[{"text": "One ${tag()}."}, 42, {"html": "<p>Two</p>", "extra": 1}]`));
    expect(json.status()).toBe(201);
    const job = ((await json.json()) as { data: { total: number; valid: number; errors: { line: number; message: string }[] } }).data;
    expect(job).toMatchObject({ total: 3, valid: 1 });
    expect(job.errors.map((error) => error.message)).toEqual([expect.stringMatching(/^Item 2 \(line 1\): expected a JSON object, got a number/), expect.stringMatching(/^Item 3 \(line 1\): unknown field "extra"/)]);
  });
});

// ---- URL ----

test.describe("URL", () => {
  let server: http.Server;
  let pageTag = "";
  test.beforeAll(async () => {
    pageTag = tag();
    const hostile = readFileSync(path.join(FIXTURES, "hostile-page.html"), "utf8");
    server = http.createServer((request, response) => {
      if (request.url === "/hostile") {
        response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
        response.end(hostile.replaceAll("TAG", pageTag));
      } else if (request.url === "/moved") {
        response.writeHead(302, { Location: "/hostile" });
        response.end();
      } else if (request.url === "/to-file") {
        response.writeHead(302, { Location: "file:///etc/passwd" });
        response.end();
      } else if (request.url === "/image") {
        response.writeHead(200, { "Content-Type": "image/png" });
        response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      } else {
        response.writeHead(404, { "Content-Type": "text/plain" });
        response.end("Not here");
      }
    });
    await new Promise<void>((resolve) => server.listen(PAGE_PORT, "127.0.0.1", resolve));
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test("a hostile page from a local server: the article comes through, its scripts and handlers never do", async ({ page }) => {
    await signInAsAdmin(page);
    page.on("dialog", (dialog) => {
      throw new Error(`A script ran: ${dialog.message()}`);
    });
    const url = `http://127.0.0.1:${PAGE_PORT}/moved`;
    const title = `Harbour strike ends after three days (${pageTag})`;
    const urlPanel = await openImport(page, "URL");
    await urlPanel.getByRole("textbox", { name: "URL" }).fill(url);
    await urlPanel.getByRole("button", { name: "Preview" }).click();
    const card = urlPanel.getByRole("article", { name: title });
    await expect(card).toContainText("English (en)");
    await expect(card).toContainText("4 paragraphs");
    await expect(card).toContainText("Evil Wire");
    await expect(card).toContainText("Dana Reporter");
    for (const leak of ["SCRIPT TEXT", "IFRAME FALLBACK", "STYLE TEXT", "SVG TEXT", "NOSCRIPT", "HIDDEN TEXT", "INVISIBLE TEXT", "INPUT TEXT", "BUTTON TEXT", "OBJECT TEXT", "TEMPLATE TEXT", "alert("]) {
      await expect(card).not.toContainText(leak);
    }
    await urlPanel.getByRole("button", { name: "Import" }).click();
    await expect(card.getByRole("status")).toContainText("Imported as a new article");

    await card.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    const text = page.locator("article");
    await expect(text).toContainText("Work resumes on Monday morning.");
    await expect(text).toContainText("Negotiators agreed on a four percent raise and new safety rules");
    await expect(text).not.toContainText("INJECTED");
    // The paragraphs hold text only (annotation marks aside): no element from the page survived.
    await expect(page.locator("[data-paragraph-id]")).toHaveCount(4);
    expect(await page.locator("[data-paragraph-id] *:not(mark)").count()).toBe(0);
    expect(await page.locator("[onerror], [onload], [onclick], [onmouseover], [href^='javascript'], iframe, object").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    const [stored] = await sql<{ sourceUrl: string; source: string; publishedAt: Date }>(`SELECT "sourceUrl", source, "publishedAt" FROM "Article" WHERE title = $1`, [title]);
    expect(stored).toMatchObject({ sourceUrl: url, source: "Evil Wire" });
  });

  test("private addresses, other schemes, missing pages and non-HTML are refused with a reason", async ({ page }) => {
    await signInAsAdmin(page);
    const preview = (url: string) => callApi(page, "POST", "/api/admin/import/preview", { kind: "url", url });
    const cases: [string, number, RegExp][] = [
      [`http://127.0.0.1:${E2E_PORT}/api/health`, 422, /Refused to fetch 127\.0\.0\.1:\d+: it resolves to 127\.0\.0\.1, a private, loopback or reserved address/],
      ["http://localhost:5432/", 422, /Refused to fetch localhost:5432/],
      ["http://169.254.169.254/latest/meta-data/", 422, /Refused to fetch 169\.254\.169\.254/],
      ["http://[::1]/", 422, /Refused/],
      ["file:///etc/passwd", 400, /Only http:\/\/ and https:\/\//],
      ["http://user:secret@example.com/", 400, /user name or password/],
      [`http://127.0.0.1:${PAGE_PORT}/to-file`, 422, /redirected to a file: address/],
      [`http://127.0.0.1:${PAGE_PORT}/missing`, 422, /answered 404/],
      [`http://127.0.0.1:${PAGE_PORT}/image`, 422, /serves image\/png, not a web page/],
    ];
    for (const [url, status, message] of cases) {
      const answer = await preview(url);
      expect(answer.status, url).toBe(status);
      expect(answer.error?.message, url).toMatch(message);
    }
    const urlPanel = await openImport(page, "URL");
    await urlPanel.getByRole("textbox", { name: "URL" }).fill(`http://127.0.0.1:${E2E_PORT}/`);
    await urlPanel.getByRole("button", { name: "Preview" }).click();
    await expect(urlPanel.getByRole("alert")).toContainText("private, loopback or reserved address");
  });
});

// ---- limits and bad input through the API ----

test("bad input on every path gets a clear message and writes nothing", async ({ page }) => {
  await signInAsAdmin(page);
  const id = tag();
  const cases: [unknown, number, RegExp][] = [
    [{ kind: "paste", text: "" }, 422, /The text is empty/],
    [{ kind: "paste", text: "   \n\n  " }, 422, /The text is empty/],
    [{ kind: "paste", text: 42 }, 400, /Text must be text/],
    [{ kind: "paste", text: `Bad language ${id}.`, language: "not a language!" }, 400, /BCP-47/],
    [{ kind: "paste", text: `Bad date ${id}.`, publishedAt: "yesterday" }, 400, /Published must be a date/],
    [{ kind: "paste", format: "docx", text: `Bad format ${id}.` }, 400, /Format must be/],
    [{ kind: "nothing" }, 400, /kind/],
    [{ kind: "paste", text: `${id} ${"a".repeat(5 * 1024 * 1024)}` }, 413, /too large/],
    [{ kind: "paste", text: `\u0000\u0001\u0002binary ${id}${"\u0003".repeat(50)}` }, 422, /does not look like text/],
    [{ kind: "url", url: "" }, 400, /Enter the address/],
  ];
  for (const [body, status, message] of cases) {
    for (const url of ["/api/admin/import/preview", "/api/admin/import/commit"]) {
      const answer = await callApi(page, "POST", url, body);
      expect(answer.status, `${url} ${JSON.stringify(body).slice(0, 80)}`).toBe(status);
      expect(answer.error?.message).toMatch(message);
    }
  }
  expect((await callApi(page, "POST", "/api/admin/import/preview", "{not json")).status).toBe(400);
  const replaceMissing = await callApi(page, "POST", "/api/admin/import/commit", { kind: "paste", text: `Replace nothing ${id}.`, target: { mode: "replace", articleId: "no-such-article" } });
  expect(replaceMissing.status).toBe(404);
  expect(replaceMissing.error?.message).toBe("The article to replace was not found.");
  const stale = await callApi(page, "POST", "/api/admin/import/commit", { kind: "paste", text: `Changed ${id}.`, expectedHash: "0".repeat(64) });
  expect(stale.status).toBe(409);
  expect(stale.error?.message).toMatch(/changed since it was previewed/);
  expect(await sql(`SELECT id FROM "Paragraph" WHERE text LIKE $1`, [`%${id}%`])).toHaveLength(0);
  expect(await sql(`SELECT id FROM "Article" WHERE title LIKE $1`, [`%${id}%`])).toHaveLength(0);
});

// ---- editing an article's details ----

test("an admin edits an article's details: saved and shown everywhere; bad values get a message and change nothing", async ({ page }) => {
  await signInAsAdmin(page);
  const id = tag();
  const sourceUrl = `https://example.test/edit-${id}`;
  const imported = await callApi(page, "POST", "/api/admin/import/commit", { kind: "paste", text: SAMPLE_PARAGRAPHS.slice(0, 2).join("\n\n"), title: `Правка ${id}`, sourceUrl });
  expect(imported.status).toBe(200);
  const article = await articleBySourceUrl(sourceUrl);

  await page.goto(`/admin/articles/${article.id}`);
  const form = page.getByRole("form", { name: "Article details" });
  const title = form.getByRole("textbox", { name: "Title" });
  await expect(title).toHaveValue(`Правка ${id}`);
  const save = form.getByRole("button", { name: "Save changes" });
  await expect(save).toBeDisabled();

  // Refused in the form, before anything is sent: an empty title, an address that is not one.
  await title.fill("   ");
  await form.getByRole("textbox", { name: "Source URL" }).fill("not an address");
  await save.click();
  await expect(title).toHaveAccessibleDescription("Title must not be empty.");
  await expect(form.getByRole("textbox", { name: "Source URL" })).toHaveAccessibleDescription(/Source URL must be an http\(s\) address/);
  // The server refuses the same, and anything else, with its message.
  for (const [body, message] of [
    [{ title: "" }, /Title must not be empty/],
    [{ title: "x", language: "not a language!" }, /BCP-47/],
    [{ title: "x", publishedAt: "yesterday" }, /Published must be a date/],
    [{ title: "x", revision: 9 }, /revision/],
    [{ title: 42 }, /Title must be text/],
  ] as const) {
    const answer = await callApi(page, "PATCH", `/api/admin/articles/${article.id}`, { language: "ru", ...body });
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.error?.message).toMatch(message);
  }
  expect((await callApi(page, "PATCH", "/api/admin/articles/no-such-article", { title: "x", language: "ru" })).status).toBe(404);
  expect(await articleBySourceUrl(sourceUrl)).toMatchObject({ title: `Правка ${id}`, revision: 1 });

  // Markup in a title is kept as text, never run.
  const newTitle = `<img src=x onerror="window.__hacked=1"> Правка ${id}, исправлено`;
  await title.fill(newTitle);
  await form.getByRole("textbox", { name: "Source URL" }).fill(sourceUrl);
  await form.getByRole("textbox", { name: "Source", exact: true }).fill("ТАСС");
  await form.getByRole("textbox", { name: "Author" }).fill("Иван Петров");
  await form.getByLabel("Published").fill("2024-05-31");
  await save.click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);

  await page.reload();
  await expect(form.getByRole("textbox", { name: "Source", exact: true })).toHaveValue("ТАСС");
  await expect(form.getByRole("textbox", { name: "Author" })).toHaveValue("Иван Петров");
  await expect(form.getByLabel("Published")).toHaveValue("2024-05-31");
  await page.getByRole("link", { name: "Open in the reader" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
  await expect(page).toHaveTitle(new RegExp(`Правка ${id}`));
  expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
  expect(await articleBySourceUrl(sourceUrl)).toMatchObject({ title: newTitle, revision: 1 });
});

// ---- re-import ----

test("re-importing an edited sample keeps every annotation: placed on the right words, or listed under Needs review", async ({ page, newClient }) => {
  test.slow(); // many steps, each one a page or an API call: give a loaded machine time
  await signInAsAdmin(page);
  const id = tag();
  const title = `Кремль и Грузия ${id}`;
  const sourceUrl = `https://example.test/kremlin-${id}`;

  // 1. The sample, pasted as a new article of its own (the seeded one is shared by other tests).
  let paste = await openImport(page, "Paste");
  await paste.getByRole("textbox", { name: "Text" }).fill(SAMPLE_PARAGRAPHS.join("\n\n"));
  await paste.getByRole("textbox", { name: "Title" }).fill(title);
  await paste.getByRole("textbox", { name: "Source URL" }).fill(sourceUrl);
  await paste.getByRole("button", { name: "Preview" }).click();
  await expect(paste.getByRole("article", { name: title })).toContainText("7 paragraphs");
  await paste.getByRole("button", { name: "Import" }).click();
  await expect(paste.getByRole("article", { name: title }).getByRole("status")).toContainText("Imported as a new article");
  const article = await articleBySourceUrl(sourceUrl);
  const v1 = await paragraphs(article.id, 1);

  // 2. Annotations and notes on it, through the API, as an annotator and as the admin.
  const annotator = await newClient();
  await newUser(annotator, { label: "Annotator" });
  const [person] = await sql<{ id: string }>(`SELECT id FROM "EntityType" WHERE key = 'PER'`);
  const annotate = async (who: Page, n: number, phrase: string, entity = false) => {
    const text = v1[n - 1]!.text;
    const start = text.indexOf(phrase);
    expect(start, phrase).toBeGreaterThanOrEqual(0);
    const { start: s, end, exact, prefix, suffix } = describeRange(text, start, start + phrase.length);
    const answer = await callApi<{ id: string }>(who, "POST", `/api/articles/${article.id}/annotations`, {
      paragraphId: v1[n - 1]!.id,
      start: s,
      end,
      exact,
      prefix,
      suffix,
      ...(entity ? { kind: "ENTITY", entityTypeId: person!.id } : { kind: "HIGHLIGHT", color: "yellow" }),
    });
    expect(answer.status, JSON.stringify(answer.error)).toBe(201);
    return { id: answer.data!.id, phrase };
  };
  const placed = {
    tbilisi: await annotate(page, 1, "Тбилиси"), // paragraph 1 is edited ("в четверг"), and a new first paragraph also says "Тбилиси"
    constructive: await annotate(page, 2 + 1, "наглядным подтверждением"), // paragraph 3, unchanged
    inashvili: await annotate(annotator, 5, "Ирма Инашвили", true), // paragraph 5, unchanged (moves down one)
    abkhazia: await annotate(page, 7, "посетили Абхазию"), // paragraph 7 is split in two
  };
  const orphans = {
    recognised: await annotate(annotator, 6, "не признали итогов выборов"), // that sentence is deleted
    parliament: await annotate(page, 6, "Парламент эту просьбу удовлетворил"), // so is this one
  };
  const noteOnDeleted = await callApi<{ id: string }>(page, "POST", `/api/articles/${article.id}/notes`, { paragraphId: v1[1]!.id, body: `Note on the removed paragraph ${id}` });
  const noteOnKept = await callApi<{ id: string }>(page, "POST", `/api/articles/${article.id}/notes`, { paragraphId: v1[3]!.id, body: `Note on paragraph four ${id}` });
  expect([noteOnDeleted.status, noteOnKept.status]).toEqual([201, 201]);

  // 3. The edited text through Files, with an explicit "Replace article" choice.
  const files = await openImport(page, "Files");
  await files.getByLabel("Choose files").setInputFiles(path.join(FIXTURES, "kremlin-georgia-ru-edited.txt"));
  await files.getByRole("button", { name: "Preview" }).click();
  const card = files.getByRole("article", { name: SAMPLE_TITLE });
  await expect(card).toContainText("8 paragraphs");
  await card.getByRole("radio", { name: "Replace article" }).check();
  await card.getByRole("searchbox", { name: "Find the article to replace" }).fill(id);
  await card.getByRole("button", { name: title }).click();
  await expect(card.getByRole("button", { name: title })).toHaveAttribute("aria-pressed", "true");
  await files.getByRole("button", { name: "Import" }).click();
  const report = card.getByRole("status");
  await expect(report).toContainText("Revision 2 of");
  await expect(report).toContainText("Annotations: 2 kept, 2 moved, 2 orphaned");
  await expect(report.getByRole("list", { name: "Orphaned annotations" })).toContainText("не признали итогов выборов");
  await expect(report).toContainText("Notes:");

  // 4. Every placed annotation is on the current text, on exactly its words…
  const v2 = await paragraphs(article.id, 2);
  expect(v2).toHaveLength(8);
  const rows = await sql<{ id: string; exact: string; start: number; end: number; anchorStatus: string; paragraphId: string }>(
    `SELECT id, exact, start, "end", "anchorStatus", "paragraphId" FROM "Annotation" WHERE "articleId" = $1`,
    [article.id],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const expectedParagraph = { tbilisi: 2, constructive: 3, inashvili: 5, abkhazia: 8 } as const;
  for (const [key, { id: annotationId, phrase }] of Object.entries(placed) as [keyof typeof placed, { id: string; phrase: string }][]) {
    const row = byId.get(annotationId)!;
    const paragraph = v2.find((candidate) => candidate.id === row.paragraphId);
    expect(paragraph?.position, key).toBe(expectedParagraph[key]);
    expect(paragraph!.text.slice(row.start, row.end), key).toBe(phrase);
    expect(row.exact).toBe(phrase);
  }
  expect(byId.get(placed.constructive.id)!.anchorStatus).toBe("ANCHORED");
  expect(byId.get(placed.abkhazia.id)!.anchorStatus).toBe("REANCHORED");
  // …and the reader shows it there.
  await page.goto(`/articles/${article.slug}`);
  for (const { id: annotationId, phrase } of Object.values(placed)) {
    await expect(marksOf(page, annotationId).first()).toBeAttached();
    expect((await marksOf(page, annotationId).allTextContents()).join("")).toBe(phrase);
  }
  // Notes moved onto the new text; none was lost.
  const notes = await sql<{ id: string; revision: number }>(`SELECT n.id, p.revision FROM "Note" n JOIN "Paragraph" p ON p.id = n."paragraphId" WHERE n.id = ANY($1)`, [[noteOnDeleted.data!.id, noteOnKept.data!.id]]);
  expect(notes.map((note) => note.revision)).toEqual([2, 2]);

  // 5. The orphans keep their old paragraph and quote, and are listed under Needs review.
  for (const { id: annotationId } of Object.values(orphans)) {
    const row = byId.get(annotationId)!;
    expect(row.anchorStatus).toBe("ORPHANED");
    expect(v1.some((paragraph) => paragraph.id === row.paragraphId)).toBe(true);
  }
  await page.goto(`/admin/articles/${article.id}`);
  const review = page.getByRole("region", { name: /Needs review/ });
  await expect(review).toContainText("не признали итогов выборов");
  await expect(review).toContainText("Парламент эту просьбу удовлетворил");
  await expect(review).toContainText("from revision 1, paragraph 6");

  // 6. Re-attach (the API the reader's selection uses): checked against the text, author or admin only.
  const target = v2[5]!; // paragraph 6 of the new text
  const attachAt = target.text.indexOf("набрал 3,14% голосов");
  expect(attachAt).toBeGreaterThan(0);
  const selector = describeRange(target.text, attachAt, attachAt + "набрал 3,14% голосов".length);
  const stranger = await newClient();
  await newUser(stranger, { label: "Stranger" });
  expect((await callApi(stranger, "POST", `/api/annotations/${orphans.recognised.id}/reattach`, { paragraphId: target.id, ...selector })).status).toBe(403);
  const mismatch = await callApi(annotator, "POST", `/api/annotations/${orphans.recognised.id}/reattach`, { paragraphId: target.id, ...selector, exact: "something else" });
  expect(mismatch.status).toBe(422);
  expect(mismatch.error?.message).toMatch(/does not match the paragraph/);
  const oldParagraph = await callApi(annotator, "POST", `/api/annotations/${orphans.recognised.id}/reattach`, { paragraphId: v1[5]!.id, ...describeRange(v1[5]!.text, 0, 10) });
  // A paragraph of an older revision is a conflict with the article's current text: reload.
  expect(oldParagraph.status).toBe(409);
  const attached = await callApi<{ anchorStatus: string; paragraphId: string; exact: string }>(annotator, "POST", `/api/annotations/${orphans.recognised.id}/reattach`, { paragraphId: target.id, ...selector });
  expect(attached.status, JSON.stringify(attached.error)).toBe(200);
  expect(attached.data).toMatchObject({ anchorStatus: "ANCHORED", paragraphId: target.id, exact: selector.exact });
  expect((await callApi(annotator, "POST", `/api/annotations/${orphans.recognised.id}/reattach`, { paragraphId: target.id, ...selector })).status).toBe(409);

  // 7. Dismiss from Needs review: off the list, never deleted.
  await page.reload();
  await expect(review).not.toContainText("не признали итогов выборов");
  await review.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByRole("region", { name: /Needs review/ })).toHaveCount(0);
  const [dismissed] = await sql<{ dismissedAt: Date | null; anchorStatus: string }>(`SELECT "dismissedAt", "anchorStatus" FROM "Annotation" WHERE id = $1`, [orphans.parliament.id]);
  expect(dismissed?.dismissedAt).not.toBeNull();
  expect(dismissed?.anchorStatus).toBe("ORPHANED");

  // 8. The same text again from the same source: identical content is a no-op, reported as such.
  paste = await openImport(page, "Paste");
  await paste.getByRole("textbox", { name: "Text" }).fill(readFileSync(path.join(FIXTURES, "kremlin-georgia-ru-edited.txt"), "utf8"));
  await paste.getByRole("textbox", { name: "Source URL" }).fill(sourceUrl);
  await paste.getByRole("button", { name: "Preview" }).click();
  const same = paste.getByRole("article", { name: SAMPLE_TITLE });
  await expect(same.getByRole("radio", { name: "Replace article" })).toBeChecked();
  await expect(same.getByRole("list", { name: "Warnings" })).toContainText("Duplicate: identical to");
  await paste.getByRole("button", { name: "Import" }).click();
  await expect(same.getByRole("status")).toContainText("Unchanged: identical to");
  expect((await articleBySourceUrl(sourceUrl)).revision).toBe(2);
});
