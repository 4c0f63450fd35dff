/*
 * Character encodings of imported files: strict UTF-8 first, then a guess among the single-byte
 * encodings Russian and Western texts are still saved in, and repair of text that was decoded
 * with the wrong encoding somewhere upstream ("Р РѕСЃСЃРёСЏ", "Ðîññèÿ"). Pure: no I/O.
 */
import { looksMojibake } from "@/lib/importing";
import { ENCODING_IDS, ENCODING_LABELS, REPAIR_IDS, type EncodingId, type RepairId } from "@/lib/validations/import";

export { ENCODING_IDS, ENCODING_LABELS, REPAIR_IDS, type EncodingId, type RepairId };

const SINGLE_BYTE_CANDIDATES: EncodingId[] = ["windows-1251", "koi8-r", "ibm866", "iso-8859-5", "windows-1252", "iso-8859-2"];

/** Repairs for text that was already decoded wrongly; labels say what happened. */
export const REPAIRS = {
  "utf8-as-cp1251": { label: "UTF-8 text that was read as Windows-1251", from: "windows-1251", to: "utf-8" },
  "cp1251-as-latin1": { label: "Windows-1251 text that was read as Latin-1", from: "windows-1252", to: "windows-1251" },
  "utf8-as-latin1": { label: "UTF-8 text that was read as Latin-1", from: "windows-1252", to: "utf-8" },
  "koi8-as-cp1251": { label: "KOI8-R text that was read as Windows-1251", from: "windows-1251", to: "koi8-r" },
} as const satisfies Record<RepairId, { label: string; from: EncodingId; to: EncodingId }>;

export interface EncodingSuggestion {
  encoding: EncodingId;
  label: string;
  /** The beginning of the text in that encoding, so the admin can judge. */
  sample: string;
}

export type DecodeResult =
  | { ok: true; text: string; encoding: EncodingId }
  | { ok: false; reason: "binary" }
  | { ok: false; reason: "not-utf8"; suggestion: EncodingSuggestion | null };

const SAMPLE_CHARS = 160;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** NUL bytes (outside UTF-16) or many control bytes: an image, archive, PDF or office file. */
export function bytesLookBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.length === 0) return false;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  return controls / sample.length > 0.05;
}

/** Letters in words that look like real words, minus noise; higher is more plausible text. */
export function plausibility(text: string): number {
  const sample = text.slice(0, 20_000);
  if (!sample) return 0;
  let score = 0;
  score -= 10 * (sample.match(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFD]/g)?.length ?? 0);
  // Box drawing and symbols appear when Cyrillic bytes are read as CP866 or vice versa.
  score -= 3 * (sample.match(/[\u2500-\u259F\u00A4-\u00A6\u00A8\u00AC\u00AF\u00B1-\u00B4\u00B8-\u00BA\u00BC-\u00BE\u00D7\u00F7\u2116]/g)?.length ?? 0);
  for (const word of sample.match(/\p{L}+/gu) ?? []) {
    const latin = /\p{Script=Latin}/u.test(word);
    const cyrillic = /\p{Script=Cyrillic}/u.test(word);
    if (latin && cyrillic) score -= word.length;
    else if (/\p{Ll}\p{Lu}/u.test(word)) score -= word.length / 2; // "пРИВЕТ" case soup
    else score += word.length;
  }
  const cyrillicLetters = sample.match(/\p{Script=Cyrillic}/gu) ?? [];
  if (cyrillicLetters.length > 0) {
    // The ten most frequent Russian letters make up ~60% of running text.
    const common = cyrillicLetters.filter((ch) => "оеаинтсрвлОЕАИНТСРВЛ".includes(ch)).length;
    score += (common / cyrillicLetters.length - 0.4) * cyrillicLetters.length * 2;
  }
  const latinLetters = sample.match(/\p{Script=Latin}/gu) ?? [];
  if (latinLetters.length > 0) {
    const common = latinLetters.filter((ch) => "etaoinsrhldcuETAOINSRHLDCU".includes(ch)).length;
    score += (common / latinLetters.length - 0.4) * latinLetters.length * 2;
  }
  return score / sample.length;
}

