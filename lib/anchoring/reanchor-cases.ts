/*
 * Re-import cases for `reanchor`, as data (after Apache Annotator's match-cases): for each
 * kind of edit between two versions of an article, the old and new paragraphs, annotations as
 * the app stores them, and the expected outcome of each — its exact new offsets, or ORPHANED
 * when its words are gone. Used by reanchor.test.ts; the benchmark (npm run bench reanchor)
 * measures the same edit kinds on a generated corpus.
 *
 * The rule a person applies, and these cases spell out: an annotation stays on its words
 * while more than half of them are still there (including words replaced inside it, which it
 * then covers), follows them when they move, and is orphaned when they are gone, rewritten,
 * or when it cannot be told which of several copies they are. A wrong place is worse than an
 * orphan.
 */
import type { ReanchorResult, StoredAnnotation } from "./reanchor";
import { describeRange } from "./selectors";
import { AR_SAMPLE, EMOJI_SAMPLE, HE_SAMPLE, PARTY, RU_SAMPLE, RU_SAMPLE_2, RU_SAMPLE_3 } from "./test-fixtures";

export interface ReanchorCase {
  name: string;
  edit:
    | "unchanged"
    | "typos elsewhere"
    | "inserted before"
    | "paragraph split"
    | "paragraphs merged"
    | "words changed inside"
    | "span deleted"
    | "sentence moved"
    | "quotes normalised"
    | "whitespace changed"
    | "phrase repeated earlier"
    | "stale offsets";
  old: string[];
  new: string[];
  annotations: StoredAnnotation[];
  expected: ReanchorResult[];
}

/** Offset of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function find(text: string, needle: string, occurrence = 0): number {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(needle, start + 1);
    if (start === -1) throw new Error(`"${needle}" #${occurrence} not in "${text}"`);
  }
  return start;
}

/** An annotation on `needle` in paragraph `index`, stored the way the app stores it. */
export function annotate(id: string, paragraphs: string[], index: number, needle: string, occurrence = 0): StoredAnnotation {
  const text = paragraphs[index]!;
  const start = find(text, needle, occurrence);
  return { id, paragraphIndex: index, ...describeRange(text, start, start + needle.length) };
}

/** The expected placement: `needle` in paragraph `index` of the new text. */
export function placed(id: string, paragraphs: string[], index: number, needle: string, occurrence = 0): ReanchorResult {
  const start = find(paragraphs[index]!, needle, occurrence);
  return { id, paragraphIndex: index, start, end: start + needle.length };
}

export function orphaned(id: string): ReanchorResult {
  return { id, status: "ORPHANED" };
}

const P0 = "The city council met on Tuesday to discuss the new tram line through the old town.";
const P1 = "Residents complained that the cat shelter near the river would lose its garden, and the cat owners protested.";
const P2 = "The mayor promised a final decision before the summer holidays, after hearing all the experts.";
const P3 = "Construction is expected to start next spring and take about three years to complete.";
export const OLD = [P0, P1, P2, P3];

const TYPO_BEFORE = "The mayorr promised a final decision before the summer holidays.";
const TYPO_INSIDE = "The mayor promissed a final decision before the summer holidays.";
const FIXED = "The mayor promised a final decision before the summer holidays.";
const SPLIT = [P0, "Residents complained that the cat shelter near the river would lose its garden.", "And the cat owners protested.", P2, P3];
const MERGED = [P0, `${P1} ${P2}`, P3];
const AR_EDITED = AR_SAMPLE.replace("الأسبوع المقبل", "الشهر المقبل");
const HE_EDITED = HE_SAMPLE.replace("בשבוע הבא", "בעוד שבועיים");

// Russian paragraphs of a made-up local story; the stress mark (U+0301) is part of the text.
const RU_BRIDGE = "В Заречье открылся новый мост через реку Светлую. Его строили три года, а стоимость работ составила 2,1 миллиарда рублей.";
const RU_CASTLE = "Жители опасаются, что за\u0301мок купца Ершова окажется в охранной зоне стройки. Мэр Заречья Ольга Светлова пообещала, что за\u0301мок не пострадает.";
const RU_MAYOR = "Мэр Заречья Ольга Светлова назвала решение историческим для города и поблагодарила депутатов.";
const RU_BRIDGE_SPLIT = ["В Заречье открылся новый мост через реку Светлую.", "Его строили три года, а стоимость работ составила 2,1 миллиарда рублей.", RU_MAYOR];
const RU_CASTLE_SWAPPED =
  "Мэр Заречья Ольга Светлова пообещала, что за\u0301мок не пострадает. Жители опасаются, что за\u0301мок купца Ершова окажется в охранной зоне стройки.";

