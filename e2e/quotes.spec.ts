import type { Page } from "@playwright/test";
import { createQuote, PRESS_SERVICE_QUOTE } from "./support/quotes";
import { SAMPLE_TITLE } from "./support/sample";
import {
  callApi,
  entityTypeIdOf,
  expectMarksRead,
  expectParagraphIntact,
  importSampleCopy,
  listArticle,
  liveStatus,
  marksOf,
  nextAnnotationUpdate,
  nextCreatedAnnotations,
  offsetsOf,
  openReader,
  openSample,
  reloadReader,
  selectionToolbar,
  selectPhrase,
  selectorOf,
  type AnnotationDTO,
} from "./support/reader";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

/**
 * Quotes (issue 11): words attributed to a speaker entity. Marked from the selection toolbar
 * (Quote → Speaker), shown with the speaker's name outside the text, re-attributed in the details
 * dialog, listed on the speaker's entity page under Quotes; readers see them but cannot make them,
 * and a private quote stays its author's.
 */
test.describe.configure({ mode: "parallel" });

/** Words of paragraph 3 a reader selects. */
const READER_PHRASE = "наглядным подтверждением";
const token = () => Math.random().toString(36).slice(2, 8);
const annotationDialog = (page: Page) => page.getByRole("dialog", { name: "Annotation" });

/** The speaker label drawn after the quote's last piece (CSS generated content). */
async function expectSpeakerLabel(page: Page, quote: AnnotationDTO, speaker: string) {
  const labelled = page.locator(`mark[data-annotation-id="${quote.id}"][data-entity-label]`);
  await expect(labelled).toHaveCount(1);
  await expect(labelled).toHaveAttribute("data-entity-label", speaker);
  expect(await labelled.evaluate((mark) => getComputedStyle(mark, "::after").content)).toBe(JSON.stringify(speaker));
}

/** Types into a Speaker combobox and waits until both searches (people, organisations) answered for that text. */
async function typeSpeaker(page: Page, combobox: ReturnType<Page["getByRole"]>, name: string) {
  let answered = 0;
  const onResponse = (response: { url(): string }) => {
    if (response.url().includes("/api/entities?") && new URL(response.url()).searchParams.get("q") === name) answered++;
  };
  page.on("response", onResponse);
  await combobox.fill(name);
  await expect.poll(() => answered).toBe(2);
  page.off("response", onResponse);
}

