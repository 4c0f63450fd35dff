import type { Page, Response } from "@playwright/test";
import { openSample } from "./support/reader";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

/** CSP violations as the page reports them, and the browser's own console messages about them. */
async function watchForViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  await page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return violations;
}

function expectSecurityHeaders(response: Response | null) {
  expect(response, "the page answered").not.toBeNull();
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src ")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The e2e server's public URL is http://127.0.0.1: no HSTS on this machine.
  expect(headers["strict-transport-security"]).toBeUndefined();
  return policy;
}

/** What an XSS would inject, an inline event handler (no nonce can vouch for it), is refused and never runs. */
async function expectInjectedScriptRefused(page: Page, violations: string[]) {
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.innerHTML = `<img src="data:," onerror="window.__injected = true" alt="">`;
    document.body.append(box);
  });
  await expect.poll(() => violations.some((violation) => violation.includes("script-src"))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);
}

test.describe("security headers and the Content-Security-Policy", () => {
  test("the library, the reader and sign-in carry them and run without a violation", async ({ page }) => {
    const violations = await watchForViolations(page);

    const library = expectSecurityHeaders(await page.goto("/"));
    await expect(page.getByRole("banner")).toBeVisible();

    const signIn = expectSecurityHeaders(await page.goto("/sign-in"));
    await page.getByRole("textbox", { name: "Email" }).fill("nobody@e2e.glossa.test");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The form's script ran under the policy: it sent the request and shows the answer.
    await expect(page.getByRole("alert").filter({ hasText: /invalid|password|email/i })).toBeVisible();

    await newUser(page);
    const article = await openSample(page);
    // The reader's live feed (EventSource) is same-origin: allowed, and open.
    const feed = page.waitForResponse((response) => response.url().includes(`/api/articles/${article.articleId}/events`));
    expectSecurityHeaders(await page.reload());
    await expect(page.locator(`[data-article-id="${article.articleId}"]`)).toBeVisible();
    expect((await feed).status()).toBe(200);

    // A fresh nonce for every page.
    expect(new Set([library, signIn].map((policy) => /'nonce-([^']+)'/.exec(policy)?.[1])).size).toBe(2);
    expect(violations).toEqual([]);
  });

  test("an anonymous reader page from the page cache gets a fresh nonce per load, runs, and revalidates with 304", async ({ page }) => {
    const violations = await watchForViolations(page);
    const article = await openSample(page);
    const loads = [];
    // Two loads without a copy to revalidate (a browser holding the page would get 304 and keep its own).
    for (let i = 0; i < 2; i++) {
      const response = await page.request.get(article.path);
      const policy = response.headers()["content-security-policy"] ?? "";
      expect(policy).toContain("frame-ancestors 'none'");
      const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
      const html = await response.text();
      // Every script the page carries bears this answer's nonce (the cache renews them all), and only it.
      const nonces = new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((match) => match[1]));
      expect(nonces).toEqual(new Set([nonce]));
      // Only the page cache validates a page: the answer came from it.
      expect(response.headers()["etag"]).toMatch(/^W\/".+"$/);
      loads.push(nonce);
    }
    expect(loads[0]).not.toBe(loads[1]);

    // A client holding the page revalidates it: 304, without a policy (it keeps the one that came with its copy).
    // Other workers write shared work on the sample in parallel: retried until no write falls between the two reads.
    await expect(async () => {
      const etag = (await page.request.get(article.path)).headers()["etag"]!;
      const notModified = await page.request.get(article.path, { headers: { "If-None-Match": etag } });
      expect(notModified.status()).toBe(304);
      expect(notModified.headers()["content-security-policy"]).toBeUndefined();
    }).toPass({ timeout: 15_000 });
    // The browser's reload revalidates the page it holds, which still runs under its own policy.
    await page.reload();
    await expect(page.locator(`[data-article-id="${article.articleId}"]`)).toBeVisible();
    await page.getByRole("button", { name: "Show annotations" }).click();
    await expect(page.getByRole("region", { name: "Annotations" })).toBeVisible();
    expect(violations).toEqual([]);

    // Injected markup cannot run on a cached page either.
    await expectInjectedScriptRefused(page, violations);
  });

  test("the admin import page runs without a violation", async ({ page }) => {
    const violations = await watchForViolations(page);
    await signInAsAdmin(page);
    expectSecurityHeaders(await page.goto("/admin/import"));
    await page.getByRole("tab", { name: "URL", exact: true }).click();
    await expect(page.getByRole("tab", { name: "URL", exact: true })).toHaveAttribute("aria-selected", "true");
    expect(violations).toEqual([]);
  });

  test("markup that someone manages to inject cannot run its inline script", async ({ page }) => {
    const violations = await watchForViolations(page);
    await page.goto("/");
    await expectInjectedScriptRefused(page, violations);
  });

  test("API answers carry the static headers too", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});
