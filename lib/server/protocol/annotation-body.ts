import "server-only";
import { DEFAULT_JSON_LIMIT, formatMegabytes, parseJsonBytes, readCappedBytes, type BodySpec } from "@/lib/server/route";

/**
 * The body of a POST or PUT: one Web Annotation as JSON-LD (any profile; the anno context is what
 * is read) or plain JSON, at most 1 MB, parsed here and validated against the W3C model by the use
 * case.
 */
export const annotationBody: BodySpec<unknown> = {
  types: ["application/ld+json", "application/json"],
  limit: () => DEFAULT_JSON_LIMIT,
  tooLarge: () => `An annotation must be at most ${formatMegabytes(DEFAULT_JSON_LIMIT)}.`,
  read: async (request, { limit, tooLarge }) => parseJsonBytes(await readCappedBytes(request, limit, tooLarge)),
};
