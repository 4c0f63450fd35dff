import { describe, expect, it } from "vitest";

import { diffTokens, type DiffOp } from "./token-diff";
import { appendParagraph, emptyStream, TokenKeys, type TokenStream } from "./tokens";

/** Diffs two texts (paragraphs separated by "\n") and renders the steps: "=kept", "-deleted", "+inserted". */
function diff(before: string, after: string, maxEdits?: number): string[] {
  const keys = new TokenKeys();
  const stream = (text: string): [TokenStream, string[]] => {
    const paragraphs = text.split("\n");
    const tokens = emptyStream();
    paragraphs.forEach((paragraph, index) => appendParagraph(tokens, paragraph, index, keys));
    return [tokens, paragraphs];
  };
  const [a, aTexts] = stream(before);
  const [b, bTexts] = stream(after);
  const text = ([side, paragraphs]: [TokenStream, string[]], from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => {
      const t = from + i;
      const p = side.paragraph[t]!;
      return p < 0 ? "¶" : paragraphs[p]!.slice(side.start[t], side.start[t]! + side.lengths[t]!);
    }).join("");
  return diffTokens(a, b, maxEdits).flatMap((op: DiffOp) => {
    if (op.equal) return [`=${text([a, aTexts], op.a0, op.a1)}`];
    return [
      ...(op.a1 > op.a0 ? [`-${text([a, aTexts], op.a0, op.a1)}`] : []),
      ...(op.b1 > op.b0 ? [`+${text([b, bTexts], op.b0, op.b1)}`] : []),
    ];
  });
}

describe("diffTokens", () => {
  it.each([
    { name: "identical texts", before: "One two three.", after: "One two three.", steps: ["=One two three."] },
    { name: "whitespace and quote style changes are no edits", before: "A  «b» c", after: "A “b”\u00a0c", steps: ["=A  «b» c"] },
    { name: "a word replaced", before: "a final decision now", after: "a firm decision now", steps: ["=a ", "-final", "+firm", "= decision now"] },
    {
      name: "a sentence inserted between sentences is cut at the sentence boundary",
      before: "One. Three.",
      after: "One. Two. Three.",
      steps: ["=One.", "+ Two.", "= Three."],
    },
    {
      name: "a sentence repeating the phrase that follows it is the inserted one",
      before: "Before. Anna Petrova said so.",
      after: "Before. Anna Petrova met us. Anna Petrova said so.",
      steps: ["=Before.", "+ Anna Petrova met us.", "= Anna Petrova said so."],
    },
    {
      name: "a coincidental short match between two rewrites becomes part of the edit",
      before: "Cats sleep all day in the sun at home.",
      after: "Dogs run around in the park every morning.",
      steps: ["-Cats sleep all day in the sun at home", "+Dogs run around in the park every morning", "=."],
    },
    {
      name: "a whole sentence between two insertions stays",
      before: "Start. The ferry leaves at noon every day. End.",
      after: "Start. A long inserted sentence comes first here. The ferry leaves at noon every day. Another long inserted sentence follows it. End.",
      steps: ["=Start.", "+ A long inserted sentence comes first here.", "= The ferry leaves at noon every day.", "+ Another long inserted sentence follows it.", "= End."],
    },
    { name: "a paragraph split", before: "One. Two.", after: "One.\nTwo.", steps: ["=One.", "- ", "+¶", "=Two."] },
    { name: "emptied", before: "Gone now.", after: "", steps: ["-Gone now."] },
  ])("$name", ({ before, after, steps }) => {
    expect(diff(before, after)).toEqual(steps);
  });

  it("gives up past the edit budget: the middle becomes one edit", () => {
    expect(diff("Same a b c d e same", "Same v w x y z same", 3)).toEqual(["=Same ", "-a b c d e", "+v w x y z", "= same"]);
  });
});
