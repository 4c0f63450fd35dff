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
  { measure: "Overall", note: "the mean over pairs (κ: Light's κ); αU with everyone at once; same speaker pooled over pairs." },
];
