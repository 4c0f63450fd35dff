import { russianNominative } from "./russian";
import { tokenize } from "./tokenize";

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}\p{M}]+$/u;

/**
 * The canonical (nominative) form of a name as it was tagged in a text:
 * "Владимира Путина" → "Владимир Путин", "Ирине Соболевой" → "Ирина
 * Соболева". Only plain Cyrillic words are inflected; everything else
 * (Latin names, initials' dots, hyphenated words, spacing) stays as written.
 */
export function nominativeOf(phrase: string): string {
  const words = tokenize(phrase).filter((token) => CYRILLIC_WORD.test(token.text));
  if (!words.length) return phrase;
  const nominative = russianNominative(words.map((word) => word.text));
  let result = "";
  let cursor = 0;
  words.forEach((word, index) => {
    result += phrase.slice(cursor, word.start) + nominative[index];
    cursor = word.end;
  });
  return result + phrase.slice(cursor);
}
