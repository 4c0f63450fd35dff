import type { Page } from "@playwright/test";
import {
  callApi,
  createHighlight,
  createEntityTag,
  dragOverPhrase,
  dragSelect,
  entityTypeIdOf,
  expectMarksRead,
  expectParagraphIntact,
  listArticle,
  liveStatus,
  marksOf,
  nextAnnotationUpdate,
  nextCreatedAnnotations,
  offsetsOf,
  openSample,
  paragraph,
  randomSelector,
  reloadReader,
  selectBetween,
  selectionToolbar,
  selectPhrase,
  type AnnotationDTO,
  type NoteDTO,
} from "./support/reader";
import { expect, newUser, test } from "./support/users";

const annotationDialog = (page: Page) => page.getByRole("dialog", { name: "Annotation" });
const notesDialog = (page: Page, n: number) => page.getByRole("dialog", { name: `Notes on paragraph ${n}` });
const token = () => Math.random().toString(36).slice(2, 10);

// Every test makes its own users and annotations, so they may run side by side.
test.describe.configure({ mode: "parallel" });

test.describe("selecting and highlighting", () => {
  test("a mouse selection becomes a highlight in the chosen colour, kept after a reload", async ({ page }) => {
    await newUser(page);
    const article = await openSample(page);
    const phrase = "всегда выступала за конструктивные отношения";

    await dragOverPhrase(page, 2, phrase);
    const toolbar = selectionToolbar(page);
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole("radio", { name: "Green" }).click();
    await expect(toolbar.getByRole("radio", { name: "Green" })).toHaveAttribute("aria-checked", "true");
    await expect(toolbar.getByRole("radio", { name: "Yellow" })).toHaveAttribute("aria-checked", "false");
    const created = nextCreatedAnnotations(page);
    await toolbar.getByRole("button", { name: "Highlight" }).click();
    const [highlight] = await created;

    expect(highlight).toMatchObject({ kind: "HIGHLIGHT", color: "green", exact: phrase, paragraphId: article.paragraphIds[1], ...offsetsOf(2, phrase) });
    await expect(toolbar).toBeHidden();
    await expect(marksOf(page, highlight!.id).first()).toHaveAttribute("data-color", "green");
    await expectMarksRead(page, highlight!);

    await reloadReader(page);
    await expect(marksOf(page, highlight!.id).first()).toHaveAttribute("data-color", "green");
    await expectMarksRead(page, highlight!);
    await expectParagraphIntact(page, article, 2);
  });

  test("a keyboard selection (Shift+arrows, then Tab into the toolbar) becomes a highlight", async ({ page }) => {
    await newUser(page);
    const article = await openSample(page);
    const phrase = "наглядным подтверждением";
    const { start } = offsetsOf(3, phrase);

    // The first letter is selected programmatically; the keyboard extends the selection from there.
    await selectBetween(page, { paragraph: 3, offset: start }, { paragraph: 3, offset: start + 1 });
    // Extend letter by letter until the phrase is selected (a soft line break inside it takes a press of its own).
    const selected = () => page.evaluate(() => document.getSelection()?.toString() ?? "");
    for (let presses = 0; (await selected()).length < phrase.length && presses < phrase.length + 5; presses++) await page.keyboard.press("Shift+ArrowRight");
    expect(await selected()).toBe(phrase);
    const toolbar = selectionToolbar(page);
    await expect(toolbar).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(toolbar.getByRole("radio", { name: "Yellow" })).toBeFocused();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    await expect(toolbar.getByRole("button", { name: "Highlight" })).toBeFocused();
    const created = nextCreatedAnnotations(page);
    await page.keyboard.press("Enter");
    const [highlight] = await created;

    expect(highlight).toMatchObject({ kind: "HIGHLIGHT", color: "yellow", exact: phrase, ...offsetsOf(3, phrase) });
    await reloadReader(page);
    await expectMarksRead(page, highlight!);
    await expectParagraphIntact(page, article, 3);
  });

  test("Tab pressed in the same moment as the last change of a selection acts on the whole selection", async ({ page }) => {
    await newUser(page);
    await openSample(page);
    const phrase = "наглядным подтверждением";
    const { start } = offsetsOf(3, phrase);
    await selectBetween(page, { paragraph: 3, offset: start }, { paragraph: 3, offset: start + "наглядным".length });
    const toolbar = selectionToolbar(page);
    await expect(toolbar).toBeVisible();

    // Extend the selection and press Tab before the page draws another frame, as a fast typist or a script does.
    await page.evaluate((phrase) => {
      const selection = document.getSelection()!;
      for (let steps = 0; selection.toString() !== phrase && steps < phrase.length + 5; steps++) selection.modify("extend", "forward", "character");
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab", bubbles: true, cancelable: true }));
    }, phrase);
    await expect(toolbar.getByRole("radio", { name: "Yellow" })).toBeFocused();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    await expect(toolbar.getByRole("button", { name: "Highlight" })).toBeFocused();
    const created = nextCreatedAnnotations(page);
    await page.keyboard.press("Enter");
    const [highlight] = await created;
    expect(highlight).toMatchObject({ kind: "HIGHLIGHT", exact: phrase, ...offsetsOf(3, phrase) });
  });

  test("a selection across two paragraphs becomes one highlight in each", async ({ page }) => {
    await newUser(page);
    const article = await openSample(page);
    // From the space before the words (trimmed by the reader): see dragOverPhrase.
    const from = offsetsOf(3, "двумя государствами.").start - 1;
    const to = offsetsOf(4, "В пресс-службе").end;

    await dragSelect(page, { paragraph: 3, offset: from }, { paragraph: 4, offset: to });
    const toolbar = selectionToolbar(page);
    await expect(toolbar).toContainText("Spans 2 paragraphs: one annotation each.");
    const created = nextCreatedAnnotations(page, 2);
    await toolbar.getByRole("button", { name: "Highlight" }).click();
    const highlights = await created;

    const inThird = highlights.find((highlight) => highlight.paragraphId === article.paragraphIds[2]);
    const inFourth = highlights.find((highlight) => highlight.paragraphId === article.paragraphIds[3]);
    expect(inThird).toMatchObject({ exact: "двумя государствами.", ...offsetsOf(3, "двумя государствами.") });
    expect(inFourth).toMatchObject({ exact: "В пресс-службе", start: 0, end: "В пресс-службе".length });

    await reloadReader(page);
    await expect(paragraph(page, 3).locator(`mark[data-annotation-id="${inThird!.id}"]`).first()).toBeVisible();
    await expect(paragraph(page, 4).locator(`mark[data-annotation-id="${inFourth!.id}"]`).first()).toBeVisible();
    await expectMarksRead(page, inThird!);
    await expectMarksRead(page, inFourth!);
    await expectParagraphIntact(page, article, 3);
    await expectParagraphIntact(page, article, 4);
  });

  test("a mouse drag from the first letter of someone's highlight selects words there", async ({ page, newClient }) => {
    // Chromium starts no selection on the first letter of a focusable inline element, so marks are not
    // focusable: their keyboard handle is an empty element before the text.
    await newUser(page);
    let article = await openSample(page);
    const other = await newClient();
    await newUser(other);
    await createHighlight(other, article, { paragraph: 5, phrase: "опубликовала на своей странице в Facebook" });
    article = await openSample(page);
    const { start, end } = offsetsOf(5, "опубликовала на своей");
    await dragSelect(page, { paragraph: 5, offset: start }, { paragraph: 5, offset: end });
    await expect(selectionToolbar(page)).toBeVisible({ timeout: 3_000 });
    await expect(annotationDialog(page)).toBeHidden();
  });

  test("a selection stays on its words while someone's annotation on them arrives, and the toolbar tags them", async ({ page, newClient }) => {
    await newUser(page);
    const article = await openSample(page);
    await expect(liveStatus(page)).toHaveText("Live");
    const phrase = "международных женевских дискуссий по безопасности";
    await selectPhrase(page, 4, phrase);
    const toolbar = selectionToolbar(page);
    await expect(toolbar).toBeVisible();

    // A colleague's highlight over the selection's last words arrives live: the paragraph renders its
    // marks anew, replacing the text the browser's selection was in, which collapses it.
    const colleague = await newClient();
    await newUser(colleague, { label: "Colleague" });
    const arrived = await createHighlight(colleague, article, { paragraph: 4, phrase: "дискуссий по безопасности и стабильности" });
    await expect(marksOf(page, arrived.id).first()).toBeAttached();
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(phrase);
    await expect(toolbar).toBeVisible();

    await toolbar.getByRole("button", { name: "Tag entity" }).click();
    const created = nextCreatedAnnotations(page);
    await toolbar.getByRole("menuitem", { name: "Event" }).click();
    const [tag] = await created;
    expect(tag).toMatchObject({ kind: "ENTITY", exact: phrase, paragraphId: article.paragraphIds[3], ...offsetsOf(4, phrase) });
    await expectParagraphIntact(page, article, 4);
  });

  test("a selection starting and ending on spaces is trimmed to its words", async ({ page }) => {
    await newUser(page);
    const article = await openSample(page);
    await selectPhrase(page, 6, " по итогам состоявшихся ");
    const created = nextCreatedAnnotations(page);
    await selectionToolbar(page).getByRole("button", { name: "Highlight" }).click();
    const [highlight] = await created;

    expect(highlight).toMatchObject({ exact: "по итогам состоявшихся", ...offsetsOf(6, "по итогам состоявшихся") });
    await reloadReader(page);
    await expectMarksRead(page, highlight!);
    await expectParagraphIntact(page, article, 6);
  });
});

