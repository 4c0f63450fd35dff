import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./query";
import { isSingleWord, searchTsquery } from "./tsquery";

const tsquery = (input: string) => searchTsquery(parseSearchQuery(input).terms);

describe("searchTsquery", () => {
  it.each([
    // The query's language is unknown, so each word also matches its own spelling (texts in
    // languages indexed as written stay findable); a spelling that is a lemma adds nothing.
    ["Соболевой", "(('соболев' | 'соболевой'))"],
    ["Соболевой партии", "(('соболев' | 'соболевой')) & (('партия' | 'партии'))"],
    ['"Ирины Соболевой"', "(('ирина' | 'ирины') <-> ('соболев' | 'соболевой'))"],
    ["пресс-службе", "(('пресс' | 'прес' | 'пресса') <-> ('служба' | 'службе'))"],
    ["Путин -Медведев", "('путин') & !('медведев')"],
    ['Путин -"Единая Россия"', "('путин') & !(('единый' | 'единая') <-> 'россия')"],
    ["O'Brien", "('o''brien')"],
    ["mice", "(('mouse' | 'mice'))"],
  ])("%s → %s", (input, expected) => expect(tsquery(input)).toBe(expected));

  it.each([[""], ["-Путин"], ["type:person lang:ru"], ["… —"]])("has nothing to require for %j", (input) => {
    expect(tsquery(input)).toBeNull();
  });
});

describe("isSingleWord", () => {
  it.each([
    ["Соболевой", true],
    ["mice", true],
    ["Путин -Медведев", true],
    ['"Путин"', true],
    ["Соболевой партии", false],
    ['"Ирины Соболевой"', false],
    ["пресс-службе", false], // two parts, adjacent
    ["", false],
  ])("%s → %s", (input, expected) => expect(isSingleWord(parseSearchQuery(input).terms)).toBe(expected));
});
