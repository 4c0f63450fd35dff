import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { callApi, nextCreatedAnnotations, selectBetween, type AnnotationDTO } from "./support/reader";
import { E2E_BASE_URL } from "./support/urls";
import { expect, newUser, signInAsAdmin, test, type TestUser } from "./support/users";

/**
 * Projects and label sets (issue 16), as the people in them see it: an admin makes a Closed
 * project with an Annotator and a Reader, imports an article into it, gives it an entity type on
 * hotkey 6 that the Annotator then tags with; someone outside gets a 404 and finds nothing of it
 * anywhere; the Manager renames the type (the tag keeps it) and deletes it moving its tags; a second
 * project annotates the same article without either seeing the other's layer.
 */

const token = randomBytes(4).toString("hex");
const WORD = `Zelvanor${token}`;
const TEXT = `The minister ${WORD} visited the harbour of Kestrel${token} on Monday.`;
const TITLE = `Desk story ${token}`;
const SHOTS = process.env.GLOSSA_SCREENSHOTS ?? "test-results/projects";

test.describe.configure({ mode: "serial" });

interface World {
  admin: Page;
  annotator: Page;
  outsider: Page;
  otherDesk: Page;
  users: Record<"annotator" | "reader" | "outsider" | "otherDesk", TestUser>;
  projectId: string;
  slug: string;
  articleId: string;
  articleSlug: string;
  position: number;
  tag: AnnotationDTO;
}
const world = {} as World;

/** Waits until React has hydrated the control (a click before that would do nothing, or submit natively). */
async function hydrated(control: import("@playwright/test").Locator) {
  await expect.poll(() => control.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactProps")))).toBe(true);
  return control;
}

async function as(browser: import("@playwright/test").Browser, label: string): Promise<[Page, TestUser]> {
  const page = await (await browser.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` } })).newPage();
  return [page, await newUser(page, { label })];
}

test.beforeAll(async ({ browser }) => {
  world.admin = await (await browser.newContext({ baseURL: E2E_BASE_URL })).newPage();
  await signInAsAdmin(world.admin);
  const [annotator, a] = await as(browser, "Desk annotator");
  const [, r] = await as(browser, "Desk reader");
  const [outsider, o] = await as(browser, "Outsider");
  const [otherDesk, d] = await as(browser, "Other desk");
  Object.assign(world, { annotator, outsider, otherDesk, users: { annotator: a, reader: r, outsider: o, otherDesk: d } });
});

test("an admin creates a Closed project, adds an Annotator and a Reader, and an entity type on hotkey 6", async () => {
  const page = world.admin;
  await page.goto("/projects");
  await (await hydrated(page.getByRole("button", { name: "New project" }))).click();
  await page.getByRole("textbox", { name: "Name" }).fill(`Politics desk ${token}`);
  await page.getByRole("textbox", { name: "Description" }).fill("The politics desk's stories");
  await page.getByRole("radiogroup", { name: "Access" }).getByRole("radio", { name: /Closed/ }).check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: `Politics desk ${token}: settings` })).toBeVisible();
  await hydrated(page.getByRole("button", { name: "Add member" }));
  world.slug = page.url().split("/projects/")[1]!.split("/")[0]!;
  await expect(page.getByRole("radiogroup", { name: "Access" }).getByRole("radio", { name: /Closed/ })).toBeChecked();

  for (const [who, role] of [["annotator", "Annotator"], ["reader", "Reader"]] as const) {
    await page.getByRole("textbox", { name: "Email" }).fill(world.users[who].email);
    await page.getByRole("combobox", { name: "Project role", exact: true }).selectOption({ label: role });
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("row", { name: new RegExp(world.users[who].name) })).toBeVisible();
  }
  await expect(page.getByRole("combobox", { name: `Project role of ${world.users.reader.name}` })).toHaveValue("READER");
  await page.screenshot({ path: `${SHOTS}/settings-members.png`, fullPage: true });

  await page.getByRole("tab", { name: "Labels" }).click();
  const form = page.getByRole("form", { name: "New entity type" });
  await form.getByRole("textbox", { name: "Label" }).fill("Source");
  await form.getByRole("textbox", { name: "Key" }).fill("SRC");
  await form.getByRole("combobox", { name: "Hotkey" }).selectOption("6");
  await form.getByRole("textbox", { name: /Description/ }).fill("Who the claim comes from");
  await page.getByRole("button", { name: "Add entity type" }).click();
  await expect(page.getByRole("form", { name: "Entity type Source" })).toBeVisible();
  // A hotkey another type holds is not offered; a faint colour is refused with its contrast.
  await expect(form.getByRole("combobox", { name: "Hotkey" }).locator("option", { hasText: "6" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/settings-labels.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/settings-labels-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("tab", { name: "Guidelines" }).click();
  await page.getByRole("textbox", { name: /Annotation guidelines/ }).fill("# Tagging\n\nTag **every** source on first mention.");
  await page.getByRole("button", { name: "Save guidelines" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Guidelines saved" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-guidelines.png`, fullPage: true });

  const projects = await callApi<{ id: string; slug: string }[]>(page, "GET", "/api/projects");
  world.projectId = projects.data!.find((project) => project.slug === world.slug)!.id;
});

