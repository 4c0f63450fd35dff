import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { HIGHLIGHT_COLORS } from "@/lib/annotations/types";
import { createQuote, PRESS_SERVICE_QUOTE } from "./support/quotes";
import { createEntityTag, createHighlight, createNote, entityTypeIdsOf, openSample, type AnnotationDTO } from "./support/reader";
import { expect, newUser, signInAsAdmin, test } from "./support/users";

/**
 * axe-core scans of the main pages in both colour schemes, with the reader showing a highlight of
 * every colour and an entity tag of every default type, so a colour that loses contrast in one
 * theme fails here (WCAG 2.1 AA rules).
 */
const SCHEMES = ["light", "dark"] as const;
/** One highlight per colour, in the order of HIGHLIGHT_COLORS. */
const HIGHLIGHTED = [
  { paragraph: 2, phrase: "Россия всегда выступала" },
  { paragraph: 4, phrase: "российско-грузинский диалог продолжается" },
  { paragraph: 5, phrase: "открытого письма" },
  { paragraph: 6, phrase: "парламентских выборов" },
];
/** One entity tag per default type (by label). */
const TAGGED = {
  Person: { paragraph: 1, phrase: "Владимира Путина" },
  Organisation: { paragraph: 1, phrase: "пресс-служба Кремля" },
  Location: { paragraph: 1, phrase: "Тбилиси" },
  Event: { paragraph: 6, phrase: "парламентских выборов" },
  Other: { paragraph: 5, phrase: "Facebook" },
};

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = results.violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1).join(" ")}`),
  }));
  expect(found, `axe violations on ${what}`).toEqual([]);
}

/** Waits until the reader has painted every mark of the annotations made for the scan. */
async function expectMarksShown(page: Page, annotations: AnnotationDTO[]) {
  for (const annotation of annotations) await expect(page.locator(`mark[data-annotation-id="${annotation.id}"]`).first()).toBeVisible();
}

test.describe.configure({ mode: "parallel" });

for (const colorScheme of SCHEMES) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the library, sign-in and sign-up pages pass axe", async ({ page }) => {
      for (const path of ["/", "/sign-in", "/sign-up"]) {
        await page.goto(path);
        await expect(page.getByRole("main")).toBeVisible();
        await expectNoViolations(page, `${path} (${colorScheme})`);
      }
    });

    test("the reader with every highlight colour, every entity type, a quote and a note passes axe", async ({ page }) => {
      await newUser(page);
      const article = await openSample(page);
      // Every type's id in one visit (not a visit each), then the annotations at once.
      const labels = Object.keys(TAGGED) as (keyof typeof TAGGED)[];
      const typeIds = await entityTypeIdsOf(page, labels);
      const typeId = (label: keyof typeof TAGGED) => typeIds[labels.indexOf(label)]!;
      const made = await Promise.all([
        ...HIGHLIGHT_COLORS.map((color, index) => createHighlight(page, article, { ...HIGHLIGHTED[index]!, color })),
        ...labels.map((label) => createEntityTag(page, article, { ...TAGGED[label], entityTypeId: typeId(label) })),
      ]);
      // A quote, with its speaker label drawn outside the text (after the tags, as the speaker may be the one tagged).
      const [quote] = await Promise.all([
        createQuote(page, article, { ...PRESS_SERVICE_QUOTE, speaker: { speakerName: "пресс-служба Кремля", speakerTypeId: typeId("Organisation") } }),
        createNote(page, article, { paragraph: 2, body: "Проверка **контраста** в заметках" }),
      ]);
      made.push(quote);
      await openSample(page);
      await expectMarksShown(page, made);
      await expectNoViolations(page, `the reader (${colorScheme})`);

      await page.getByRole("button", { name: "Notes on paragraph 2" }).click();
      await expect(page.getByRole("dialog", { name: "Notes on paragraph 2" })).toBeVisible();
      await expectNoViolations(page, `the notes sheet (${colorScheme})`);

      // Find quotes: the Suggestions sheet.
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Find quotes" }).click();
      await expect(page.getByRole("region", { name: "Suggestions" })).toHaveAttribute("aria-busy", "false");
      await expectNoViolations(page, `the Find quotes sheet (${colorScheme})`);

      // The speaker's entity page, with its Quotes.
      await page.goto(`/entities/${quote.speaker!.id}`);
      await expect(page.getByRole("region", { name: "Quotes" })).toBeVisible();
      await expectNoViolations(page, `the entity page with quotes (${colorScheme})`);
    });

    test("the admin pages pass axe", async ({ page }) => {
      await signInAsAdmin(page);
      for (const path of ["/admin/import", "/admin/articles", "/admin/users"]) {
        await page.goto(path);
        await expect(page.getByRole("main")).toBeVisible();
        await expectNoViolations(page, `${path} (${colorScheme})`);
      }
    });
  });
}
