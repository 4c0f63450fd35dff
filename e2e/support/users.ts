import { randomBytes, randomInt } from "node:crypto";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./accounts";
import { E2E_BASE_URL } from "./urls";

export { expect };

export interface Credentials {
  name: string;
  email: string;
  password: string;
}

export interface TestUser extends Credentials {
  id: string;
}

/**
 * A made-up client address. Sign-ins and sign-ups are limited per client
 * address, and every test browser connects from 127.0.0.1, so each client
 * claims its own address with `X-Forwarded-For`, which the e2e server honours
 * because it trusts 127.0.0.1 as its proxy (GLOSSA_TRUSTED_PROXIES in
 * playwright.config.ts).
 */
function clientAddress(): Record<string, string> {
  return { "X-Forwarded-For": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` };
}

/**
 * Playwright's `test`, where every test is its own client (see clientAddress)
 * and `newClient()` opens another browser window as someone else: its own
 * cookies, its own address, closed after the test.
 */
export const test = base.extend<{ newClient: () => Promise<Page> }>({
  extraHTTPHeaders: async ({}, provide) => {
    await provide(clientAddress());
  },
  newClient: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async () => {
      const context = await browser.newContext({ extraHTTPHeaders: clientAddress() });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

/** A name, email and password no other test uses. */
export function newCredentials(label = "Annotator"): Credentials {
  const suffix = randomBytes(4).toString("hex");
  return {
    name: `${label} ${suffix}`,
    email: `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${suffix}@e2e.glossa.test`,
    password: `pw-${randomBytes(9).toString("base64url")}`,
  };
}

/** The site header, where the signed-in user's name and role show. */
export function siteHeader(page: Page) {
  return page.getByRole("banner");
}

// ---- through the API (fast set-up; `page`'s browser context ends up signed in) ----

/** Signs up a fresh user through better-auth's API; `page` is then signed in as them. */
export async function newUser(page: Page, { label = "Annotator", baseURL = E2E_BASE_URL } = {}): Promise<TestUser> {
  const credentials = newCredentials(label);
  const response = await page.request.post(`${baseURL}/api/auth/sign-up/email`, { data: credentials, headers: { Origin: baseURL } });
  expect(response.status(), await response.text()).toBe(200);
  const { user } = (await response.json()) as { user: { id: string } };
  return { ...credentials, id: user.id };
}

/** Signs `page`'s browser context in through the API, returning the user's id. */
export async function signInWithApi(page: Page, { email, password }: Pick<Credentials, "email" | "password">, baseURL = E2E_BASE_URL): Promise<string> {
  const response = await page.request.post(`${baseURL}/api/auth/sign-in/email`, { data: { email, password }, headers: { Origin: baseURL } });
  expect(response.status(), await response.text()).toBe(200);
  const { user } = (await response.json()) as { user: { id: string } };
  return user.id;
}

/** Signs `page`'s browser context in as the seeded admin, returning the admin's id. */
export async function signInAsAdmin(page: Page, baseURL = E2E_BASE_URL): Promise<string> {
  return signInWithApi(page, E2E_ADMIN, baseURL);
}

/** Signs `page`'s browser context out through the API. */
export async function signOutWithApi(page: Page, baseURL = E2E_BASE_URL): Promise<void> {
  const response = await page.request.post(`${baseURL}/api/auth/sign-out`, { data: {}, headers: { Origin: baseURL } });
  expect(response.status(), await response.text()).toBe(200);
}

// ---- through the UI, as a person would ----

/** Fills in and sends the sign-up form; check the outcome in the test. */
export async function submitSignUp(page: Page, { name, email, password }: Credentials): Promise<void> {
  await page.goto("/sign-up");
  await page.getByRole("textbox", { name: "Name" }).fill(name);
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
}

/** Fills in and sends the sign-in form (the one on screen, else /sign-in's); check the outcome in the test. */
export async function submitSignIn(page: Page, { email, password }: Pick<Credentials, "email" | "password">): Promise<void> {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs up through the form and waits until the header shows the new user. */
export async function signUp(page: Page, credentials: Credentials): Promise<void> {
  await submitSignUp(page, credentials);
  await expect(siteHeader(page)).toContainText(credentials.name);
}

/** Signs in through the form and waits until the header shows the user. */
export async function signIn(page: Page, credentials: Credentials): Promise<void> {
  await submitSignIn(page, credentials);
  await expect(siteHeader(page)).toContainText(credentials.name);
}

/** Signs out with the header's button and waits until the header offers to sign in. */
export async function signOut(page: Page): Promise<void> {
  await siteHeader(page).getByRole("button", { name: "Sign out" }).click();
  await expect(siteHeader(page).getByRole("link", { name: "Sign in" })).toBeVisible();
}
