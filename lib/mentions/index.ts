/**
 * Finding every mention of an entity in text, in any inflected form (lib/morphology lemmas), for
 * "find every mention" suggestions. Pure: strings in, offsets out (no framework, database or DOM).
 */
export { canonicalName } from "./canonical-name";
export { findEntityMentions, mentionNames, MENTION_FINDER_SOURCE, SURNAME_SCORE, type FoundMention, type MentionTarget, type TaggedSpan } from "./find-entity-mentions";
