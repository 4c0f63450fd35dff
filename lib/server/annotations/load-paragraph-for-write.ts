import "server-only";
import { validateSelector, type SelectorInput } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { directPool } from "@/lib/server/direct-pool";
import { AppError, notFound } from "@/lib/server/errors";

export interface ParagraphForWrite {
  id: string;
  articleId: string;
  revision: number;
  text: string;
}

/**
 * The one read every write on an article's text goes through (this file's functions and the
 * highlight fast path's single statement): the article row with the target paragraph, the
 * article locked FOR SHARE. A revision (reviseArticle) holds that row FOR UPDATE from its first
 * statement to its commit, so a write and a revision of one article are ordered: a write that
 * locked first commits before the revision reads the annotations and notes it re-anchors, and a
 * write that comes second waits, then sees the new revision (PostgreSQL re-reads a row it waited
 * for) and is refused with 409 — never left on the old text, unlisted. `$1` is the article id,
 * `$2` the paragraph id; `writable` says whether a new annotation or note may go there.
 */
export const LOCKED_PARAGRAPH_SQL = `
  SELECT "p"."id", "p"."articleId", "p"."revision", "p"."text", "a"."revision" AS "articleRevision", "a"."archivedAt",
         ("p"."revision" = "a"."revision" AND "a"."archivedAt" IS NULL) AS "writable"
  FROM "Article" AS "a" LEFT JOIN "Paragraph" AS "p" ON "p"."id" = $2 AND "p"."articleId" = "a"."id"
  WHERE "a"."id" = $1
  FOR SHARE OF "a"`;

interface LockedRow {
  id: string | null;
  articleId: string | null;
  revision: number | null;
  text: string | null;
  articleRevision: number;
  archivedAt: Date | null;
}

/**
 * The paragraph a new annotation or note targets, checked to belong to the article's current
 * revision; the article must exist and not be archived. Locks the article for the rest of the
 * caller's transaction (see LOCKED_PARAGRAPH_SQL), so write inside that transaction.
 */
export async function loadParagraphForWrite(tx: Prisma.TransactionClient, articleId: string, paragraphId: string): Promise<ParagraphForWrite> {
  return checkWritable(await tx.$queryRawUnsafe<LockedRow[]>(LOCKED_PARAGRAPH_SQL, articleId, paragraphId));
}

/**
 * The same for the highlight fast path, whose insert re-checks the revision and archiving in
 * its own statement: a paragraph that passed this check once is then taken from memory.
 * Paragraph rows are never updated (a new revision makes new rows), so a remembered one cannot
 * go stale; an archived article or a new revision still fails that insert, which then calls
 * loadParagraphForWriteDirect to word the refusal.
 */
export async function loadParagraphForHighlight(articleId: string, paragraphId: string): Promise<ParagraphForWrite> {
  const remembered = checkedParagraphs.get(paragraphId);
  if (remembered?.articleId === articleId) {
    // Most recently used last, so the oldest are dropped first.
    checkedParagraphs.delete(paragraphId);
    checkedParagraphs.set(paragraphId, remembered);
    return remembered;
  }
  const paragraph = await loadParagraphForWriteDirect(articleId, paragraphId);
  remember(paragraph);
  return paragraph;
}

const MAX_REMEMBERED_CHARACTERS = 4_000_000;
const checkedParagraphs = new Map<string, ParagraphForWrite>();
let rememberedCharacters = 0;

function remember(paragraph: ParagraphForWrite): void {
  const previous = checkedParagraphs.get(paragraph.id);
  if (previous) rememberedCharacters -= previous.text.length;
  checkedParagraphs.delete(paragraph.id);
  checkedParagraphs.set(paragraph.id, paragraph);
  rememberedCharacters += paragraph.text.length;
  for (const [id, oldest] of checkedParagraphs) {
    if (rememberedCharacters <= MAX_REMEMBERED_CHARACTERS) break;
    checkedParagraphs.delete(id);
    rememberedCharacters -= oldest.text.length;
  }
}

/** The same, read through the direct pool (see direct-pool.ts); a revision under way is waited for. */
export async function loadParagraphForWriteDirect(articleId: string, paragraphId: string): Promise<ParagraphForWrite> {
  return checkWritable((await directPool().query<LockedRow>(LOCKED_PARAGRAPH_SQL, [articleId, paragraphId])).rows);
}

function checkWritable(rows: LockedRow[]): ParagraphForWrite {
  const row = rows[0];
  if (!row) throw notFound("The article");
  if (row.id === null || row.articleId === null || row.revision === null || row.text === null) {
    throw new AppError("UNPROCESSABLE", "The paragraph does not belong to this article.");
  }
  if (row.archivedAt) throw new AppError("CONFLICT", "This article is archived: its annotations and notes are read-only.");
  if (row.revision !== row.articleRevision) {
    // Usually a re-import that committed while the page was open (or while this write waited for it).
    throw new AppError("CONFLICT", "The article was just updated and this paragraph belongs to its older text: reload the page, then try again.");
  }
  return { id: row.id, articleId: row.articleId, revision: row.revision, text: row.text };
}

/** Re-checks a client's selector against the stored paragraph text (422 when they disagree). */
export function assertSelectorMatches(text: string, selector: SelectorInput): void {
  const result = validateSelector(text, selector);
  if (!result.ok) throw new AppError("UNPROCESSABLE", result.reason);
}
