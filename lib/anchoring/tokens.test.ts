import { describe, expect, it } from "vitest";

import { BREAK, OTHER, SPACE, WORD } from "./token-diff";
import { appendParagraph, emptyStream, TokenKeys, type TokenStream } from "./tokens";

function tokenize(paragraphs: string[], keys = new TokenKeys()): TokenStream {
  const stream = emptyStream();
  paragraphs.forEach((text, index) => appendParagraph(stream, text, index, keys));
  return stream;
}

/** The text of each token ("¶" for a paragraph break). */
function texts(paragraphs: string[]): string[] {
  const stream = tokenize(paragraphs);
  return stream.keys.map((_, t) => (stream.kinds[t] === BREAK ? "¶" : paragraphs[stream.paragraph[t]!]!.slice(stream.start[t], stream.start[t]! + stream.lengths[t]!)));
}

describe("tokenize", () => {
  it.each([
    { name: "English words, spaces and punctuation", text: "The mayor said: no.", tokens: ["The", " ", "mayor", " ", "said", ":", " ", "no", "."] },
    { name: "Cyrillic with a stress mark stays one word", text: "за\u0301мок купца", tokens: ["за\u0301мок", " ", "купца"] },
    { name: "a combining accent stays with its letter", text: "cafe\u0301 owners", tokens: ["cafe\u0301", " ", "owners"] },
    { name: "guillemets and dashes are tokens of their own", text: "«Смелый» — буксир", tokens: ["«", "Смелый", "»", " ", "—", " ", "буксир"] },
    { name: "a whitespace run is one token", text: "a  \u00a0b", tokens: ["a", "  \u00a0", "b"] },
    {
      name: "emoji sequences are one token each (skin tone, flag, ZWJ, variation selector)",
      text: "👍🏽🇬🇪👩\u200d💻❤️!",
      tokens: ["👍🏽", "🇬🇪", "👩\u200d💻", "❤️", "!"],
    },
    { name: "digits with a decimal comma", text: "2,1 млрд", tokens: ["2", ",", "1", " ", "млрд"] },
  ])("$name", ({ text, tokens }) => {
    expect(texts([text])).toEqual(tokens);
  });

  it("puts a break between paragraphs and records where each token is", () => {
    const stream = tokenize(["Hi there", "Bye"]);
    expect(stream.kinds).toEqual([WORD, SPACE, WORD, BREAK, WORD]);
    expect(stream.paragraph).toEqual([0, 0, 0, -1, 1]);
    expect(stream.start).toEqual([0, 2, 3, 0, 0]);
    expect(stream.lengths).toEqual([2, 1, 5, 1, 3]);
  });

  it("keys text that reads the same alike: any whitespace, any quotation mark style", () => {
    const keys = new TokenKeys();
    const key = (text: string) => tokenize([text], keys).keys;
    expect(key("a  b")).toEqual(key("a b"));
    expect(key("a\u00a0b")).toEqual(key("a\tb"));
    expect(key("«x»")).toEqual(key("“x”"));
    expect(key("„x“")).toEqual(key('"x"'));
    expect(key("Workers’")).toEqual(key("Workers'"));
    expect(key("«x»")).not.toEqual(key("‘x’"));
    expect(key("Mayor")).not.toEqual(key("mayor"));
  });

  it("handles empty and whitespace-only paragraphs", () => {
    expect(texts([""])).toEqual([]);
    expect(texts([" "])).toEqual([" "]);
    expect(tokenize(["", "a"]).kinds).toEqual([WORD]);
    expect(tokenize(["?"]).kinds).toEqual([OTHER]);
  });
});
