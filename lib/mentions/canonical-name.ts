import { nominativeOf, tokenize } from "@/lib/morphology";
import { findEntityMentions } from "./find-entity-mentions";

const CYRILLIC = /\p{Script=Cyrillic}/u;
const capitalised = (word: string) => {
  const first = word[0] ?? "";
  return first !== first.toLowerCase();
};

/**
 * The name a new entity gets from the words first tagged: a Russian name in the nominative
 * ("Владимира Путина" → "Владимир Путин", "Кремле" → "Кремль"), anything else as written. Only
 * names (every word capitalised) or a single word are inflected: the lemmatiser puts each word in
 * its own nominative, which is wrong for phrases ("пресс-службе Кремля" is not "пресс-служба
 * Кремль"). The result must read back as a form of the same name (the mention finder finds the
 * words from it), else the words are kept: "Инашвили" is not made "Инашвиль".
 */
export function canonicalName(mention: string, language?: string): string {
  const written = mention.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!CYRILLIC.test(written) || (language !== undefined && language !== "ru")) return written;
  const words = tokenize(written);
  if (words.length > 1 && !words.every((word) => capitalised(word.text))) return written;
  const nominative = nominativeOf(written);
  if (nominative === written) return written;
  const [found] = findEntityMentions([written], { name: nominative }, { language: "ru" });
  return found && found.start === 0 && found.end === written.length ? nominative : written;
}
