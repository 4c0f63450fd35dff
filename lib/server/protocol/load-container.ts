import "server-only";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { w3cArticleAnnotations, type ExportParagraph, type WebAnnotation } from "@/lib/exporting";
import type { Actor } from "@/lib/permissions";
import { listArticleAnnotations } from "@/lib/server/annotations/list-article-annotations";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { notFound } from "@/lib/server/errors";
import { protocolIris, type ProtocolIris } from "@/lib/server/protocol/protocol-iris";

/** An annotation as the protocol serves it, with what conditional writes and permission checks need. */
export interface ContainedAnnotation {
  id: string;
  annotationId: string;
  document: WebAnnotation & { canonical?: string; via?: string };
  dto: AnnotationDTO;
  /** The notes on it (its TextualBody comments), oldest first. */
  notes: NoteDTO[];
}

export interface LoadedContainer {
  article: { id: string; slug: string; title: string; paragraphs: ExportParagraph[] };
  iris: ProtocolIris;
  /** What the requester may read, oldest first (a new annotation goes on the last page). */
  annotations: ContainedAnnotation[];
}

/**
 * An article's container as this requester may see it: the article must be readable (401 when
 * sign-in is required, 404 otherwise, like every read), and the annotations are the ones the
 * reader shows them (lib/permissions row filters), each mapped by the W3C export's writer, with
 * the notes on it as TextualBody bodies and the canonical/via a protocol client gave.
 */
export async function loadContainer({ actor, slug }: { actor: Actor | null; slug: string }): Promise<LoadedContainer> {
  const found = await db().article.findUnique({ where: { slug }, select: { id: true } });
  if (!found) throw notFound("The article");
  const articleId = found.id;
  const { revision } = await findReadableArticle(actor, articleId);
  const [article, paragraphs, { annotations, notes }] = await Promise.all([
    db().article.findUniqueOrThrow({ where: { id: articleId }, select: { id: true, slug: true, title: true, language: true } }),
    db().paragraph.findMany({ where: { articleId, revision }, orderBy: { position: "asc" }, select: { id: true, position: true, text: true } }),
    listArticleAnnotations({ actorId: actor?.id ?? null, articleId, revision }),
  ]);
  const iris = protocolIris(article.slug);
  const ordered = [...annotations].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  // The container holds annotations; notes on them are their bodies (paragraph notes and replies are not annotations here).
  const onAnnotations = notes.filter((note) => note.parentId === null && note.annotationId !== null);
  const provenance = new Map(
    (await db().annotationProvenance.findMany({ where: { annotationId: { in: ordered.map((annotation) => annotation.id) } } })).map((row) => [row.annotationId, row]),
  );
  const documents = [...w3cArticleAnnotations({ article: { ...article, paragraphs }, annotations: ordered, notes: onAnnotations }, iris.w3c)];
  return {
    article: { id: article.id, slug: article.slug, title: article.title, paragraphs },
    iris,
    annotations: ordered.map((dto, index) => {
      const origin = provenance.get(dto.id);
      return {
        id: iris.annotation(dto.id),
        annotationId: dto.id,
        dto,
        notes: onAnnotations.filter((note) => note.annotationId === dto.id),
        document: { ...documents[index]!, ...(origin?.canonical ? { canonical: origin.canonical } : {}), ...(origin?.via ? { via: origin.via } : {}) },
      };
    }),
  };
}
