import type { TextSpan } from "./find-quotes";
import { stem, words } from "./link-speaker";
import { isCapitalised, tokenize, type Token } from "./text";

/** A capitalised adjective takes the noun after it into the name: "Белого дома", "Государственной думы". */
const ADJECTIVE_ENDING = /(?:ого|его|ой|ей|ых|их|ая|яя|ое|ее|ый|ий)$/u;
/** Words of a name after its head: enough for "пресс-служба президента России"-like names, no more. */
const MAX_DEPENDENTS = 3;

/**
 * The words to name a quote's speaker by: the words at `speaker`, unless they are an
 * organisation's head noun alone ("в пресс-службе") which the article names in full before them
 * ("пресс-служба Кремля"): then that name, as last written before the quote. The short form
 * refers back to it, and an organisation is linked only by its whole name (linkSpeaker), so the
 * bare head would otherwise link to nothing, or become an entity of its own ("пресс-служба").
 */
export function speakerPhrase(paragraphs: readonly string[], speaker: TextSpan): string {
  const written = paragraphs[speaker.paragraph]!.slice(speaker.start, speaker.end);
  const named = words(written);
  // A name ("Кремле", "Соболева") or several words say who it is already.
  if (named.length !== 1 || isCapitalised(tokenize(written).find((token) => token.lower === named[0])?.text ?? written)) return written;
  const head = stem(named[0]!);
  for (let index = speaker.paragraph; index >= 0; index--) {
    const text = paragraphs[index]!;
    const tokens = tokenize(text, 0, index === speaker.paragraph ? speaker.start : text.length);
    for (let at = tokens.length - 2; at >= 0; at--) {
      if (stem(tokens[at]!.lower) !== head) continue;
      const end = fullNameEnd(text, tokens, at);
      if (end !== null) return text.slice(tokens[at]!.start, end);
    }
  }
  return written;
}

/**
 * Where the name whose head is `tokens[head]` ends: after the capitalised words right after it
 * ("пресс-служба Кремля"), and the noun after a capitalised adjective ("Белого дома"). Null when
 * no capitalised word follows (a common noun: "министерство обороны" is left alone).
 */
function fullNameEnd(text: string, tokens: readonly Token[], head: number): number | null {
  let end: number | null = null;
  for (let at = head + 1; at <= head + MAX_DEPENDENTS && at < tokens.length; at++) {
    const token = tokens[at]!;
    // Adjacent words only: a comma or a full stop ends the name.
    if (text.slice(tokens[at - 1]!.end, token.start).trim() !== "") break;
    const afterAdjective = at > head + 1 && ADJECTIVE_ENDING.test(tokens[at - 1]!.lower) && isCapitalised(tokens[at - 1]!.text);
    if (!isCapitalised(token.text) && !afterAdjective) break;
    end = token.end;
    if (afterAdjective) break;
  }
  return end;
}
