import { acceptAllMentionSuggestions } from "@/lib/server/mentions/accept-all-mention-suggestions";
import { acceptAllMentionsSchema } from "@/lib/server/mentions/mention-suggestion-dto";
import { annotatorRoute, idParams, jsonBody } from "@/lib/server/route";

/** Accept all: the entity's open suggested mentions on the article become tags, all or none. */
export const POST = annotatorRoute({ action: "accept suggestions", params: idParams("articleId"), body: jsonBody(acceptAllMentionsSchema), status: 201 }, async ({ actor, params, body }) =>
  acceptAllMentionSuggestions({ actor, articleId: params.articleId, input: body }),
);
