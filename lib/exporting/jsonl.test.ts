import { describe, expect, it } from "vitest";
import { doccanoLine, spacyLine, streamDoccano, streamSpacy } from "./jsonl";
import { codePointOffsets } from "./offsets";
import { annotatedSample, article, entityTag, paragraphs } from "./test-fixtures";

/** What Python's text[start:end] gives: a slice by code points. */
const pySlice = (text: string, start: number, end: number) => [...text].slice(start, end).join("");

describe("code point offsets", () => {
  it.each([
    ["ascii", "abc", [0, 1, 3], [0, 1, 3]],
    ["Cyrillic is one unit per letter", "Путин", [0, 5], [0, 5]],
    ["an emoji is two units, one code point", "a👍b", [0, 1, 3, 4], [0, 1, 2, 3]],
    ["skin tone: two astral code points", "👍🏽x", [4, 5], [2, 3]],
    ["a flag: two regional indicators", "🇬🇪 Грузия", [5, 11], [3, 9]],
  ])("%s", (_name, text, utf16, codePoints) => {
    const convert = codePointOffsets(text);
    expect(utf16.map(convert)).toEqual(codePoints);
  });

  it("refuses offsets outside the text", () => {
    expect(() => codePointOffsets("ab")(3)).toThrow(RangeError);
  });
});

describe("doccano and spaCy JSONL", () => {
  const text0 = "👍🏽 Путин приехал в 🇬🇪 Тбилиси.";
  const text1 = "😀 Грузия";
  const [p0, p1] = paragraphs(text0, text1);
  const doc = {
    article: article("emoji", [text0, text1]),
    annotations: [
      entityTag(p0!, "Путин", "PER", { id: "a" }),
      entityTag(p0!, "Тбилиси", "LOC", { id: "b" }),
      entityTag(p0!, "приехал в 🇬🇪 Тбилиси", "EVENT", { id: "c" }),
      entityTag(p1!, "Грузия", "LOC", { id: "d" }),
    ],
    notes: [],
  };

  it("doccano: every tag, offsets in code points that slice the same text in Python", () => {
    const record = JSON.parse(doccanoLine(doc)) as { text: string; label: [number, number, string][]; article: string };
    expect(record.text).toBe(`${text0}\n\n${text1}`);
    expect(record.article).toBe("emoji");
    expect(record.label.map(([start, end, label]) => [pySlice(record.text, start, end), label])).toEqual([
      ["Путин", "PER"], ["приехал в 🇬🇪 Тбилиси", "EVENT"], ["Тбилиси", "LOC"], ["Грузия", "LOC"],
    ]);
    // The UTF-16 offset would be off by two after 👍🏽 (two astral code points).
    expect(record.label[0]).toEqual([3, 8, "PER"]);
    expect(record.text.indexOf("Путин")).toBe(5);
  });

  it("spaCy: ents without overlaps (longest wins), spans with all of them, both in code points", () => {
    const record = JSON.parse(spacyLine(doc)) as { text: string; ents: { start: number; end: number; label: string }[]; spans: { start: number; end: number; label: string }[]; meta: { article: string } };
    expect(record.ents.map((e) => [pySlice(record.text, e.start, e.end), e.label])).toEqual([["Путин", "PER"], ["приехал в 🇬🇪 Тбилиси", "EVENT"], ["Грузия", "LOC"]]);
    expect(record.spans).toHaveLength(4);
    expect(record.meta).toEqual({ article: "emoji" });
  });

  it("the sample story and an empty article, streamed one line per article", async () => {
    const sample = annotatedSample();
    let doccano = "";
    for await (const line of streamDoccano([sample, { article: article("empty", []), annotations: [], notes: [] }])) doccano += line;
    const lines = doccano.trimEnd().split("\n").map((line) => JSON.parse(line) as { text: string; label: [number, number, string][] });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.label.map(([s, e, l]) => `${pySlice(lines[0]!.text, s, e)}/${l}`)).toEqual(["Грузией/LOC", "ТАСС/ORG", "Кремля/ORG", "президента РФ Владимира Путина/PER", "Владимира Путина/PER"]);
    expect(lines[1]).toEqual({ text: "", label: [], article: "empty" });
    let spacy = "";
    for await (const line of streamSpacy([sample])) spacy += line;
    expect((JSON.parse(spacy) as { ents: unknown[] }).ents).toHaveLength(4);
  });
});
