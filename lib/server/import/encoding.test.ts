import { describe, expect, test } from "vitest";
import { applyRepair, bytesLookBinary, decodeBytes, suggestEncoding, suggestRepair } from "./encoding";

const RUSSIAN = "Власти России разделяют озабоченность нынешним состоянием двусторонних связей с Грузией и призыв к их улучшению. Об этом ТАСС сообщила в пятницу пресс-служба Кремля.";
const FRENCH = "L'été dernier, nous sommes allés à la plage. Les élèves ont déjà commencé leurs études à Genève.";

/** Encodes text in a single-byte encoding via the decoder's own table. */
function encode(text: string, encoding: string): Uint8Array {
  const table = new Map<string, number>();
  Array.from(new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, i) => i))).forEach((ch, byte) => {
    if (!table.has(ch)) table.set(ch, byte);
  });
  return Uint8Array.from(Array.from(text), (ch) => table.get(ch) ?? 0x3f);
}

describe("decodeBytes", () => {
  test("UTF-8 with and without BOM", () => {
    expect(decodeBytes(new TextEncoder().encode(RUSSIAN))).toEqual({ ok: true, text: RUSSIAN, encoding: "utf-8" });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Привет")]);
    expect(decodeBytes(withBom)).toMatchObject({ ok: true, text: "Привет" });
  });

  test("UTF-16 with a BOM", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from("Мир 🌍").flatMap((ch) => {
      const units = [];
      for (let i = 0; i < ch.length; i++) units.push(ch.charCodeAt(i) & 0xff, ch.charCodeAt(i) >> 8);
      return units;
    })]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: "Мир 🌍", encoding: "utf-16le" });
  });

  test.each([
    ["windows-1251", RUSSIAN],
    ["koi8-r", RUSSIAN],
    ["ibm866", RUSSIAN],
    ["iso-8859-5", RUSSIAN],
    ["windows-1252", FRENCH],
  ])("%s bytes are not UTF-8, and the right encoding is offered", (encoding, text) => {
    const result = decodeBytes(encode(text, encoding));
    expect(result).toMatchObject({ ok: false, reason: "not-utf8", suggestion: { encoding } });
    if (!result.ok && result.reason === "not-utf8") expect(text).toContain(result.suggestion!.sample.replace(/…$/, ""));
  });

  test("an explicit encoding is used as is", () => {
    expect(decodeBytes(encode(RUSSIAN, "windows-1251"), "windows-1251")).toEqual({ ok: true, text: RUSSIAN, encoding: "windows-1251" });
  });

  test("binary files are recognised", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeBytes(png)).toEqual({ ok: false, reason: "binary" });
    expect(bytesLookBinary(new TextEncoder().encode("plain\ttext\r\n"))).toBe(false);
    expect(bytesLookBinary(new Uint8Array())).toBe(false);
  });

  test("bytes that are not text in any candidate encoding get no suggestion", () => {
    // C1 controls in Windows-1252, box drawing in CP866, case soup in the Cyrillic encodings.
    const noise = Uint8Array.from({ length: 400 }, (_, i) => [0x81, 0x8d, 0xb0, 0xb1, 0xb2, 0xdb, 0xdc, 0xdf][i % 8]!);
    expect(suggestEncoding(noise)).toBeNull();
  });
});

describe("suggestRepair / applyRepair", () => {
  test("UTF-8 read as Windows-1251 (“Р’Р»Р°СЃС‚Рё”)", () => {
    const garbled = new TextDecoder("windows-1251").decode(new TextEncoder().encode(RUSSIAN));
    const suggestion = suggestRepair(garbled);
    expect(suggestion?.repair).toBe("utf8-as-cp1251");
    expect(applyRepair(garbled, "utf8-as-cp1251")).toBe(RUSSIAN);
  });

  test("Windows-1251 read as Latin-1 (“Âëàñòè”)", () => {
    const garbled = new TextDecoder("windows-1252").decode(encode(RUSSIAN, "windows-1251"));
    expect(suggestRepair(garbled)?.repair).toBe("cp1251-as-latin1");
    expect(applyRepair(garbled, "cp1251-as-latin1")).toBe(RUSSIAN);
  });

  test("UTF-8 read as Latin-1 (“Ã©tÃ©”)", () => {
    const garbled = new TextDecoder("windows-1252").decode(new TextEncoder().encode(FRENCH));
    expect(suggestRepair(garbled)?.repair).toBe("utf8-as-latin1");
    expect(applyRepair(garbled, "utf8-as-latin1")).toBe(FRENCH);
  });

  test("clean text gets no suggestion; lost characters cannot be repaired", () => {
    expect(suggestRepair(RUSSIAN)).toBeNull();
    expect(suggestRepair(FRENCH)).toBeNull();
    expect(suggestRepair("Вл\uFFFD\uFFFDсти Р\uFFFDссии")).toBeNull();
  });

  test("a repair that does not fit returns null", () => {
    expect(applyRepair("日本語", "utf8-as-cp1251")).toBeNull();
    expect(applyRepair(RUSSIAN, "utf8-as-latin1")).toBeNull();
  });
});