test.describe("tagging entities", () => {
  test("Tag entity, then the hotkey 2, tags an organisation that shows its type", async ({ page }) => {
    await newUser(page);
    const article = await openSample(page);
    await selectPhrase(page, 1, "Альянс патриотов Грузии");
    const toolbar = selectionToolbar(page);
    await toolbar.getByRole("button", { name: "Tag entity" }).click();
    await expect(toolbar.getByRole("menuitem", { name: "Person" })).toBeFocused();
    for (const label of ["Organisation", "Location", "Event", "Other"]) await expect(toolbar.getByRole("menuitem", { name: label })).toBeVisible();
    const created = nextCreatedAnnotations(page);
    await page.keyboard.press("2");
    const [tag] = await created;

    expect(tag).toMatchObject({ kind: "ENTITY", exact: "Альянс патриотов Грузии", entityType: { key: "ORG", label: "Organisation" } });
    expect(tag!.entity?.name).toBe("Альянс патриотов Грузии");

    for (const current of [false, true]) {
      if (current) await reloadReader(page);
      const marks = marksOf(page, tag!.id);
      await expect(marks.first()).toHaveAttribute("data-entity-type", "ORG");
      // The type is written next to the words (CSS generated content on the last piece), not only coloured.
      const labelled = page.locator(`mark[data-annotation-id="${tag!.id}"][data-entity-label]`);
      await expect(labelled).toHaveCount(1);
      await expect(labelled).toHaveAttribute("data-entity-label", "Organisation");
      await expect(labelled).toBeVisible();
      expect(await labelled.evaluate((mark) => getComputedStyle(mark, "::after").content)).toBe('"Organisation"');
      await expectMarksRead(page, tag!);
    }
    await expectParagraphIntact(page, article, 1);
  });

  test("two mentions relinked to one person: both show on the entity's page, which links back", async ({ page }) => {
    await newUser(page);
    const article = await openSample(page);
    const toolbar = selectionToolbar(page);

    await selectPhrase(page, 1, "Владимира Путина");
    await toolbar.getByRole("button", { name: "Tag entity" }).click();
    let created = nextCreatedAnnotations(page);
    await toolbar.getByRole("menuitem", { name: "Person" }).click();
    const [full] = await created;
    expect(full).toMatchObject({ exact: "Владимира Путина", entityType: { key: "PER" } });

    await selectPhrase(page, 5, "Путина");
    await toolbar.getByRole("button", { name: "Tag entity" }).click();
    created = nextCreatedAnnotations(page);
    await page.keyboard.press("1");
    const [short] = await created;
    expect(short).toMatchObject({ exact: "Путина", entityType: { key: "PER" } });
    await expect(marksOf(page, short!.id).first()).toHaveAttribute("data-entity-type", "PER");

    // Relink the short mention to the full name's entity with the Entity combobox.
    await marksOf(page, short!.id).first().click();
    const dialog = annotationDialog(page);
    await expect(dialog).toBeVisible();
    const combobox = dialog.getByRole("combobox", { name: "Entity" });
    await combobox.fill("Владимира");
    const option = dialog.getByRole("option", { name: new RegExp(`^${full!.entity!.name}`) });
    await expect(option).toBeVisible();
    if (short!.entity!.id !== full!.entity!.id) {
      const updated = nextAnnotationUpdate(page);
      await option.click();
      expect((await updated).entity?.id).toBe(full!.entity!.id);
    } else {
      await option.click();
    }
    await expect(combobox).toHaveValue(full!.entity!.name);

    await reloadReader(page);
    const { annotations } = await listArticle(page, article.articleId);
    expect(annotations.find((annotation) => annotation.id === short!.id)?.entity?.id).toBe(full!.entity!.id);
    expect(annotations.find((annotation) => annotation.id === full!.id)?.entity?.id).toBe(full!.entity!.id);

    await marksOf(page, short!.id).first().click();
    await annotationDialog(page).getByRole("link", { name: `All mentions of ${full!.entity!.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/entities/${full!.entity!.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(full!.entity!.name);
    const mentions = page.getByRole("list", { name: "Mentions" }).getByRole("listitem");
    const mention = (annotation: AnnotationDTO) => mentions.filter({ has: page.locator(`a[href$="#a-${annotation.id}"]`) });
    await expect(mention(full!)).toContainText("президента РФ Владимира Путина с просьбой");
    await expect(mention(full!)).toContainText("paragraph 1");
    await expect(mention(short!)).toContainText("партия просит Путина о содействии");
    await expect(mention(short!)).toContainText("paragraph 5");

    await mention(short!).getByRole("link", { name: "Open in the article" }).click();
    await expect(page).toHaveURL(new RegExp(`#a-${short!.id}$`));
    await expect(annotationDialog(page)).toBeVisible();
    await expect(annotationDialog(page).locator("blockquote")).toHaveText("Путина");
  });
});

test.describe("tagging the same new name at once", () => {
  test("two people tagging a name no entity has yet both succeed, linked to one entity", async ({ page, newClient }) => {
    await newUser(page);
    const article = await openSample(page);
    const typeId = await entityTypeIdOf(page, "Person");
    const other = await newClient();
    await newUser(other);
    // Slices of text no entity is named after yet, each tagged by both at the same moment
    // (several at once, so that the two requests really do overlap).
    const names = [0, 1, 2, 3].map(() => randomSelector(6));
    const answers = await Promise.all(
      names.flatMap((selector) =>
        [page, other].map((client) =>
          callApi<AnnotationDTO>(client, "POST", `/api/articles/${article.articleId}/annotations`, { kind: "ENTITY", paragraphId: article.paragraphIds[5], ...selector, entityTypeId: typeId, visibility: "SHARED" }),
        ),
      ),
    );
    expect(answers.map((answer) => answer.status), JSON.stringify(answers.map((answer) => answer.error))).toEqual(names.flatMap(() => [201, 201]));
    for (let i = 0; i < names.length; i++) expect(answers[2 * i]!.data!.entity!.id).toBe(answers[2 * i + 1]!.data!.entity!.id);
  });
});

test.describe("notes", () => {
  test("a paragraph note renders Markdown safely; its author replies, edits and deletes; others cannot", async ({ page, newClient }) => {
    const me = await newUser(page);
    const article = await openSample(page);
    const tag = token();
    const body = [
      `Point **bold-${tag}** and [a link](https://example.com/${tag})`,
      "",
      `- first item ${tag}`,
      "- second item",
      "",
      `> quoted ${tag}`,
      "",
      "<script>window.__xss = 1</script>",
      "",
      '<img src="x" onerror="window.__xss = 2">',
      "",
      "[bad link](javascript:window.__xss=3)",
    ].join("\n");

    await page.getByRole("button", { name: "Notes on paragraph 2" }).click();
    const dialog = notesDialog(page, 2);
    await expect(dialog).toBeVisible();
    await dialog.getByRole("textbox", { name: "Note" }).fill(body);
    await dialog.getByRole("button", { name: "Save note" }).click();

    // My notes here are this thread's first note and, later, its reply (others' notes may be around too).
    const byMe = { name: `Note by ${me.name}` } as const;
    const note = dialog.getByRole("article", byMe).first();
    await expect(note).toContainText(`first item ${tag}`);
    await expect(note.locator("strong")).toHaveText(`bold-${tag}`);
    await expect(note.getByRole("link", { name: "a link" })).toHaveAttribute("href", `https://example.com/${tag}`);
    await expect(note.getByRole("listitem")).toHaveText([`first item ${tag}`, "second item"]);
    await expect(note.locator("blockquote")).toHaveText(`quoted ${tag}`);
    // Raw HTML is shown as text, never run; a javascript: link is no link.
    await expect(note).toContainText("<script>window.__xss = 1</script>");
    await expect(note).toContainText('<img src="x" onerror="window.__xss = 2">');
    await expect(note.locator("script, img")).toHaveCount(0);
    await expect(note).toContainText("bad link");
    await expect(note.getByRole("link", { name: "bad link" })).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();

    // Reply.
    const thread = dialog.getByRole("listitem").filter({ has: page.getByRole("article", byMe) }).first();
    await thread.getByRole("button", { name: "Reply" }).click();
    await thread.getByRole("textbox", { name: "Note" }).fill(`reply ${tag}`);
    await thread.getByRole("button", { name: "Save note" }).click();
    const reply = thread.getByRole("list", { name: "Replies" }).getByRole("article", byMe);
    await expect(reply).toContainText(`reply ${tag}`);

    // Edit own.
    await note.getByRole("button", { name: "Edit" }).click();
    await note.getByRole("textbox", { name: "Note" }).fill(`Edited **first item ${tag}**`);
    await note.getByRole("button", { name: "Save note" }).click();
    await expect(note.locator("strong")).toHaveText(`first item ${tag}`);
    await expect(note).toContainText("(edited)");

    // Delete own (the reply).
    await reply.getByRole("button", { name: "Delete" }).click();
    await expect(reply).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "Note deleted." })).toBeVisible();

    await reloadReader(page);
    await page.getByRole("button", { name: "Notes on paragraph 2" }).click();
    await expect(note).toContainText(`Edited first item ${tag}`);
    await expect(note).toContainText("(edited)");
    await expect(notesDialog(page, 2)).not.toContainText(`reply ${tag}`);

    // Someone else sees it but may not change it: no buttons, and the API refuses.
    const mine = (await listArticle(page, article.articleId)).notes.find((candidate: NoteDTO) => candidate.body.includes(`first item ${tag}`))!;
    const other = await newClient();
    await newUser(other);
    await openSample(other);
    await other.getByRole("button", { name: "Notes on paragraph 2" }).click();
    const seen = notesDialog(other, 2).getByRole("article", byMe).filter({ hasText: `first item ${tag}` });
    await expect(seen).toBeVisible();
    await expect(seen.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(seen.getByRole("button", { name: "Delete" })).toHaveCount(0);
    const edit = await callApi(other, "PATCH", `/api/notes/${mine.id}`, { version: mine.version, body: "hijacked" });
    expect(edit.status).toBe(403);
    expect(edit.error?.message).toBe("You can only edit or delete your own notes.");
    expect((await callApi(other, "DELETE", `/api/notes/${mine.id}`)).status).toBe(403);
    const after = (await listArticle(page, article.articleId)).notes.find((candidate) => candidate.id === mine.id);
    expect(after).toMatchObject({ body: mine.body, version: mine.version });
  });

  test("a highlight with a note (Add note in the toolbar) shows the note in its dialog", async ({ page }) => {
    await newUser(page);
    const article = await openSample(page);
    const text = `Why this matters ${token()}`;
    const highlight = await highlightWithNote(page, text);

    const notes = (await listArticle(page, article.articleId)).notes.filter((note) => note.annotationId === highlight.id);
    expect(notes.map((note) => note.body)).toEqual([text]);

    await marksOf(page, highlight.id).first().click();
    await expect(annotationDialog(page).getByRole("region", { name: "Notes on this highlight" })).toContainText(text);

    await reloadReader(page);
    await marksOf(page, highlight.id).first().click();
    await expect(annotationDialog(page).getByRole("region", { name: "Notes on this highlight" })).toContainText(text);
  });
});

