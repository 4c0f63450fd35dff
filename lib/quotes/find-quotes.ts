import { accordingTo, isDeterminer, isNameContext, isScareMarker, isSpeechVerb } from "./lexicon";
import type { QuotedStretch } from "./marks";
import { gapBetween, isNameWord, readArticle, sentenceEndOf, sentenceStartOf, startsSentence, tokensBetween, type Article, type Paragraph } from "./paragraph";
import { collectMentions, collectNames, mentionsBefore, resolvePronoun, subjectAfter, subjectBefore, subjectOfAccordingTo, type Mention } from "./speaker";
import { clauseEnd, isCapitalised, tokenize, type Token } from "./text";

/** A span of the article: paragraph index and UTF-16 offsets into that paragraph. */
export interface TextSpan {
  paragraph: number;
  start: number;
  end: number;
}

/** A direct quotation found in an article. */
export interface QuoteCandidate extends TextSpan {
  /** The words naming who said it, as written nearest to the quote; for "he said", the name "he" stands for. */
  speaker?: TextSpan;
  /** 0–1: how sure the finder is that these words are a quotation rather than a name or a scare quote. */
  confidence: number;
}

export interface FindQuotesOptions {
  /**
   * BCP-47 language of the article ("ru", "en"). A hint only, unused so far: both lexicons are
   * read for every article, since Russian copy quotes English speakers and the other way round.
   */
  language?: string;
}

/** Candidates at or above this confidence are the ones "Accept all" takes. */
export const CONFIDENT = 0.8;

// Above this margin of speech signals over name signals, quoted words are a quotation.
const THRESHOLD = 1.5;

interface Piece {
  start: number;
  end: number;
}

/** The words introducing a quote and the verb among them. */
interface Attribution {
  verb: Token;
  /** Where the attribution clause starts and ends. */
  from: number;
  to: number;
  /** The verb comes first in its clause ("— сказал он", "said Mark Wall"). */
  verbFirst: boolean;
}

const DASH = "[—–-]";
// «A, — сказал он, — B» and «A, — сказал он. — B»: the attribution clause between two dashes.
const INTERRUPTION = new RegExp(`[,!?…]\\s+${DASH}\\s+([^—–«»“”"]{2,120}?)[,.]\\s+${DASH}\\s+`, "gu");
const DASH_AFTER = new RegExp(`^\\s*[,!?…]?\\s*${DASH}\\s+`, "u");
const trimmedPiece = (text: string, start: number, end: number): Piece => {
  while (start < end && /[\s]/u.test(text[start]!)) start++;
  while (end > start && /[\s,:;]/u.test(text[end - 1]!)) end--;
  return { start, end };
};

/**
 * Russian quotes broken by their attribution: «Мы готовы, — сказал он, — но не на любых условиях».
 * Returns the pieces of quotation and the attribution between them, or one piece when unbroken.
 */
function splitInterrupted(paragraph: Paragraph, stretch: QuotedStretch): { pieces: Piece[]; attribution?: Attribution } {
  const text = paragraph.text;
  const inside = text.slice(stretch.start, stretch.end);
  INTERRUPTION.lastIndex = 0;
  for (let match = INTERRUPTION.exec(inside); match; match = INTERRUPTION.exec(inside)) {
    const clauseStart = stretch.start + match.index + match[0].indexOf(match[1]!);
    const clauseEnd = clauseStart + match[1]!.length;
    const clause = tokenize(text, clauseStart, clauseEnd);
    const verbAt = clause.findIndex((t) => isSpeechVerb(t.lower));
    if (verbAt === -1 || verbAt > 4) continue;
    return {
      pieces: [trimmedPiece(text, stretch.start, stretch.start + match.index + 1), trimmedPiece(text, stretch.start + match.index + match[0].length, stretch.end)],
      attribution: { verb: clause[verbAt]!, from: clauseStart, to: clauseEnd, verbFirst: verbAt === 0 },
    };
  }
  return { pieces: [trimmedPiece(text, stretch.start, stretch.end)] };
}

