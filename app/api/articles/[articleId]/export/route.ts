import { downloadResponse } from "@/lib/server/exports/download-response";
import { exportArticle } from "@/lib/server/exports/export-article";
import { idParams, readerRoute } from "@/lib/server/route";
import { articleExportQuerySchema } from "@/lib/validations/export";

/** `?format=w3c|csv|markdown|conll|doccano|spacy[&bom=1][&layer=<project id>]`: the article with what this reader sees in one project layer, as a file. */
export const GET = readerRoute(
  { action: "export this article", params: idParams("articleId"), query: articleExportQuerySchema },
  async ({ actor, params, query }) => downloadResponse(await exportArticle({ actor, articleId: params.articleId, query })),
);
