/*
 * Inter-annotator agreement: pure measures over plain spans (no framework, no database), shared by
 * the reader's Agreement and Disagreements views (computed live from the annotations the reader
 * already holds, so every number is over what the viewer may read) and tests.
 */
export type { Measure, Span, TextParagraph } from "./types";
export { scoreSpans, overlappingPairs, type MatchMode, type SpanScores } from "./span-match";
export { cohenKappa, tokenKappa, tokenLabels, wordTokens, OUTSIDE, type KappaResult, type Token } from "./kappa";
export { unitizingAlpha, type CategoryAlpha, type Unit, type UnitizingAlpha, type UnitizingStudy } from "./unitizing-alpha";
export { agreementTable, type AgreementTable, type LinkAgreement, type OverallAgreement, type PairAgreement } from "./table";
export { findDisagreements, type Disagreement, type DisagreementReason, type Version } from "./disagreements";
export type { CuratedAnnotationDTO } from "./curated";
export { AGREEMENT_LAYERS, AGREEMENT_LAYER_KEYS, layerSpans, type AgreementLayer, type LayerAgreement } from "./layers";
export { AGREEMENT_NOTES, SET_AGREEMENT_NOTES, SPEAKER_AGREEMENT_NOTES } from "./notes";