test("the admin imports an article into it with the import page's Project box", async () => {
  const page = world.admin;
  await page.goto("/admin/import");
  await (await hydrated(page.getByRole("combobox", { name: "Project" }))).selectOption({ label: `Politics desk ${token}` });
  const answer = await callApi<{ articleId: string; slug: string }>(page, "POST", "/api/admin/import/commit", {
    kind: "paste",
    format: "text",
    title: TITLE,
    language: "en",
    text: `${TITLE}\n\n${TEXT}`,
    target: { mode: "new" },
    project: world.projectId,
  });
  expect(answer.status, JSON.stringify(answer.error)).toBe(200);
  world.articleId = answer.data!.articleId;
  world.articleSlug = answer.data!.slug;
  const read = await callApi<{ paragraphs: { position: number; text: string }[] }>(page, "GET", `/api/articles/${world.articleId}/text?revision=1&after=0`);
  world.position = read.data!.paragraphs.find((paragraph) => paragraph.text === TEXT)!.position;
});

test("the Annotator tags with hotkey 6 from the reader's Tag entity menu", async () => {
  const page = world.annotator;
  await page.goto(`/articles/${world.articleSlug}`);
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  // The project's guidelines are one click away, in the side panel.
  await (await hydrated(page.getByRole("button", { name: "Guidelines" }))).click();
  await expect(page.getByRole("dialog", { name: "Guidelines" })).toContainText("Tag every source on first mention.");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Guidelines" })).toHaveCount(0);
  const start = TEXT.indexOf(WORD);
  await selectBetween(page, { paragraph: world.position, offset: start }, { paragraph: world.position, offset: start + WORD.length });
  const toolbar = page.getByRole("toolbar", { name: "Annotate selection" });
  await toolbar.getByRole("button", { name: "Tag entity" }).click();
  const item = toolbar.getByRole("menuitem", { name: "Source" });
  await expect(item).toHaveAttribute("aria-keyshortcuts", "6");
  await expect(item).toHaveAttribute("title", "Who the claim comes from");
  const created = nextCreatedAnnotations(page);
  await page.keyboard.press("6");
  const [tag] = await created;
  expect(tag!.kind).toBe("ENTITY");
  world.tag = tag!;
});

test("someone outside the Closed project finds nothing of it: 404s, not listed, not searchable", async () => {
  const page = world.outsider;
  for (const path of [`/articles/${world.articleSlug}`, `/projects/${world.slug}`]) {
    expect((await page.goto(path))!.status(), path).toBe(404);
  }
  const entityId = (world.tag as unknown as { entity: { id: string } }).entity.id;
  expect((await page.goto(`/entities/${entityId}`))!.status()).toBe(404);
  for (const path of [`/api/articles/${world.articleId}/annotations`, `/api/articles/${world.articleId}/export?format=csv`, `/api/articles/${world.articleId}/events`]) {
    expect((await callApi(page, "GET", path)).status, path).toBe(404);
  }
  await page.goto("/");
  await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
  await page.goto(`/search?q=${WORD}`);
  await expect(page.getByRole("region", { name: "Search results" })).toBeVisible();
  await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
  await page.goto("/projects");
  await expect(page.getByRole("link", { name: `Politics desk ${token}` })).toHaveCount(0);
  // The members do find it.
  await world.annotator.goto(`/search?q=${WORD}`);
  await expect(world.annotator.getByRole("link", { name: TITLE })).toBeVisible();
});

