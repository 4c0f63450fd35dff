import { createHash } from "node:crypto";

import type { ParsedParagraph } from "./types";

/*
 * Characters removed outright. C0/C1 controls (except tab, LF and the other whitespace
 * controls, which become spaces), zero-width space, word joiner, BOM/ZWNBSP and the soft
 * hyphen are invisible but break search, hashing and annotation offsets. Bidi embeddings
 * and overrides (U+202A–U+202E) are removed because an unterminated one flips the rendering
 * of everything after it. ZWJ/ZWNJ are kept: they change spelling in Persian and Indic
 * scripts and form emoji sequences.
 */
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B\u202A-\u202E\u2060\uFEFF]/g;

/*
 * Horizontal whitespace (JavaScript's \s without the line feed). A lone no-break space is
 * kept because French and Russian typography rely on it (« citation », 5 000 km); any other
 * run collapses to one ordinary space.
 */
const HORIZONTAL_SPACE = /[^\S\n]+/g;
const NO_BREAK_SPACES = new Set(["\u00A0", "\u202F"]);

/**
 * Cleans characters without touching layout: removes the BOM and invisible control
 * characters, unifies line endings to LF and composes to NFC. Used on Markdown before
 * parsing, where indentation and trailing spaces are syntax.
 */
export function cleanCharacters(input: string): string {
  return input
    .replace(/\r\n?/g, "\n")
    .replace(/\u2028/g, "\n")
    .replace(/\u2029/g, "\n\n")
    .replace(INVISIBLE, "")
    .normalize("NFC");
}

/**
 * Normalizes user-supplied text so that equal-looking articles are byte-identical:
 * strips the BOM, converts CRLF/CR to LF, composes to NFC, removes zero-width and control
 * characters (except `\n`), collapses runs of spaces/tabs to one space, trims every line
 * and trims the whole text.
 */
