/** The most paragraphs the reader page carries in its HTML; the rest load right after. */
export const FIRST_SCREENS_PARAGRAPHS = 60;
/**
 * The most characters it carries: about four screens of a desktop column (some 1,900 characters
 * each) and eight of a phone's. Counted in characters, not paragraphs, because paragraphs range from a
 * wire story's one sentence to a report's page: 60 of those would be 255 KB of HTML to hydrate.
 */
export const FIRST_SCREENS_CHARACTERS = 8000;

/**
 * The paragraphs the page renders at once: the longest start of `paragraphs` within both budgets,
 * and always the first paragraph, however long, so the page never opens blank.
 */
export function firstScreens<T extends { text: string }>(paragraphs: readonly T[], { maxParagraphs = FIRST_SCREENS_PARAGRAPHS, maxCharacters = FIRST_SCREENS_CHARACTERS } = {}): T[] {
  let characters = 0;
  let count = 0;
  for (const paragraph of paragraphs.slice(0, maxParagraphs)) {
    characters += paragraph.text.length;
    if (count > 0 && characters > maxCharacters) break;
    count++;
  }
  return paragraphs.slice(0, count);
}
