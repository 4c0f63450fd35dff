import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableMentionWhere } from "@/lib/permissions/where";

export interface SpeakerQuote {
  annotationId: string;
  exact: string;
  articleTitle: string;
  articleSlug: string;
  articleLanguage: string;
  /** Only admins are shown quotes on archived articles. */
  articleArchived: boolean;
  /** When the article was published (or, without a date, imported): ISO 8601. */
  date: string;
  authorName: string;
}

/**
 * What an entity said: every quote attributed to it (kind QUOTE, speakerId) that the reader may
 * read, under the same rule as an entity's mentions (readable work on an article they may open,
 * still placed on the text), newest article first.
 */
export async function listSpeakerQuotes(client: Prisma.TransactionClient, { actor, speakerId }: { actor: Actor | null; speakerId: string }): Promise<SpeakerQuote[]> {
  const rows = await client.annotation.findMany({
    where: { kind: "QUOTE", speakerId, ...readableMentionWhere(actor) },
    orderBy: [{ article: { publishedAt: { sort: "desc", nulls: "last" } } }, { article: { createdAt: "desc" } }, { paragraph: { position: "asc" } }, { start: "asc" }],
    select: {
      id: true,
      exact: true,
      author: { select: { name: true } },
      article: { select: { title: true, slug: true, language: true, archivedAt: true, publishedAt: true, createdAt: true } },
    },
  });
  return rows.map(({ id, exact, author, article }) => ({
    annotationId: id,
    exact,
    articleTitle: article.title,
    articleSlug: article.slug,
    articleLanguage: article.language,
    articleArchived: article.archivedAt !== null,
    date: (article.publishedAt ?? article.createdAt).toISOString(),
    authorName: author.name,
  }));
}
