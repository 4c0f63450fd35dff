import "server-only";
import { db } from "@/lib/db";
import { spanContext } from "@/lib/format";
import { canRead, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { readableMentionWhere } from "@/lib/permissions/where";
import { annotationSelect, mentionsOfEntity, toAnnotationDTO } from "@/lib/server/annotations/annotation-dto";
import { visibleAliases } from "@/lib/server/entities/visible-aliases";
import { listSpeakerQuotes } from "@/lib/server/quotes/list-speaker-quotes";

const CONTEXT = 90;

export interface EntityMention {
  annotationId: string;
  articleTitle: string;
  articleSlug: string;
  articleLanguage: string;
  /** Only admins are shown mentions on archived articles. */
  articleArchived: boolean;
  paragraphPosition: number;
  before: string;
  exact: string;
  after: string;
  authorName: string;
}

/**
 * A canonical entity and every mention of it the reader may see, across articles, with paragraph
 * context; null when it does not exist or the reader may not know of it (no readable mention, not
 * theirs), so that an unreadable entity and a missing one look alike. Its aliases are the words of
 * those mentions. Its quotes (what it said, see listSpeakerQuotes) come along.
 */
export async function getEntity({ actor, entityId }: { actor: Actor | null; entityId: string }) {
  const entity = await db().entity.findUnique({
    where: { id: entityId },
    select: { id: true, name: true, typeId: true, createdById: true, type: { select: { key: true, label: true, color: true } } },
  });
  if (!entity) return null;
  const rows = await db().annotation.findMany({
    // AND, not spread: both filters are AND lists, and a spread would drop one.
    where: { AND: [mentionsOfEntity(entityId), readableMentionWhere(actor)] },
    orderBy: [{ article: { createdAt: "desc" } }, { paragraph: { position: "asc" } }, { start: "asc" }],
    select: {
      ...annotationSelect,
      article: { select: { title: true, slug: true, language: true, archivedAt: true } },
      paragraph: { select: { position: true, text: true } },
    },
  });
  const quotes = await listSpeakerQuotes(db(), { actor, speakerId: entityId });
  // A readable quote names its speaker (the label on the mark) just as a mention does.
  if (!canRead(actor, { type: "entity", createdById: entity.createdById, readableMentions: rows.length + quotes.length }, readPolicy())) return null;
  const mentions: EntityMention[] = rows.map(({ article, paragraph, ...row }) => {
    const annotation = toAnnotationDTO(row);
    return {
      annotationId: annotation.id,
      articleTitle: article.title,
      articleSlug: article.slug,
      articleLanguage: article.language,
      articleArchived: article.archivedAt !== null,
      paragraphPosition: paragraph.position,
      ...spanContext(paragraph.text, annotation.start, annotation.end, CONTEXT),
      exact: paragraph.text.slice(annotation.start, annotation.end),
      authorName: annotation.author.name,
    };
  });
  // Its type as the reader's own label sets name it (one key, a label per project: same-key-entity.ts):
  // a readable mention's, not that of the label set it was first made in, which may be a Closed desk's.
  const named = rows[0] ? toAnnotationDTO(rows[0]).entityType : null;
  const type = named ? { key: named.key, label: named.label, color: named.color } : entity.type;
  return { id: entity.id, name: entity.name, typeId: entity.typeId, type, aliases: visibleAliases(entity.name, rows.map((row) => row.exact)), mentions, quotes };
}
