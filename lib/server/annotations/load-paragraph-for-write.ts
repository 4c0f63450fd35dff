import "server-only";
import { validateSelector, type SelectorInput } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/server/errors";

/**
 * The paragraph a new annotation or note targets, checked to belong to the
 * article's current revision; the article must exist and not be archived.
 */
export async function loadParagraphForWrite(tx: Prisma.TransactionClient, articleId: string, paragraphId: string) {
  // One query on the way that succeeds; the article is looked up alone only to word a refusal.
  const paragraph = await tx.paragraph.findUnique({
    where: { id: paragraphId },
    select: { id: true, articleId: true, revision: true, text: true, article: { select: { revision: true, archivedAt: true } } },
  });
  if (!paragraph || paragraph.articleId !== articleId) {
    if (!(await tx.article.findUnique({ where: { id: articleId }, select: { id: true } }))) throw notFound("The article");
    throw new AppError("UNPROCESSABLE", "The paragraph does not belong to this article.");
  }
  if (paragraph.article.archivedAt) throw new AppError("CONFLICT", "This article is archived: its annotations and notes are read-only.");
  if (paragraph.revision !== paragraph.article.revision) {
    throw new AppError("UNPROCESSABLE", "The paragraph belongs to an older revision of this article: reload the page.");
  }
  return { id: paragraph.id, articleId: paragraph.articleId, revision: paragraph.revision, text: paragraph.text };
}

/** Re-checks a client's selector against the stored paragraph text (422 when they disagree). */
export function assertSelectorMatches(text: string, selector: SelectorInput): void {
  const result = validateSelector(text, selector);
  if (!result.ok) throw new AppError("UNPROCESSABLE", result.reason);
}