/** "«…», — заявил министр", "«…» — сказала она": the attribution after the closing mark. */
function attributionAfter(paragraph: Paragraph, stretch: QuotedStretch, content: string): Attribution | undefined {
  const text = paragraph.text;
  const limit = sentenceEndOf(paragraph, stretch.close);
  const after = text.slice(stretch.close + 1, limit);
  const dash = DASH_AFTER.exec(after);
  const punctuated = /[,!?.…—-]\s*$/u.test(content) || /^\s*,/u.test(after);
  if (!dash && !punctuated && !startsSentence(paragraph, stretch.open)) return undefined;
  const from = stretch.close + 1 + (dash ? dash[0].length : 0);
  const to = clauseEnd(text, from, limit);
  const tokens = tokensBetween(paragraph, from, to);
  const verbAt = tokens.findIndex((t) => isSpeechVerb(t.lower));
  if (verbAt === -1 || verbAt > (dash ? 4 : 7)) return undefined;
  // "«Газпром» сообщил…", "“Harbour Trust” said…": with no comma or dash between, the words in
  // marks are the verb's subject, not its quotation ("…" the spokeswoman told reporters has one between).
  if (!dash && !punctuated && verbAt === 0) return undefined;
  return { verb: tokens[verbAt]!, from, to, verbFirst: verbAt === 0 };
}

/** The speech verb (or "по словам") before the quote in its sentence, if any, and whether it leads straight into it. */
function attributionBefore(paragraph: Paragraph, stretch: QuotedStretch): { verb: Token; tokens: Token[]; index: number; according: boolean; direct: boolean; near: boolean; from: number } | undefined {
  const from = sentenceStartOf(paragraph, stretch.open);
  const tokens = tokensBetween(paragraph, from, stretch.open);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    const according = accordingTo(tokens, i) !== undefined;
    if (!according && !isSpeechVerb(token.lower)) continue;
    const rest = tokens.slice(i + 1).map((t) => t.lower);
    const direct = rest.length === 0 || (rest.length === 1 && (rest[0] === "что" || rest[0] === "that" || rest[0] === "как"));
    // "said the economy was “remarkably resilient”": the verb's own clause, a few words on, with no comma between.
    const near = rest.length <= 6 && !/[,;:()]/u.test(paragraph.text.slice(token.end, stretch.open));
    return { verb: token, tokens, index: i, according, direct, near, from };
  }
  return undefined;
}

interface Judgement {
  stretch: QuotedStretch;
  pieces: Piece[];
  margin: number;
  attribution?: Attribution;
  before?: ReturnType<typeof attributionBefore>;
}

const FUNCTION_WORDS_IN_NAMES = /^(?:of|the|and|a|an|in|on|for|to|de|и|в|на|с|за|для)$/u;

/**
 * Weighs what says "someone's words" (an attribution, a colon, sentence-like content) against
 * what says "a name, a title, the writer's distance" (партия «…», так называемые «…», a few
 * capitalised words) for one quoted stretch, knowing how the previous stretch of the paragraph was judged.
 */
