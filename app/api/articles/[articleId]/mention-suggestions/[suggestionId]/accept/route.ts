import { acceptMentionSuggestion } from "@/lib/server/mentions/accept-mention-suggestion";
import { acceptMentionSchema } from "@/lib/server/mentions/mention-suggestion-dto";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";

/** Accept: the suggested mention becomes an entity tag linked to the suggested entity. */
export const POST = annotatorRoute({ action: "accept suggestions", params: idParams("articleId", "suggestionId"), body: jsonBody(acceptMentionSchema), status: 201 }, async ({ actor, params, body }) =>
  acceptMentionSuggestion({ actor, articleId: params.articleId, suggestionId: params.suggestionId, input: body }),
);
