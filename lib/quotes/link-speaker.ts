/**
 * Links the words naming a speaker ("Соболева", "пресс-службе", "Ms Berg") to a known entity by
 * its name and aliases, across Russian inflection: "Соболевой" and "Соболева" are one person,
 * "Кремле" is "Кремль", "пресс-службе" is "пресс-служба Кремля" when no other press service is known.
 */

export interface SpeakerEntity {
  id: string;
  name: string;
  aliases?: readonly string[];
  /**
   * An organisation's name is a head and its dependents ("пресс-служба | Кремля", "Ministry | of
   * Defence"): words naming only a dependent name something else ("в Кремле" is not its press
   * service). Any word of a person's name names them ("Соболева").
   */
  kind?: "person" | "organisation";
}

// Prepositions and determiners around a speaker's name: "в министерстве", "the spokeswoman".
const IGNORED = new Set("в во на у от из the a an of mr mrs ms dr".split(" "));

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
// Russian adjective endings: adjectives come before the noun they qualify ("Государственная дума"),
// but -ние/-тие nouns end alike ("Управление делами президента").
const RUSSIAN_ADJECTIVE = /(?:ая|яя|ое|ее|ый|ий|ой|ые|ие)$/u;
const RUSSIAN_NOUN_IN_IE = /(?:н|т|в|д)ие$/u;

/** A word with its inflection cut off: final vowels, й and ь ("Кремле" → "кремл", "Соболевой" → "соболев"). */
function stem(word: string): string {
  return word.replace(/'s$/u, "").replace(/[аеиоуыэюяйь]+$/u, "") || word;
}

/** The words of `text` that name something, lower-cased, ё as е, prepositions and articles left out. */
function words(text: string): string[] {
  return (text.toLowerCase().replaceAll("ё", "е").match(WORD) ?? []).filter((word) => !IGNORED.has(word));
}

function stems(text: string): string[] {
  return words(text).map(stem);
}

/**
 * Which word of an organisation's name is its head: in Russian the first noun, after any
 * adjectives ("пресс-служба Кремля", "Государственная дума"); in English the word before "of"
 * ("Ministry of Defence"), else the last ("Harbour Trust", "the Defence Ministry").
 */
function headIndex(name: string): number {
  const all: string[] = name.toLowerCase().match(WORD) ?? [];
  const named = words(name);
  if (CYRILLIC.test(name)) {
    const noun = named.findIndex((word) => !RUSSIAN_ADJECTIVE.test(word) || RUSSIAN_NOUN_IN_IE.test(word));
    return noun === -1 ? named.length - 1 : noun;
  }
  const of = all.indexOf("of");
  if (of > 0) return words(all.slice(0, of).join(" ")).length - 1;
  return named.length - 1;
}

/** 1 for the same stem, 0.8 when one extends the other by a case ending ("песков" / "пескова" → "песков"/"песковым"), else 0. */
function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.length - short.length <= 3 && long.startsWith(short) ? 0.8 : 0;
}

/**
 * How well `mention` names `name`: every word of the shorter must match a word of the longer,
 * and a mention shorter than an organisation's name must name its head (`head`: its index).
 */
function nameScore(mention: string[], name: string[], head: number | null): number {
  if (!mention.length || !name.length) return 0;
  if (head !== null && mention.length < name.length && !mention.some((word) => wordMatch(word, name[head]!) > 0)) return 0;
  const [fewer, more] = mention.length <= name.length ? [mention, name] : [name, mention];
  let total = 0;
  for (const word of fewer) {
    const best = Math.max(...more.map((other) => wordMatch(word, other)));
    if (best === 0) return 0;
    total += best;
  }
  return total / fewer.length + fewer.length / more.length;
}

/**
 * The entity `mention` names, by the entity's name or any alias, or undefined when none matches
 * or two match equally well (an ambiguous surname is left for the person to choose).
 */
export function linkSpeaker<T extends SpeakerEntity>(mention: string, entities: readonly T[]): T | undefined {
  const mentioned = stems(mention);
  let best: T | undefined;
  let bestScore = 0;
  let tied = false;
  for (const entity of entities) {
    const names = [entity.name, ...(entity.aliases ?? [])];
    const score = Math.max(...names.map((name) => nameScore(mentioned, stems(name), entity.kind === "organisation" ? headIndex(name) : null)));
    if (score > bestScore) [best, bestScore, tied] = [entity, score, false];
    else if (score > 0 && score === bestScore) tied = true;
  }
  return tied ? undefined : best;
}
