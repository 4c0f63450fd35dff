import { describe, expect, it } from "vitest";
import { agreementTable, cohenKappa, findDisagreements, scoreSpans, tokenKappa, tokenLabels, unitizingAlpha, wordTokens, type Span, type Unit } from "@/lib/agreement";

const span = (annotator: string, start: number, end: number, label: string, link: string | null = null, paragraphId = "p1"): Span => ({
  id: `${annotator}-${paragraphId}-${start}-${end}-${label}`,
  annotator,
  paragraphId,
  start,
  end,
  label,
  link,
});

describe("scoreSpans (hand-computed)", () => {
  // A: PER 0–5, ORG 10–20, LOC 30–35. B: PER 0–5 (exact), ORG 12–20 (overlap), PER 30–35 (other type), MISC 40–45 (extra).
  const a = [span("A", 0, 5, "PER"), span("A", 10, 20, "ORG"), span("A", 30, 35, "LOC")];
  const b = [span("B", 0, 5, "PER"), span("B", 12, 20, "ORG"), span("B", 30, 35, "PER"), span("B", 40, 45, "MISC")];

  it("exact: one match of 3 and 4 → P 1/4, R 1/3, F1 2/7", () => {
    const scores = scoreSpans(a, b, "exact");
    expect(scores).toMatchObject({ matched: 1, reference: 3, candidate: 4 });
    expect(scores.precision).toBeCloseTo(1 / 4, 10);
    expect(scores.recall).toBeCloseTo(1 / 3, 10);
    expect(scores.f1).toBeCloseTo(2 / 7, 10);
  });

  it("overlap: PER and ORG match, the PER/LOC pair does not (same label required) → F1 4/7", () => {
    const scores = scoreSpans(a, b, "overlap");
    expect(scores.matched).toBe(2);
    expect(scores.f1).toBeCloseTo(4 / 7, 10);
  });

  it("swapping the reference swaps precision and recall, F1 unchanged", () => {
    const there = scoreSpans(a, b, "overlap");
    const back = scoreSpans(b, a, "overlap");
    expect(back.precision).toBeCloseTo(there.recall!, 10);
    expect(back.recall).toBeCloseTo(there.precision!, 10);
    expect(back.f1).toBeCloseTo(there.f1!, 10);
  });

  it("overlap is one-to-one: one long span does not match two short ones", () => {
    const long = [span("A", 0, 20, "ORG")];
    const short = [span("B", 0, 5, "ORG"), span("B", 6, 20, "ORG")];
    expect(scoreSpans(long, short, "overlap")).toMatchObject({ matched: 1, precision: 0.5, recall: 1 });
  });

  it("spans in different paragraphs never match, and nothing against nothing is undefined", () => {
    expect(scoreSpans([span("A", 0, 5, "PER", null, "p1")], [span("B", 0, 5, "PER", null, "p2")], "exact").matched).toBe(0);
    expect(scoreSpans([], [], "exact")).toMatchObject({ precision: null, recall: null, f1: null });
    expect(scoreSpans([span("A", 0, 5, "PER")], [], "exact")).toMatchObject({ precision: null, recall: 0, f1: 0 });
  });
});

