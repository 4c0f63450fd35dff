import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "@playwright/test";
import { E2E_ADMIN } from "./support/accounts";
import { openSample, paragraphText, selectorOf } from "./support/reader";
import { findSampleInLibrary, SAMPLE_TITLE } from "./support/sample";
import { E2E_BASE_URL, E2E_PORT } from "./support/urls";
import {
  expect,
  newCredentials,
  newUser,
  signIn,
  signInAsAdmin,
  signOut,
  signOutWithApi,
  signUp,
  siteHeader,
  submitSignIn,
  submitSignUp,
  test,
} from "./support/users";

const DISABLED_MESSAGE = "This account has been disabled by an administrator.";
const ONLY_ADMINS = "Only administrators can manage users.";
const userApi = (userId: string) => `/api/admin/users/${encodeURIComponent(userId)}`;

/** An error message on screen (filtered: Next's route announcer is an alert too). */
const alertWith = (page: Page, text: string | RegExp) => page.getByRole("alert").filter({ hasText: text });
const roleBadge = (page: Page, role: "Admin" | "Annotator" | "Reader") => siteHeader(page).getByText(role, { exact: true });
const userRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

test.describe("signing up and in", () => {
  test("a visitor signs up, signs out and signs in again", async ({ page }) => {
    const me = newCredentials();
    await signUp(page, me);
    await expect(roleBadge(page, "Annotator")).toBeVisible();

    await signOut(page);
    await expect(siteHeader(page)).not.toContainText(me.name);

    await siteHeader(page).getByRole("link", { name: "Sign in" }).click();
    await signIn(page, me);
    await expect(roleBadge(page, "Annotator")).toBeVisible();
  });

  test("signing out ends the session on the server: a copy of its cookies is refused at once", async ({ page, newClient }) => {
    const me = await newUser(page);
    const article = await openSample(page);
    const copy = await newClient();
    await copy.context().addCookies(await page.context().cookies());
    await copy.goto("/");
    await expect(siteHeader(copy)).toContainText(me.name);

    await signOut(page);
    await copy.goto("/");
    await expect(siteHeader(copy).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(siteHeader(copy)).not.toContainText(me.name);
    const { start, end, exact } = selectorOf(1, paragraphText(1).slice(0, 12));
    const response = await copy.request.post(`/api/articles/${article.articleId}/annotations`, {
      headers: { Origin: E2E_BASE_URL },
      data: { kind: "HIGHLIGHT", paragraphId: article.paragraphIds[0], start, end, exact, prefix: "", suffix: paragraphText(1).slice(end, end + 32), color: "yellow" },
    });
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/sign in/i);
    // better-auth's own session endpoint does not vouch for it either.
    const session = await copy.request.get("/api/auth/get-session");
    expect(await session.json()).toBeNull();
  });

  test("a wrong password shows a clear error and signs nobody in", async ({ page }) => {
    const me = await newUser(page);
    await signOutWithApi(page);
    await submitSignIn(page, { email: me.email, password: `${me.password}-typo` });
    await expect(alertWith(page, "Invalid email or password")).toBeVisible();
    await expect(siteHeader(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(siteHeader(page)).not.toContainText(me.name);
  });

  test("signing up with an email that is taken shows a clear error", async ({ page }) => {
    const taken = await newUser(page);
    await signOutWithApi(page);
    const someoneElse = { ...newCredentials(), email: taken.email };
    await submitSignUp(page, someoneElse);
    await expect(alertWith(page, "User already exists. Use another email.")).toBeVisible();
    await expect(siteHeader(page)).not.toContainText(someoneElse.name);
  });
});

test.describe("managing users", () => {
  test("an admin makes a user a Reader, and the user's header says so after a reload", async ({ page, newClient }) => {
    const userPage = await newClient();
    const user = await newUser(userPage);
    await userPage.goto("/");
    await expect(roleBadge(userPage, "Annotator")).toBeVisible();

    await signInAsAdmin(page);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    const role = page.getByLabel(`Role for ${user.name}`, { exact: true });
    await expect(role).toHaveValue("ANNOTATOR");
    await role.selectOption({ label: "Reader" });
    await expect(userRow(page, user.email).getByRole("status")).toHaveText("Saved");

    await userPage.reload();
    await expect(roleBadge(userPage, "Reader")).toBeVisible();
    await page.reload();
    await expect(role).toHaveValue("READER");
  });

  test("an admin disables a user: signed out at once, sign-in refused, until enabled again", async ({ page, newClient }) => {
    const userPage = await newClient();
    const user = await newUser(userPage);
    await userPage.goto("/");
    await expect(siteHeader(userPage)).toContainText(user.name);

    await signInAsAdmin(page);
    await page.goto("/admin/users");
    const row = userRow(page, user.email);
    await expect(row).toContainText("Active");
    const disable = page.getByRole("button", { name: `Disable ${user.name}`, exact: true });
    await expect(disable).toHaveText("Disable");
    await disable.click();
    const enable = page.getByRole("button", { name: `Enable ${user.name}`, exact: true });
    await expect(enable).toHaveText("Enable");
    await expect(row).toContainText("Disabled");

    await userPage.reload();
    await expect(siteHeader(userPage).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(siteHeader(userPage)).not.toContainText(user.name);
    await submitSignIn(userPage, user);
    await expect(alertWith(userPage, DISABLED_MESSAGE)).toBeVisible();
    await expect(siteHeader(userPage)).not.toContainText(user.name);

    await enable.click();
    await expect(row).toContainText("Active");
    await expect(disable).toBeVisible();
    await signIn(userPage, user);
  });

  test("a non-admin gets 403 from the users page and from the users API", async ({ page }) => {
    const user = await newUser(page);
    expect((await page.goto("/admin/users"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
    await expect(page.getByText(ONLY_ADMINS)).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);

    const response = await page.request.patch(userApi(user.id), { data: { role: "ADMIN" }, headers: { Origin: E2E_BASE_URL } });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN", message: ONLY_ADMINS } });
    await page.reload();
    await expect(roleBadge(page, "Annotator")).toBeVisible();
  });

  test("an anonymous visitor is sent to sign in and back; the API answers 401", async ({ page, request, newClient }) => {
    const user = await newUser(await newClient());
    const response = await request.patch(userApi(user.id), { data: { role: "READER" } });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

    await page.goto("/admin/users");
    await expect(page).toHaveURL(`${E2E_BASE_URL}/sign-in?next=/admin/users`);
    await submitSignIn(page, E2E_ADMIN);
    await expect(page).toHaveURL(`${E2E_BASE_URL}/admin/users`);
    await expect(page.getByLabel(`Role for ${user.name}`, { exact: true })).toHaveValue("ANNOTATOR");
  });

  test("bad input is refused with 400 or 404 and changes nothing", async ({ page, newClient }) => {
    const user = await newUser(await newClient());
    await signInAsAdmin(page);

    const refused = [
      { role: "OWNER" },
      { role: 5 },
      { role: null },
      { disabled: "yes" },
      { role: "READER", disabled: "yes" },
      { role: "READER", admin: true },
      {},
      ["READER"],
      "READER",
    ];
    for (const body of refused) {
      const response = await page.request.patch(userApi(user.id), { data: body, headers: { "Content-Type": "application/json", Origin: E2E_BASE_URL } });
      expect(response.status(), JSON.stringify(body)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT" } });
    }
    const notJson = await page.request.patch(userApi(user.id), { headers: { "Content-Type": "application/json", Origin: E2E_BASE_URL }, data: Buffer.from("{ role: READER") });
    expect(notJson.status()).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: "The request body must be valid JSON." } });

    const unknown = await page.request.patch(userApi(`no-such-user-${user.id}`), { data: { role: "READER" }, headers: { Origin: E2E_BASE_URL } });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "NOT_FOUND", message: "That user was not found." } });

    await page.goto("/admin/users");
    await expect(page.getByLabel(`Role for ${user.name}`, { exact: true })).toHaveValue("ANNOTATOR");
    await expect(userRow(page, user.email)).toContainText("Active");
  });

  test("an admin cannot demote or disable themselves", async ({ page }) => {
    const adminId = await signInAsAdmin(page);
    await page.goto("/admin/users");
    const row = userRow(page, E2E_ADMIN.email);
    await expect(row.getByText("You", { exact: true })).toBeVisible();
    const role = row.getByRole("combobox", { name: /^Role for / });
    const disable = row.getByRole("button", { name: /^Disable / });
    for (const control of [role, disable]) {
      await expect(control).toBeDisabled();
      await expect(control).toHaveAccessibleDescription(/cannot change your own role or disable your own account/);
    }

    for (const [body, message] of [
      [{ role: "READER" }, "You cannot change your own role. Ask another administrator to do it."],
      [{ disabled: true }, "You cannot disable your own account. Ask another administrator to do it."],
      [{ role: "ADMIN", disabled: true }, "You cannot disable your own account. Ask another administrator to do it."],
    ] as const) {
      const response = await page.request.patch(userApi(adminId), { data: body, headers: { Origin: E2E_BASE_URL } });
      expect(response.status(), JSON.stringify(body)).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: "UNPROCESSABLE", message } });
    }

    await page.reload();
    await expect(roleBadge(page, "Admin")).toBeVisible();
    await expect(role).toHaveValue("ADMIN");
    await expect(row).toContainText("Active");
  });
});