test("a Manager renames the type (the tag keeps it) and deletes it, moving its tag to Person", async () => {
  const page = world.admin;
  await page.goto(`/projects/${world.slug}/settings`);
  await (await hydrated(page.getByRole("tab", { name: "Labels" }))).click();
  const source = page.getByRole("form", { name: "Entity type Source" });
  await source.getByRole("textbox", { name: "Label" }).fill("Named source");
  await source.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByRole("form", { name: "Entity type Named source" });
  await expect(renamed).toContainText("1 tag");
  const tags = async () => (await callApi<{ annotations: AnnotationDTO[] }>(world.annotator, "GET", `/api/articles/${world.articleId}/annotations`)).data!.annotations.filter((a) => a.id === world.tag.id);
  expect((await tags())[0]).toMatchObject({ entityType: { label: "Named source", key: "SRC" } });

  await renamed.getByRole("button", { name: "Delete", exact: true }).click();
  await renamed.getByRole("combobox", { name: /Move its tag to/ }).selectOption({ label: "Person" });
  await renamed.getByRole("button", { name: "Delete and move tags" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Named source deleted; 1 tags moved to Person." })).toBeVisible();
  await expect(page.getByRole("form", { name: "Entity type Named source" })).toHaveCount(0);
  expect((await tags())[0]).toMatchObject({ entityType: { label: "Person", key: "PER" } });
});

test("two projects annotate one article without seeing each other's layers", async () => {
  const admin = world.admin;
  const other = await callApi<{ id: string }>(admin, "POST", "/api/projects", { name: `Economy desk ${token}`, access: "CLOSED" });
  expect(other.status, JSON.stringify(other.error)).toBe(201);
  expect((await callApi(admin, "POST", `/api/projects/${other.data!.id}/members`, { email: world.users.otherDesk.email, role: "ANNOTATOR" })).status).toBe(201);
  // Not yet in the economy desk: its member gets a 404, like anyone outside.
  expect((await callApi(world.otherDesk, "GET", `/api/articles/${world.articleId}/annotations`)).status).toBe(404);
  const put = await world.admin.request.put(`${E2E_BASE_URL}/api/projects/${other.data!.id}/articles/${world.articleId}`, { headers: { Origin: E2E_BASE_URL } });
  expect(put.status(), await put.text()).toBe(200);

  const start = TEXT.indexOf("harbour");
  const highlight = (page: Page) =>
    callApi<AnnotationDTO>(page, "POST", `/api/articles/${world.articleId}/annotations`, {
      kind: "HIGHLIGHT",
      paragraphId: world.tag.paragraphId,
      start,
      end: start + "harbour".length,
      exact: "harbour",
      prefix: TEXT.slice(Math.max(0, start - 32), start),
      suffix: TEXT.slice(start + 7, start + 39),
      color: "yellow",
    });
  const economy = await highlight(world.otherDesk);
  const politics = await highlight(world.annotator);
  expect([economy.status, politics.status]).toEqual([201, 201]);
  const ids = async (page: Page) => (await callApi<{ annotations: AnnotationDTO[] }>(page, "GET", `/api/articles/${world.articleId}/annotations`)).data!.annotations.map((a) => a.id);
  expect(await ids(world.otherDesk)).toEqual([economy.data!.id]);
  expect(await ids(world.annotator)).toEqual(expect.arrayContaining([politics.data!.id, world.tag.id]));
  expect(await ids(world.annotator)).not.toContain(economy.data!.id);
  expect([economy.data!.projectId, politics.data!.projectId]).toEqual([other.data!.id, world.projectId]);

  // The admin manages both desks: the reader's Project layer box shows one layer at a time.
  const page = world.admin;
  await page.goto(`/articles/${world.articleSlug}`);
  const layer = page.getByRole("combobox", { name: "Project layer" });
  await expect(layer).toHaveValue(world.projectId);
  await expect(layer.getByRole("option")).toHaveText([`Politics desk ${token}`, `Economy desk ${token}`]);
  const mark = (id: string) => page.locator(`mark[data-annotation-id="${id}"]`);
  await expect(mark(politics.data!.id).first()).toBeVisible();
  await expect(mark(economy.data!.id)).toHaveCount(0);
  await (await hydrated(layer)).selectOption({ label: `Economy desk ${token}` });
  await expect(mark(economy.data!.id).first()).toBeVisible();
  await expect(mark(politics.data!.id)).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "your new work goes here" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/reader-project-layer.png` });
  // Remembered: the next visit opens in the layer chosen last.
  await page.reload();
  await expect(layer).toHaveValue(other.data!.id);
});

test("a search hit on the other desk's note opens the article in that desk's layer, and it stays chosen", async () => {
  const noteWord = `Quayside${token}`;
  // The politics annotator writes in their desk's layer; the admin last read the economy desk's.
  const note = await callApi<{ projectId: string }>(world.annotator, "POST", `/api/articles/${world.articleId}/notes`, { paragraphId: world.tag.paragraphId, body: `Check ${noteWord} with the port authority.` });
  expect(note.status, JSON.stringify(note.error)).toBe(201);
  expect(note.data!.projectId).toBe(world.projectId);
  const page = world.admin;
  const hit = page.getByRole("link", { name: new RegExp(noteWord) });
  // The search index catches up within a moment of the write.
  await expect(async () => {
    await page.goto(`/search?q=${noteWord}`);
    await expect(hit).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`/articles/${world.articleSlug}#`));
  const layer = page.getByRole("combobox", { name: "Project layer" });
  await expect(layer).toHaveValue(world.projectId);
  await page.reload();
  await expect(layer).toHaveValue(world.projectId);
});
