import "server-only";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { w3cArticleAnnotations, type ExportParagraph, type WebAnnotation } from "@/lib/exporting";
import type { Actor } from "@/lib/permissions";
import { findReadableArticle } from "@/lib/server/articles/find-readable-article";
import { annotationsForViewer } from "@/lib/server/cache/viewer-annotations";
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
 * reader shows them: one project layer of an article in several (the one they read it in: a
 * browser's Project layer choice, else their own team's, which is where their POSTs go too, so a
 * created annotation is in the container it was posted to), under the lib/permissions rules. Each
 * is mapped by the W3C export's writer, naming its layer (dcterms:isPartOf), with the notes on it
 * as TextualBody bodies and the canonical/via a protocol client gave.
 */
export async function loadContainer({ actor, slug }: { actor: Actor | null; slug: string }): Promise<LoadedContainer> {
  const found = await db().article.findUnique({ where: { slug }, select: { id: true } });
  if (!found) throw notFound("The article");
  const articleId = found.id;
  const stamp = await findReadableArticle(actor, articleId);
  const [paragraphs, { annotations, notes, layer }] = await Promise.all([
    db().paragraph.findMany({ where: { articleId, revision: stamp.revision }, orderBy: { position: "asc" }, select: { id: true, position: true, text: true } }),
    annotationsForViewer({ actor, stamp, part: { name: "all" } }),
  ]);
  const article = { id: stamp.id, slug: stamp.slug, title: stamp.title, language: stamp.language };
  const project = layer === null ? null : await db().project.findUniqueOrThrow({ where: { id: layer }, select: { id: true, slug: true, name: true } });
  const iris = protocolIris(article.slug);
  const ordered = [...annotations].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  // The container holds annotations; notes on them are their bodies (paragraph notes and replies are not annotations here).
  const onAnnotations = notes.filter((note) => note.parentId === null && note.annotationId !== null);
  const provenance = new Map(
    (await db().annotationProvenance.findMany({ where: { annotationId: { in: ordered.map((annotation) => annotation.id) } } })).map((row) => [row.annotationId, row]),
  );
  const layers = project ? new Map([[project.id, project]]) : undefined;
  const documents = [...w3cArticleAnnotations({ article: { ...article, paragraphs }, annotations: ordered, notes: onAnnotations, layers }, iris.w3c)];
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
