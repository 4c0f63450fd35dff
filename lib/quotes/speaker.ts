import { accordingTo, isDeterminer, isDocumentNoun, isImpersonalSpeechVerb, isSpeakerNoun, isSpeechVerb, pronounGender } from "./lexicon";
import { gapBetween, isNameWord, sentenceEndOf, sentenceStartOf, tokensBetween, type Article, type Paragraph } from "./paragraph";
import { isAbbreviation, type Token } from "./text";

export type Gender = "m" | "f" | "p";

/** Words naming who speaks, as found in the text; a pronoun still to be resolved carries `pronoun`. */
export interface Mention {
  paragraph: number;
  start: number;
  end: number;
  /** The mention is a name (capitalised words), not only a title or an organisation noun. */
  named: boolean;
  gender?: Gender;
  pronoun?: boolean;
}

const PREPOSITIONS = new Set(
  "в во на с со по для о об при у из к ко перед после за под над до от без через in on at to for with after before from during about over into".split(" "),
);
// Whom the words were said to, between a verb and its subject: "сказал журналистам губернатор".
const ADDRESSEES = /^(?:журналист|репортер|корреспондент|агентству|изданию|газете|телеканалу|радио|reporters|journalists|lawmakers|parliament|investors|analysts)/u;
const CONJUNCTIONS = new Set("что чтобы как ли если because that whether if".split(" "));
const ADVERBS = new Set("также тоже ранее позже еще уже затем потом вновь снова однако лишь только then also later again earlier however".split(" "));
// "в интервью РИА Новости", "в беседе с ТАСС": the names after these are the medium, not the speaker.
const MEDIUM_HEADS = /^(?:интервью|беседе|эфире|разговоре|telegram|телеграм|соцсет|статье|колонке|комментари)/u;

function genderOf(tokens: readonly Token[], verb: Token | undefined): Gender | undefined {
  const last = tokens[tokens.length - 1]?.lower ?? "";
  if (/(?:woman|women)$/u.test(last)) return "f";
  if (/(?:man|men)$/u.test(last) && last.length > 3) return "m";
  if (/(?:ова|ева|ина|ская|цкая|ая)$/u.test(last) && tokens.some((t) => /^\p{Lu}/u.test(t.text))) return "f";
  if (verb && /[а-я]/u.test(verb.lower)) {
    if (/(?:ла|лась)$/u.test(verb.lower)) return "f";
    if (/(?:ли|лись|ют|ят)$/u.test(verb.lower)) return "p";
    if (/(?:л|лся)$/u.test(verb.lower)) return "m";
  }
  return undefined;
}

