import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";

/** The sample article, read straight from its seed file, as the tests' expected text. */
const raw = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed/articles/kremlin-georgia-ru.txt"), "utf8");
const blocks = raw.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);

export const SAMPLE_TITLE = blocks.at(-1)!;
export const SAMPLE_PARAGRAPHS = blocks.slice(0, -1);
/** The seeded sample's own address (other tests may import articles with the same title). */
export const SAMPLE_PATH = "/articles/alyans-patriotov-gruzii-poprosil-pomoshchi-u-putina";

/**
 * Opens the library page that lists the sample and returns its link there: the library shows the
 * newest articles first, 50 a page, and other specs' imports push the seeded sample back.
 */
export async function findSampleInLibrary(page: Page, base = ""): Promise<Locator> {
  await page.goto(`${base}/`);
  const link = page.locator(`a[href="${SAMPLE_PATH}"]`);
  for (let turned = 0; turned < 100 && (await link.count()) === 0; turned++) {
    const next = page.getByRole("navigation", { name: "Library pages" }).getByRole("link", { name: "Next" });
    const href = (await next.count()) > 0 ? await next.getAttribute("href") : null;
    if (!href) break;
    await page.goto(`${base}${href}`);
  }
  return link;
}
