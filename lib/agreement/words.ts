/**
 * Word boundaries as Intl.Segmenter's word granularity gives them (Unicode UAX #29, as ICU
 * implements it), found by a scan of the text's code units for the scripts news copy is mostly
 * written in (Latin, Cyrillic, digits, the usual punctuation and spaces), and by the segmenter
 * itself for any other text. The segmenter builds an object per segment, spaces and punctuation
 * included; over the fifty articles of an /insights Agreement region that was a third of its time.
 * words.test.ts checks the scan against the segmenter on every character it handles, in every
 * context of the rules, and on real and random texts.
 */

/** Word_Break classes (UAX #29 §4.1) of the characters the scan handles; UNKNOWN: leave the text to the segmenter. */
const enum Break {
  UNKNOWN,
  OTHER,
  NEWLINE,
  LETTER,
  NUMERIC,
  MID_LETTER,
  MID_NUM,
  /** MidNumLet and Single_Quote: they join letters and digits alike (WB6, WB7, WB11, WB12). */
  MID_NUM_LET,
  /** Extend and Format: they belong to the character before them (WB4). */
  EXTEND,
}

/** The classes of U+0000–U+052F (Basic Latin to Cyrillic Supplement): Greek, IPA modifiers and the like stay UNKNOWN. */
const LOW = new Uint8Array(0x530);
/** The classes of U+2000–U+206F (General Punctuation). */
const PUNCTUATION = new Uint8Array(0x70);

function fill(table: Uint8Array, from: number, to: number, value: Break) {
  table.fill(value, from, to + 1);
}

fill(LOW, 0x00, 0x7f, Break.OTHER);
fill(LOW, 0x0a, 0x0d, Break.NEWLINE);
fill(LOW, 0x30, 0x39, Break.NUMERIC);
fill(LOW, 0x41, 0x5a, Break.LETTER);
fill(LOW, 0x61, 0x7a, Break.LETTER);
LOW[0x27] = Break.MID_NUM_LET; // '
LOW[0x2c] = Break.MID_NUM; // ,
LOW[0x2e] = Break.MID_NUM_LET; // .
LOW[0x3a] = Break.MID_LETTER; // :
LOW[0x3b] = Break.MID_NUM; // ;
// Connectors (ExtendNumLet: _, the narrow no-break space, ties) stay UNKNOWN: whether ICU counts a
// stretch with one a word depends on what follows it ("_" no, "__" yes, "1_" yes, "1_" and a
// combining mark no).
LOW[0x5f] = Break.UNKNOWN;
fill(LOW, 0x80, 0xbf, Break.OTHER);
LOW[0x85] = Break.NEWLINE;
LOW[0xaa] = Break.LETTER;
LOW[0xad] = Break.EXTEND; // soft hyphen (Format)
LOW[0xb5] = Break.LETTER;
LOW[0xb7] = Break.MID_LETTER;
LOW[0xb8] = Break.UNKNOWN; // ¸: ICU counts it a letter
LOW[0xba] = Break.LETTER;
fill(LOW, 0xc0, 0x2af, Break.LETTER); // Latin-1 letters to IPA
LOW[0xd7] = Break.OTHER; // ×
LOW[0xf7] = Break.OTHER; // ÷
fill(LOW, 0x300, 0x36f, Break.EXTEND); // combining diacritics (stress marks)
fill(LOW, 0x400, 0x52f, Break.LETTER); // Cyrillic
LOW[0x482] = Break.OTHER; // ҂
fill(LOW, 0x483, 0x489, Break.EXTEND); // Cyrillic combining marks

fill(PUNCTUATION, 0x00, 0x6f, Break.OTHER);
fill(PUNCTUATION, 0x0b, 0x0b, Break.UNKNOWN); // zero width space
fill(PUNCTUATION, 0x0c, 0x0c, Break.EXTEND); // zero width non-joiner
fill(PUNCTUATION, 0x0d, 0x0d, Break.UNKNOWN); // zero width joiner: emoji sequences (WB3c)
fill(PUNCTUATION, 0x0e, 0x0f, Break.EXTEND); // direction marks (Format)
PUNCTUATION[0x18] = Break.MID_NUM_LET; // ‘
PUNCTUATION[0x19] = Break.MID_NUM_LET; // ’
PUNCTUATION[0x24] = Break.MID_NUM_LET; // one dot leader
PUNCTUATION[0x27] = Break.MID_LETTER; // hyphenation point
fill(PUNCTUATION, 0x28, 0x29, Break.NEWLINE);
fill(PUNCTUATION, 0x2a, 0x2e, Break.EXTEND); // embedding controls (Format)
PUNCTUATION[0x2f] = Break.UNKNOWN; // narrow no-break space (a connector)
PUNCTUATION[0x3c] = Break.UNKNOWN; // ‼ (pictographic)
fill(PUNCTUATION, 0x3f, 0x40, Break.UNKNOWN); // undertie, character tie (connectors)
PUNCTUATION[0x44] = Break.MID_NUM; // fraction slash
PUNCTUATION[0x49] = Break.UNKNOWN; // ⁉ (pictographic)
PUNCTUATION[0x54] = Break.UNKNOWN; // inverted undertie (a connector)
fill(PUNCTUATION, 0x60, 0x64, Break.EXTEND); // word joiner, invisible operators (Format)
PUNCTUATION[0x65] = Break.UNKNOWN; // unassigned
fill(PUNCTUATION, 0x66, 0x6f, Break.EXTEND); // isolates, deprecated format characters
// Spaces (WSegSpace and the figure space) break like any other non-word character here.