function decodeWith(bytes: Uint8Array, encoding: EncodingId): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: false }).decode(bytes);
}

/** The most plausible single-byte decoding of bytes that are not UTF-8, or null if none is convincing. */
export function suggestEncoding(bytes: Uint8Array): EncodingSuggestion | null {
  const sample = bytes.subarray(0, 64 * 1024);
  let best: { encoding: EncodingId; score: number; text: string } | null = null;
  for (const encoding of SINGLE_BYTE_CANDIDATES) {
    const text = decodeWith(sample, encoding);
    const score = plausibility(text);
    if (!best || score > best.score) best = { encoding, score, text };
  }
  if (!best || best.score < 0.3) return null;
  return { encoding: best.encoding, label: ENCODING_LABELS[best.encoding], sample: sampleOf(best.text) };
}

function sampleOf(text: string): string {
  const line = text.replace(/^\uFEFF/, "").trim().split(/\n/)[0] ?? "";
  return line.length > SAMPLE_CHARS ? `${line.slice(0, SAMPLE_CHARS)}…` : line;
}

/**
 * Decodes an uploaded file. With `encoding` given, uses it. Otherwise honours a BOM, then
 * requires valid UTF-8: anything else is reported as "not-utf8" with the most plausible
 * single-byte encoding to offer the admin, or as "binary" when it is not text at all.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: EncodingId): DecodeResult {
  if (encoding) return { ok: true, text: decodeWith(bytes, encoding).replace(/^\uFEFF/, ""), encoding };
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: decodeWith(bytes, "utf-16le").replace(/^\uFEFF/, ""), encoding: "utf-16le" };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: decodeWith(bytes, "utf-16be").replace(/^\uFEFF/, ""), encoding: "utf-16be" };
  if (bytesLookBinary(bytes)) return { ok: false, reason: "binary" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, encoding: "utf-8" };
  } catch {
    return { ok: false, reason: "not-utf8", suggestion: suggestEncoding(bytes) };
  }
}

const reverseTables = new Map<EncodingId, Map<string, number>>();

/** Encodes text in a single-byte encoding, or returns null if a character has no byte there. */
function encodeSingleByte(text: string, encoding: EncodingId): Uint8Array | null {
  let table = reverseTables.get(encoding);
  if (!table) {
    table = new Map();
    const decoded = new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    Array.from(decoded).forEach((ch, byte) => {
      if (ch !== "\uFFFD" && !table!.has(ch)) table!.set(ch, byte);
    });
    reverseTables.set(encoding, table);
  }
  const bytes = new Uint8Array(text.length);
  let length = 0;
  for (const ch of text) {
    const byte = table.get(ch);
    if (byte === undefined) return null;
    bytes[length++] = byte;
  }
  return bytes.subarray(0, length);
}

/** Undoes one wrong decoding; null when the text cannot have come about that way. */
export function applyRepair(text: string, repair: RepairId): string | null {
  const { from, to } = REPAIRS[repair];
  const bytes = encodeSingleByte(text, from);
  if (!bytes) return null;
  try {
    return new TextDecoder(to, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export interface RepairSuggestion {
  repair: RepairId;
  label: string;
  sample: string;
}

/**
 * For text that looks garbled (see looksMojibake), the repair that turns it into plausible
 * text, with a sample of the result; null when the text looks fine or nothing helps (for
 * example U+FFFD replacement characters: the original letters are lost).
 */
export function suggestRepair(text: string): RepairSuggestion | null {
  if (!looksMojibake(text) || text.includes("\uFFFD")) return null;
  const before = plausibility(text);
  let best: (RepairSuggestion & { score: number }) | null = null;
  for (const repair of REPAIR_IDS) {
    const repaired = applyRepair(text.slice(0, 20_000), repair);
    if (repaired === null || looksMojibake(repaired)) continue;
    const score = plausibility(repaired);
    if (score > before && (!best || score > best.score)) best = { repair, label: REPAIRS[repair].label, sample: sampleOf(repaired), score };
  }
  return best && { repair: best.repair, label: best.label, sample: best.sample };
}