test("mark a quote with the keyboard, a new organisation as its speaker; it shows after a reload, the speaker changes in the dialog, and the entity page lists it", async ({ page }) => {
  await newUser(page);
  const article = await openSample(page);
  const pressService = `пресс-служба Кремля ${token()}`;

  await selectPhrase(page, PRESS_SERVICE_QUOTE.paragraph, PRESS_SERVICE_QUOTE.phrase);
  const toolbar = selectionToolbar(page);
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole("button", { name: "Quote" }).focus();
  await page.keyboard.press("Enter");
  const speaker = toolbar.getByRole("combobox", { name: "Speaker" });
  await expect(speaker).toBeFocused();
  await typeSpeaker(page, speaker, pressService);
  // Nobody has that name yet: the options are to create it, as a person or as an organisation.
  await expect(toolbar.getByRole("option", { name: `New person: ${pressService}` })).toHaveAttribute("aria-selected", "true");
  // Pressed until it sticks: a search answer landing in between moves the choice back to the first option.
  await expect(async () => {
    await page.keyboard.press("ArrowDown");
    await expect(toolbar.getByRole("option", { name: `New organisation: ${pressService}` })).toHaveAttribute("aria-selected", "true", { timeout: 500 });
  }).toPass();
  const created = nextCreatedAnnotations(page);
  await page.keyboard.press("Enter");
  const [quote] = await created;
  expect(quote).toMatchObject({ kind: "QUOTE", exact: PRESS_SERVICE_QUOTE.phrase, ...offsetsOf(2, PRESS_SERVICE_QUOTE.phrase), speaker: { name: pressService }, entity: null });

  await reloadReader(page);
  await expect(marksOf(page, quote!.id).first()).toHaveAttribute("data-kind", "QUOTE");
  await expectSpeakerLabel(page, quote!, pressService);
  await expectMarksRead(page, quote!);
  await expectParagraphIntact(page, article, 2);
  // Not drawn like a highlight: no fill, a dotted underline.
  const look = await marksOf(page, quote!.id).first().evaluate((mark) => ({ background: getComputedStyle(mark).backgroundColor, border: getComputedStyle(mark).borderBottomStyle }));
  expect(look).toEqual({ background: "rgba(0, 0, 0, 0)", border: "dotted" });

  // Change the speaker in the details dialog: to another new organisation, chosen with the mouse.
  const kremlin = `Кремль ${token()}`;
  await marksOf(page, quote!.id).first().click();
  const dialog = annotationDialog(page);
  await expect(dialog.getByRole("combobox", { name: "Speaker" })).toHaveValue(pressService);
  await typeSpeaker(page, dialog.getByRole("combobox", { name: "Speaker" }), kremlin);
  const updated = nextAnnotationUpdate(page);
  await dialog.getByRole("option", { name: `New organisation: ${kremlin}` }).click();
  const changed = await updated;
  expect(changed.speaker?.name).toBe(kremlin);
  await expectSpeakerLabel(page, quote!, kremlin);
  await reloadReader(page);
  await expectSpeakerLabel(page, quote!, kremlin);

  // What did the Kremlin say? Its page lists the quote (not as a mention), linking back to it.
  await page.goto(`/entities/${changed.speaker!.id}`);
  const quotes = page.getByRole("region", { name: "Quotes" });
  await expect(quotes).toContainText("Как известно, не мы были инициаторами их разрыва");
  await expect(quotes.getByRole("link", { name: SAMPLE_TITLE })).toHaveAttribute("href", `${article.path}#a-${quote!.id}`);
  await expect(page.getByRole("heading", { name: "0 mentions in 0 articles" })).toBeVisible();
  // The first speaker said nothing any more.
  await page.goto(`/entities/${quote!.speaker!.id}`);
  await expect(page.getByRole("region", { name: "Quotes" })).toContainText(`No quotes attributed to ${pressService} yet.`);
});

test("a Reader sees a quote and its speaker but cannot mark one", async ({ page, newClient }) => {
  await newUser(page, { label: "Author" });
  const article = await openSample(page);
  const organisation = await entityTypeIdOf(page, "Organisation");
  const speakerName = `пресс-служба Кремля ${token()}`;
  const quote = await createQuote(page, article, { paragraph: 4, phrase: "российско-грузинский диалог продолжается", speaker: { speakerName, speakerTypeId: organisation } });

  const admin = await newClient();
  await signInAsAdmin(admin);
  const reader = await newClient();
  const readerUser = await newUser(reader, { label: "Reader" });
  expect((await callApi(admin, "PATCH", `/api/admin/users/${readerUser.id}`, { role: "READER" })).status).toBe(200);

  await openSample(reader);
  await expect(marksOf(reader, quote.id).first()).toHaveAttribute("data-kind", "QUOTE");
  await expectSpeakerLabel(reader, quote, speakerName);
  // No toolbar for a reader's selection, and the API refuses.
  await selectPhrase(reader, 3, READER_PHRASE);
  await expect(selectionToolbar(reader)).toBeHidden();
  const refused = await callApi(reader, "POST", `/api/articles/${article.articleId}/annotations`, {
    kind: "QUOTE",
    paragraphId: article.paragraphIds[2],
    ...selectorOf(3, READER_PHRASE),
    speakerId: quote.speaker!.id,
  });
  expect(refused.status).toBe(403);
  // The details dialog shows the speaker, read-only.
  await marksOf(reader, quote.id).first().click();
  await expect(annotationDialog(reader).getByRole("combobox", { name: "Speaker" })).toHaveValue(speakerName);
  await expect(annotationDialog(reader).getByRole("combobox", { name: "Speaker" })).toBeDisabled();
  // Its entity page lists the quote: a readable quote makes its speaker known.
  await reader.goto(`/entities/${quote.speaker!.id}`);
  await expect(reader.getByRole("region", { name: "Quotes" })).toContainText("российско-грузинский диалог продолжается");
});

