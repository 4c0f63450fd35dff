import { exportCurated } from "@/lib/server/agreement/export-curated";
import { downloadResponse } from "@/lib/server/exports/download-response";
import { idParams, readerRoute } from "@/lib/server/route";
import { exportQuerySchema } from "@/lib/validations/export";

/** `?format=w3c|csv|markdown|conll|doccano|spacy[&bom=1]`: the article's curated (gold) layer as a file. */
export const GET = readerRoute(
  { action: "export this article", params: idParams("articleId"), query: exportQuerySchema },
  async ({ actor, params, query }) => downloadResponse(await exportCurated({ actor, articleId: params.articleId, query })),
);