function judge(paragraph: Paragraph, stretch: QuotedStretch, previous: { judgement: Judgement; quote: boolean } | undefined): Judgement {
  const { pieces, attribution: interrupted } = splitInterrupted(paragraph, stretch);
  const text = paragraph.text;
  const content = text.slice(stretch.start, stretch.end).trim();
  const words = tokenize(text, stretch.start, stretch.end);
  const count = words.length;
  const innerSentence = /[.!?…]\s+\S/u.test(content);
  const comma = /,\s/u.test(content);
  const endsLikeSpeech = /[.!?…,]$/u.test(content);
  const sentenceFrom = sentenceStartOf(paragraph, stretch.open);
  const before = tokensBetween(paragraph, sentenceFrom, stretch.open);
  const previousWord = before[before.length - 1];
  const gapBefore = previousWord ? gapBetween(text, previousWord.end, stretch.open) : "";
  const afterWord = tokenize(text, stretch.close + 1, Math.min(text.length, stretch.close + 40))[0];
  const gapAfter = afterWord ? gapBetween(text, stretch.close + 1, afterWord.start) : ".";

  let name = 0;
  // Names start with a capital or a digit; "cost the company “tens of millions”" is not one.
  const nameContext = /^[\p{Lu}\p{N}]/u.test(content) ? 2.5 : 0.5;
  if (previousWord && gapBefore === "" && isNameContext(previousWord.lower)) name += nameContext;
  else if (afterWord && gapAfter === "" && !isCapitalised(afterWord.text) && isNameContext(afterWord.lower)) name += nameContext;
  if (before.slice(-2).some((t) => isScareMarker(t.lower))) name += 2.5;
  // «Газпром» и «Роснефть»: the second of two coordinated names is a name too.
  if (previous && !previous.quote && /^\s*(?:,|и|или|and|or)\s*$/u.test(text.slice(previous.judgement.stretch.close + 1, stretch.open))) name += 2;
  const titleLike = count <= 4 && !innerSentence && !comma && !/[.!?…]$/u.test(content) && /^[\p{Lu}\p{N}]/u.test(content);
  if (titleLike) name += 1.5;
  const meaningful = words.filter((w) => !FUNCTION_WORDS_IN_NAMES.test(w.lower));
  if (count >= 2 && count <= 5 && meaningful.every((w) => /^[\p{Lu}\p{N}]/u.test(w.text))) name += 1;
  if (count <= 2) name += 1;

  let speech = 0;
  const attribution = interrupted ?? attributionAfter(paragraph, stretch, content);
  const attributionBeforeQuote = attributionBefore(paragraph, stretch);
  if (attribution) speech += 4;
  if (/:$/u.test(text.slice(0, stretch.open).trimEnd())) speech += 3;
  else if (attributionBeforeQuote) speech += attributionBeforeQuote.direct ? 2.5 : attributionBeforeQuote.near ? 2 : 1.5;
  // A lowercase fragment after a verb of saying is a partial quote ("called it “a giveaway to polluters”").
  if (attributionBeforeQuote && /^\p{Ll}/u.test(content) && (count >= 3 || (count === 2 && attributionBeforeQuote.near))) speech += 0.5;
  // "A," she said. "B." — the next sentence in marks goes on with the same speech.
  if (previous?.quote && startsSentence(paragraph, stretch.open)) speech += 2;
  if (count >= 4 && (innerSentence || comma || endsLikeSpeech)) speech += 1;
  if (count >= 7) speech += 1;
  if (count >= 12) speech += 0.5;
  if (endsLikeSpeech) speech += 0.5;
  const wholeParagraph = stretch.open === 0 && stretch.close >= text.trimEnd().length - 2;
  if (wholeParagraph && count >= 3) speech += 2;
  return { stretch, pieces, margin: speech - name, attribution, before: attributionBeforeQuote };
}

function mentionFor(article: Article, paragraph: Paragraph, stretch: QuotedStretch, judgement: Judgement): Mention | undefined {
  const { attribution, before } = judgement;
  if (attribution) {
    const { verb } = attribution;
    if (attribution.verbFirst) return subjectAfter(article, paragraph, verb, attribution.to) ?? subjectBefore(article, paragraph, verb, attribution.from);
    return subjectBefore(article, paragraph, verb, attribution.from) ?? subjectAfter(article, paragraph, verb, attribution.to) ?? clauseSubject(article, paragraph, attribution);
  }
  if (before) {
    if (before.according) return subjectOfAccordingTo(article, paragraph, before.tokens, before.index, stretch.open);
    return subjectBefore(article, paragraph, before.verb, before.from) ?? subjectAfter(article, paragraph, before.verb, stretch.open);
  }
  // A headline's "Песков: «…»", "Lagarde: “…”": the name right before the colon speaks.
  const colon = /:\s*$/u.exec(paragraph.text.slice(0, stretch.open));
  if (colon) {
    const at = colon.index;
    return subjectBefore(article, paragraph, { text: ":", lower: ":", start: at, end: at + 1 }, sentenceStartOf(paragraph, at));
  }
  return undefined;
}

