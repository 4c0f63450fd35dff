/**
 * The most paragraphs one request for more text carries (the text route refuses more: see
 * articleTextQuerySchema). Here, not with the route's zod schema, because the reader's first
 * scripts need the number and not zod.
 */
export const MAX_TEXT_RANGE = 500;

/**
 * The positions after which the reader asks for the rest of an article's text, one request per
 * stretch of `MAX_TEXT_RANGE` paragraphs, all at once: from `loadedUpTo` (the last position it has)
 * to `paragraphCount`. At least one, so a reader that has everything it was told of still asks once
 * whether the text ended there. Positions run 1..paragraphCount, so the stretches meet exactly.
 */
export function textStretchStarts(loadedUpTo: number, paragraphCount: number): number[] {
  const starts: number[] = [];
  for (let after = loadedUpTo; after < paragraphCount || starts.length === 0; after += MAX_TEXT_RANGE) starts.push(after);
  return starts;
}

/**
 * The URL of one stretch (GET /api/articles/<id>/text): the same for every reader of a revision, so
 * a browser or a cache in front may answer it again.
 */
export function textStretchUrl(articleId: string, revision: number, after: number): string {
  return `/api/articles/${encodeURIComponent(articleId)}/text?revision=${revision}&after=${after}&limit=${MAX_TEXT_RANGE}`;
}