// English paragraphs for moves of a sentence holding a repeated phrase.
const UNION_1 = "Talks ended at noon, and the Harbour Workers’ Union said its members had accepted the offer.";
const UNION_2 = "Later the Harbour Workers’ Union said the strike was over.";
const UNION_3 = "Ships began to leave the port in the evening.";
const SHIPPING =
  "Shipping companies welcomed the agreement, saying that the queue of more than forty ships outside the port would take about a week to clear. Local businesses near the docks also said they were relieved.";

const WORDS_EN_OLD = "The mayor promised a final decision before the summer holidays, after hearing all the experts.";
const WORDS_EN_NEW = "The mayor promised a binding decision before the autumn holidays, after hearing all the experts.";
const WORDS_RU_NEW = RU_SAMPLE_2.replace("обращение", "открытое письмо").replace("наглядным", "убедительным");
const WORDS_LONGER = P0.replace("new tram line", "controversial tram line");

const DELETED_OLD = [
  "The city council met on Tuesday to discuss the new tram line through the old town.",
  "Residents asked questions. The new tram line will cost more than planned, the mayor admitted. The vote is in May.",
];
const DELETED_NEW = [
  "The city councill met on Tuesday to discuss the new tram line through the old town.",
  "Residents asked questions. The vote is in May.",
];

const EMOJI_EDITED = EMOJI_SAMPLE.replace("Great work", "Really great work").replace("coders and", "coders  and");

