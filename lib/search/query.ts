/**
 * The search box's query language, Hypothesis-style: words, "quoted phrases"
 * (also «…» and “…”), -word or -"phrase" to exclude, and filters written as
 * operator:value (entity:"Ирина Соболева", type:person, said:Песков,
 * user:anna, colour:pink, has:note, lang:ru, after:2026-01-01, before:…).
 * Pure: it never throws; a bad filter value becomes an entry in `errors`
 * and is left out of `filters`, and an unknown `foo:bar` is ordinary words.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from "@/lib/annotations/kinds";

/** Longer queries are cut here (and say so in `errors`): nobody types more, and parsing stays cheap. */
export const MAX_QUERY_LENGTH = 1_000;
/** Words and phrases beyond this many are dropped (with an error): each costs an index lookup. */
export const MAX_TERMS = 32;

export const HAS_VALUES = ["note", "highlight", "entity", "quote"] as const;
export type HasValue = (typeof HAS_VALUES)[number];

/** A word or phrase to find (or, when `exclude`, to not find), as typed. */
export interface SearchTerm {
  kind: "word" | "phrase";
  text: string;
  exclude: boolean;
}

/** Filters from operators. Repeated operators of one kind all apply (AND); dates keep the last. */
export interface SearchFilters {
  entities: string[];
  /** Entity type keys or labels as typed, lower-cased (resolving person → PER is the caller's). */
  types: string[];
  speakers: string[];
  users: string[];
  colours: HighlightColor[];
  has: HasValue[];
  languages: string[];
  /** Inclusive lower bound, YYYY-MM-DD. */
  after?: string;
  /** Exclusive upper bound, YYYY-MM-DD. */
  before?: string;
}

export interface QueryError {
  /** The operator concerned, when the error is about one. */
  operator?: string;
  message: string;
}

/** A filter as written in the query, where it is (offsets into the query as typed): what a chip shows and removes. */
export interface FilterToken {
  /** The operator's canonical name (color: is colour). */
  operator: Operator;
  value: string;
  start: number;
  end: number;
}

export interface ParsedSearchQuery {
  terms: SearchTerm[];
  filters: SearchFilters;
  /** The filters that applied, in the order written (not those with an error). */
  filterTokens: FilterToken[];
  errors: QueryError[];
}

export type Operator = "entity" | "type" | "said" | "user" | "colour" | "has" | "lang" | "after" | "before";
const OPERATORS: Record<string, Operator> = {
  entity: "entity",
  type: "type",
  said: "said",
  user: "user",
  colour: "colour",
  color: "colour",
  has: "has",
  lang: "lang",
  after: "after",
  before: "before",
};

const OPENING_QUOTES = "\"“«„";
const CLOSING_QUOTES = "\"”»“";
const WHITESPACE = /\s/u;
const OPERATOR_PREFIX = /^([A-Za-z]+):/;
const LANGUAGE = /^[a-z]{2,3}$/;
const TYPE = /^[\p{L}\p{N}_-]{1,40}$/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a search box query into terms, filters and the errors to show beside it. */
export function parseSearchQuery(input: string): ParsedSearchQuery {
  const errors: QueryError[] = [];
  let text = input;
  if (text.length > MAX_QUERY_LENGTH) {
    errors.push({ message: `The query is longer than ${MAX_QUERY_LENGTH} characters; the rest was ignored.` });
    // Never cut a surrogate pair in half.
    const end = /[\uD800-\uDBFF]/.test(text[MAX_QUERY_LENGTH - 1]!) ? MAX_QUERY_LENGTH - 1 : MAX_QUERY_LENGTH;
    text = text.slice(0, end);
  }
  const terms: SearchTerm[] = [];
  const filters: SearchFilters = { entities: [], types: [], speakers: [], users: [], colours: [], has: [], languages: [] };
  const filterTokens: FilterToken[] = [];
  let droppedTerms = 0;
  const addTerm = (term: SearchTerm) => {
    if (!/[\p{L}\p{N}]/u.test(term.text)) return;
    if (terms.length < MAX_TERMS) terms.push(term);
    else droppedTerms++;
  };

  let index = 0;
  while (index < text.length) {
    if (WHITESPACE.test(text[index]!)) {
      index++;
      continue;
    }
    const exclude = text[index] === "-" && index + 1 < text.length && !WHITESPACE.test(text[index + 1]!);
    const start = exclude ? index + 1 : index;
    if (OPENING_QUOTES.includes(text[start]!)) {
      const quoted = readQuoted(text, start);
      addTerm({ kind: "phrase", text: quoted.value.trim(), exclude });
      index = quoted.end;
      continue;
    }
    const prefix = OPERATOR_PREFIX.exec(text.slice(start, start + 12));
    const operator = prefix ? OPERATORS[prefix[1]!.toLowerCase()] : undefined;
    if (prefix && operator) {
      const valueStart = start + prefix[0].length;
      const value = OPENING_QUOTES.includes(text[valueStart] ?? "") ? readQuoted(text, valueStart) : readBare(text, valueStart);
      index = value.end;
      if (exclude) errors.push({ operator: prefix[1], message: `Filters cannot be excluded: remove the "-" before ${prefix[0]}.` });
      else if (applyFilter(operator, prefix[1]!.toLowerCase(), value.value.trim(), filters, errors)) {
        filterTokens.push({ operator, value: value.value.trim(), start, end: index });
      }
      continue;
    }
    const word = readBare(text, start);
    addTerm({ kind: "word", text: word.value, exclude });
    index = word.end;
  }

  if (droppedTerms) errors.push({ message: `Only the first ${MAX_TERMS} words and phrases are searched; ${droppedTerms} more were ignored.` });
  if (filters.after && filters.before && filters.after >= filters.before) {
    errors.push({ operator: "before", message: `before:${filters.before} is not later than after:${filters.after}, so nothing could match.` });
  }
  return { terms, filters, filterTokens, errors };
}

