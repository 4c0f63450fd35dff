import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { readableArticleWhere } from "@/lib/permissions/where";
import { forbidden, notFound } from "@/lib/server/errors";
import { loadMentionTarget } from "@/lib/server/mentions/load-mention-target";
import { findMentionsSchema, type MentionSuggestionDTO } from "@/lib/server/mentions/mention-suggestion-dto";
import { recordMentionSuggestions } from "@/lib/server/mentions/record-mention-suggestions";
import { assertMayDecideOn, assertSignedIn } from "@/lib/server/quotes/assert-may-decide";

/**
 * The other mentions of an entity in one article (after the actor tagged it there): found in any
 * inflected form, recorded as suggestions, the open ones returned. Annotators only, since only they
 * may accept them.
 */
export async function findArticleMentionSuggestions({ actor, articleId, input }: { actor: Actor | null; articleId: string; input: unknown }): Promise<MentionSuggestionDTO[]> {
  const { entityId } = findMentionsSchema.parse(input);
  assertSignedIn(actor);
  const article = await db().article.findFirst({ where: { id: articleId, ...readableArticleWhere(actor) }, select: { id: true, language: true, revision: true, archivedAt: true } });
  if (!article) throw notFound("The article");
  if (article.archivedAt) throw forbidden("This article is archived: its annotations are read-only.");
  await assertMayDecideOn(actor, articleId);
  const entity = await loadMentionTarget(db(), actor, entityId);
  return recordMentionSuggestions(actor, entity, [article]);
}
