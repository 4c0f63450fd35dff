import { downloadResponse } from "@/lib/server/exports/download-response";
import { exportCorpus } from "@/lib/server/exports/export-corpus";
import { readerRoute } from "@/lib/server/route";
import { corpusExportQuerySchema } from "@/lib/validations/export";

/**
 * `?format=w3c|csv|markdown|conll|doccano|spacy[&bom=1][&q=search]`: every article this reader
 * may open (or the ones the search `q` finds) with what they may see on it, as one streamed
 * file; `X-Export-Total` and `X-Export-Unit` say how much it will hold, for a progress bar.
 */
export const GET = readerRoute({ action: "export the library", query: corpusExportQuerySchema }, async ({ actor, query }) => downloadResponse(await exportCorpus({ actor, query })));