function classOf(code: number): Break {
  if (code < 0x530) return LOW[code]!;
  if (code >= 0x2000 && code < 0x2070) return PUNCTUATION[code - 0x2000]!;
  // Currency signs, №, the minus sign: symbols that never join a word.
  if ((code >= 0x20a0 && code <= 0x20c0) || code === 0x2116 || code === 0x2212) return Break.OTHER;
  return Break.UNKNOWN;
}

/**
 * The words of `text` (segments Intl.Segmenter marks isWordLike) as [start, end) pairs of UTF-16
 * offsets, flat: [start₀, end₀, start₁, end₁, …]; null when the text holds a character the scan
 * does not handle. Exported for its tests: callers use wordBoundaries.
 */
export function scanWords(text: string): number[] | null {
  const n = text.length;
  const classes = new Uint8Array(n);
  for (let index = 0; index < n; index++) {
    const found = classOf(text.charCodeAt(index));
    if (found === Break.UNKNOWN) return null;
    classes[index] = found;
  }
  /** Past the Extend and Format characters from `index` (WB4). */
  const skipExtend = (index: number) => {
    while (index < n && classes[index] === Break.EXTEND) index++;
    return index;
  };
  const words: number[] = [];
  let index = 0;
  while (index < n) {
    let last = classes[index]!;
    if (last !== Break.LETTER && last !== Break.NUMERIC) {
      index++;
      continue;
    }
    const start = index;
    index = skipExtend(index + 1);
    while (index < n) {
      const next = classes[index]!;
      // WB5, WB8–WB10: letters and digits join one another.
      if (next === Break.LETTER || next === Break.NUMERIC) {
        last = next;
        index = skipExtend(index + 1);
        continue;
      }
      if (next !== Break.MID_LETTER && next !== Break.MID_NUM && next !== Break.MID_NUM_LET) break;
      const after = skipExtend(index + 1);
      if (after >= n) break;
      const then = classes[after]!;
      // WB6, WB7: a letter, a mid-letter or mid-number-letter, a letter (e.g. "U.S", "don't").
      const letters = last === Break.LETTER && then === Break.LETTER && next !== Break.MID_NUM;
      // WB11, WB12: a digit, a mid-number or mid-number-letter, a digit (e.g. "3.14", "1,000").
      const digits = last === Break.NUMERIC && then === Break.NUMERIC && next !== Break.MID_LETTER;
      if (!letters && !digits) break;
      last = then;
      index = skipExtend(after + 1);
    }
    words.push(start, index);
  }
  return words;
}

/** What a probe of each rule the scan implements gives, per locale: whether the segmenter follows the root rules the scan implements (a locale may tailor them, e.g. en-US-u-va-posix keeps "a.b" apart). */
const PROBE = "U.S.A. don't l’homme a:b a·b 3.14 1,000 1;2 1\u20442 a1b 1a x\u00ADy e\u0301t «Путин» — «ТАСС»: 2025 г.";
const agreesWith = new Map<string, boolean>();

function scanAgreesWith(segmenter: Intl.Segmenter): boolean {
  const locale = segmenter.resolvedOptions().locale;
  let agrees = agreesWith.get(locale);
  if (agrees === undefined) {
    agrees = JSON.stringify(scanWords(PROBE)) === JSON.stringify(segmentWords(PROBE, segmenter));
    agreesWith.set(locale, agrees);
  }
  return agrees;
}

/** The segmenter's words of `text`, in the scan's form. */
export function segmentWords(text: string, segmenter: Intl.Segmenter): number[] {
  const words: number[] = [];
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words.push(segment.index, segment.index + segment.segment.length);
  return words;
}

/**
 * The words of `text` by `segmenter` (a word-granularity Intl.Segmenter): the segments it marks
 * isWordLike, as flat [start, end) pairs of UTF-16 offsets. The same result as asking it, faster
 * for Latin and Cyrillic text.
 */
export function wordBoundaries(text: string, segmenter: Intl.Segmenter): number[] {
  return (scanAgreesWith(segmenter) ? scanWords(text) : null) ?? segmentWords(text, segmenter);
}
