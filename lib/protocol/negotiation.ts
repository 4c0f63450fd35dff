import { ANNO_CONTEXT, ANNO_MEDIA_TYPE } from "@/lib/annotations/w3c";

/**
 * Content negotiation for the Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/):
 * JSON-LD with the Web Annotation profile is the default and what `*\/*` gets; plain
 * `application/json` is offered to clients that ask for it (the same document). A request that
 * accepts neither answers 406. Pure.
 */

export type Representation = "jsonld" | "json";

/** The Content-Type each representation is answered with. */
export const CONTENT_TYPE: Record<Representation, string> = { jsonld: ANNO_MEDIA_TYPE, json: "application/json" };

interface MediaRange {
  type: string;
  subtype: string;
  params: Map<string, string>;
  q: number;
}

/** Splits a header on `sep` outside double quotes. */
export function splitOutsideQuotes(value: string, sep: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '"' && value[i - 1] !== "\\") quoted = !quoted;
    if (char === sep && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** `name=value` parameters (value unquoted), names lower-cased. */
export function parseParams(parts: string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq < 0) {
      params.set(part.trim().toLowerCase(), "");
      continue;
    }
    const raw = part.slice(eq + 1).trim();
    params.set(part.slice(0, eq).trim().toLowerCase(), raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw);
  }
  return params;
}

function parseAccept(header: string): MediaRange[] {
  return splitOutsideQuotes(header, ",").flatMap((entry) => {
    const [range, ...rest] = splitOutsideQuotes(entry, ";");
    const [type, subtype] = (range ?? "").toLowerCase().split("/");
    if (!type || !subtype) return [];
    const params = parseParams(rest);
    const q = params.has("q") ? Number(params.get("q")) : 1;
    params.delete("q");
    return [{ type, subtype, params, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 }];
  });
}

/** How well a range matches a representation: its specificity (higher wins), or -1 for no match. */
function specificity(range: MediaRange, representation: Representation): number {
  if (range.type === "*" && range.subtype === "*") return 0;
  if (range.type !== "application") return -1;
  if (range.subtype === "*") return 1;
  if (representation === "json") return range.subtype === "json" ? 2 : -1;
  if (range.subtype !== "ld+json") return -1;
  const profile = range.params.get("profile");
  if (profile === undefined) return 2;
  // A profile parameter is a space-separated list of IRIs: ours must be among them.
  return profile.split(/\s+/).includes(ANNO_CONTEXT) ? 3 : -1;
}

/**
 * The representation to answer with, or null when the Accept header allows none of them (406).
 * No header, or an empty one, means anything. The most specific matching range gives each
 * representation its quality; the better quality wins, JSON-LD on a tie.
 */
export function negotiate(accept: string | null): Representation | null {
  if (accept === null || accept.trim() === "") return "jsonld";
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return "jsonld";
  const quality = (representation: Representation) => {
    let best = { specificity: -1, q: 0 };
    for (const range of ranges) {
      const s = specificity(range, representation);
      if (s > best.specificity) best = { specificity: s, q: range.q };
    }
    return best.q;
  };
  const jsonld = quality("jsonld");
  const json = quality("json");
  if (jsonld <= 0 && json <= 0) return null;
  return json > jsonld ? "json" : "jsonld";
}