function mentionOf(article: Article, paragraph: Paragraph, tokens: readonly Token[], verb?: Token): Mention | undefined {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (!first || !last) return undefined;
  const gender = pronounGender(first.lower);
  if (tokens.length === 1 && gender) return { paragraph: paragraph.index, start: first.start, end: first.end, named: false, gender, pronoun: true };
  // A name in marks at an edge of a longer phrase keeps its marks (источник "Известий", not
  // источник "Известий); a name in marks on its own comes without them («Коммерсантъ» → Коммерсантъ).
  const around = (at: number) => paragraph.stretches.find((s) => paragraph.names.has(s) && at > s.open && at < s.close);
  const [opening, closing] = [around(first.start), around(last.start)];
  const alone = opening !== undefined && opening === closing;
  return {
    paragraph: paragraph.index,
    start: opening && !alone ? opening.open : first.start,
    end: closing && !alone ? closing.close + 1 : last.end,
    // "Keir Starmer's spokesman" names the possessor, not the speaker: only words after a possessive count.
    named: tokens.slice(tokens.findLastIndex((t) => /['’]s$/u.test(t.text) && t !== last) + 1).some((t) => isNameWord(article, t)),
    gender: genderOf(tokens, verb),
  };
}

/** Whether a token can be part of the words naming a speaker. */
const isNominal = (article: Article, token: Token): boolean => isNameWord(article, token) || isSpeakerNoun(token.lower);

/**
 * The speaker after a verb: "— заявил на пресс-конференции главный тренер Сергей Семак",
 * "— сообщили в министерстве", "said Mark Wall, chief economist". Stops at the clause's end.
 */
export function subjectAfter(article: Article, paragraph: Paragraph, verb: Token, limit: number): Mention | undefined {
  const tokens = tokensBetween(paragraph, verb.end, limit);
  const text = paragraph.text;
  let i = 0;
  let previousEnd = verb.end;
  const taken: Token[] = [];
  const impersonal = isImpersonalSpeechVerb(verb.lower);
  while (i < tokens.length) {
    const token = tokens[i]!;
    const gap = gapBetween(text, previousEnd, token.start);
    const afterAbbreviation = gap === "." && taken.length > 0 && isAbbreviation(taken[taken.length - 1]!.text);
    if ((/[.;:!?—–]|^-$/u.test(gap) && !afterAbbreviation) || (taken.length && gap.includes(","))) break;
    if (!taken.length && pronounGender(token.lower)) return mentionOf(article, paragraph, [token]);
    // "заявил, что Анкара готова…": what follows "что" is what was said, not who said it.
    if (CONJUNCTIONS.has(token.lower)) break;
    if (!taken.length && (token.lower === "в" || token.lower === "во") && impersonal) {
      // "сообщили в министерстве", "говорится в сообщении авиакомпании": the body after "в" (and its document) speaks.
      let j = i + 1;
      if (tokens[j] && isDocumentNoun(tokens[j]!.lower)) j++;
      const body: Token[] = [];
      for (; j < tokens.length && body.length < 4; j++) {
        const next = tokens[j]!;
        if (PREPOSITIONS.has(next.lower) || isSpeechVerb(next.lower) || /[.,;:!?—–]/u.test(gapBetween(text, tokens[j - 1]!.end, next.start))) break;
        body.push(next);
      }
      if (body.length) return mentionOf(article, paragraph, trimToNominal(article, body), verb);
      previousEnd = token.end;
      i++;
      continue;
    }
    if (!taken.length && PREPOSITIONS.has(token.lower)) {
      // Skip the phrase: "на пресс-конференции", "в беседе с ТАСС", "в интервью РИА Новости".
      const object = tokens[i + 1];
      i += 2;
      previousEnd = object?.end ?? token.end;
      if (object && MEDIUM_HEADS.test(object.lower)) {
        while (tokens[i] && (isNameWord(article, tokens[i]!) || tokens[i]!.lower === "с" || PREPOSITIONS.has(tokens[i]!.lower))) previousEnd = tokens[i++]!.end;
      }
      continue;
    }
    if (!taken.length && (ADDRESSEES.test(token.lower) || ADVERBS.has(token.lower) || isDeterminer(token.lower))) {
      if (ADDRESSEES.test(token.lower)) while (tokens[i + 1] && isNameWord(article, tokens[i + 1]!)) i++;
      previousEnd = tokens[i]!.end;
      i++;
      continue;
    }
    if (taken.length && (PREPOSITIONS.has(token.lower) || isSpeechVerb(token.lower) || ADDRESSEES.test(token.lower))) break;
    if (taken.length >= 7) break;
    taken.push(token);
    previousEnd = token.end;
    i++;
  }
  return taken.length ? mentionOf(article, paragraph, trimToNominal(article, taken), verb) : undefined;
}

/**
 * Cuts trailing words that name nobody ("Песков журналистам" → "Песков"). A short phrase with
 * no known name or title in it ("регионального минтранса", "серб") is kept whole: its head is
 * a word the lexicon does not know.
 */
function trimToNominal(article: Article, tokens: Token[]): Token[] {
  let end = tokens.length;
  if (tokens.length > 3 || tokens.some((t) => isNominal(article, t))) while (end > 1 && !isNominal(article, tokens[end - 1]!)) end--;
  let start = 0;
  while (start < end - 1 && (isDeterminer(tokens[start]!.lower) || ADVERBS.has(tokens[start]!.lower))) start++;
  return tokens.slice(start, end);
}

/**
 * The speaker before a verb in the same sentence: "Председатель Банка России Эльвира Набиуллина
 * на пресс-конференции подчеркнула", "В пресс-службе заметили", "a senior trader at a European
 * utility told". Runs of name words and speaker nouns compete: a full name beats a title, the
 * words right before the verb beat those further away.
 */
export function subjectBefore(article: Article, paragraph: Paragraph, verb: Token, from: number): Mention | undefined {
  const tokens = tokensBetween(paragraph, from, verb.start);
  const text = paragraph.text;
  // A pronoun right before the verb (adverbs aside) is its subject: "он назвал", "he said".
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (ADVERBS.has(token.lower)) continue;
    if (pronounGender(token.lower) && !/[,;:]/u.test(gapBetween(text, token.end, verb.start))) return mentionOf(article, paragraph, [token], verb);
    break;
  }
  let best: { run: Token[]; score: number } | undefined;
  let run: Token[] = [];
  // Scores the run ending just before tokens[nextIndex] and keeps the best so far.
  const finish = (nextIndex: number) => {
    if (!run.length) return;
    const names = run.filter((t) => isNameWord(article, t)).length;
    const last = run[run.length - 1]!;
    const between = tokens.slice(nextIndex).filter((t) => !ADVERBS.has(t.lower));
    const adjacent = between.length === 0 && !/[,;:]/u.test(gapBetween(text, last.end, verb.start));
    const distance = tokens.length - nextIndex;
    const score = (names >= 2 ? 3 : names === 1 ? 0.5 : 0) + (run.some((t) => isSpeakerNoun(t.lower)) ? 1 : 0) + (adjacent ? 2 : 0) - 0.03 * distance;
    if (!best || score > best.score) best = { run, score };
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    if (previous && run.length && /[.,;:!?()—–]/u.test(gapBetween(text, previous.end, token.start))) finish(i);
    if (isNominal(article, token) && !(PREPOSITIONS.has(token.lower) || pronounGender(token.lower))) run.push(token);
    else finish(i);
  }
  finish(tokens.length);
  return best && best.score > 0.1 ? mentionOf(article, paragraph, best.run, verb) : undefined;
}

/** The speaker of a speech verb: before it in its sentence, or else right after it. */
export function subjectOf(article: Article, paragraph: Paragraph, verb: Token, limit: number): Mention | undefined {
  const from = sentenceStartOf(paragraph, verb.start);
  return subjectBefore(article, paragraph, verb, from) ?? subjectAfter(article, paragraph, verb, limit);
}

/** "по словам губернатора", "according to the ministry": the words after the phrase; "по его словам": the pronoun, to be resolved. */
export function subjectOfAccordingTo(article: Article, paragraph: Paragraph, tokens: readonly Token[], i: number, limit: number): Mention | undefined {
  if (accordingTo(tokens, i) === "pronoun") return mentionOf(article, paragraph, [tokens[i - 1]!]);
  return subjectAfter(article, paragraph, tokens[i]!, limit);
}

/** Every speaker mention of the article: the subject of each speech verb outside quotation marks. */
export function collectMentions(article: Article): Mention[] {
  const mentions: Mention[] = [];
  for (const paragraph of article.paragraphs) {
    const tokens = tokensBetween(paragraph, 0, paragraph.text.length);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const according = accordingTo(tokens, i);
      if (!according && !isSpeechVerb(token.lower)) continue;
      const limit = sentenceEndOf(paragraph, token.start);
      const mention = according ? subjectOfAccordingTo(article, paragraph, tokens, i, limit) : subjectOf(article, paragraph, token, limit);
      if (mention) mentions.push(mention);
    }
  }
  return mentions;
}

/**
 * Full names (two or more name words in a row, outside any marks) of the article: what a pronoun
 * may stand for when no one was said to speak before it ("Депутат Сардана Авксентьева выступила
 * против. «…», — заявила она").
 */
export function collectNames(article: Article): Mention[] {
  const names: Mention[] = [];
  for (const paragraph of article.paragraphs) {
    let run: Token[] = [];
    const finish = () => {
      if (run.length >= 2) names.push({ paragraph: paragraph.index, start: run[0]!.start, end: run[run.length - 1]!.end, named: true, gender: genderOf(run, undefined) });
      run = [];
    };
    for (const token of paragraph.tokens) {
      const outside = !paragraph.stretches.some((s) => token.start >= s.open && token.start < s.close);
      const joined = !run.length || gapBetween(paragraph.text, run[run.length - 1]!.end, token.start) === "";
      if (!joined) finish();
      if (outside && isNameWord(article, token)) run.push(token);
      else finish();
    }
    finish();
  }
  return names;
}

/** The mentions before offset `at` of paragraph `paragraph`, from at most `back` paragraphs earlier (binary search: mentions are in text order). */
export function mentionsBefore(mentions: readonly Mention[], paragraph: number, at: number, back: number): readonly Mention[] {
  const isBefore = (m: Mention) => m.paragraph < paragraph || (m.paragraph === paragraph && m.start < at);
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isBefore(mentions[middle]!)) low = middle + 1;
    else high = middle;
  }
  let first = low;
  while (first > 0 && paragraph - mentions[first - 1]!.paragraph <= back) first--;
  return mentions.slice(first, low);
}

