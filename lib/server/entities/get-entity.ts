import "server-only";
import { db } from "@/lib/db";
import { visibleTo } from "@/lib/server/annotations/annotation-dto";

const CONTEXT = 90;

export interface EntityMention {
  annotationId: string;
  articleTitle: string;
  articleSlug: string;
  articleLanguage: string;
  paragraphPosition: number;
  before: string;
  exact: string;
  after: string;
  authorName: string;
}

/** A canonical entity and every mention of it the reader may see, across articles, with paragraph context. */
export async function getEntity({ entityId, actorId }: { entityId: string; actorId: string | null }) {
  const entity = await db().entity.findUnique({
    where: { id: entityId },
    select: { id: true, name: true, aliases: true, type: { select: { key: true, label: true, color: true } } },
  });
  if (!entity) return null;
  const rows = await db().annotation.findMany({
    where: { entityId, deletedAt: null, anchorStatus: { not: "ORPHANED" }, ...visibleTo(actorId) },
    orderBy: [{ article: { createdAt: "desc" } }, { paragraph: { position: "asc" } }, { start: "asc" }],
    select: {
      id: true,
      start: true,
      end: true,
      exact: true,
      author: { select: { name: true } },
      article: { select: { title: true, slug: true, language: true, archivedAt: true } },
      paragraph: { select: { position: true, text: true } },
    },
  });
  const mentions: EntityMention[] = rows
    .filter((row) => !row.article.archivedAt)
    .map((row) => ({
      annotationId: row.id,
      articleTitle: row.article.title,
      articleSlug: row.article.slug,
      articleLanguage: row.article.language,
      paragraphPosition: row.paragraph.position,
      before: clipStart(row.paragraph.text.slice(0, row.start)),
      exact: row.paragraph.text.slice(row.start, row.end),
      after: clipEnd(row.paragraph.text.slice(row.end)),
      authorName: row.author.name,
    }));
  return { ...entity, mentions };
}

function clipStart(text: string): string {
  if (text.length <= CONTEXT) return text;
  const cut = text.slice(-CONTEXT);
  return `…${cut.slice(cut.indexOf(" ") + 1)}`;
}

function clipEnd(text: string): string {
  if (text.length <= CONTEXT) return text;
  const cut = text.slice(0, CONTEXT);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}