/** A quoted value from its opening quote to the closing one, or to the end when it is never closed. */
function readQuoted(text: string, openingQuote: number): { value: string; end: number } {
  let close = openingQuote + 1;
  while (close < text.length && !CLOSING_QUOTES.includes(text[close]!)) close++;
  return { value: text.slice(openingQuote + 1, close), end: Math.min(close + 1, text.length) };
}

function readBare(text: string, start: number): { value: string; end: number } {
  let end = start;
  while (end < text.length && !WHITESPACE.test(text[end]!)) end++;
  return { value: text.slice(start, end), end };
}

/** Adds a filter's value to `filters`, or its error to `errors`; true when it applied. */
function applyFilter(operator: Operator, written: string, value: string, filters: SearchFilters, errors: QueryError[]): boolean {
  const fail = (message: string) => (errors.push({ operator: written, message }), false);
  const add = (list: string[], item: string) => (list.push(item), true);
  if (!value) return fail(`${written}: needs a value, e.g. ${EXAMPLES[operator]}.`);
  switch (operator) {
    case "entity":
      return add(filters.entities, value);
    case "said":
      return add(filters.speakers, value);
    case "user":
      return add(filters.users, value);
    case "type":
      if (!TYPE.test(value)) return fail(`type:${value} is not an entity type name (letters, digits, "-" or "_").`);
      return add(filters.types, value.toLowerCase());
    case "colour": {
      const colour = HIGHLIGHT_COLORS.find((known) => known === value.toLowerCase());
      if (!colour) return fail(`${written}:${value} is not a highlight colour; use one of ${HIGHLIGHT_COLORS.join(", ")}.`);
      return add(filters.colours, colour);
    }
    case "has": {
      const has = HAS_VALUES.find((known) => known === value.toLowerCase());
      if (!has) return fail(`has:${value} is not supported; use one of ${HAS_VALUES.join(", ")}.`);
      return add(filters.has, has);
    }
    case "lang":
      if (!LANGUAGE.test(value.toLowerCase())) return fail(`lang:${value} is not a language code; use two letters, e.g. lang:ru.`);
      return add(filters.languages, value.toLowerCase());
    case "after":
    case "before": {
      if (!isCalendarDate(value)) return fail(`${written}:${value} is not a date; use YYYY-MM-DD, e.g. ${EXAMPLES[operator]}.`);
      filters[operator] = value;
      return true;
    }
  }
}

const EXAMPLES: Record<Operator, string> = {
  entity: 'entity:"Ирина Соболева"',
  type: "type:person",
  said: "said:Песков",
  user: "user:anna",
  colour: "colour:pink",
  has: "has:note",
  lang: "lang:ru",
  after: "after:2026-01-01",
  before: "before:2026-02-01",
};

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when the query has a filter that narrows the articles (such a query needs no word). */
export function hasAnyFilter(filters: SearchFilters): boolean {
  return Boolean(
    filters.entities.length || filters.types.length || filters.speakers.length || filters.users.length || filters.colours.length || filters.has.length || filters.languages.length || filters.after || filters.before,
  );
}

/**
 * The query with one of its filters taken out (what a chip's remove link searches for), spaces
 * around the gap collapsed.
 */
export function withoutFilter(query: string, token: Pick<FilterToken, "start" | "end">): string {
  return `${query.slice(0, token.start).trimEnd()} ${query.slice(token.end).trimStart()}`.trim();
}

/**
 * The query with a filter added, its value quoted when it has spaces or quotes (what the Add
 * filter form searches for). Quote marks inside a value cannot be written in the query language,
 * so they become spaces.
 */
export function withFilter(query: string, operator: Operator, value: string): string {
  const clean = value.replace(/["“”«»„]/g, " ").replace(/\s+/g, " ").trim();
  if (!clean) return query.trim();
  const written = /\s/.test(clean) ? `"${clean}"` : clean;
  return `${query.trim()} ${operator}:${written}`.trim();
}

/** The operators in the order the Add filter form offers them, with what each asks for. */
export const FILTER_OPERATORS: { operator: Operator; label: string; example: string }[] = [
  { operator: "entity", label: "Entity", example: "Ирина Соболева" },
  { operator: "type", label: "Entity type", example: "person" },
  { operator: "said", label: "Said by", example: "Песков" },
  { operator: "user", label: "Annotated by", example: "anna" },
  { operator: "colour", label: "Highlight colour", example: "pink" },
  { operator: "has", label: "Has", example: "note" },
  { operator: "lang", label: "Language", example: "ru" },
  { operator: "after", label: "Published on or after", example: "2026-01-01" },
  { operator: "before", label: "Published before", example: "2026-02-01" },
];
