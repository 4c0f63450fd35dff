import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { AppError } from "@/lib/server/errors";
import { publishEvent } from "@/lib/server/live/publish-event";

/**
 * Records a decision on an open suggestion — who decided and when, so the finders' precision on
 * real use can be measured — and tells the article's open readers (`suggestion.decided` on the
 * live feed, heard on commit: their Suggestions regions drop it), in the caller's transaction.
 * The suggestion is claimed with a conditional update: of two people deciding at once, the second
 * gets a 409 rather than making a second quote or tag.
 */
export async function decideSuggestion(
  tx: Prisma.TransactionClient,
  { actor, suggestion, status }: { actor: Actor; suggestion: { id: string; articleId: string }; status: "ACCEPTED" | "REJECTED" },
): Promise<void> {
  const { count } = await tx.suggestion.updateMany({ where: { id: suggestion.id, status: "OPEN" }, data: { status, decidedById: actor.id, decidedAt: new Date() } });
  if (count === 0) throw new AppError("CONFLICT", "This suggestion was decided meanwhile.");
  // No audience: whoever may read the article sees its suggestions (they belong to no layer, and say nothing of the quote made).
  await publishEvent(tx, suggestion.articleId, { type: "suggestion.decided", suggestionId: suggestion.id, status }, null);
}
