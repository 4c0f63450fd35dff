import { groupBy } from "./group";
import { cohenKappa, kappaOfLabelIds, LabelIds, tokenLabelIds, wordTokens, type KappaResult, type Token } from "./kappa";
import { overlappingPairs, scoreSpans, type SpanScores } from "./span-match";
import type { Measure, Span, TextParagraph } from "./types";
import { unitizingAlpha, type Unit } from "./unitizing-alpha";

/** The label a span linking to nothing (a quote whose speaker was deleted) gets when links are compared: "no speaker" is an answer too. */
const NO_LINK = "\u0000none";

/**
 * Of the spans two annotators both marked (overlapping, one to one), how many link to the same
 * thing (a quote's speaker), and Cohen's κ with the links as labels over those spans.
 */
export interface LinkAgreement {
  same: number;
  compared: number;
  /** Pairs: Cohen's κ over the compared spans; overall: the mean of the pairs' (Light's κ). Null when undefined. */
  kappa: Measure;
}

/** Two annotators compared: `first` is the reference for precision and recall. */
export interface PairAgreement {
  first: string;
  second: string;
  /** The documents (articles) both marked: every measure of the pair is over these alone. */
  documents: number;
  exact: SpanScores;
  overlap: SpanScores;
  kappa: KappaResult;
  alpha: Measure;
  links: LinkAgreement;
}

/** Everyone together. */
export interface OverallAgreement {
  /** The documents anyone marked. */
  documents: number;
  /** Mean F1 over the pairs (exact and overlap). */
  f1Exact: Measure;
  f1Overlap: Measure;
  /** Light's κ: the mean of the pairs' Cohen's κ (Light 1971), over the pairs where κ is defined. */
  kappa: Measure;
  /** Krippendorff's αU: see `alphaOver`. */
  alpha: Measure;
  /**
   * "everyone": αU with every annotator as a rater at once (everyone marked every document, as on
   * one article); "pairs": the mean of the pairs' αU (αU needs all its raters on the same text).
   */
  alphaOver: "everyone" | "pairs";
  /** The pairs' link comparisons pooled, with the mean of their κ. */
  links: LinkAgreement;
}

export interface AgreementTable {
  /** The annotators compared: whoever made at least one span of this layer, sorted. */
  raters: string[];
  /** Every pair of raters, in rater order. */
  pairs: PairAgreement[];
  overall: OverallAgreement;
}

/**
 * Every measure for every pair of annotators and overall, over one layer's spans (all entity tags,
 * say) on `paragraphs`. Spans on paragraphs not given are left out (their text is not known).
 * Over several documents (paragraphs with a `documentId`), each pair is compared on the documents
 * both marked, pooled: their spans, their words and one continuum of their paragraphs. `tokens`:
 * the words of the paragraphs when the caller has them already (wordTokens, say over the articles
 * of several tables; words of other paragraphs are ignored), else they are segmented here.
 */