/** Selects words of paragraph 7 with the mouse and saves them as a highlight with a note, from the toolbar. */
async function highlightWithNote(page: Page, text: string): Promise<AnnotationDTO> {
  await dragOverPhrase(page, 7, "неоднократно совершали визиты");
  const toolbar = selectionToolbar(page);
  await toolbar.getByRole("button", { name: "Add note" }).click();
  await toolbar.getByRole("textbox", { name: "Note" }).fill(text);
  const created = nextCreatedAnnotations(page);
  await toolbar.getByRole("button", { name: "Save note" }).click();
  const [highlight] = await created;
  expect(highlight).toMatchObject({ kind: "HIGHLIGHT", exact: "неоднократно совершали визиты" });
  await expect(marksOf(page, highlight!.id).first()).toBeVisible();
  return highlight!;
}

test.describe("annotation details", () => {
  test("opens by click and by Enter; colour changes; Delete then Undo brings it back for good", async ({ page }) => {
    const me = await newUser(page);
    let article = await openSample(page);
    const highlight = await createHighlight(page, article, { paragraph: 6, phrase: "набрал 3,14% голосов" });
    article = await openSample(page);
    const dialog = annotationDialog(page);

    await marksOf(page, highlight.id).first().click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(me.name);
    await expect(dialog.locator("blockquote")).toHaveText("набрал 3,14% голосов");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // Keyboard: Tab from the control before paragraph 6 until the highlight's handle has focus, then Enter.
    await page.getByRole("button", { name: "Notes on paragraph 5" }).focus();
    const mark = marksOf(page, highlight.id).first();
    const handle = mark.locator("[data-annotation-focus]");
    for (let presses = 0; presses < 80 && !(await handle.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press("Tab");
    await expect(handle).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(me.name);

    const updated = nextAnnotationUpdate(page);
    await dialog.getByRole("radio", { name: "Blue" }).click();
    expect((await updated).color).toBe("blue");
    await expect(mark).toHaveAttribute("data-color", "blue");
    await expect(dialog.getByRole("radio", { name: "Blue" })).toHaveAttribute("aria-checked", "true");

    await dialog.getByRole("button", { name: "Delete annotation" }).click();
    await expect(marksOf(page, highlight.id)).toHaveCount(0);
    const toast = page.getByRole("status").filter({ hasText: "Annotation deleted." });
    await expect(toast).toBeVisible();
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(mark).toHaveAttribute("data-color", "blue");

    await reloadReader(page);
    await expect(mark).toHaveAttribute("data-color", "blue");
    await expectMarksRead(page, highlight);
    await expectParagraphIntact(page, article, 6);
  });
});

test.describe("the side panel and deep links", () => {
  test("lists in reading order, filters by kind, type and author, and choosing one reveals it", async ({ page, newClient }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await newUser(page);
    let article = await openSample(page);
    const later = await createHighlight(page, article, { paragraph: 4, phrase: "неформального диалогового канала", color: "pink" });
    const earlier = await createHighlight(page, article, { paragraph: 2, phrase: "Как известно" });
    const other = await newClient();
    const someoneElse = await newUser(other);
    const theirs = await createHighlight(other, article, { paragraph: 3, phrase: "здравомыслящие силы" });

    article = await openSample(page);
    await selectPhrase(page, 1, "Тбилиси");
    await selectionToolbar(page).getByRole("button", { name: "Tag entity" }).click();
    const created = nextCreatedAnnotations(page);
    await page.keyboard.press("3");
    const [place] = await created;
    expect(place).toMatchObject({ exact: "Тбилиси", entityType: { key: "LOC" } });

    await page.getByRole("button", { name: "Show annotations" }).click();
    const panel = page.getByRole("region", { name: "Annotations" });
    await expect(panel).toBeVisible();
    const items = panel.getByRole("listitem");

    await panel.getByLabel("Author").selectOption({ label: "Only mine" });
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText("¶1 · Location");
    await expect(items.nth(0)).toContainText("Тбилиси");
    await expect(items.nth(1)).toContainText("¶2 · Highlight (yellow)");
    await expect(items.nth(1)).toContainText("Как известно");
    await expect(items.nth(2)).toContainText("¶4 · Highlight (pink)");
    await expect(items.nth(2)).toContainText("неформального диалогового канала");

    await panel.getByLabel("Kind").selectOption({ label: "Entities" });
    await expect(items).toHaveCount(1);
    await expect(items).toContainText("Тбилиси");
    await panel.getByLabel("Kind").selectOption({ label: "Highlights" });
    await expect(items).toHaveCount(2);
    await panel.getByLabel("Kind").selectOption({ label: "All" });
    await panel.getByLabel("Entity type").selectOption({ label: "Location" });
    await expect(items).toHaveCount(1);
    await panel.getByLabel("Entity type").selectOption({ label: "Person" });
    await expect(items).toHaveCount(0);
    await panel.getByLabel("Entity type").selectOption({ label: "Any" });

    await panel.getByLabel("Author").selectOption({ label: someoneElse.name });
    await expect(items).toHaveCount(1);
    await expect(items).toContainText("здравомыслящие силы");
    await expect(items).toContainText(someoneElse.name);

    // Choosing scrolls to the words, flashes them and opens their details.
    await panel.getByLabel("Author").selectOption({ label: "Only mine" });
    await page.evaluate(() => window.scrollTo(0, 0));
    await items.filter({ hasText: "неформального диалогового канала" }).getByRole("button").click();
    const mark = marksOf(page, later.id).first();
    await expect(mark).toHaveClass(/\bflash\b/);
    await expect(mark).toBeInViewport();
    await expect(annotationDialog(page).locator("blockquote")).toHaveText("неформального диалогового канала");
    await expect(marksOf(page, earlier.id).first()).not.toHaveClass(/\bflash\b/);
    await expect(marksOf(page, theirs.id).first()).toBeVisible();
  });

  test("#a-<id> opens the article at that annotation, with its details", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await newUser(page);
    const article = await openSample(page);
    const highlight = await createHighlight(page, article, { paragraph: 7, phrase: "встречались с российскими депутатами", color: "blue" });

    await openSample(page, `#a-${highlight.id}`);
    await expect(annotationDialog(page)).toBeVisible();
    await expect(annotationDialog(page).locator("blockquote")).toHaveText("встречались с российскими депутатами");
    await expect(marksOf(page, highlight.id).first()).toHaveClass(/\bflash\b/);
    await expect(marksOf(page, highlight.id).first()).toBeInViewport();
  });
});

test.describe("overlapping annotations keep the text exact", () => {
  test("an entity inside a highlight, partly overlapping highlights, and the same words tagged by two people", async ({ page, newClient }) => {
    await newUser(page);
    let article = await openSample(page);
    const outer = await createHighlight(page, article, { paragraph: 1, phrase: "комментируя открытое письмо оппозиционной партии “Альянс патриотов Грузии” в адрес" });
    const crossing = await createHighlight(page, article, { paragraph: 1, phrase: "в пятницу пресс-служба Кремля, комментируя открытое", color: "pink" });
    article = await openSample(page);
    await expectParagraphIntact(page, article, 1);

    // Select inside the rendered highlight, across its nested marks, and tag the party.
    await selectPhrase(page, 1, "Альянс патриотов Грузии");
    await selectionToolbar(page).getByRole("button", { name: "Tag entity" }).click();
    let created = nextCreatedAnnotations(page);
    await selectionToolbar(page).getByRole("menuitem", { name: "Organisation" }).click();
    const [inner] = await created;
    expect(inner).toMatchObject({ exact: "Альянс патриотов Грузии", ...offsetsOf(1, "Альянс патриотов Грузии") });
    await expect(marksOf(page, outer.id).locator(`mark[data-annotation-id="${inner!.id}"]`).first()).toBeVisible();

    // Someone else tags the very same words of paragraph 5 that I tag too.
    const other = await newClient();
    await newUser(other);
    const theirs = await createEntityTag(other, article, { paragraph: 5, phrase: "Ирма Инашвили", entityTypeId: inner!.entityType!.id });
    await reloadReader(page);
    await selectPhrase(page, 5, "Ирма Инашвили");
    await selectionToolbar(page).getByRole("button", { name: "Tag entity" }).click();
    created = nextCreatedAnnotations(page);
    await page.keyboard.press("1");
    const [mine] = await created;
    expect(mine).toMatchObject({ start: theirs.start, end: theirs.end, exact: "Ирма Инашвили" });

    for (const current of [false, true]) {
      if (current) await reloadReader(page);
      for (const annotation of [outer, crossing, inner!, theirs, mine!]) await expectMarksRead(page, annotation);
      await expectParagraphIntact(page, article, 1);
      await expectParagraphIntact(page, article, 5);
    }
  });
});