test.describe("with GLOSSA_REQUIRE_SIGN_IN=true", () => {
  const port = E2E_PORT + 8;
  const baseURL = `http://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    // Another instance of the same build on the suite's database, with sign-in required.
    const handoff = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../.test-data/e2e-database-${E2E_PORT}.json`), "utf8")) as { url: string; authSecret: string };
    const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: handoff.url, BETTER_AUTH_SECRET: handoff.authSecret, BETTER_AUTH_URL: baseURL, GLOSSA_PORT: String(port), GLOSSA_REQUIRE_SIGN_IN: "true" },
      stdio: "ignore",
    });
    await expect
      .poll(async () => fetch(`${baseURL}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 })
      .toBe(200);
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("anonymous visitors are sent to sign in, then on to the page they asked for", async ({ page }) => {
    const articlePath = await (await findSampleInLibrary(page, E2E_BASE_URL)).getAttribute("href");
    expect(articlePath).toBeTruthy();

    await page.goto(`${baseURL}/`);
    await expect(page).toHaveURL(`${baseURL}/sign-in?next=/`);
    await page.goto(`${baseURL}${articlePath}`);
    await expect(page).toHaveURL(`${baseURL}/sign-in?next=${articlePath}`);
    await expect(page.getByText(SAMPLE_TITLE)).toHaveCount(0);

    const reader = await newUser(page, { baseURL });
    await signOutWithApi(page, baseURL);
    await submitSignIn(page, reader);
    await expect(page).toHaveURL(`${baseURL}${articlePath}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE_TITLE);
  });
});