/**
 * The words between the quote and its verb when nothing in them is a known name or title:
 * "a person familiar with the matter said" — whoever the clause puts before the verb speaks.
 */
function clauseSubject(article: Article, paragraph: Paragraph, attribution: Attribution): Mention | undefined {
  const words = tokensBetween(paragraph, attribution.from, attribution.verb.start).filter((t) => !isDeterminer(t.lower));
  const first = words[0];
  const last = words[Math.min(words.length, 6) - 1];
  return first && last ? { paragraph: paragraph.index, start: first.start, end: last.end, named: words.some((t) => isNameWord(article, t)) } : undefined;
}

const toSpan = (mention: Mention): TextSpan => ({ paragraph: mention.paragraph, start: mention.start, end: mention.end });
const confidenceOf = (margin: number): number => Math.round(1000 / (1 + Math.exp(-1.2 * (margin - THRESHOLD + 1)))) / 1000;

/**
 * Finds the direct quotations in an article's paragraphs and who said each, for suggesting quote
 * annotations. Pure and synchronous: strings in, offsets out (UTF-16, the quoted words without
 * their marks). Names, titles and scare quotes in marks («Газпром», так называемые «реформы»)
 * are left out; a quote broken by its attribution comes back as two candidates with the same
 * speaker; "he"/"она" is followed back to the name it stands for.
 */
export function findQuotes(paragraphs: string[], _options: FindQuotesOptions = {}): QuoteCandidate[] {
  const article = readArticle(paragraphs);
  const judged = article.paragraphs.map((paragraph) => {
    let previous: { judgement: Judgement; quote: boolean } | undefined;
    return paragraph.stretches.map((stretch) => {
      const judgement = judge(paragraph, stretch, previous);
      previous = { judgement, quote: judgement.margin >= THRESHOLD };
      if (!previous.quote) paragraph.names.add(stretch);
      return judgement;
    });
  });
  // Names in marks now read as words of their sentences, so "газета «Коммерсантъ» пишет" has a subject.
  const mentions = collectMentions(article);
  const names = collectNames(article);

  const found: QuoteCandidate[] = [];
  let lastSpeaker: { mention: Mention; paragraph: number; at: number } | undefined;
  for (const paragraph of article.paragraphs) {
    for (const judgement of judged[paragraph.index]!) {
      if (judgement.margin < THRESHOLD) continue;
      const { stretch } = judgement;
      let mention = mentionFor(article, paragraph, stretch, judgement);
      // No attribution of its own: whoever spoke last — the speaker of the quote before, or someone
      // said to speak since ("Президент заявил:" closing the paragraph before).
      if (!mention) {
        const said = mentionsBefore(mentions, paragraph.index, stretch.open, 1).findLast((m) => !m.pronoun);
        const quoted = lastSpeaker && paragraph.index - lastSpeaker.paragraph <= 1 ? lastSpeaker : undefined;
        mention = said && (!quoted || said.paragraph > quoted.paragraph || (said.paragraph === quoted.paragraph && said.start > quoted.at)) ? said : quoted?.mention;
      }
      if (mention?.pronoun) mention = resolvePronoun(article, mentions, names, mention);
      if (mention) lastSpeaker = { mention, paragraph: paragraph.index, at: stretch.open };

      const confidence = confidenceOf(judgement.margin);
      for (const piece of judgement.pieces) {
        if (piece.end <= piece.start) continue;
        found.push({ paragraph: paragraph.index, start: piece.start, end: piece.end, ...(mention ? { speaker: toSpan(mention) } : {}), confidence });
      }
    }
  }
  return found;
}
