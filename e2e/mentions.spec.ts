import type { Page, Response } from "@playwright/test";
import { SAMPLE_PARAGRAPHS } from "./support/sample";
import { callApi, entityTypeIdOf, listArticle, marksOf, nextCreatedAnnotations, openReader, reloadReader, selectBetween, selectionToolbar, selectPhrase, type AnnotationDTO } from "./support/reader";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

/**
 * Find every mention (issue 12): after tagging "Путина" as a Person, the reader offers the other
 * mentions of that entity in the article (region Suggestions): Accept tags one linked to the same
 * entity; Reject is remembered; Accept all tags the rest. Merge entities on the entity page, and Undo.
 * Each test imports an article of its own: suggestions and rejections belong to an article, and
 * other specs tag the shared sample.
 */
test.describe.configure({ mode: "parallel" });

const token = () => Math.random().toString(36).slice(2, 8);
/** A made-up Cyrillic surname no other test uses. */
const surname = () => `Зар${Array.from({ length: 4 }, () => "бвгдклмнпрст"[Math.floor(Math.random() * 12)]).join("")}ов`;

/** Imports an article of the test's own (as the admin) and answers its path. */
async function importArticle(admin: Page, title: string, paragraphs: readonly string[]): Promise<string> {
  const answer = await callApi<{ slug: string }>(admin, "POST", "/api/admin/import/commit", {
    kind: "paste",
    format: "text",
    title,
    language: "ru",
    text: paragraphs.join("\n\n"),
    target: { mode: "new" },
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  return `/articles/${answer.data!.slug}`;
}

async function openArticle(page: Page, path: string): Promise<string> {
  await openReader(page, path);
  return (await page.locator("[data-article-id]").getAttribute("data-article-id"))!;
}

/** Tags the `phrase` of paragraph `n` as `type` from the selection toolbar; resolves with the tag. */
async function tag(page: Page, n: number, phrase: string, type: string): Promise<AnnotationDTO> {
  await selectPhrase(page, n, phrase);
  const toolbar = selectionToolbar(page);
  await toolbar.getByRole("button", { name: "Tag entity" }).click();
  const created = nextCreatedAnnotations(page);
  await toolbar.getByRole("menuitem", { name: type }).click();
  const [annotation] = await created;
  return annotation!;
}

const isDecision = (action: string) => (response: Response) => response.request().method() === "POST" && new RegExp(`/mention-suggestions/(?:[^/]+/${action}|accept-all)$`).test(new URL(response.url()).pathname);

test("tag “Путина” as a Person: the other mentions are suggested in region Suggestions; accept one; reject and Accept all for Грузия", async ({ page, newClient }) => {
  test.slow(); // many steps, each a page or an API call: give a loaded machine time
  const admin = await newClient();
  await signInAsAdmin(admin);
  const path = await importArticle(admin, `Mentions sample ${token()}`, SAMPLE_PARAGRAPHS);
  await newUser(page);
  const articleId = await openArticle(page, path);

  // "просит Путина" (paragraph 5): a person, named in the nominative.
  const putin = await tag(page, 5, "Путина", "Person");
  expect(putin).toMatchObject({ kind: "ENTITY", exact: "Путина", entityType: { key: "PER" } });
  expect(putin.entity!.name).toMatch(/Путин$/);
  // The offer does not take focus from the text; Review opens the Suggestions.
  const offer = page.getByRole("status", { name: "Other mentions" });
  await expect(offer).toContainText(`1 other mention of ${putin.entity!.name}`);
  await offer.getByRole("button", { name: "Review" }).click();
  const suggestions = page.getByRole("region", { name: "Suggestions" });
  const items = suggestions.getByRole("listitem");
  await expect(items).toHaveCount(1);
  // "президента РФ Владимира Путина" in paragraph 1, in another case than the tagged words.
  await expect(items.first()).toContainText("Paragraph 1");
  await expect(items.first().locator("mark")).toContainText("Путина");
  const accepted = page.waitForResponse(isDecision("accept"));
  await items.first().getByRole("button", { name: "Accept", exact: true }).click();
  const mention = ((await (await accepted).json()) as { data: AnnotationDTO }).data;
  expect(mention).toMatchObject({ kind: "ENTITY", entity: { id: putin.entity!.id } });
  expect(SAMPLE_PARAGRAPHS[0]!.slice(mention.start, mention.end)).toBe(mention.exact);
  await expect(marksOf(page, mention.id).first()).toHaveAttribute("data-entity-type", "PER");
  await expect(suggestions).toContainText(`No other untagged mentions of ${putin.entity!.name}`);
  await suggestions.page().getByRole("dialog", { name: `Other mentions of ${putin.entity!.name}` }).getByRole("button", { name: "Close" }).click();

  // "Грузией" (paragraph 1) as a Location: every other form of Грузия is suggested.
  const georgia = await tag(page, 1, "Грузией", "Location");
  await page.getByRole("status", { name: "Other mentions" }).getByRole("button", { name: "Review" }).click();
  const expected = [1, 2, 3, 3, 5, 6];
  await expect(items).toHaveCount(expected.length);
  for (const [index, n] of expected.entries()) await expect(items.nth(index)).toContainText(`Paragraph ${n}`);
  // Reject the one inside the party's name; Accept all takes the other five.
  const rejected = page.waitForResponse(isDecision("reject"));
  await items.first().getByRole("button", { name: "Reject" }).click();
  expect((await rejected).status()).toBe(200);
  await expect(items).toHaveCount(expected.length - 1);
  const all = page.waitForResponse(isDecision("accept-all"));
  await suggestions.getByRole("button", { name: "Accept all" }).click();
  const tagged = ((await (await all).json()) as { data: AnnotationDTO[] }).data;
  expect(tagged).toHaveLength(expected.length - 1);
  expect(tagged.every((annotation) => annotation.entity?.id === georgia.entity!.id && /^Грузи/.test(annotation.exact))).toBe(true);
  await expect(suggestions).toContainText("No other untagged mentions");

  // Remembered: after a reload nothing is suggested again (the rejected one neither), and the tags are there.
  await reloadReader(page);
  const again = await callApi<unknown[]>(page, "POST", `/api/articles/${articleId}/mention-suggestions`, { entityId: georgia.entity!.id });
  expect(again.data).toEqual([]);
  const { annotations } = await listArticle(page, articleId);
  expect(annotations.filter((annotation) => annotation.entity?.id === georgia.entity!.id)).toHaveLength(expected.length);
  expect(annotations.filter((annotation) => annotation.entity?.id === putin.entity!.id)).toHaveLength(2);
});

test("merge two entities on the entity page, then Undo brings the merged one back", async ({ page, newClient }) => {
  test.slow(); // many steps, each a page or an API call: give a loaded machine time
  const admin = await newClient();
  await signInAsAdmin(admin);
  const name = surname();
  const paragraphs = [`Сергей ${name} выступил в Москве.`, `Вопросы задали и ${name}у.`];
  const path = await importArticle(admin, `Merge ${token()}`, paragraphs);
  await newUser(page);
  const articleId = await openArticle(page, path);
  const full = await tagIn(page, 1, paragraphs[0]!, `Сергей ${name}`);
  // The surname alone, tagged before anyone linked it: an entity of its own.
  const short = await tagIn(page, 2, paragraphs[1]!, `${name}у`);
  expect(short.entity!.id).not.toBe(full.entity!.id);

  await page.goto(`/entities/${short.entity!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(short.entity!.name);
  await page.getByRole("button", { name: "Merge entities" }).click();
  const into = page.getByRole("combobox", { name: "Merge into" });
  await into.fill("Сергей");
  await page.getByRole("option", { name: new RegExp(`^${full.entity!.name}`) }).click();
  await page.getByRole("button", { name: `Merge ${short.entity!.name} into ${full.entity!.name}` }).click();
  const toast = page.getByRole("status").filter({ hasText: `Merged ${short.entity!.name} into ${full.entity!.name}` });
  await expect(toast).toBeVisible();
  let { annotations } = await listArticle(page, articleId);
  expect(annotations.map((annotation) => annotation.entity?.id)).toEqual([full.entity!.id, full.entity!.id]);
  // The merged-away entity is gone.
  expect((await page.request.get(`/entities/${short.entity!.id}`)).status()).toBe(404);

  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${short.entity!.name} is back` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Mentions" }).getByRole("listitem")).toHaveCount(1);
  ({ annotations } = await listArticle(page, articleId));
  expect(annotations.map((annotation) => annotation.entity?.id).sort()).toEqual([full.entity!.id, short.entity!.id].sort());
});

/** Tags `phrase` of paragraph `n` (whose text is `text`) as a Person from the selection toolbar. */
async function tagIn(page: Page, n: number, text: string, phrase: string): Promise<AnnotationDTO> {
  const start = text.indexOf(phrase);
  await selectBetween(page, { paragraph: n, offset: start }, { paragraph: n, offset: start + phrase.length });
  const toolbar = selectionToolbar(page);
  await toolbar.getByRole("button", { name: "Tag entity" }).click();
  const created = nextCreatedAnnotations(page);
  await toolbar.getByRole("menuitem", { name: "Person" }).click();
  const [annotation] = await created;
  return annotation!;
}

test("Find mentions on the entity page: across articles, Reject and Accept all per article; a Reader sees them without deciding", async ({ page, newClient }) => {
  const admin = await newClient();
  await signInAsAdmin(admin);
  const title = `Lavrov ${token()}`;
  const paragraphs = ["Сергей Лавров выступил в Москве.", "Лаврову задали вопрос о Грузии.", "Ответ Лаврова был краток."];
  const path = await importArticle(admin, title, paragraphs);
  await newUser(page);
  const articleId = await openArticle(page, path);
  const paragraphIds = await page.locator("[data-paragraph-id]").evaluateAll((elements) => elements.map((element) => element.getAttribute("data-paragraph-id")!));
  const person = await entityTypeIdOf(page, "Person");
  const answer = await callApi<AnnotationDTO>(page, "POST", `/api/articles/${articleId}/annotations`, {
    kind: "ENTITY",
    entityTypeId: person,
    visibility: "SHARED",
    paragraphId: paragraphIds[0],
    start: 0,
    end: "Сергей Лавров".length,
    exact: "Сергей Лавров",
    prefix: "",
    suffix: paragraphs[0]!.slice("Сергей Лавров".length),
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(201);
  const entity = answer.data!.entity!;

  // A Reader sees the suggestions, with no way to decide them.
  const reader = await newClient();
  const readerUser = await newUser(reader, { label: "Reader" });
  expect((await callApi(admin, "PATCH", `/api/admin/users/${readerUser.id}`, { role: "READER" })).status).toBe(200);
  await reader.goto(`/entities/${entity.id}`);
  await reader.getByRole("button", { name: "Find mentions" }).click();
  const readerView = reader.getByRole("region", { name: "Suggestions" }).getByRole("region", { name: `Mentions in ${title}` });
  await expect(readerView.getByRole("listitem")).toHaveCount(2);
  await expect(reader.getByRole("region", { name: "Suggestions" })).toContainText("Only annotators can accept or reject them.");
  await expect(reader.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expect(reader.getByRole("button", { name: "Merge entities" })).toHaveCount(0);

  await page.goto(`/entities/${entity.id}`);
  await page.getByRole("button", { name: "Find mentions" }).click();
  const mine = page.getByRole("region", { name: "Suggestions" }).getByRole("region", { name: `Mentions in ${title}` });
  const items = mine.getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("Лаврову задали вопрос");
  await expect(items.nth(1)).toContainText("Ответ Лаврова");
  await items.nth(1).getByRole("button", { name: "Reject" }).click();
  await expect(items).toHaveCount(1);
  await mine.getByRole("button", { name: "Accept all" }).click();
  await expect(mine).toHaveCount(0);
  // The accepted mention is listed among the entity's mentions; the rejected one is not suggested again.
  await expect(page.getByRole("list", { name: "Mentions" })).toContainText("Лаврову задали вопрос");
  await page.getByRole("button", { name: "Find mentions" }).click();
  await expect(page.getByRole("region", { name: `Mentions in ${title}` })).toHaveCount(0);
  const { annotations } = await listArticle(page, articleId);
  expect(annotations.map((annotation) => [annotation.exact, annotation.entity?.id]).sort()).toEqual([
    ["Лаврову", entity.id],
    ["Сергей Лавров", entity.id],
  ]);
});
