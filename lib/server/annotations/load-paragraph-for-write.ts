import "server-only";
import { validateSelector, type SelectorInput } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/server/errors";

/**
 * The paragraph a new annotation or note targets, checked to belong to the
 * article's current revision; the article must exist and not be archived.
 */
export async function loadParagraphForWrite(tx: Prisma.TransactionClient, articleId: string, paragraphId: string) {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, revision: true, archivedAt: true } });
  if (!article) throw notFound("The article");
  if (article.archivedAt) throw new AppError("CONFLICT", "This article is archived: its annotations and notes are read-only.");
  const paragraph = await tx.paragraph.findUnique({ where: { id: paragraphId }, select: { id: true, articleId: true, revision: true, text: true } });
  if (!paragraph || paragraph.articleId !== article.id) {
    throw new AppError("UNPROCESSABLE", "The paragraph does not belong to this article.");
  }
  if (paragraph.revision !== article.revision) {
    throw new AppError("UNPROCESSABLE", "The paragraph belongs to an older revision of this article: reload the page.");
  }
  return paragraph;
}

/** Re-checks a client's selector against the stored paragraph text (422 when they disagree). */
export function assertSelectorMatches(text: string, selector: SelectorInput): void {
  const result = validateSelector(text, selector);
  if (!result.ok) throw new AppError("UNPROCESSABLE", result.reason);
}
