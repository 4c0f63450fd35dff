import "server-only";
import { formatMegabytes, readCappedBytes, type BodySpec } from "@/lib/server/route/body";
import { AppError } from "@/lib/server/errors";

/** The largest annotation file taken: Glossa's export of an article with 10,000 annotations is about 15 MB. */
export const MAX_ANNOTATION_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The body of an annotation import: a W3C JSON-LD file as sent by the Annotations tab (its media
 * type as JSON-LD, or plain JSON for a file the browser does not know), capped as it is read,
 * and parsed as JSON with messages that speak of the file.
 */
export const annotationFileBody: BodySpec<unknown> = {
  types: ["application/ld+json", "application/json"],
  limit: () => MAX_ANNOTATION_FILE_BYTES,
  tooLarge: () => `The file is too large: the limit is ${formatMegabytes(MAX_ANNOTATION_FILE_BYTES)}.`,
  async read(request, { limit, tooLarge }) {
    const bytes = await readCappedBytes(request, limit, tooLarge);
    if (bytes.length === 0) throw new AppError("INVALID_INPUT", "The file is empty.");
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new AppError("INVALID_INPUT", "The file is not UTF-8 text.");
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new AppError("INVALID_INPUT", `The file is not JSON: ${(error as Error).message}`);
    }
  },
};
