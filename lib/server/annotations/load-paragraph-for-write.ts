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

type ParagraphRow = ParagraphForWrite & { article: { revision: number; archivedAt: Date | null } };

/**
 * The paragraph a new annotation or note targets, checked to belong to the
 * article's current revision; the article must exist and not be archived.
 */
export async function loadParagraphForWrite(tx: Prisma.TransactionClient, articleId: string, paragraphId: string): Promise<ParagraphForWrite> {
  const row = await tx.paragraph.findUnique({
    where: { id: paragraphId },
    select: { id: true, articleId: true, revision: true, text: true, article: { select: { revision: true, archivedAt: true } } },
  });
  return checkWritable(row, articleId, async () => Boolean(await tx.article.findUnique({ where: { id: articleId }, select: { id: true } })));
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

/** The same, read through the direct pool (see direct-pool.ts). */
export async function loadParagraphForWriteDirect(articleId: string, paragraphId: string): Promise<ParagraphForWrite> {
  const { rows } = await directPool().query<ParagraphForWrite & { articleRevision: number; archivedAt: Date | null }>(
    `SELECT "p"."id", "p"."articleId", "p"."revision", "p"."text", "a"."revision" AS "articleRevision", "a"."archivedAt"
     FROM "Paragraph" AS "p" JOIN "Article" AS "a" ON "a"."id" = "p"."articleId" WHERE "p"."id" = $1`,
    [paragraphId],
  );
  const row = rows[0] ? { id: rows[0].id, articleId: rows[0].articleId, revision: rows[0].revision, text: rows[0].text, article: { revision: rows[0].articleRevision, archivedAt: rows[0].archivedAt } } : null;
  return checkWritable(row, articleId, async () => ((await directPool().query(`SELECT 1 FROM "Article" WHERE "id" = $1`, [articleId])).rowCount ?? 0) > 0);
}

// One query on the way that succeeds; the article is looked up alone only to word a refusal.
async function checkWritable(row: ParagraphRow | null, articleId: string, articleExists: () => Promise<boolean>): Promise<ParagraphForWrite> {
  if (!row || row.articleId !== articleId) {
    if (!(await articleExists())) throw notFound("The article");
    throw new AppError("UNPROCESSABLE", "The paragraph does not belong to this article.");
  }
  if (row.article.archivedAt) throw new AppError("CONFLICT", "This article is archived: its annotations and notes are read-only.");
  if (row.revision !== row.article.revision) {
    throw new AppError("UNPROCESSABLE", "The paragraph belongs to an older revision of this article: reload the page.");
  }
  return { id: row.id, articleId: row.articleId, revision: row.revision, text: row.text };
}

/** Re-checks a client's selector against the stored paragraph text (422 when they disagree). */
export function assertSelectorMatches(text: string, selector: SelectorInput): void {
  const result = validateSelector(text, selector);
  if (!result.ok) throw new AppError("UNPROCESSABLE", result.reason);
}