test("a private quote and its speaker are invisible to another user", async ({ page, newClient }) => {
  await newUser(page, { label: "Author" });
  const article = await openSample(page);
  const person = await entityTypeIdOf(page, "Person");
  const speakerName = `Тайный источник ${token()}`;
  const quote = await createQuote(page, article, { paragraph: 5, phrase: "открытого письма", speaker: { speakerName, speakerTypeId: person }, visibility: "PRIVATE" });

  await openSample(page);
  await expect(marksOf(page, quote.id).first()).toHaveAttribute("data-private", "");
  await expectSpeakerLabel(page, quote, speakerName);

  const other = await newClient();
  await newUser(other, { label: "Other" });
  await openSample(other);
  await expect(other.locator(`mark[data-annotation-id="${quote.id}"]`)).toHaveCount(0);
  expect((await listArticle(other, article.articleId)).annotations.map((annotation) => annotation.id)).not.toContain(quote.id);
  const page404 = await other.goto(`/entities/${quote.speaker!.id}`);
  expect(page404?.status()).toBe(404);
  // The author's own entity page lists it.
  await page.goto(`/entities/${quote.speaker!.id}`);
  await expect(page.getByRole("region", { name: "Quotes" })).toContainText("открытого письма");
});


test("Find quotes suggests the sample's four quotations with their speakers; reject, accept, change speaker, accept all, heard live by another annotator; the panel filters by speaker", async ({ page, newClient }) => {
  const admin = await newClient();
  await signInAsAdmin(admin);
  const { path } = await importSampleCopy(admin, "Quotes");
  await newUser(page);
  await openReader(page, path);

  await page.getByRole("button", { name: "Find quotes" }).click();
  const suggestions = page.getByRole("region", { name: "Suggestions" });
  const items = suggestions.getByRole("listitem");
  await expect(items).toHaveCount(4);
  // A second annotator has the same suggestions open: each decision reaches them live.
  const colleague = await newClient();
  await newUser(colleague, { label: "Colleague" });
  await openReader(colleague, path);
  await expect(liveStatus(colleague)).toHaveText("Live");
  await colleague.getByRole("button", { name: "Find quotes" }).click();
  const theirItems = colleague.getByRole("region", { name: "Suggestions" }).getByRole("listitem");
  await expect(theirItems).toHaveCount(4);
  // The speakers as the text names them ("в пресс-службе": the press service the story names in
  // full, "пресс-служба Кремля (new)"; "Кремле (new)"), or an organisation of exactly that name
  // that other tests on this shared database made first ("Кремль"): an organisation is linked by
  // its whole name, so other specs' "Пресс-служба <random>" or "пресс-служба Кремля <token>" never are.
  const expected = [
    ["Разделяем высказанную в письме", /said by пресс-служба Кремля/i],
    ["несмотря на все потуги русофобов", /said by [^·]*Кремл/],
    ["российско-грузинский диалог продолжается", /said by пресс-служба Кремля/i],
    ["Благодаря этому были достигнуты", /said by [^·]*Кремл/],
  ] as const;
  for (const [index, [words, speaker]] of expected.entries()) {
    await expect(items.nth(index)).toContainText(words);
    await expect(items.nth(index)).toContainText(speaker);
  }
  // The quoted party names are not quotations.
  for (const name of ["Альянс патриотов Грузии", "Грузинская мечта"]) await expect(suggestions).not.toContainText(`“${name}”`);

  // Reject the second: gone (for the colleague too, without a reload), and not suggested again after a reload.
  await items.nth(1).getByRole("button", { name: "Reject" }).click();
  await expect(items).toHaveCount(3);
  await expect(theirItems).toHaveCount(3);
  await expect(colleague.getByRole("region", { name: "Suggestions" })).not.toContainText("несмотря на все потуги русофобов");
  // Accept the first with its suggested speaker (made in its normal form, or the entity it links to): marked in the text, labelled.
  const created = nextCreatedAnnotationsByAccept(page);
  await items.nth(0).getByRole("button", { name: "Accept", exact: true }).click();
  const first = await created;
  // A new "пресс-служба Кремля", or the one of exactly that name another test made on this server.
  expect(first).toMatchObject({ kind: "QUOTE", speaker: { name: expect.stringMatching(/^пресс-служба Кремля$/i) } });
  await expect(page.locator(`mark[data-annotation-id="${first.id}"][data-entity-label="${first.speaker!.name}"]`)).toBeVisible();
  await expect(items).toHaveCount(2);
  await expect(theirItems).toHaveCount(2);
  // The quote it made reaches them live too.
  await expect(colleague.locator(`mark[data-annotation-id="${first.id}"][data-kind="QUOTE"]`).first()).toBeVisible();
  // Change speaker, then accept with the one chosen.
  const kremlin = `Кремль ${token()}`;
  await items.nth(1).getByRole("button", { name: "Change speaker" }).click();
  const speaker = items.nth(1).getByRole("combobox", { name: "Speaker" });
  await typeSpeaker(page, speaker, kremlin);
  const changed = nextCreatedAnnotationsByAccept(page);
  await items.nth(1).getByRole("option", { name: `New organisation: ${kremlin}` }).click();
  expect((await changed).speaker?.name).toBe(kremlin);
  // Accept all takes the rest.
  await expect(items).toHaveCount(1);
  await suggestions.getByRole("button", { name: "Accept all" }).click();
  await expect(suggestions).toContainText("No unmarked quotations found.");
  await expect(colleague.getByRole("region", { name: "Suggestions" })).toContainText("No unmarked quotations found.");

  await reloadReader(page);
  await page.getByRole("button", { name: "Find quotes" }).click();
  await expect(page.getByRole("region", { name: "Suggestions" })).toContainText("No unmarked quotations found.");
  expect(await page.locator('mark[data-kind="QUOTE"][data-entity-label]').count()).toBe(3);
  // The side panel filters by speaker.
  await page.getByRole("button", { name: "Show annotations" }).click();
  const panel = page.getByRole("region", { name: "Annotations" });
  await panel.getByRole("combobox", { name: "Speaker" }).selectOption({ label: kremlin });
  await expect(panel.getByRole("listitem")).toHaveCount(1);
  await expect(panel.getByRole("listitem")).toContainText("Благодаря этому были достигнуты");

  // The chosen speaker's page lists its quote.
  const speakerId = (await changed).speaker!.id;
  await page.goto(`/entities/${speakerId}`);
  await expect(page.getByRole("region", { name: "Quotes" })).toContainText("Благодаря этому были достигнуты");

  // A Reader sees the quotes but cannot find or accept any.
  const reader = await newClient();
  const readerUser = await newUser(reader, { label: "Reader" });
  expect((await callApi(admin, "PATCH", `/api/admin/users/${readerUser.id}`, { role: "READER" })).status).toBe(200);
  await openReader(reader, path);
  await expect(reader.locator('mark[data-kind="QUOTE"]').first()).toBeVisible();
  await expect(reader.getByRole("button", { name: "Find quotes" })).toHaveCount(0);
  const articleId = await reader.locator("[data-article-id]").getAttribute("data-article-id");
  expect((await callApi(reader, "POST", `/api/articles/${articleId}/quote-suggestions`)).status).toBe(403);
});

/** Resolves with the quote the page's next Accept creates. */
async function nextCreatedAnnotationsByAccept(page: Page): Promise<AnnotationDTO> {
  const response = await page.waitForResponse((candidate) => candidate.request().method() === "POST" && /\/api\/suggestions\/[^/]+\/accept$/.test(new URL(candidate.url()).pathname));
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { data: AnnotationDTO }).data;
}
