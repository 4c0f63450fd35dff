import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { findOpenSuggestion } from "@/lib/server/quotes/accept-suggestion";
import { assertMayDecideOn, assertSignedIn } from "@/lib/server/quotes/assert-may-decide";
import { decideSuggestion } from "@/lib/server/quotes/decide-suggestion";

/**
 * Rejects a suggestion for good: recorded with who and when (and heard live by the article's open
 * readers), it is never suggested on the article again. Deciding is annotating the article: their
 * role in its project layer decides whether they may.
 */
export async function rejectSuggestion({ actor, suggestionId }: { actor: Actor | null; suggestionId: string }): Promise<{ id: string }> {
  assertSignedIn(actor);
  return db().$transaction(async (tx) => {
    const suggestion = await findOpenSuggestion(tx, actor, suggestionId);
    await assertMayDecideOn(actor, suggestion.articleId, tx);
    await decideSuggestion(tx, { actor, suggestion, status: "REJECTED" });
    return { id: suggestionId };
  });
}