describe("cohenKappa", () => {
  const items = (...groups: [string, string, number][]) => groups.flatMap(([a, b, count]) => Array.from({ length: count }, () => [a, b] as const));

  it("Wikipedia's worked example: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4", () => {
    // https://en.wikipedia.org/wiki/Cohen%27s_kappa#Simple_example : po = 0.7, pe = 0.5.
    const result = cohenKappa(items(["yes", "yes", 20], ["yes", "no", 5], ["no", "yes", 10], ["no", "no", 15]));
    expect(result.observed).toBeCloseTo(0.7, 10);
    expect(result.expected).toBeCloseTo(0.5, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
  });

  it("Krippendorff (1995, p. 57) example A digitized, Bertha vs Bill over 24 positions → κ = 0.385", () => {
    // Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological Methodology 25:47–76;
    // the value also in DKPro Agreement's Krippendorff1995Test.
    const bertha = "001111111100001111110000";
    const bill = "000011110000000110000000";
    const result = cohenKappa([...bertha].map((label, index) => [label, bill[index]!] as const));
    expect(result.kappa).toBeCloseTo(0.385, 3);
  });

  it("one label everywhere: chance agreement is total and κ undefined; no items: undefined", () => {
    expect(cohenKappa(items(["O", "O", 7])).kappa).toBeNull();
    expect(cohenKappa([]).kappa).toBeNull();
  });
});

describe("token-level κ (hand-computed)", () => {
  const paragraphs = [{ id: "p1", text: "Путин встретился с Си Цзиньпином в Москве." }];
  // Words: Путин 0–5, встретился 6–16, с 17–18, Си 19–21, Цзиньпином 22–32, в 33–34, Москве 35–41; the full stop is not a word.
  const a = [span("A", 0, 5, "PER"), span("A", 19, 32, "PER"), span("A", 35, 41, "LOC")];
  const b = [span("B", 0, 5, "PER"), span("B", 35, 41, "ORG")];

  it("segments words only", () => {
    expect(wordTokens(paragraphs, "ru").map((token) => paragraphs[0]!.text.slice(token.start, token.end))).toEqual(["Путин", "встретился", "с", "Си", "Цзиньпином", "в", "Москве"]);
  });

  it("labels each word by the span covering it, O elsewhere", () => {
    const tokens = wordTokens(paragraphs, "ru");
    expect(tokenLabels(tokens, a)).toEqual(["PER", "O", "O", "PER", "PER", "O", "LOC"]);
    expect(tokenLabels(tokens, b)).toEqual(["PER", "O", "O", "O", "O", "O", "ORG"]);
  });

  it("po = 4/7, pe = (3·1 + 3·5)/49 = 18/49, κ = 10/31", () => {
    const result = tokenKappa(wordTokens(paragraphs, "ru"), a, b);
    expect(result.n).toBe(7);
    expect(result.observed).toBeCloseTo(4 / 7, 10);
    expect(result.expected).toBeCloseTo(18 / 49, 10);
    expect(result.kappa).toBeCloseTo(10 / 31, 10);
  });
});

describe("unitizingAlpha", () => {
  const unit = (start: number, length: number, rater: string, category: string): Unit => ({ start, length, rater, category });

  it("Krippendorff (2004, Content Analysis, p. 254) worked example: α = 0.859, αc = 0.7286, αk = 1", () => {
    // Krippendorff, K. (2004). Content Analysis: An Introduction to Its Methodology, 2nd ed., §12.4, p. 254:
    // a continuum of 300 positions from 150, observers i and j, categories c and k.
    const result = unitizingAlpha({
      begin: 150,
      length: 300,
      raters: ["i", "j"],
      units: [
        unit(225, 70, "i", "c"), unit(370, 30, "i", "c"), unit(220, 80, "j", "c"), unit(355, 20, "j", "c"), unit(400, 20, "j", "c"),
        unit(180, 60, "i", "k"), unit(300, 50, "i", "k"), unit(180, 60, "j", "k"), unit(300, 50, "j", "k"),
      ],
    });
    const [c, k] = result.categories;
    expect(c).toMatchObject({ category: "c" });
    expect(c!.observed).toBeCloseTo(0.0144, 4);
    expect(c!.expected).toBeCloseTo(0.0532, 4);
    expect(c!.alpha).toBeCloseTo(0.7286, 4);
    expect(k!.observed).toBe(0);
    expect(k!.expected).toBeCloseTo(0.049, 4);
    expect(k!.alpha).toBe(1);
    expect(result.alpha).toBeCloseTo(0.859, 3);
  });

  it("Krippendorff (1995, p. 57) examples A–D (24 positions, stretched 50,000×): observed and expected disagreements and α", () => {
    // Krippendorff (1995), Sociological Methodology 25:47–76, p. 57; stretched so that the expected disagreement
    // approaches its continuous limit, as DKPro Agreement's Krippendorff1995Test does.
    const s = 50_000;
    const units = [
      ["A", 0, 2, 8], ["A", 0, 14, 6], ["A", 1, 4, 4], ["A", 1, 15, 2],
      ["B", 0, 0, 18], ["B", 1, 0, 2], ["B", 1, 2, 1], ["B", 1, 3, 1], ["B", 1, 4, 1], ["B", 1, 5, 1], ["B", 1, 6, 3], ["B", 1, 9, 1],
      ["C", 0, 2, 6], ["C", 0, 10, 2], ["C", 0, 14, 4], ["C", 0, 20, 2], ["C", 1, 0, 2], ["C", 1, 4, 4], ["C", 1, 10, 4], ["C", 1, 16, 2], ["C", 1, 20, 2],
      ["D", 0, 0, 2], ["D", 0, 2, 8], ["D", 0, 10, 4], ["D", 0, 14, 6], ["D", 0, 20, 4], ["D", 1, 0, 4], ["D", 1, 4, 4], ["D", 1, 8, 7], ["D", 1, 15, 2], ["D", 1, 17, 7],
    ] as const;
    const byCategory = new Map(
      unitizingAlpha({ begin: 0, length: 24 * s, raters: ["0", "1"], units: units.map(([category, rater, start, length]) => unit(start * s, length * s, String(rater), category)) }).categories.map((entry) => [entry.category, entry]),
    );
    const expected = { A: [0.03125, 0.0699, 0.553], B: [2.26736, 1.17731, -0.926], C: [0.02777, 0.08642, 0.679], D: [0.38715, 0.41445, 0.066] } as const;
    for (const [category, [observed, chance, alpha]] of Object.entries(expected)) {
      const result = byCategory.get(category)!;
      expect(result.observed, category).toBeCloseTo(observed, 4);
      expect(Math.abs(result.expected - chance), category).toBeLessThan(0.005);
      expect(Math.abs(result.alpha! - alpha), category).toBeLessThan(0.02);
    }
  });

  it("identical units agree perfectly; one rater or no unit is undefined", () => {
    const same = [unit(0, 5, "A", "PER"), unit(0, 5, "B", "PER"), unit(10, 3, "A", "ORG"), unit(10, 3, "B", "ORG")];
    expect(unitizingAlpha({ begin: 0, length: 40, raters: ["A", "B"], units: same }).alpha).toBe(1);
    expect(unitizingAlpha({ begin: 0, length: 40, raters: ["A"], units: same }).alpha).toBeNull();
    expect(unitizingAlpha({ begin: 0, length: 40, raters: ["A", "B"], units: [] }).alpha).toBeNull();
  });

  it("gives partial credit: a unit overlapping the other's scores between an exact match and a miss", () => {
    const study = (second: Unit) => unitizingAlpha({ begin: 0, length: 100, raters: ["A", "B"], units: [unit(20, 10, "A", "PER"), second] }).alpha!;
    const exact = study(unit(20, 10, "B", "PER"));
    const shifted = study(unit(22, 10, "B", "PER"));
    const elsewhere = study(unit(60, 10, "B", "PER"));
    expect(exact).toBe(1);
    expect(shifted).toBeLessThan(exact);
    expect(shifted).toBeGreaterThan(elsewhere);
  });

  it("merges one rater's overlapping units of one category instead of looping on them", () => {
    const result = unitizingAlpha({ begin: 0, length: 50, raters: ["A", "B"], units: [unit(0, 10, "A", "PER"), unit(5, 10, "A", "PER"), unit(0, 15, "B", "PER")] });
    expect(result.alpha).toBe(1);
  });
});

describe("agreementTable", () => {
  const paragraphs = [{ id: "p1", text: "Путин встретился с Си Цзиньпином в Москве." }, { id: "p2", text: "Кремль это подтвердил." }];

  it("pairs each two raters once and gives the overall row", () => {
    const spans = [
      span("anna", 0, 5, "PER"), span("anna", 35, 41, "LOC"), span("anna", 0, 6, "ORG", null, "p2"),
      span("boris", 0, 5, "PER"), span("boris", 35, 41, "ORG"),
      span("vera", 0, 5, "PER"), span("vera", 35, 41, "LOC"), span("vera", 0, 6, "ORG", null, "p2"),
      span("gone", 0, 5, "PER", null, "p9"), // on a paragraph not loaded: left out, so not a rater
    ];
    const table = agreementTable({ spans, paragraphs, language: "ru" });
    expect(table.raters).toEqual(["anna", "boris", "vera"]);
    expect(table.pairs.map((pair) => `${pair.first}-${pair.second}`)).toEqual(["anna-boris", "anna-vera", "boris-vera"]);
    const [annaBoris, annaVera, borisVera] = table.pairs;
    // anna 3 spans, boris 2, one exact match: F1 = 2·1/5.
    expect(annaBoris!.exact.f1).toBeCloseTo(2 / 5, 10);
    expect(annaVera!.exact.f1).toBe(1);
    expect(annaVera!.kappa.kappa).toBe(1);
    expect(annaVera!.alpha).toBe(1);
    expect(borisVera!.exact.f1).toBeCloseTo(2 / 5, 10);
    expect(table.overall.f1Exact).toBeCloseTo((2 / 5 + 1 + 2 / 5) / 3, 10);
    expect(table.overall.kappa).toBeCloseTo((annaBoris!.kappa.kappa! + 1 + borisVera!.kappa.kappa!) / 3, 10);
    expect(table.overall.alpha).toBeGreaterThan(annaBoris!.alpha!);
    expect(table.overall.alpha).toBeLessThan(1);
    // One text: everyone marked it, so αU takes all three raters at once.
    expect(table.overall).toMatchObject({ documents: 1, alphaOver: "everyone" });
    expect(annaBoris!.documents).toBe(1);
  });

  it("compares links (speakers) on the spans both marked", () => {
    const spans = [span("anna", 0, 20, "Quote", "putin"), span("anna", 25, 40, "Quote", "xi"), span("boris", 2, 20, "Quote", "putin"), span("boris", 25, 40, "Quote", "kremlin")];
    const table = agreementTable({ spans, paragraphs: [{ id: "p1", text: "x".repeat(60) }] });
    // Speakers as labels over the 2 quotes both marked: po = 1/2; anna putin 1, xi 1; boris putin 1, kremlin 1 → pe = 1/4; κ = (1/4)/(3/4) = 1/3.
    expect(table.pairs[0]!.links).toMatchObject({ same: 1, compared: 2 });
    expect(table.pairs[0]!.links.kappa).toBeCloseTo(1 / 3, 10);
    expect(table.overall.links).toMatchObject({ same: 1, compared: 2 });
    expect(table.overall.links.kappa).toBeCloseTo(1 / 3, 10);
  });

  it("compares no speaker with no speaker as agreeing, and with a speaker as not; one speaker everywhere leaves κ undefined", () => {
    const text = [{ id: "p1", text: "x".repeat(60) }];
    const gone = agreementTable({ spans: [span("anna", 0, 20, "Quote", null), span("anna", 25, 40, "Quote", "xi"), span("boris", 0, 20, "Quote", null), span("boris", 25, 40, "Quote", null)], paragraphs: text });
    expect(gone.pairs[0]!.links).toMatchObject({ same: 1, compared: 2 });
    const one = agreementTable({ spans: [span("anna", 0, 20, "Quote", "putin"), span("boris", 0, 20, "Quote", "putin")], paragraphs: text });
    expect(one.pairs[0]!.links).toEqual({ same: 1, compared: 1, kappa: null });
  });

  it("over several documents, compares each pair on the documents both marked (hand-computed)", () => {
    const documents = [
      { id: "p1", text: "Путин встретился с Си Цзиньпином в Москве.", documentId: "d1" },
      { id: "p2", text: "Кремль это подтвердил.", documentId: "d2" },
      { id: "p3", text: "Пекин молчит.", documentId: "d3" },
    ];
    // anna marks d1 and d2, boris d1 only, vera d2 and d3.
    const spans = [
      span("anna", 0, 5, "PER"), span("anna", 35, 41, "LOC"), span("anna", 0, 6, "ORG", null, "p2"),
      span("boris", 0, 5, "PER"), span("boris", 35, 41, "ORG"),
      span("vera", 0, 6, "ORG", null, "p2"), span("vera", 0, 5, "LOC", null, "p3"),
    ];
    const table = agreementTable({ spans, paragraphs: documents, language: "ru" });
    const [annaBoris, annaVera, borisVera] = table.pairs;
    // anna–boris on d1 alone: 1 exact match of 2 and 2 → 1/2 (anna's d2 tag is no miss of boris's, who never marked d2).
    // κ over d1's 7 words: po = 6/7; anna PER 1, LOC 1, O 5; boris PER 1, ORG 1, O 5 → pe = 26/49; κ = (16/49)/(23/49) = 16/23.
    expect(annaBoris).toMatchObject({ documents: 1, exact: { matched: 1, reference: 2, candidate: 2, f1: 0.5 } });
    expect(annaBoris!.kappa.n).toBe(7);
    expect(annaBoris!.kappa.kappa).toBeCloseTo(16 / 23, 10);
    // anna–vera on d2 alone: the same tag → 1; κ over its 3 words, 1.
    expect(annaVera).toMatchObject({ documents: 1, exact: { f1: 1 }, kappa: { n: 3, kappa: 1 }, alpha: 1 });
    // boris–vera share no document: nothing is compared.
    expect(borisVera).toMatchObject({ documents: 0, exact: { f1: null }, kappa: { n: 0, kappa: null }, alpha: null, links: { compared: 0 } });
    // Overall: nobody marked all three documents, so αU is the pairs' mean (boris–vera undefined, left out).
    expect(table.overall).toMatchObject({ documents: 3, f1Exact: 0.75, alphaOver: "pairs" });
    expect(table.overall.kappa).toBeCloseTo((16 / 23 + 1) / 2, 10);
    expect(table.overall.alpha).toBeCloseTo((annaBoris!.alpha! + 1) / 2, 10);
  });

  it("over several documents everyone marked, αU takes everyone at once, as on one text", () => {
    const documents = [
      { id: "p1", text: "Путин встретился с Си Цзиньпином в Москве.", documentId: "d1" },
      { id: "p2", text: "Кремль это подтвердил.", documentId: "d2" },
    ];
    const spans = [span("anna", 0, 5, "PER"), span("anna", 0, 6, "ORG", null, "p2"), span("boris", 0, 5, "PER"), span("boris", 0, 4, "ORG", null, "p2")];
    const table = agreementTable({ spans, paragraphs: documents });
    const oneText = agreementTable({ spans, paragraphs: documents.map(({ id, text }) => ({ id, text })) });
    expect(table.pairs[0]!.documents).toBe(2);
    expect(table.overall.alphaOver).toBe("everyone");
    expect(table.overall.alpha).toBe(oneText.overall.alpha);
    expect(table.pairs[0]!.kappa).toEqual(oneText.pairs[0]!.kappa);
  });

  it("one annotator alone: no pairs, nothing defined", () => {
    const table = agreementTable({ spans: [span("anna", 0, 5, "PER")], paragraphs });
    expect(table.pairs).toEqual([]);
    expect(table.overall).toMatchObject({ f1Exact: null, kappa: null, alpha: null });
  });
});

describe("findDisagreements", () => {
  const spans = [
    span("A", 0, 5, "PER", "putin"), span("B", 0, 5, "PER", "putin-jr"), // same span and type, other entity
    span("A", 10, 20, "ORG"), span("B", 12, 20, "ORG"), // other boundaries
    span("A", 30, 35, "LOC"), // B tagged nothing
    span("B", 40, 45, "MISC"), // A tagged nothing
    span("A", 50, 55, "PER", "xi"), span("B", 50, 55, "PER", "xi"), // agreement: not listed
    span("A", 60, 65, "LOC"), span("B", 60, 65, "ORG"), // other type
    span("A", 0, 4, "PER", null, "p0"), // an earlier paragraph comes first
  ];

  it("lists each difference with its reasons, in reading order, and leaves agreements out", () => {
    const found = findDisagreements(spans, ["A", "B"], ["p0", "p1"]);
    expect(found.map((d) => [d.key, d.reasons])).toEqual([
      ["p0:0-4", ["missing"]],
      ["p1:0-5", ["link"]],
      ["p1:10-20", ["span"]],
      ["p1:30-35", ["missing"]],
      ["p1:40-45", ["missing"]],
      ["p1:60-65", ["label"]],
    ]);
    const missing = found[3]!;
    expect(missing.versions.map((version) => [version.annotator, version.spans.length])).toEqual([["A", 1], ["B", 0]]);
  });

  it("a longer and a shorter span of the same type differ in span only; of other types, in both", () => {
    expect(findDisagreements([span("A", 0, 10, "PER"), span("B", 0, 5, "PER")], ["A", "B"], ["p1"])[0]!.reasons).toEqual(["span"]);
    expect(findDisagreements([span("A", 0, 10, "PER"), span("B", 0, 5, "ORG")], ["A", "B"], ["p1"])[0]!.reasons).toEqual(["span", "label"]);
  });

  it("chains overlaps into one stretch and ignores people not among the raters", () => {
    const found = findDisagreements([span("A", 0, 10, "ORG"), span("B", 8, 20, "ORG"), span("A", 18, 30, "ORG"), span("C", 100, 110, "PER")], ["A", "B"], ["p1"]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ start: 0, end: 30 });
  });
});