export function normalizeText(input: string): string {
  if (isNormalText(input)) return input;
  return cleanCharacters(input)
    .replace(HORIZONTAL_SPACE, (run) => (NO_BREAK_SPACES.has(run) ? run : " "))
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

/*
 * Anything normalizeText would change: a character it removes or turns into a line break,
 * whitespace other than a lone space or line feed (a tab, a no-break space, a run), a space
 * at the start or end of a line, whitespace at either end of the text.
 */
const NOT_NORMAL = /[\r\u2028\u2029\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u200B\u202A-\u202E\u2060\uFEFF]|[^\S\n ]|  | \n|\n |^\s|\s$/;

/**
 * Whether normalizeText would return `input` unchanged. A bulk import normalizes each
 * paragraph several times (parsing, the title check, the content hash), and the check, one
 * scan without allocating, is several times cheaper than redoing the work on text that is
 * already clean. A false "no" only costs the full work.
 */
function isNormalText(input: string): boolean {
  return !NOT_NORMAL.test(input) && input.normalize("NFC") === input;
}

/** {@link normalizeText}, then joins all lines with single spaces (for titles and paragraphs). */
export function normalizeInline(input: string): string {
  return normalizeText(input).replace(/\n+/g, " ");
}

/**
 * For preformatted blocks (`<pre>`, fenced code, poetry): like {@link normalizeText} but keeps
 * each line's indentation and inner spacing, only dropping trailing spaces and blank lines
 * at the start and end.
 */
export function normalizePreformatted(input: string): string {
  return cleanCharacters(input)
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

// Characters that never occur in real text but fill binary files decoded as text.
const BINARY_NOISE = /[\u0001-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/g;
const BINARY_SAMPLE_CHARS = 64 * 1024;
const BINARY_NOISE_SHARE = 0.1;

/**
 * Guesses whether `input` is a binary file (image, PDF, archive, wrongly decoded document)
 * rather than text: any NUL character, or more than 10% control/replacement characters in
 * the first 64K characters.
 */
export function looksBinary(input: string): boolean {
  if (input.includes("\u0000")) return true;
  const sample = input.slice(0, BINARY_SAMPLE_CHARS);
  if (sample.length === 0) return false;
  const noise = sample.match(BINARY_NOISE)?.length ?? 0;
  return noise / sample.length > BINARY_NOISE_SHARE;
}

/*
 * UTF-8 Cyrillic read as Windows-1251: every letter becomes "Р" or "С" followed by what
 * the UTF-8 continuation byte (0x80–0xBF) means in Windows-1251 ("Россия" → "Р РѕСЃСЃРёСЏ").
 */
const UTF8_AS_CP1251 =
  /[РС][\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021\u20AC\u2030\u0409\u2039\u040A\u040C\u040B\u040F\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u2122\u0459\u203A\u045A\u045C\u045B\u045F\u00A0\u040E\u045E\u0408\u00A4\u0490\u00A6\u00A7\u0401\u00A9\u0404\u00AB\u00AC\u00AD\u00AE\u0407\u00B0\u00B1\u0406\u0456\u0491\u00B5\u00B6\u00B7\u0451\u2116\u0454\u00BB\u0458\u0405\u0455\u0457]/g;

/*
 * UTF-8 read as Latin-1/Windows-1252: a lead byte shown as "Ã", "Ð", "â"… followed by a
 * continuation byte shown as a Latin-1 symbol or a Windows-1252 punctuation mark
 * ("été" → "Ã©tÃ©", "’" → "â€™").
 */
const UTF8_AS_LATIN1 =
  /[\u00C2-\u00EF][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/g;

/*
 * Windows-1251 read as Latin-1: Cyrillic letters land on U+00C0–U+00FF, producing long runs
 * of accented letters ("Россия" → "Ðîññèÿ"). Real European words have at most two or three
 * such letters in a row.
 */
const CP1251_AS_LATIN1 = /[\u00C0-\u00FF]{4,}/g;

const countMatches = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;
// `search` ignores the global flag and lastIndex: a scan that stops at the first match and allocates nothing.
const contains = (text: string, pattern: RegExp): boolean => text.search(pattern) !== -1;

/**
 * Detects text that was decoded with the wrong character encoding: Windows-1251 read as
 * Latin-1 ("Ðîññèÿ"), UTF-8 read as Windows-1251 ("Р РѕСЃСЃРёСЏ") or as Latin-1
 * ("Ã©tÃ©"), or bytes that were not valid UTF-8 at all (U+FFFD replacement characters).
 * Thresholds are relative to the number of letters so that an occasional legitimate
 * sequence (e.g. "СССР»") does not trigger it.
 */
export function looksMojibake(input: string): boolean {
  if (input.includes("\uFFFD")) return true;
  // Clean text has none of the three patterns; counting letters (an array of every match) is
  // only worth it when one is there, and a bulk import checks every article.
  if (!contains(input, UTF8_AS_CP1251) && !contains(input, UTF8_AS_LATIN1) && !contains(input, CP1251_AS_LATIN1)) return false;
  const letters = countMatches(input, /\p{L}/gu);
  if (letters === 0) return false;

  const cyrillic = countMatches(input, /\p{Script=Cyrillic}/gu);
  const cp1251Pairs = countMatches(input, UTF8_AS_CP1251);
  if (cp1251Pairs >= 2 && cp1251Pairs / Math.max(cyrillic, 1) >= 0.2) return true;

  const latin1Pairs = countMatches(input, UTF8_AS_LATIN1);
  if (latin1Pairs >= 2 && latin1Pairs / letters >= 0.01) return true;

  const latin1Runs = input.match(CP1251_AS_LATIN1) ?? [];
  const runChars = latin1Runs.reduce((sum, run) => sum + run.length, 0);
  return runChars > 0 && runChars / letters >= 0.3;
}

/**
 * SHA-256 (hex) of the article's normalized title and paragraph texts. Paragraph kinds are
 * deliberately left out so the same article imported as Markdown and as plain text yields
 * the same hash, which is what duplicate detection needs.
 */
export function contentHash(article: { title: string; paragraphs: ParsedParagraph[] }): string {
  // NUL cannot survive normalization, so it is an unambiguous separator.
  const parts = [article.title, ...article.paragraphs.map((p) => p.text)].map(normalizeInline);
  return createHash("sha256").update(parts.join("\u0000"), "utf8").digest("hex");
}

// Russian, Ukrainian and Belarusian letters; a simple, readable scheme close to ICAO/BGN.
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i",
  й: "y", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t",
  у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "",
  э: "e", ю: "yu", я: "ya", є: "ye", і: "i", ї: "yi", ґ: "g", ў: "u",
};

const MAX_SLUG_LENGTH = 80;

/**
 * Builds a URL-safe slug: Cyrillic transliterated to Latin, other accents stripped,
 * lowercase ASCII letters and digits separated by single hyphens, at most 80 characters
 * (cut at a hyphen when possible). Never empty: falls back to "article" (e.g. for titles
 * in Arabic or Chinese, which have no transliteration table here).
 */
export function slugify(title: string): string {
  const latin = Array.from(title.normalize("NFC").toLowerCase(), (ch) => CYRILLIC_TO_LATIN[ch] ?? ch)
    .join("")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  let slug = latin.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const lastHyphen = cut.lastIndexOf("-");
    slug = (lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, "");
  }
  return slug || "article";
}
