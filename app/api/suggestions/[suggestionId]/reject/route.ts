import { rejectSuggestion } from "@/lib/server/quotes/reject-suggestion";
import { annotatorRoute, idParams } from "@/lib/server/route";

/** Reject: recorded, never suggested again on the article. */
export const POST = annotatorRoute({ action: "reject suggestions", params: idParams("suggestionId") }, async ({ actor, params }) => rejectSuggestion({ actor, suggestionId: params.suggestionId }));
