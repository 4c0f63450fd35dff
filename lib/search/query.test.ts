import { describe, expect, it } from "vitest";
import { hasAnyFilter, MAX_QUERY_LENGTH, MAX_TERMS, parseSearchQuery, withFilter, withoutFilter, type SearchFilters, type SearchTerm } from "./query";

const NO_FILTERS: SearchFilters = { entities: [], types: [], speakers: [], users: [], colours: [], has: [], languages: [] };
const word = (text: string, exclude = false): SearchTerm => ({ kind: "word", text, exclude });
const phrase = (text: string, exclude = false): SearchTerm => ({ kind: "phrase", text, exclude });

describe("parseSearchQuery", () => {
  const cases: { name: string; input: string; terms: SearchTerm[]; filters?: Partial<SearchFilters>; errors?: RegExp[] }[] = [
    { name: "empty", input: "", terms: [] },
    { name: "only spaces", input: "  \t\n ", terms: [] },
    { name: "words in any script", input: "Соболева  ёлка café", terms: [word("Соболева"), word("ёлка"), word("café")] },
    { name: "a hyphenated word stays one word", input: "пресс-служба российско-грузинский", terms: [word("пресс-служба"), word("российско-грузинский")] },
    { name: "a quoted phrase", input: 'Путин "Ирина Соболева" сказал', terms: [word("Путин"), phrase("Ирина Соболева"), word("сказал")] },
    { name: "Russian and typographic quotes", input: "«партия власти» “close call”", terms: [phrase("партия власти"), phrase("close call")] },
    { name: "an unbalanced quote runs to the end", input: 'Путин "Ирина Соболева', terms: [word("Путин"), phrase("Ирина Соболева")] },
    { name: "a lone quote is nothing", input: '"', terms: [] },
    { name: "exclusions", input: 'Путин -Медведев -"Единая Россия"', terms: [word("Путин"), word("Медведев", true), phrase("Единая Россия", true)] },
    { name: "a lone dash is not an exclusion", input: "Путин - Медведев", terms: [word("Путин"), word("Медведев")] },
    { name: "punctuation-only words are dropped", input: "... !!! — 😀", terms: [] },
    { name: "emoji beside a word stay with the word text", input: "кот😀", terms: [word("кот😀")] },
    {
      name: "every operator",
      input: 'entity:"Ирина Соболева" type:person said:Песков user:anna colour:pink color:Blue has:note lang:RU after:2026-01-01 before:2026-02-01',
      terms: [],
      filters: { entities: ["Ирина Соболева"], types: ["person"], speakers: ["Песков"], users: ["anna"], colours: ["pink", "blue"], has: ["note"], languages: ["ru"], after: "2026-01-01", before: "2026-02-01" },
    },
    { name: "operators are case-insensitive and mix with words", input: "Грузия TYPE:Person выборы", terms: [word("Грузия"), word("выборы")], filters: { types: ["person"] } },
    { name: "an entity in «quotes»", input: "entity:«Владимир Путин»", terms: [], filters: { entities: ["Владимир Путин"] } },
    { name: "an unknown operator is words", input: "foo:bar https://example.org", terms: [word("foo:bar"), word("https://example.org")] },
    { name: "an unbalanced operator quote runs to the end", input: 'entity:"Ирина Соболева', terms: [], filters: { entities: ["Ирина Соболева"] } },
    { name: "a bad colour", input: "colour:purple кот", terms: [word("кот")], errors: [/colour:purple is not a highlight colour; use one of yellow, green, blue, pink/] },
    { name: "a bad date", input: "after:2026-02-30 before:yesterday", terms: [], errors: [/after:2026-02-30 is not a date/, /before:yesterday is not a date/] },
    { name: "dates that exclude everything", input: "after:2026-03-01 before:2026-01-01", terms: [], filters: { after: "2026-03-01", before: "2026-01-01" }, errors: [/not later than/] },
    { name: "a bad has and lang", input: "has:everything lang:russian", terms: [], errors: [/has:everything is not supported; use one of note/, /lang:russian is not a language code/] },
    { name: "an empty operator value", input: 'user: entity:""', terms: [], errors: [/user: needs a value/, /entity: needs a value/] },
    { name: "a bad type", input: "type:a;b", terms: [], errors: [/type:a;b is not an entity type/] },
    { name: "an excluded filter", input: "-lang:ru кот", terms: [word("кот")], errors: [/Filters cannot be excluded/] },
  ];

  it.each(cases)("$name", ({ input, terms, filters, errors = [] }) => {
    const parsed = parseSearchQuery(input);
    expect(parsed.terms).toEqual(terms);
    expect(parsed.filters).toEqual({ ...NO_FILTERS, ...filters });
    expect(parsed.errors).toHaveLength(errors.length);
    errors.forEach((pattern, index) => expect(parsed.errors[index]!.message).toMatch(pattern));
  });

  it("caps a huge query without splitting a surrogate pair, and says so", () => {
    const parsed = parseSearchQuery(`${"а".repeat(MAX_QUERY_LENGTH - 1)}😀${" кот".repeat(100_000)}`);
    expect(parsed.terms).toHaveLength(1);
    expect(parsed.terms[0]!.text).toHaveLength(MAX_QUERY_LENGTH - 1);
    expect(parsed.errors.map((error) => error.message)).toEqual([expect.stringMatching(/longer than 1000 characters/)]);
  });

  it("keeps the first words of a long query and says how many it dropped", () => {
    const parsed = parseSearchQuery(Array.from({ length: MAX_TERMS + 5 }, (_, index) => `w${index}`).join(" "));
    expect(parsed.terms).toHaveLength(MAX_TERMS);
    expect(parsed.errors[0]!.message).toMatch(/5 more were ignored/);
  });

  it("never throws on hostile input", () => {
    for (const input of ['"""', "-", "--", '-"', "::::", "entity:", 'after:"', "\u0000\uD800", "colour:" + "x".repeat(5000)]) {
      expect(() => parseSearchQuery(input)).not.toThrow();
    }
  });
});

