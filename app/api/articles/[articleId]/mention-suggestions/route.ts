import { findArticleMentionSuggestions } from "@/lib/server/mentions/find-article-mention-suggestions";
import { findMentionsSchema } from "@/lib/server/mentions/mention-suggestion-dto";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";

/** The other mentions of an entity in the article (after tagging it): recorded as suggestions, the open ones answered. */
export const POST = annotatorRoute({ action: "find mentions", params: idParams("articleId"), body: jsonBody(findMentionsSchema) }, async ({ actor, params, body }) =>
  findArticleMentionSuggestions({ actor, articleId: params.articleId, input: body }),
);
