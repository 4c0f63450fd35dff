import { describe, expect, it } from "vitest";
import { compareEventIds, initialsOf } from "./protocol";

describe("initialsOf", () => {
  it.each([
    ["Анна Петрова", "АП"],
    ["Anna Maria Petrova", "AP"],
    ["madonna", "M"],
    ["  jean-luc   picard ", "JP"],
    ["Émile Zola", "ÉZ"],
    ["(Bob) Smith", "BS"],
    ["😀 Ada", "A"],
    ["", "?"],
    ["   ", "?"],
    ["Annotator a1b2c3d4", "AA"],
  ])("%j → %j", (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });
});

describe("compareEventIds", () => {
  it.each([
    ["1", "2", -1],
    ["10", "9", 1],
    ["9007199254740993", "9007199254740992", 1],
    ["0", "0", 0],
  ])("%s vs %s", (a, b, expected) => {
    expect(compareEventIds(a, b)).toBe(expected);
  });
});