describe("filter chips", () => {
  it("records where each applied filter is written, and not the ones with errors", () => {
    const query = 'Путин entity:"Ирина Соболева" colour:purple type:person -lang:ru said:«Песков»';
    const parsed = parseSearchQuery(query);
    expect(parsed.filterTokens.map((token) => [token.operator, token.value, query.slice(token.start, token.end)])).toEqual([
      ["entity", "Ирина Соболева", 'entity:"Ирина Соболева"'],
      ["type", "person", "type:person"],
      ["said", "Песков", "said:«Песков»"],
    ]);
    expect(parseSearchQuery("color:Pink").filterTokens).toEqual([{ operator: "colour", value: "Pink", start: 0, end: 10 }]);
  });

  it("removes one filter and keeps the rest of the query as written", () => {
    const query = 'Путин  entity:"Ирина Соболева"  "лидер партии" type:person';
    const [entity, type] = parseSearchQuery(query).filterTokens;
    expect(withoutFilter(query, entity!)).toBe('Путин "лидер партии" type:person');
    expect(withoutFilter(query, type!)).toBe('Путин  entity:"Ирина Соболева"  "лидер партии"');
    expect(parseSearchQuery(withoutFilter(query, entity!)).filters.entities).toEqual([]);
  });

  it("adds a filter, quoting a value with spaces and dropping quote marks it cannot hold", () => {
    expect(withFilter("Путин", "entity", "Ирина Соболева")).toBe('Путин entity:"Ирина Соболева"');
    expect(withFilter("", "colour", " pink ")).toBe("colour:pink");
    expect(withFilter("кот", "entity", '"Газпром" «нефть»')).toBe('кот entity:"Газпром нефть"');
    expect(withFilter("кот", "user", '  " ')).toBe("кот");
    const added = withFilter("кот", "said", 'Дмитрий "Песков');
    expect(parseSearchQuery(added).filters.speakers).toEqual(["Дмитрий Песков"]);
  });

  it("knows a query of filters alone from one with nothing to search", () => {
    expect(hasAnyFilter(parseSearchQuery("type:person").filters)).toBe(true);
    expect(hasAnyFilter(parseSearchQuery("before:2026-01-01").filters)).toBe(true);
    expect(hasAnyFilter(parseSearchQuery("кот -пёс colour:ultraviolet").filters)).toBe(false);
    expect(hasAnyFilter(parseSearchQuery(":: - -: \"\"").filters)).toBe(false);
  });
});
