import { describe, expect, it } from "vitest";
import { articleConll, streamConll, tokenize } from "./conll";
import { resolveOverlaps, type EntitySpan } from "./entity-spans";
import { annotatedSample, article, entityTag, paragraphs } from "./test-fixtures";

/** The token lines of a CoNLL text, as [token, tag], with "" for sentence breaks. */
function rows(conll: string): [string, string][] {
  return conll
    .split("\n")
    .filter((line) => !line.startsWith("#") && !line.startsWith("-DOCSTART-"))
    .map((line) => (line === "" ? ["", ""] : [line.split(" ")[0]!, line.split(" ").at(-1)!]));
}

function sentencesOf(conll: string): string[] {
  return conll
    .split("\n\n")
    .map((block) => block.split("\n").filter((line) => line && !line.startsWith("#") && !line.startsWith("-DOCSTART-")).map((line) => line.split(" ")[0]).join(" "))
    .filter(Boolean);
}

describe("CoNLL tokenisation", () => {
  it.each([
    ["Пресс-служба Кремля сообщила.", ["Пресс-служба", "Кремля", "сообщила", "."]],
    ["O'Neil’s 3.5% rise, (again)!", ["O'Neil’s", "3.5", "%", "rise", ",", "(", "again", ")", "!"]],
    ["«Альянс патриотов Грузии»", ["«", "Альянс", "патриотов", "Грузии", "»"]],
    ["Thumbs 👍🏽 and 🇬🇪 flags", ["Thumbs", "👍🏽", "and", "🇬🇪", "flags"]],
    ["ударе́ние and café", ["ударе́ние", "and", "café"]],
    ["  \n ", []],
    ["end-", ["end", "-"]],
  ])("%j", (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe("overlap rule", () => {
  const span = (id: string, start: number, end: number, createdAt = "2026-01-01"): EntitySpan => ({ id, start, end, label: "PER", createdAt });
  it.each([
    ["longest wins", [span("a", 0, 5), span("b", 2, 12)], ["b"], 1],
    ["equal length: earlier start", [span("a", 4, 9), span("b", 0, 5)], ["b"], 1],
    ["same span: older tag", [span("a", 0, 5, "2026-02-01"), span("b", 0, 5, "2026-01-01")], ["b"], 1],
    ["touching spans both stay", [span("a", 0, 5), span("b", 5, 9)], ["a", "b"], 0],
    ["a chain: the middle one loses, both ends stay", [span("a", 0, 6), span("b", 4, 8), span("c", 7, 13)], ["a", "c"], 1],
  ])("%s", (_name, spans, kept, dropped) => {
    const resolved = resolveOverlaps(spans);
    expect(resolved.kept.map((s) => s.id)).toEqual(kept);
    expect(resolved.dropped).toBe(dropped);
  });
});

describe("CoNLL-2003 IOB2 export", () => {
  it("tags spans B-/I-, splits sentences, never inside a span, and keeps a tag on part of a word as its own token", () => {
    const text = "В. В. Путин прибыл в Нью-Йорк. Yahoo! Inc ответила: «нет». Москвичи 👍🏽 рады!";
    const [p0] = paragraphs(text);
    const doc = {
      article: article("t", [text]),
      annotations: [
        entityTag(p0!, "В. В. Путин", "PER", { id: "per" }),
        entityTag(p0!, "Нью-Йорк", "LOC", { id: "loc" }),
        entityTag(p0!, "Yahoo! Inc", "ORG", { id: "org" }),
        entityTag(p0!, "Москв", "LOC", { id: "part" }),
      ],
      notes: [],
    };
    const conll = articleConll(doc);
    expect(conll.startsWith("# article: t\n# overlapping entity tags dropped: 0 (longest wins; then the earlier start, then the older tag)\n-DOCSTART- -X- -X- O\n\n")).toBe(true);
    expect(sentencesOf(conll)).toEqual(["В . В . Путин прибыл в Нью-Йорк .", "Yahoo ! Inc ответила : « нет » .", "Москв ичи 👍🏽 рады !"]);
    expect(rows(conll).slice(1, 11)).toEqual([
      ["В", "B-PER"], [".", "I-PER"], ["В", "I-PER"], [".", "I-PER"], ["Путин", "I-PER"],
      ["прибыл", "O"], ["в", "O"], ["Нью-Йорк", "B-LOC"], [".", "O"], ["", ""],
    ]);
    expect(rows(conll).filter(([token]) => token === "Yahoo" || token === "!" || token === "Inc").map(([, tag]) => tag)).toEqual(["B-ORG", "I-ORG", "I-ORG", "O"]);
    expect(rows(conll).find(([token]) => token === "Москв")).toEqual(["Москв", "B-LOC"]);
    expect(conll.endsWith("рады _ _ O\n! _ _ O\n\n")).toBe(true);
  });

  it("the sample story: the nested tag is dropped and counted, every token of the text is written once", () => {
    const sample = annotatedSample();
    const conll = articleConll(sample);
    expect(conll).toContain("# overlapping entity tags dropped: 1 ");
    const tagged = rows(conll).filter(([token]) => token);
    // Tokens concatenate back to the text without its whitespace: nothing lost, nothing doubled.
    expect(tagged.map(([token]) => token).join("")).toBe(sample.article.paragraphs.map((p) => p.text).join("").replace(/\s+/gu, ""));
    const president = tagged.findIndex(([token]) => token === "президента");
    expect(tagged.slice(president, president + 4)).toEqual([["президента", "B-PER"], ["РФ", "I-PER"], ["Владимира", "I-PER"], ["Путина", "I-PER"]]);
    expect(tagged.filter(([, tag]) => tag.startsWith("B-")).map(([token, tag]) => `${token}/${tag}`)).toEqual(["Грузией/B-LOC", "ТАСС/B-ORG", "Кремля/B-ORG", "президента/B-PER"]);
    // IOB2: an I- tag always continues a span of the same type.
    tagged.forEach(([, tag], i) => {
      if (tag.startsWith("I-")) expect(tagged[i - 1]![1].slice(2)).toBe(tag.slice(2));
    });
    expect(sentencesOf(conll).length).toBeGreaterThan(sample.article.paragraphs.length);
  });

  it("an empty article is its header alone; articles stream one after another", async () => {
    const empty = { article: article("empty", []), annotations: [], notes: [] };
    expect(articleConll(empty)).toBe("# article: empty\n# overlapping entity tags dropped: 0 (longest wins; then the earlier start, then the older tag)\n-DOCSTART- -X- -X- O\n\n");
    let text = "";
    for await (const chunk of streamConll([empty, empty])) text += chunk;
    expect(text.match(/-DOCSTART-/g)).toHaveLength(2);
  });
});
