import "server-only";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/permissions";
import { acceptIn, findOpenSuggestion } from "@/lib/server/quotes/accept-suggestion";
import { assertSignedIn } from "@/lib/server/quotes/assert-may-decide";
import { findQuoteSuggestions } from "@/lib/server/quotes/find-quote-suggestions";
import { loadSpeakerCandidates } from "@/lib/server/quotes/speaker-candidates";
import { acceptAllSuggestionsSchema } from "@/lib/server/quotes/suggestion-dto";

/**
 * Accept all: accepts every open, unmarked suggestion on the article that the finder is confident
 * of (score ≥ CONFIDENT), each with its suggested speaker, in one transaction (all or none).
 */
export async function acceptConfidentSuggestions({ actor, articleId, input }: { actor: Actor | null; articleId: string; input: unknown }): Promise<AnnotationDTO[]> {
  const { visibility } = acceptAllSuggestionsSchema.parse(input);
  assertSignedIn(actor);
  // Find quotes checks that they may decide on the article (their role in its project layer).
  const confident = (await findQuoteSuggestions({ actor, articleId })).filter((suggestion) => suggestion.confident);
  return db().$transaction(
    async (tx) => {
      const created: AnnotationDTO[] = [];
      for (const { id } of confident) {
        const suggestion = await findOpenSuggestion(tx, actor, id);
        // Looked up again each time: a speaker created for one quote is the one the next quote's words name.
        created.push(await acceptIn(tx, { actor, suggestion, input: { visibility }, speakers: await loadSpeakerCandidates(tx, actor) }));
      }
      return created;
    },
    { timeout: 30_000 },
  );
}
