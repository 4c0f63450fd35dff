import { findQuoteSuggestions } from "@/lib/server/quotes/find-quote-suggestions";
import { annotatorRoute, idParams } from "@/lib/server/route";

/** Find quotes: runs the finder on the article and answers its open suggestions (recording new ones). */
export const POST = annotatorRoute({ action: "find quotes", params: idParams("articleId") }, async ({ actor, params }) => findQuoteSuggestions({ actor, articleId: params.articleId }));
