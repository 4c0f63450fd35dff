import { E2E_BASE_URL } from "./support/urls";
import { expect, newUser, signIn, signOutWithApi, siteHeader, test } from "./support/users";

const SITE = new URL(E2E_BASE_URL).origin;

test.describe("where signing in leads", () => {
  // `next` as it appears in a link someone was sent: each once tricked the form into leaving the site.
  for (const next of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "/%5C/evil.example", "https://evil.example/"]) {
    test(`?next=${next} stays on Glossa`, async ({ page }) => {
      const me = await newUser(page);
      await signOutWithApi(page);
      await page.goto(`/sign-in?next=${next}`);
      await signIn(page, me);
      await expect(siteHeader(page)).toContainText(me.name);
      expect(new URL(page.url()).origin).toBe(SITE);
    });
  }

  test("?next= a page on this site returns there after signing in", async ({ page }) => {
    const me = await newUser(page);
    await signOutWithApi(page);
    await page.goto("/sign-in?next=/admin/import");
    await signIn(page, me);
    await expect(page).toHaveURL(`${SITE}/admin/import`);
  });
});