export const REANCHOR_CASES: ReanchorCase[] = [
  {
    name: "unchanged article keeps every position",
    edit: "unchanged",
    old: OLD,
    new: OLD,
    annotations: [annotate("a", OLD, 0, "new tram line"), annotate("b", OLD, 3, "three years")],
    expected: [placed("a", OLD, 0, "new tram line"), placed("b", OLD, 3, "three years")],
  },

  // Typos elsewhere: the quote's own words are untouched.
  {
    name: "one-character typo fixed just before the quote",
    edit: "typos elsewhere",
    old: [P0, TYPO_BEFORE, P3],
    new: [P0, FIXED, P3],
    annotations: [annotate("a", [P0, TYPO_BEFORE], 1, "final decision")],
    expected: [placed("a", [P0, FIXED], 1, "final decision")],
  },
  {
    name: "Cyrillic: typo in another sentence of the paragraph",
    edit: "typos elsewhere",
    old: [RU_SAMPLE, RU_SAMPLE_2],
    new: [RU_SAMPLE.replace("пресс-служба", "пресс-слжуба"), RU_SAMPLE_2],
    annotations: [annotate("party", [RU_SAMPLE], 0, PARTY), annotate("ties", [RU_SAMPLE], 0, "двусторонних связей")],
    expected: [
      placed("party", [RU_SAMPLE.replace("пресс-служба", "пресс-слжуба")], 0, PARTY),
      placed("ties", [RU_SAMPLE.replace("пресс-служба", "пресс-слжуба")], 0, "двусторонних связей"),
    ],
  },

  // Text inserted before the quote.
  {
    name: "paragraph inserted before: same offsets, next index",
    edit: "inserted before",
    old: OLD,
    new: ["Update: the meeting was postponed.", ...OLD],
    annotations: [annotate("a", OLD, 2, "final decision")],
    expected: [placed("a", ["", "", "", P2], 3, "final decision")],
  },
  {
    name: "Cyrillic: sentence inserted at the start of the paragraph",
    edit: "inserted before",
    old: [RU_SAMPLE, RU_SAMPLE_2, RU_SAMPLE_3],
    new: ["Обновлено в 12:00.", `Об этом сообщает ТАСС. ${RU_SAMPLE.replace("в пятницу", "в четверг")}`, RU_SAMPLE_2, RU_SAMPLE_3],
    annotations: [annotate("party", [RU_SAMPLE], 0, PARTY), annotate("second", [RU_SAMPLE, RU_SAMPLE_2], 1, "Альянса патриотов Грузии")],
    expected: [
      placed("party", ["", `Об этом сообщает ТАСС. ${RU_SAMPLE.replace("в пятницу", "в четверг")}`], 1, PARTY),
      placed("second", ["", "", RU_SAMPLE_2], 2, "Альянса патриотов Грузии"),
    ],
  },

  // Paragraphs split and merged.
  {
    name: "paragraph split in two",
    edit: "paragraph split",
    old: OLD,
    new: SPLIT,
    annotations: [
      annotate("head", OLD, 1, "cat shelter near the river"),
      annotate("tail", OLD, 1, "the cat owners protested"),
      annotate("after", OLD, 2, "final decision"),
    ],
    expected: [
      placed("head", SPLIT, 1, "cat shelter near the river"),
      placed("tail", SPLIT, 2, "the cat owners protested"),
      placed("after", SPLIT, 3, "final decision"),
    ],
  },
  {
    name: "Cyrillic paragraph split between its sentences",
    edit: "paragraph split",
    old: [RU_BRIDGE, RU_MAYOR],
    new: RU_BRIDGE_SPLIT,
    annotations: [annotate("bridge", [RU_BRIDGE], 0, "новый мост"), annotate("cost", [RU_BRIDGE], 0, "2,1 миллиарда рублей")],
    expected: [placed("bridge", RU_BRIDGE_SPLIT, 0, "новый мост"), placed("cost", RU_BRIDGE_SPLIT, 1, "2,1 миллиарда рублей")],
  },
  {
    name: "two paragraphs merged",
    edit: "paragraphs merged",
    old: OLD,
    new: MERGED,
    annotations: [annotate("one", OLD, 1, "the cat", 1), annotate("two", OLD, 2, "the summer holidays"), annotate("last", OLD, 3, "next spring")],
    expected: [placed("one", MERGED, 1, "the cat", 1), placed("two", MERGED, 1, "the summer holidays"), placed("last", MERGED, 2, "next spring")],
  },
  {
    name: "Cyrillic paragraphs merged, each holding the same party name",
    edit: "paragraphs merged",
    old: [RU_SAMPLE_2, RU_SAMPLE_3],
    new: [`${RU_SAMPLE_2} ${RU_SAMPLE_3}`],
    annotations: [annotate("first", [RU_SAMPLE_2], 0, "Альянса патриотов Грузии"), annotate("second", [RU_SAMPLE_2, RU_SAMPLE_3], 1, "Альянса патриотов Грузии")],
    expected: [placed("first", [`${RU_SAMPLE_2} ${RU_SAMPLE_3}`], 0, "Альянса патриотов Грузии", 0), placed("second", [`${RU_SAMPLE_2} ${RU_SAMPLE_3}`], 0, "Альянса патриотов Грузии", 1)],
  },

  // Words changed inside the quote: it stays, on the edited words.
  {
    name: "one-character typo fixed inside the quote",
    edit: "words changed inside",
    old: [P0, TYPO_INSIDE, P3],
    new: [P0, FIXED, P3],
    annotations: [annotate("a", [P0, TYPO_INSIDE], 1, "promissed a final decision")],
    expected: [placed("a", [P0, FIXED], 1, "promised a final decision")],
  },
  {
    name: "two words replaced inside the quote",
    edit: "words changed inside",
    old: [P0, WORDS_EN_OLD],
    new: [P0, WORDS_EN_NEW],
    annotations: [annotate("a", [P0, WORDS_EN_OLD], 1, "a final decision before the summer holidays")],
    expected: [placed("a", [P0, WORDS_EN_NEW], 1, "a binding decision before the autumn holidays")],
  },
  {
    name: "Cyrillic: two words replaced inside a quote spanning “…”",
    edit: "words changed inside",
    old: [RU_SAMPLE, RU_SAMPLE_2],
    new: [RU_SAMPLE, WORDS_RU_NEW],
    annotations: [annotate("a", [RU_SAMPLE, RU_SAMPLE_2], 1, "назвали обращение “Альянса патриотов Грузии” наглядным подтверждением того")],
    expected: [placed("a", [RU_SAMPLE, WORDS_RU_NEW], 1, "назвали открытое письмо “Альянса патриотов Грузии” убедительным подтверждением того")],
  },
  {
    name: "a short word replaced by a much longer one inside the quote",
    edit: "words changed inside",
    old: OLD,
    new: [WORDS_LONGER, P1, P2, P3],
    annotations: [annotate("a", OLD, 0, "the new tram line through the old town")],
    expected: [placed("a", [WORDS_LONGER], 0, "the controversial tram line through the old town")],
  },
  {
    name: "quote rewritten entirely",
    edit: "words changed inside",
    old: OLD,
    new: [P0, P1, "The mayor postponed everything until autumn without giving reasons.", P3],
    annotations: [annotate("a", OLD, 2, "a final decision before the summer holidays")],
    expected: [orphaned("a")],
  },

  // The quote's words deleted.
  {
    name: "paragraph deleted",
    edit: "span deleted",
    old: OLD,
    new: [P0, P2, P3],
    annotations: [annotate("gone", OLD, 1, "cat shelter"), annotate("kept", OLD, 2, "final decision")],
    expected: [orphaned("gone"), placed("kept", [P0, P2], 1, "final decision")],
  },
  {
    name: "deleted paragraph whose words also occur in an unchanged one",
    edit: "span deleted",
    old: [P0, "Many people came to see the new tram line on Tuesday.", P2],
    new: [P0, P2],
    annotations: [annotate("gone", [P0, "Many people came to see the new tram line on Tuesday."], 1, "the new tram line")],
    expected: [orphaned("gone")],
  },
  {
    name: "deleted sentence whose phrase also occurs in an edited paragraph",
    edit: "span deleted",
    old: DELETED_OLD,
    new: DELETED_NEW,
    annotations: [annotate("gone", DELETED_OLD, 1, "The new tram line will cost"), annotate("phrase", DELETED_OLD, 1, "new tram line"), annotate("kept", DELETED_OLD, 0, "new tram line")],
    expected: [orphaned("gone"), orphaned("phrase"), placed("kept", DELETED_NEW, 0, "new tram line")],
  },
  {
    name: "Cyrillic: the quoted words deleted, the sentence kept",
    edit: "span deleted",
    old: [RU_SAMPLE],
    new: [RU_SAMPLE.replace(" в пятницу", "")],
    annotations: [annotate("day", [RU_SAMPLE], 0, "в пятницу"), annotate("around", [RU_SAMPLE], 0, "сообщила в пятницу пресс-служба")],
    expected: [orphaned("day"), placed("around", [RU_SAMPLE.replace(" в пятницу", "")], 0, "сообщила пресс-служба")],
  },
  {
    name: "everything deleted",
    edit: "span deleted",
    old: OLD,
    new: [],
    annotations: [annotate("a", OLD, 0, "tram")],
    expected: [orphaned("a")],
  },

  // Sentences and paragraphs moved.
  {
    name: "sentence holding a repeated phrase moved to another paragraph: the moved copy, not the other",
    edit: "sentence moved",
    old: [`${UNION_1} ${UNION_2} ${UNION_3}`, SHIPPING],
    new: [`${UNION_1} ${UNION_3}`, `${SHIPPING} ${UNION_2}`],
    annotations: [
      annotate("moved", [`${UNION_1} ${UNION_2} ${UNION_3}`], 0, "the Harbour Workers’ Union said", 1),
      annotate("stayed", [`${UNION_1} ${UNION_2} ${UNION_3}`], 0, "the Harbour Workers’ Union said", 0),
    ],
    expected: [
      placed("moved", [`${UNION_1} ${UNION_3}`, `${SHIPPING} ${UNION_2}`], 1, "the Harbour Workers’ Union said"),
      placed("stayed", [`${UNION_1} ${UNION_3}`], 0, "the Harbour Workers’ Union said"),
    ],
  },
  {
    name: "Cyrillic: sentences of a paragraph swapped, the stressed word follows its sentence",
    edit: "sentence moved",
    old: [RU_CASTLE],
    new: [RU_CASTLE_SWAPPED],
    annotations: [annotate("castle", [RU_CASTLE], 0, "за\u0301мок купца Ершова"), annotate("promise", [RU_CASTLE], 0, "за\u0301мок не пострадает"), annotate("mayor", [RU_CASTLE], 0, "Ольга Светлова")],
    expected: [
      placed("castle", [RU_CASTLE_SWAPPED], 0, "за\u0301мок купца Ершова"),
      placed("promise", [RU_CASTLE_SWAPPED], 0, "за\u0301мок не пострадает"),
      placed("mayor", [RU_CASTLE_SWAPPED], 0, "Ольга Светлова"),
    ],
  },
  {
    name: "paragraphs reordered",
    edit: "sentence moved",
    old: OLD,
    new: [P3, P2, P1, P0],
    annotations: [annotate("a", OLD, 0, "tram line"), annotate("b", OLD, 3, "three years")],
    expected: [placed("a", [P3, P2, P1, P0], 3, "tram line"), placed("b", [P3], 0, "three years")],
  },
  {
    name: "paragraph moved and edited",
    edit: "sentence moved",
    old: OLD,
    new: [P1, P2, P3, P0.replace("Tuesday", "Wednesday")],
    annotations: [annotate("a", OLD, 0, "to discuss the new tram line")],
    expected: [placed("a", [P1, P2, P3, P0.replace("Tuesday", "Wednesday")], 3, "to discuss the new tram line")],
  },

  // Quotation marks of another style.
  {
    name: "Cyrillic: “…” normalised to «…», quotes inside and at the edges of the quote",
    edit: "quotes normalised",
    old: [RU_SAMPLE, RU_SAMPLE_2],
    new: [RU_SAMPLE.replace("“", "«").replace("”", "»"), RU_SAMPLE_2.replace(/“/g, "«").replace(/”/g, "»")],
    annotations: [annotate("with", [RU_SAMPLE], 0, `“${PARTY}”`), annotate("inside", [RU_SAMPLE], 0, PARTY), annotate("quote", [RU_SAMPLE, RU_SAMPLE_2], 1, "“несмотря на все потуги")],
    expected: [
      placed("with", [RU_SAMPLE.replace("“", "«").replace("”", "»")], 0, `«${PARTY}»`),
      placed("inside", [RU_SAMPLE.replace("“", "«").replace("”", "»")], 0, PARTY),
      placed("quote", ["", RU_SAMPLE_2.replace(/“/g, "«").replace(/”/g, "»")], 1, "«несмотря на все потуги"),
    ],
  },
  {
    name: "curly quotes and apostrophes straightened",
    edit: "quotes normalised",
    old: [`The Harbour Workers’ Union called the deal “fair to everyone”.`],
    new: [`The Harbour Workers' Union called the deal "fair to everyone".`],
    annotations: [annotate("union", [`The Harbour Workers’ Union called the deal “fair to everyone”.`], 0, "Harbour Workers’ Union"), annotate("quote", [`The Harbour Workers’ Union called the deal “fair to everyone”.`], 0, "“fair to everyone”")],
    expected: [placed("union", [`The Harbour Workers' Union called the deal "fair to everyone".`], 0, "Harbour Workers' Union"), placed("quote", [`The Harbour Workers' Union called the deal "fair to everyone".`], 0, `"fair to everyone"`)],
  },

  // Whitespace doubled, collapsed or made non-breaking.
  {
    name: "Cyrillic: space doubled after a one-letter first word: the quote keeps that word",
    edit: "whitespace changed",
    old: [RU_BRIDGE],
    new: [RU_BRIDGE.replace("В Заречье", "В  Заречье").replace("а стоимость", "а  стоимость")],
    annotations: [annotate("town", [RU_BRIDGE], 0, "В Заречье открылся"), annotate("cost", [RU_BRIDGE], 0, "а стоимость работ")],
    expected: [
      placed("town", [RU_BRIDGE.replace("В Заречье", "В  Заречье").replace("а стоимость", "а  стоимость")], 0, "В  Заречье открылся"),
      placed("cost", [RU_BRIDGE.replace("В Заречье", "В  Заречье").replace("а стоимость", "а  стоимость")], 0, "а  стоимость работ"),
    ],
  },
  {
    name: "doubled spaces collapsed, and a space before the quote made non-breaking",
    edit: "whitespace changed",
    old: ["The mayor said the  new tram line would open in  three years, after a  long debate."],
    new: ["The mayor said the new tram line would open in\u00a0three years, after a long debate."],
    annotations: [
      annotate("line", ["The mayor said the  new tram line would open in  three years, after a  long debate."], 0, "the  new tram line"),
      annotate("years", ["The mayor said the  new tram line would open in  three years, after a  long debate."], 0, "three years"),
      annotate("debate", ["The mayor said the  new tram line would open in  three years, after a  long debate."], 0, "a  long debate"),
    ],
    expected: [
      placed("line", ["The mayor said the new tram line would open in\u00a0three years, after a long debate."], 0, "the new tram line"),
      placed("years", ["The mayor said the new tram line would open in\u00a0three years, after a long debate."], 0, "three years"),
      placed("debate", ["The mayor said the new tram line would open in\u00a0three years, after a long debate."], 0, "a long debate"),
    ],
  },

  // The quoted phrase repeated earlier in new text.
  {
    name: "Cyrillic: a new sentence with the party name inserted before it",
    edit: "phrase repeated earlier",
    old: [RU_SAMPLE],
    new: [`${PARTY} провел пресс-конференцию. ${RU_SAMPLE}`],
    annotations: [annotate("party", [RU_SAMPLE], 0, PARTY)],
    expected: [placed("party", [`${PARTY} провел пресс-конференцию. ${RU_SAMPLE}`], 0, PARTY, 1)],
  },
  {
    name: "the quoted phrase repeated in an inserted paragraph and sentence",
    edit: "phrase repeated earlier",
    old: OLD,
    new: ["Officials expect a final decision before the summer holidays.", P0, P1, `A final decision is overdue. ${P2}`, P3],
    annotations: [annotate("a", OLD, 2, "a final decision before the summer holidays"), annotate("short", OLD, 2, "final decision")],
    expected: [
      placed("a", ["", "", "", `A final decision is overdue. ${P2}`], 3, "a final decision before the summer holidays"),
      placed("short", ["", "", "", `A final decision is overdue. ${P2}`], 3, "final decision", 1),
    ],
  },

  // Hard characters.
  {
    name: "emoji, flags and combining marks in an edited paragraph",
    edit: "whitespace changed",
    old: [EMOJI_SAMPLE],
    new: [EMOJI_EDITED],
    annotations: [annotate("thumb", [EMOJI_SAMPLE], 0, "👍🏽"), annotate("flag", [EMOJI_SAMPLE], 0, "🇺🇦"), annotate("coders", [EMOJI_SAMPLE], 0, "👩\u200d💻 coders and cafe\u0301"), annotate("cafe", [EMOJI_SAMPLE], 0, "cafe\u0301 owners")],
    expected: [
      placed("thumb", [EMOJI_EDITED], 0, "👍🏽"),
      placed("flag", [EMOJI_EDITED], 0, "🇺🇦"),
      placed("coders", [EMOJI_EDITED], 0, "👩\u200d💻 coders  and cafe\u0301"),
      placed("cafe", [EMOJI_EDITED], 0, "cafe\u0301 owners"),
    ],
  },
  {
    name: "RTL paragraphs (Arabic, Hebrew) edited before the quote",
    edit: "typos elsewhere",
    old: [AR_SAMPLE, HE_SAMPLE],
    new: [AR_EDITED, HE_EDITED],
    annotations: [annotate("ar", [AR_SAMPLE], 0, "في القاهرة"), annotate("he", [AR_SAMPLE, HE_SAMPLE], 1, "בירושלים")],
    expected: [placed("ar", [AR_EDITED], 0, "في القاهرة"), placed("he", [AR_EDITED, HE_EDITED], 1, "בירושלים")],
  },

  // Offsets that no longer describe the old text: only the quote is left.
  {
    name: "stale offsets in an unchanged paragraph are repaired from the quote",
    edit: "stale offsets",
    old: OLD,
    new: OLD,
    annotations: [{ ...annotate("a", OLD, 2, "final decision"), start: 0, end: 14 }],
    expected: [placed("a", OLD, 2, "final decision")],
  },
  {
    name: "unknown old paragraph index: searched everywhere",
    edit: "stale offsets",
    old: OLD,
    new: OLD,
    annotations: [
      { ...annotate("far", OLD, 3, "Construction is expected to start next spring"), paragraphIndex: 99 },
      { ...annotate("negative", OLD, 0, "The city council met on Tuesday"), paragraphIndex: -1 },
      { ...annotate("fraction", OLD, 2, "The mayor promised a final decision"), paragraphIndex: 1.5 },
      { ...annotate("nan", OLD, 1, "cat shelter near the river"), paragraphIndex: Number.NaN },
    ],
    expected: [
      placed("far", OLD, 3, "Construction is expected to start next spring"),
      placed("negative", OLD, 0, "The city council met on Tuesday"),
      placed("fraction", OLD, 2, "The mayor promised a final decision"),
      placed("nan", OLD, 1, "cat shelter near the river"),
    ],
  },
];
