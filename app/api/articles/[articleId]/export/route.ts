import { downloadResponse } from "@/lib/server/exports/download-response";
import { exportArticle } from "@/lib/server/exports/export-article";
import { idParams, readerRoute } from "@/lib/server/route";
import { exportQuerySchema } from "@/lib/validations/export";

/** `?format=w3c|csv|markdown|conll|doccano|spacy[&bom=1]`: the article with what this reader may see, as a file. */
export const GET = readerRoute(
  { action: "export this article", params: idParams("articleId"), query: exportQuerySchema },
  async ({ actor, params, query }) => downloadResponse(await exportArticle({ actor, articleId: params.articleId, query })),
);
