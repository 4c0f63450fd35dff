import { rejectMentionSuggestion } from "@/lib/server/mentions/reject-mention-suggestion";
import { annotatorRoute, idParams } from "@/lib/server/route";

/** Reject: recorded, never suggested for that entity on the article again. */
export const POST = annotatorRoute({ action: "reject suggestions", params: idParams("articleId", "suggestionId") }, async ({ actor, params }) =>
  rejectMentionSuggestion({ actor, articleId: params.articleId, suggestionId: params.suggestionId }),
);
