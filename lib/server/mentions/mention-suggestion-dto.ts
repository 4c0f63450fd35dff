import "server-only";
import { z } from "zod";
import { MENTION_FINDER_SOURCE } from "@/lib/mentions";
import { visibilitySchema } from "@/lib/validations/annotation";
import { storableString } from "@/lib/validations/storable";

/**
 * The source stored with a mention suggestion: the finder and version, and the entity it is a
 * mention of. The entity is part of it so that the same words suggested for two entities (Путин and
 * Владимир Путин before they are merged) are two suggestions, each rejected on its own
 * (Suggestion is unique by span, kind and source). Precision per finder version:
 * `source LIKE 'findEntityMentions@1#%'`.
 */
export function mentionSource(entityId: string): string {
  return `${MENTION_FINDER_SOURCE}#${entityId}`;
}

/** What the mention finder proposes besides the words: the entity they mention, and the name that matched. */
export const proposedMentionSchema = z.object({ entityId: z.string(), via: z.string() });

/** One suggested mention, as the reader's Suggestions region and the entity page show it. */
export interface MentionSuggestionDTO {
  id: string;
  articleId: string;
  paragraphId: string;
  paragraphPosition: number;
  start: number;
  end: number;
  exact: string;
  /** Words around the mention, for reading it in context (entity page). */
  before: string;
  after: string;
  entity: { id: string; name: string };
  score: number;
}

const id = storableString().trim().min(1, "is required").max(64, "is not a valid id");

/** Which entity's other mentions to find. */
export const findMentionsSchema = z.object({ entityId: id }).strict();
/** Accepting one suggested mention: the new tag's visibility. */
export const acceptMentionSchema = z.object({ visibility: visibilitySchema.default("SHARED") }).strict();
/** Accept all: one entity's open suggestions on one article, and the new tags' visibility. */
export const acceptAllMentionsSchema = z.object({ entityId: id, visibility: visibilitySchema.default("SHARED") }).strict();
