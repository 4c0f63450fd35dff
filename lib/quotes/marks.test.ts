import { describe, expect, it } from "vitest";

import { findQuotedStretches, type MarkStyle } from "./marks";

/** The outermost quoted words of `text`, with their style. */
function stretches(text: string): { words: string; style: MarkStyle; closed: boolean }[] {
  return findQuotedStretches(text).map((s) => ({ words: text.slice(s.start, s.end), style: s.style, closed: s.closed }));
}

describe("findQuotedStretches", () => {
  it.each<{ name: string; text: string; expected: { words: string; style: MarkStyle; closed?: boolean }[] }>([
    { name: "«ёлочки»", text: "Он сказал: «Мы готовы».", expected: [{ words: "Мы готовы", style: "guillemet" }] },
    {
      name: "„лапки“ inside «ёлочки» stay in the outer quote",
      text: "«Проект „Северный маршрут“ окупился», — сказала она.",
      expected: [{ words: "Проект „Северный маршрут“ окупился", style: "guillemet" }],
    },
    { name: "“curly” quotes", text: "В “Роскосмосе” сообщили о “переносе”.", expected: [{ words: "Роскосмосе", style: "curly" }, { words: "переносе", style: "curly" }] },
    { name: "„German-style“ top level", text: "Der Sprecher sagte: „Wir prüfen alle Optionen“.", expected: [{ words: "Wir prüfen alle Optionen", style: "curly" }] },
    {
      name: '"straight" quotes pair in order',
      text: 'Издание "Коммерсантъ" пишет, что "сделка закрыта".',
      expected: [{ words: "Коммерсантъ", style: "straight" }, { words: "сделка закрыта", style: "straight" }],
    },
    {
      name: "'single' inside \"double\" stay in the outer quote",
      text: "\"What does 'clean energy' mean here?\" she asked.",
      expected: [{ words: "What does 'clean energy' mean here?", style: "straight" }],
    },
    { name: "a top-level 'single' quote", text: "The plant makes the 'Ranger' pickup.", expected: [{ words: "Ranger", style: "single" }] },
    { name: "‘curly single’ quotes", text: "Minister says ‘we are ready’ for talks.", expected: [{ words: "we are ready", style: "single" }] },
    {
      name: "apostrophes are not quotes (don't, O'Brien, players', the '90s)",
      text: "O'Brien's players' union didn't strike in the '90s, he said: \"Never.\"",
      expected: [{ words: "Never.", style: "straight" }],
    },
    {
      name: "a quote opened at the paragraph's start and never closed runs to its end",
      text: '"I remain totally committed to our political project.',
      expected: [{ words: "I remain totally committed to our political project.", style: "straight", closed: false }],
    },
    { name: "an unclosed mark elsewhere is dropped", text: "Он сказал «мы готовы и ушел.", expected: [] },
    { name: "a stray closing mark is ignored", text: "Итоги» подведены. «Да», — ответил он.", expected: [{ words: "Да", style: "guillemet" }] },
    { name: "no marks", text: "Министр заявил, что бюджет сбалансирован.", expected: [] },
    { name: "empty", text: "", expected: [] },
  ])("$name", ({ text, expected }) => {
    expect(stretches(text)).toEqual(expected.map((e) => ({ closed: true, ...e })));
  });

  it("gives UTF-16 offsets of the marks and of the words between them", () => {
    const text = "👍🏽 «Да»";
    const [stretch] = findQuotedStretches(text);
    expect(stretch).toMatchObject({ open: 5, start: 6, end: 8, close: 8 });
    expect(text[stretch!.open]).toBe("«");
    expect(text[stretch!.close]).toBe("»");
  });
});