export function agreementTable({ spans, paragraphs, language, tokens: given }: { spans: readonly Span[]; paragraphs: readonly TextParagraph[]; language?: string; tokens?: readonly Token[] }): AgreementTable {
  const documentOf = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph.documentId ?? ""]));
  const placed = spans.filter((span) => documentOf.has(span.paragraphId) && span.end > span.start);
  const byRater = groupBy(placed, (span) => span.annotator);
  const raters = [...byRater.keys()].sort();
  const documentsOf = new Map(raters.map((rater) => [rater, new Set(byRater.get(rater)!.map((span) => documentOf.get(span.paragraphId)!))]));
  const everyDocument = new Set(placed.map((span) => documentOf.get(span.paragraphId)!));

  // The words of each document, in order; a paragraph's words come one after another, so its
  // document is looked up once per paragraph, not per word.
  const tokensOf = new Map<string, Token[]>();
  let paragraphId: string | undefined;
  let words: Token[] | undefined;
  for (const token of given ?? wordTokens(paragraphs, language)) {
    if (token.paragraphId !== paragraphId) {
      paragraphId = token.paragraphId;
      const document = documentOf.get(paragraphId);
      words = document === undefined ? undefined : tokensOf.get(document);
      if (document !== undefined && !words) tokensOf.set(document, (words = []));
    }
    words?.push(token);
  }
  // Each rater's word labels once, per document they marked (no pair of theirs reads others), in the
  // document's word order: a pair joins the two lists of each document both marked.
  const labelIds = new LabelIds();
  const labels = new Map(
    raters.map((rater) => {
      const spansOf = groupBy(byRater.get(rater)!, (span) => documentOf.get(span.paragraphId)!);
      return [rater, new Map([...documentsOf.get(rater)!].map((document) => [document, tokenLabelIds(tokensOf.get(document) ?? [], spansOf.get(document) ?? [], labelIds)]))];
    }),
  );

  /** Krippendorff's αU of `members` over the paragraphs of `documents`, one continuum in reading order. */
  const alphaOf = (members: readonly string[], documents: ReadonlySet<string>): Measure => {
    const offsets = new Map<string, number>();
    let continuum = 0;
    for (const paragraph of paragraphs) {
      if (!documents.has(paragraph.documentId ?? "")) continue;
      offsets.set(paragraph.id, continuum);
      continuum += paragraph.text.length;
    }
    const units: Unit[] = members.flatMap((member) =>
      byRater
        .get(member)!
        .filter((span) => offsets.has(span.paragraphId))
        .map((span) => ({ rater: member, start: offsets.get(span.paragraphId)! + span.start, length: span.end - span.start, category: span.label })),
    );
    return unitizingAlpha({ begin: 0, length: continuum, raters: members, units }).alpha;
  };

  const pairs: PairAgreement[] = [];
  raters.forEach((first, index) => {
    for (const second of raters.slice(index + 1)) {
      const theirs = documentsOf.get(second)!;
      const shared = new Set([...documentsOf.get(first)!].filter((document) => theirs.has(document)));
      const inShared = (span: Span) => shared.has(documentOf.get(span.paragraphId)!);
      const a = byRater.get(first)!.filter(inShared);
      const b = byRater.get(second)!.filter(inShared);
      const matched = overlappingPairs(a, b);
      const firstLabels = labels.get(first)!;
      const secondLabels = labels.get(second)!;
      const sharedDocuments = [...shared];
      pairs.push({
        first,
        second,
        documents: shared.size,
        exact: scoreSpans(a, b, "exact"),
        overlap: scoreSpans(a, b, "overlap"),
        kappa: kappaOfLabelIds(
          sharedDocuments.map((document) => firstLabels.get(document)!),
          sharedDocuments.map((document) => secondLabels.get(document)!),
          labelIds.size,
        ),
        alpha: alphaOf([first, second], shared),
        links: {
          same: matched.filter(([x, y]) => x.link === y.link).length,
          compared: matched.length,
          kappa: cohenKappa(matched.map(([x, y]) => [x.link ?? NO_LINK, y.link ?? NO_LINK] as const)).kappa,
        },
      });
    }
  });
  const everyoneEverywhere = raters.every((rater) => documentsOf.get(rater)!.size === everyDocument.size);
  return {
    raters,
    pairs,
    overall: {
      documents: everyDocument.size,
      f1Exact: meanOf(pairs.map((pair) => pair.exact.f1)),
      f1Overlap: meanOf(pairs.map((pair) => pair.overlap.f1)),
      kappa: meanOf(pairs.map((pair) => pair.kappa.kappa)),
      alpha: raters.length < 2 ? null : everyoneEverywhere ? alphaOf(raters, everyDocument) : meanOf(pairs.map((pair) => pair.alpha)),
      alphaOver: everyoneEverywhere ? "everyone" : "pairs",
      links: {
        same: pairs.reduce((sum, pair) => sum + pair.links.same, 0),
        compared: pairs.reduce((sum, pair) => sum + pair.links.compared, 0),
        kappa: meanOf(pairs.map((pair) => pair.links.kappa)),
      },
    },
  };
}

/** The mean of the defined values, or null when none is. */
function meanOf(values: readonly Measure[]): Measure {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}
