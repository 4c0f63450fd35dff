import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { assertMayDecide, findOpenSuggestion } from "@/lib/server/quotes/accept-suggestion";
import { AppError } from "@/lib/server/errors";

/** Rejects a suggestion for good: recorded with who and when, it is never suggested on the article again. */
export async function rejectSuggestion({ actor, suggestionId }: { actor: Actor | null; suggestionId: string }): Promise<{ id: string }> {
  assertMayDecide(actor);
  return db().$transaction(async (tx) => {
    await findOpenSuggestion(tx, actor, suggestionId);
    const { count } = await tx.suggestion.updateMany({ where: { id: suggestionId, status: "OPEN" }, data: { status: "REJECTED", decidedById: actor.id, decidedAt: new Date() } });
    if (count === 0) throw new AppError("CONFLICT", "This suggestion was decided meanwhile.");
    return { id: suggestionId };
  });
}
