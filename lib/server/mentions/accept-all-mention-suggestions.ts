import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { acceptMentionIn } from "@/lib/server/mentions/accept-mention-suggestion";
import { acceptAllMentionsSchema } from "@/lib/server/mentions/mention-suggestion-dto";
import { findArticleMentionSuggestions } from "@/lib/server/mentions/find-article-mention-suggestions";
import { findOpenSuggestion } from "@/lib/server/quotes/accept-suggestion";
import { assertSignedIn } from "@/lib/server/quotes/assert-may-decide";

/**
 * Accept all (per article): every open suggested mention of the entity on the article that the actor
 * sees untagged becomes a tag linked to it, in one transaction (all or none).
 */
export async function acceptAllMentionSuggestions({ actor, articleId, input }: { actor: Actor | null; articleId: string; input: unknown }): Promise<AnnotationDTO[]> {
  const { entityId, visibility } = acceptAllMentionsSchema.parse(input);
  assertSignedIn(actor);
  // The same list the actor was shown (re-found, so nothing they could not see is tagged).
  const open = await findArticleMentionSuggestions({ actor, articleId, input: { entityId } });
  return db().$transaction(
    async (tx) => {
      const created: AnnotationDTO[] = [];
      for (const { id } of open) {
        const suggestion = await findOpenSuggestion(tx, actor, id);
        created.push(await acceptMentionIn(tx, { actor, suggestion, visibility }));
      }
      return created;
    },
    { timeout: 30_000 },
  );
}
