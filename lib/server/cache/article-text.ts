import "server-only";
import { VersionedCache } from "@/lib/cache/versioned-cache";
import { db } from "@/lib/db";

export interface ArticleTextPart {
  paragraphs: { id: string; position: number; kind: "PARAGRAPH" | "HEADING" | "BLOCKQUOTE" | "LIST_ITEM"; text: string }[];
  /** Whether the revision has paragraphs after these. */
  more: boolean;
  /** How many paragraphs the revision has in all. */
  paragraphCount: number;
}

/**
 * Stretches of articles' revisions. A revision's text never changes (a re-import makes a new
 * revision), so the revision is the whole version: no write needs to invalidate it, and an
 * instance that finds another revision in the database reads afresh. Bounded by characters held.
 */
const texts = new VersionedCache<ArticleTextPart>({
  maxEntries: 5000,
  // Characters (two bytes each): about 32 MB at most.
  maxWeight: 16 * 1024 * 1024,
  weigh: (part) => part.paragraphs.reduce((sum, paragraph) => sum + paragraph.text.length + 64, 64),
});

/**
 * The paragraphs of the article's `revision` after position `after` (from the start by
 * default), at most `limit` of them (all when undefined), in reading order, from the cache.
 */
export function articleTextPart(articleId: string, revision: number, { after = 0, limit }: { after?: number; limit?: number } = {}): Promise<ArticleTextPart> {
  return texts.get(`${articleId}:${after}:${limit ?? "all"}`, String(revision), async () => {
    const onText = { articleId, revision };
    // One more than asked tells whether the text goes on.
    const [rows, paragraphCount] = await Promise.all([
      db().paragraph.findMany({
        where: { ...onText, position: { gt: after } },
        orderBy: { position: "asc" },
        take: limit === undefined ? undefined : limit + 1,
        select: { id: true, position: true, kind: true, text: true },
      }),
      db().paragraph.count({ where: onText }),
    ]);
    return { paragraphs: limit === undefined ? rows : rows.slice(0, limit), more: limit !== undefined && rows.length > limit, paragraphCount };
  });
}
