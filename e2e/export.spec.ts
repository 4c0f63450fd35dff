import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { SAMPLE_TITLE } from "./support/sample";
import { callApi, createEntityTag, createHighlight, entityTypeIdOf, openSample } from "./support/reader";
import { expect, newUser, test } from "./support/users";

/**
 * Export (issue 13): the article page's Export menu downloads the article, with what the visitor
 * may read, as W3C JSON-LD, CSV, Markdown, CoNLL (IOB2), doccano JSONL and spaCy JSONL; each file
 * is read back and checked. Another user's private highlight is in none of them. The menu works
 * with the keyboard, for anonymous visitors too.
 */
test.describe.configure({ mode: "parallel" });

const HIGHLIGHTED = "международных женевских дискуссий";
const TAGGED = "ТАСС";
const SECRET_PHRASE = "получил четыре мандата";
const token = () => Math.random().toString(36).slice(2, 10);

/** Chooses `label` in the Export menu and reads the file it downloads. */
async function download(page: Page, label: string): Promise<{ filename: string; text: string }> {
  await page.getByRole("button", { name: "Export" }).click();
  const downloaded = page.waitForEvent("download");
  // exact: the Curated (gold) group's items are named "Curated " + the same label.
  await page.getByRole("menu", { name: "Export" }).getByRole("menuitem", { name: label, exact: true }).click();
  const file = await downloaded;
  return { filename: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

/** The (code point) spans of a JSONL training line labelled `label` that cover exactly `words`. */
function spansOf(text: string, spans: { start: number; end: number; label: string }[], words: string, label: string) {
  const codePoints = [...text];
  return spans.filter((span) => span.label === label && codePoints.slice(span.start, span.end).join("") === words);
}

test("export the annotated sample in every format from the Export menu; another user's private highlight is in none", async ({ page, newClient }) => {
  await newUser(page);
  const article = await openSample(page);
  const note = `export note ${token()}`;
  const highlight = await createHighlight(page, article, { paragraph: 4, phrase: HIGHLIGHTED, note });
  const tag = await createEntityTag(page, article, { paragraph: 1, phrase: TAGGED, entityTypeId: await entityTypeIdOf(page, "Organisation") });

  const other = await newClient();
  await newUser(other);
  const secret = `private note ${token()}`;
  const hidden = await createHighlight(other, article, { paragraph: 6, phrase: SECRET_PHRASE, note: secret, visibility: "PRIVATE" });

  await openSample(page);
  const slug = article.path.split("/").at(-1)!;
  const files: Record<string, string> = {};

  // W3C JSON-LD: a collection whose items hold the highlight with its exact words and its note.
  const w3c = await download(page, "W3C JSON-LD");
  expect(w3c.filename).toBe(`${slug}.jsonld`);
  files.w3c = w3c.text;
  const collection = JSON.parse(w3c.text) as { type: string; total: number; first: { type: string; items: { id: string; body?: { value?: string }[]; target: unknown }[] } };
  expect(collection.type).toBe("AnnotationCollection");
  expect(collection.first.type).toBe("AnnotationPage");
  expect(collection.total).toBe(collection.first.items.length);
  const item = collection.first.items.find((candidate) => candidate.id.endsWith(`/annotations/${highlight.id}`));
  expect(item, "the highlight is exported").toBeTruthy();
  expect(JSON.stringify(item!.target)).toContain(`"exact":${JSON.stringify(HIGHLIGHTED)}`);
  expect(item!.body?.map((body) => body.value)).toContain(note);
  expect(collection.first.items.some((candidate) => candidate.id.endsWith(`/annotations/${tag.id}`))).toBe(true);
  expect(collection.first.items.some((candidate) => candidate.id.includes(hidden.id))).toBe(false);

  // CSV: the header, and the highlight's row with its exact words and note.
  const csv = await download(page, "CSV");
  expect(csv.filename).toBe(`${slug}.csv`);
  files.csv = csv.text;
  const rows = csv.text.split("\r\n");
  expect(rows[0]).toBe("article,paragraph,start,end,exact,kind,entity type,entity,speaker,colour,author,created,note,project");
  // Last, the project layer it is in: every imported article is in the default project, Glossa.
  expect(rows.some((row) => row.includes(`,${HIGHLIGHTED},`) && row.endsWith(`,${note},Glossa`))).toBe(true);

  // Markdown: the headline, the highlighted words inside a bold run, the note as a footnote.
  const markdown = await download(page, "Markdown");
  expect(markdown.filename).toBe(`${slug}.md`);
  files.markdown = markdown.text;
  expect(markdown.text.startsWith(`# ${SAMPLE_TITLE}\n`)).toBe(true);
  expect([...markdown.text.matchAll(/\*\*([^*]+)\*\*/g)].some(([, bold]) => bold!.includes(HIGHLIGHTED))).toBe(true);
  expect(markdown.text).toContain(note);

  // CoNLL: the tagged word is B-ORG.
  const conll = await download(page, "CoNLL (IOB2)");
  expect(conll.filename).toBe(`${slug}.conll`);
  files.conll = conll.text;
  expect(conll.text).toContain("-DOCSTART- -X- -X- O");
  expect(conll.text.split("\n")).toContain(`${TAGGED} _ _ B-ORG`);

  // doccano and spaCy: one JSON line each, whose code-point offsets slice the tagged word.
  const doccano = await download(page, "doccano JSONL");
  expect(doccano.filename).toBe(`${slug}.doccano.jsonl`);
  files.doccano = doccano.text;
  const doccanoLines = doccano.text.trimEnd().split("\n");
  expect(doccanoLines).toHaveLength(1);
  const doccanoRecord = JSON.parse(doccanoLines[0]!) as { text: string; label: [number, number, string][] };
  const doccanoSpans = doccanoRecord.label.map(([start, end, label]) => ({ start, end, label }));
  expect(spansOf(doccanoRecord.text, doccanoSpans, TAGGED, "ORG")).toHaveLength(1);

  const spacy = await download(page, "spaCy JSONL");
  expect(spacy.filename).toBe(`${slug}.spacy.jsonl`);
  files.spacy = spacy.text;
  const spacyLines = spacy.text.trimEnd().split("\n");
  expect(spacyLines).toHaveLength(1);
  const spacyRecord = JSON.parse(spacyLines[0]!) as { text: string; ents: { start: number; end: number; label: string }[] };
  expect(spacyRecord.text).toBe(doccanoRecord.text);
  expect(spansOf(spacyRecord.text, spacyRecord.ents, TAGGED, "ORG")).toHaveLength(1);

  // The other user's private highlight and its note are in no file.
  for (const [format, text] of Object.entries(files)) expect(text, format).not.toContain(secret);
  expect(rows.some((row) => row.includes(`,${SECRET_PHRASE},`) && row.includes(hidden.author.name))).toBe(false);
});

test("the Export menu works with the keyboard, and an anonymous visitor downloads what they may read", async ({ page }) => {
  await openSample(page);
  const button = page.getByRole("button", { name: "Export" });
  await expect(button).toHaveAttribute("aria-haspopup", "menu");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: "Export" });
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const formats = ["W3C JSON-LD", "CSV", "Markdown", "CoNLL (IOB2)", "doccano JSONL", "spaCy JSONL"];
  // The article's own layer, then its curated (gold) layer in the same formats.
  await expect(menu.getByRole("menuitem")).toHaveText([...formats, ...formats]);
  await expect(menu.getByRole("group", { name: "Curated (gold)" }).getByRole("menuitem", { name: "Curated CSV", exact: true })).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "W3C JSON-LD", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Curated spaCy JSONL", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "CSV", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "CSV", exact: true })).toBeFocused();
  const downloaded = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const text = await readFile((await (await downloaded).path())!, "utf8");
  expect(text.split("\r\n")[0]).toBe("article,paragraph,start,end,exact,kind,entity type,entity,speaker,colour,author,created,note,project");
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});

test("the export API: the file's headers, 400 for an unknown format, 404 for an unknown article", async ({ page }) => {
  const article = await openSample(page);
  const response = await page.request.get(`/api/articles/${article.articleId}/export?format=w3c`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="[\x20-\x7e]+\.jsonld"; filename\*=UTF-8''/);
  expect(response.headers()["cache-control"]).toBe("private, no-store");

  const badFormat = await callApi(page, "GET", `/api/articles/${article.articleId}/export?format=xlsx`);
  expect(badFormat.status).toBe(400);
  expect(badFormat.error?.message).toBeTruthy();
  const unknown = await callApi(page, "GET", "/api/articles/no-such-article/export?format=csv");
  expect(unknown.status).toBe(404);
  expect(unknown.error?.message).toMatch(/not found/);
});
