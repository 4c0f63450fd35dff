import { acceptSuggestion } from "@/lib/server/quotes/accept-suggestion";
import { acceptSuggestionSchema } from "@/lib/server/quotes/suggestion-dto";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";

/** Accept: the suggestion becomes a quote (optionally with another speaker). */
export const POST = annotatorRoute({ action: "accept suggestions", params: idParams("suggestionId"), body: jsonBody(acceptSuggestionSchema), status: 201 }, async ({ actor, params, body }) =>
  acceptSuggestion({ actor, suggestionId: params.suggestionId, input: body }),
);
