import { acceptConfidentSuggestions } from "@/lib/server/quotes/accept-confident-suggestions";
import { acceptAllSuggestionsSchema } from "@/lib/server/quotes/suggestion-dto";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";

/** Accept all: the confident open suggestions become quotes, all or none. */
export const POST = annotatorRoute({ action: "accept suggestions", params: idParams("articleId"), body: jsonBody(acceptAllSuggestionsSchema), status: 201 }, async ({ actor, params, body }) =>
  acceptConfidentSuggestions({ actor, articleId: params.articleId, input: body }),
);
