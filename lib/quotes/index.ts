/**
 * Quote finding: direct quotations in news text and who said them, and the link from a speaker's
 * words to a known entity. Pure: strings in, offsets and data out (no framework, database or DOM).
 */
export { CONFIDENT, findQuotes, type FindQuotesOptions, type QuoteCandidate, type TextSpan } from "./find-quotes";
export { linkSpeaker, type SpeakerEntity } from "./link-speaker";
export { speakerPhrase } from "./speaker-phrase";
