import { describe, expect, it } from "vitest";

// Imported from the module, not the index, so these tests do not load the language model.
import { contentHash, looksBinary, looksMojibake, normalizeText, slugify } from "./normalize";

describe("normalizeText", () => {
  it.each([
    ["strips a BOM", "\uFEFFabc", "abc"],
    ["converts CRLF and CR to LF", "a\r\nb\rc", "a\nb\nc"],
    ["composes to NFC", "e\u0301 и\u0306", "é й"],
    ["collapses runs of spaces and tabs", "a  \t b\t\tc", "a b c"],
    ["trims every line and the whole text", "\n\n  a  \n\t b \n\n", "a\nb"],
    ["keeps blank lines between paragraphs", "a\n\n\nb", "a\n\n\nb"],
    ["removes zero-width and control characters", "a\u200Bb\u2060c\u0000d\u0007e\u009Bf\u00ADg", "abcdefg"],
    ["removes bidi overrides but keeps ZWJ and ZWNJ", "a\u202Eb\u202C c\u200Dd\u200Ce", "ab c\u200Dd\u200Ce"],
    ["keeps a lone no-break space", "«\u00A0mot\u00A0»", "«\u00A0mot\u00A0»"],
    ["collapses a run including no-break spaces", "a \u00A0 b", "a b"],
    ["turns Unicode line separators into newlines", "a\u2028b\u2029c", "a\nb\n\nc"],
    ["returns empty for whitespace only", " \t\n \u200B ", ""],
    // Text that is one change away from clean: the quick "already normal" check must send each to the full work.
    ["collapses a double space alone", "a  b", "a b"],
    ["trims a space before a line break", "a \nb", "a\nb"],
    ["trims a space after a line break", "a\n b", "a\nb"],
    ["trims a trailing line break", "a b\n", "a b"],
    ["trims a leading space", " a b", "a b"],
    ["turns a lone tab into a space", "a\tb", "a b"],
    ["composes an otherwise clean line", "Cafe\u0301 ouvert", "Café ouvert"],
    ["removes a lone soft hyphen", "co\u00ADop", "coop"],
    ["keeps clean text as it is", "Президент заявил.\n\nThe «union» said: 5\u00A0000 km", "Президент заявил.\n\nThe «union» said: 5\u00A0000 km"],
  ])("%s", (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("looksBinary", () => {
  it.each([
    ["NUL bytes", "GIF89a\u0000\u0001", true],
    ["PNG header read as text", "\uFFFDPNG\r\n\u001A\n\u0000\u0000\u0000\rIHDR", true],
    ["mostly replacement characters", "\uFFFD\uFFFD\uFFFD\uFFFD abc", true],
    ["plain text", "Hello, world.\n\nSecond paragraph.", false],
    ["Russian text with tabs", "Привет,\tмир!\r\n", false],
    ["one stray replacement character in prose", `${"Some ordinary sentence. ".repeat(10)}\uFFFD`, false],
    ["empty", "", false],
  ])("%s → %s", (_name, input, expected) => {
    expect(looksBinary(input)).toBe(expected);
  });
});

describe("looksMojibake", () => {
  it.each([
    ["Windows-1251 read as Latin-1", "Ðîññèÿ è Ãðóçèÿ", true],
    ["a single such word", "Ðîññèÿ", true],
    ["UTF-8 read as Windows-1251", "Р РѕСЃСЃРёСЏ Рё Р“СЂСѓР·РёСЏ", true],
    ["UTF-8 read as Windows-1251, with no-break spaces", "Р\u00A0РѕСЃСЃРёСЏ", true],
    ["UTF-8 read as Latin-1 (Russian)", "Ð Ð¾Ñ\u0081Ñ\u0081Ð¸Ñ\u008F", true],
    ["UTF-8 read as Windows-1252 (French)", "Ã‰tÃ© Ã  Paris, câ€™est trÃ¨s chaud.", true],
    ["undecodable bytes", "Bonjour \uFFFD le monde", true],
    ["Russian", "Россия и Грузия, СССР» и «ЦРУ»", false],
    ["Ukrainian", "Україна і Київ, ґанок, єдність, їжак", false],
    ["French", "L'été à Paris, où l'on mange des crêpes « à volonté ».", false],
    ["German", "Größere Übungen für Bürger in Düsseldorf.", false],
    ["Spanish", "¿Qué pasó? El niño comió piñata en Cádiz.", false],
    ["no letters", "12 345 — 67%", false],
  ])("%s → %s", (_name, input, expected) => {
    expect(looksMojibake(input)).toBe(expected);
  });
});

describe("slugify", () => {
  it.each([
    ["“Альянс Патриотов Грузии” попросил помощи у Путина", "alyans-patriotov-gruzii-poprosil-pomoshchi-u-putina"],
    ["Щедрый Ёжик съел объедки", "shchedryy-yozhik-sel-obedki"],
    ["Їжак і ґанок: Україна", "yizhak-i-ganok-ukrayina"],
    ["Crème Brûlée — Café Déjà Vu!", "creme-brulee-cafe-deja-vu"],
    ["  Hello,   World  ", "hello-world"],
    ["2024: Year in Review", "2024-year-in-review"],
    ["أعلنت الحكومة", "article"],
    ["", "article"],
    ["!!!", "article"],
  ])("%j → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("caps the length at 80 characters on a word boundary", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(word-)*word$/);
    expect(slugify("x".repeat(200))).toBe("x".repeat(80));
  });
});

describe("contentHash", () => {
  const article = { title: "Title", paragraphs: [{ kind: "PARAGRAPH" as const, text: "One." }, { kind: "PARAGRAPH" as const, text: "Two." }] };

  it("is a stable SHA-256 hex digest", () => {
    expect(contentHash(article)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(article)).toBe(contentHash(structuredClone(article)));
  });

  it("ignores whitespace, Unicode composition and paragraph kinds", () => {
    const variant = {
      title: " Title ",
      paragraphs: [{ kind: "LIST_ITEM" as const, text: "One.\u200B" }, { kind: "BLOCKQUOTE" as const, text: "Two.  " }],
    };
    expect(contentHash(variant)).toBe(contentHash(article));
  });

  it.each([
    ["a changed title", { ...article, title: "Other" }],
    ["a changed paragraph", { ...article, paragraphs: [...article.paragraphs.slice(0, 1), { kind: "PARAGRAPH" as const, text: "Three." }] }],
    ["a different split", { ...article, paragraphs: [{ kind: "PARAGRAPH" as const, text: "One. Two." }] }],
    ["text moved between title and body", { title: "Title One.", paragraphs: [{ kind: "PARAGRAPH" as const, text: "Two." }] }],
  ])("changes with %s", (_name, changed) => {
    expect(contentHash(changed)).not.toBe(contentHash(article));
  });
});