const compatible = (a: Gender | undefined, b: Gender | undefined): boolean => !a || !b || a === b;

/**
 * What a pronoun stands for: the nearest earlier speaker mention of a compatible gender, in the
 * same paragraph or up to three before, or else the nearest full name up to a paragraph before.
 * When that mention is only a title ("Дипломат", "the spokesman") and a name of a compatible
 * gender was mentioned up to a paragraph earlier, the name wins: the reader wants the entity, and
 * a definite title refers back to it. An indefinite one ("a spokeswoman") brings in someone new.
 */
export function resolvePronoun(article: Article, mentions: readonly Mention[], names: readonly Mention[], pronoun: Mention): Mention | undefined {
  const before = mentionsBefore(mentions, pronoun.paragraph, pronoun.start, 3).filter((m) => !m.pronoun && compatible(m.gender, pronoun.gender));
  const nearest = before[before.length - 1];
  if (!nearest) return mentionsBefore(names, pronoun.paragraph, pronoun.start, 1).findLast((m) => compatible(m.gender, pronoun.gender));
  // Only a person is named behind a title; "там", "они" stand for the body itself.
  if (nearest.named || pronoun.gender === "p" || isIndefinite(article, nearest)) return nearest;
  const name = before.findLast((m) => m.named && nearest.paragraph - m.paragraph <= 1 && compatible(m.gender, nearest.gender));
  return name ?? nearest;
}

function isIndefinite(article: Article, mention: Mention): boolean {
  const text = article.paragraphs[mention.paragraph]!.text;
  return /(?:^|\s)(?:a|an)\s+(?:\S+\s+){0,2}$/iu.test(text.slice(Math.max(0, mention.start - 40), mention.start));
}
