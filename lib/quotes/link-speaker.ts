/**
 * Links the words naming a speaker ("Соболева", "пресс-службе", "Ms Berg") to a known entity by
 * its name and aliases, across Russian inflection: "Соболевой" and "Соболева" are one person,
 * "Кремле" is "Кремль" (an organisation needs its whole name: not "пресс-служба Кремля").
 */

export interface SpeakerEntity {
  id: string;
  name: string;
  aliases?: readonly string[];
  /**
   * An organisation is named by the whole of its name or of an alias, inflected ("в Кремле" is
   * Кремль, and not "пресс-служба Кремля"); a person by any word of theirs ("Соболева").
   */
  kind?: "person" | "organisation";
}

// Prepositions and determiners around a speaker's name: "в министерстве", "the spokeswoman".
const IGNORED = new Set("в во на у от из the a an of mr mrs ms dr".split(" "));

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** A word with its inflection cut off: final vowels, й and ь ("Кремле" → "кремл", "Соболевой" → "соболев"). */
export function stem(word: string): string {
  return word.replace(/'s$/u, "").replace(/[аеиоуыэюяйь]+$/u, "") || word;
}

/** The words of `text` that name something, lower-cased, ё as е, prepositions and articles left out. */
export function words(text: string): string[] {
  return (text.toLowerCase().replaceAll("ё", "е").match(WORD) ?? []).filter((word) => !IGNORED.has(word));
}

function stems(text: string): string[] {
  return words(text).map(stem);
}

/** 1 for the same stem, 0.8 when one extends the other by a case ending ("песков" / "пескова" → "песков"/"песковым"), else 0. */
function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.length - short.length <= 3 && long.startsWith(short) ? 0.8 : 0;
}

/** Whether every word of `some` matches a word of `others`; the sum of the matches, else 0. */
function covered(some: readonly string[], others: readonly string[]): number {
  let total = 0;
  for (const word of some) {
    const best = Math.max(...others.map((other) => wordMatch(word, other)));
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/**
 * How well `mention` names `name`. A person is named by any of their names ("Соболевой" is Ирина
 * Соболева): every word of the shorter must match a word of the longer. An organisation only by
 * its whole name, in any case ("в Кремле" is Кремль; neither "в Кремле" nor "в пресс-службе" is
 * "пресс-служба Кремля", and "пресс-служба Кремля" is not Кремль): a word of its name can name
 * something else, and its short forms reach it as aliases (the words of its tags).
 */
function nameScore(mention: readonly string[], name: readonly string[], organisation: boolean): number {
  if (!mention.length || !name.length) return 0;
  if (organisation) {
    if (mention.length !== name.length || !covered(name, mention)) return 0;
    return covered(mention, name) / mention.length + 1;
  }
  const [fewer, more] = mention.length <= name.length ? [mention, name] : [name, mention];
  const total = covered(fewer, more);
  return total && total / fewer.length + fewer.length / more.length;
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
    const score = Math.max(...names.map((name) => nameScore(mentioned, stems(name), entity.kind === "organisation")));
    if (score > bestScore) [best, bestScore, tied] = [entity, score, false];
    else if (score > 0 && score === bestScore) tied = true;
  }
  return tied ? undefined : best;
}
