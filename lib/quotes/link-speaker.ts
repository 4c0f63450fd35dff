/**
 * Links the words naming a speaker ("Соболева", "пресс-службе", "Ms Berg") to a known entity by
 * its name and aliases, across Russian inflection: "Соболевой" and "Соболева" are one person,
 * "Кремле" is "Кремль", "пресс-службе" is "пресс-служба Кремля" when no other press service is known.
 */

export interface SpeakerEntity {
  id: string;
  name: string;
  aliases?: readonly string[];
}

// Prepositions and determiners around a speaker's name: "в министерстве", "the spokeswoman".
const IGNORED = new Set("в во на у от из the a an of mr mrs ms dr".split(" "));

/** Words with their inflection cut off: final vowels, й and ь ("Кремле" → "кремл", "Соболевой" → "соболев"). */
function stems(text: string): string[] {
  return (text.toLowerCase().replaceAll("ё", "е").match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [])
    .filter((word) => !IGNORED.has(word))
    .map((word) => word.replace(/'s$/u, "").replace(/[аеиоуыэюяйь]+$/u, "") || word);
}

/** 1 for the same stem, 0.8 when one extends the other by a case ending ("песков" / "пескова" → "песков"/"песковым"), else 0. */
function wordMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.length - short.length <= 3 && long.startsWith(short) ? 0.8 : 0;
}

/** How well `mention` names `name`: every word of the shorter must match a word of the longer. */
function nameScore(mention: string[], name: string[]): number {
  if (!mention.length || !name.length) return 0;
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
  const words = stems(mention);
  let best: T | undefined;
  let bestScore = 0;
  let tied = false;
  for (const entity of entities) {
    const score = Math.max(...[entity.name, ...(entity.aliases ?? [])].map((name) => nameScore(words, stems(name))));
    if (score > bestScore) [best, bestScore, tied] = [entity, score, false];
    else if (score > 0 && score === bestScore) tied = true;
  }
  return tied ? undefined : best;
}
