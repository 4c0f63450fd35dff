import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./query";
import { searchTsquery } from "./tsquery";

const tsquery = (input: string) => searchTsquery(parseSearchQuery(input).terms);

describe("searchTsquery", () => {
  it.each([
    ["Соболевой", "('соболев')"],
    ["Соболевой партии", "('соболев') & ('партия')"],
    ['"Ирины Соболевой"', "('ирина' <-> 'соболев')"],
    ["пресс-службе", "(('пресс' | 'прес' | 'пресса') <-> 'служба')"],
    ["Путин -Медведев", "('путин') & !('медведев')"],
    ['Путин -"Единая Россия"', "('путин') & !('единый' <-> 'россия')"],
    ["O'Brien", "('o''brien')"],
    ["mice", "(('mouse' | 'mice'))"],
  ])("%s → %s", (input, expected) => expect(tsquery(input)).toBe(expected));

  it.each([[""], ["-Путин"], ["type:person lang:ru"], ["… —"]])("has nothing to require for %j", (input) => {
    expect(tsquery(input)).toBeNull();
  });
});
