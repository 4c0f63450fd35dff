import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { notFound } from "@/lib/server/errors";
import { assertSignedIn } from "@/lib/server/quotes/assert-may-decide";
import { rejectSuggestion } from "@/lib/server/quotes/reject-suggestion";
import { readableArticleWhere } from "@/lib/permissions/where";

/** Rejects a suggested mention on an article: remembered (who, when), never suggested for that entity there again. */
export async function rejectMentionSuggestion({ actor, articleId, suggestionId }: { actor: Actor | null; articleId: string; suggestionId: string }): Promise<{ id: string }> {
  assertSignedIn(actor);
  const suggestion = await db().suggestion.findFirst({ where: { id: suggestionId, articleId, kind: "ENTITY", article: readableArticleWhere(actor) }, select: { id: true } });
  if (!suggestion) throw notFound("The suggestion");
  return rejectSuggestion({ actor, suggestionId });
}
