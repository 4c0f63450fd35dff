/** What each measure leaves out, said next to the numbers (a measure that silently drops cases can look too good). */
export const AGREEMENT_NOTES: readonly { measure: string; note: string }[] = [
  { measure: "Precision, recall", note: "take the first-named annotator as the reference: precision is the share of the second one's spans the first also marked, recall the share of the first one's the second found." },
  { measure: "F1 exact", note: "counts a span only when both marked the very same characters with the same label; a span one word longer is a miss." },
  { measure: "F1 overlap", note: "counts overlapping spans with the same label as agreeing, one to one; how far their boundaries differ is dropped." },
  {
    measure: "Cohen's κ",
    note: "compares the label of every word (untagged words count as O); only punctuation and spaces are left out. A word one annotator tagged and the other did not counts as a disagreement, not dropped (INCEpTION drops such positions, which flatters κ).",
  },
  { measure: "Krippendorff's αU", note: "compares the marked stretches character by character, with partial credit for overlapping ones; links (entity, speaker) are ignored, and one person's overlapping spans of one label count as one." },
  { measure: "Overall", note: "the mean over pairs (κ: Light's κ); αU with everyone at once when everyone marked every article measured, else the mean of the pairs' αU (αU needs all its raters on the same text); same speaker pooled over pairs." },
];

/** How a set of articles is pooled (/insights), said before the per-measure notes. */
export const SET_AGREEMENT_NOTES: readonly { measure: string; note: string }[] = [
  {
    measure: "Articles",
    note: "each pair is compared only on the articles both of them marked in this layer, pooled: their spans for precision, recall and F1, their words for κ, their paragraphs as one text for αU. An article only one of them marked is left out for that pair, so work the other never looked at is not counted as a miss; agreement on what both left unmarked is only counted inside those articles.",
  },
  { measure: "Which articles", note: "of the filter's articles, those two or more people marked in this layer, the most marked first up to the limit said above the table." },
];

/** What the quote-speaker comparison counts and drops. */
export const SPEAKER_AGREEMENT_NOTES: readonly { measure: string; note: string }[] = [
  {
    measure: "Quotes both marked",
    note: "the pair's quotes that overlap one another, matched one to one (largest overlap first), on the articles both marked quotes in. A quote only one of them marked is not compared here (it lowers the Quotes table's F1 instead), and how far the two spans' boundaries differ is ignored.",
  },
  { measure: "Same speaker", note: "of those, how many name the same person or organisation; a quote whose speaker was deleted counts as naming no one, which agrees only with another such quote." },
  { measure: "Cohen's κ", note: "the speakers as labels over those quotes, chance from how often each annotator names each speaker; undefined (—) when both always name one and the same speaker." },
  { measure: "Overall", note: "quotes and same speakers added up over the pairs; κ the mean of the pairs' (Light's κ)." },
];
