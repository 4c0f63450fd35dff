import { Fragment, type ReactNode } from "react";
import { segmentParagraph } from "@/lib/anchoring";
import { renderHints } from "@/lib/annotations/kinds";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { PENDING } from "@/lib/client/annotation-store";

/**
 * A paragraph's text with its annotations as nested `<mark>`s: the text is cut
 * at every annotation boundary and each piece is wrapped by every annotation
 * covering it, so overlaps and nesting render without duplicating, losing or
 * reordering a character. How each kind looks comes from the registry's render hints; a kind's
 * label (an entity tag's type) is CSS generated content (`data-entity-label`), outside the text.
 */
export function ParagraphText({ text, annotations, actorId }: { text: string; annotations: AnnotationDTO[]; actorId: string | null }) {
  if (annotations.length === 0) return text;
  const lastPiece = new Map<string, number>();
  const segments = segmentParagraph(text.length, annotations);
  segments.forEach((segment, index) => segment.covering.forEach((annotation) => lastPiece.set(annotation.id, index)));
  const firstPiece = new Set<string>();

  return segments.map((segment, index) => {
    let content: ReactNode = text.slice(segment.start, segment.end);
    // Innermost (shortest, latest-starting) annotation wraps first, so outer ones enclose it.
    for (const annotation of [...segment.covering].reverse()) {
      const isFirst = !firstPiece.has(annotation.id);
      firstPiece.add(annotation.id);
      content = (
        <AnnotationMark key={annotation.id} annotation={annotation} mine={annotation.author.id === actorId} first={isFirst} last={lastPiece.get(annotation.id) === index}>
          {content}
        </AnnotationMark>
      );
    }
    return <Fragment key={segment.start}>{content}</Fragment>;
  });
}

function AnnotationMark({ annotation, mine, first, last, children }: { annotation: AnnotationDTO; mine: boolean; first: boolean; last: boolean; children: ReactNode }) {
  const hints = renderHints(annotation);
  return (
    <mark
      data-annotation-id={annotation.id}
      data-kind={annotation.kind}
      {...hints.markData}
      data-entity-label={last && hints.outsideLabel !== null ? hints.outsideLabel : undefined}
      data-pending={annotation.id.startsWith(PENDING) ? "" : undefined}
      data-private={annotation.visibility === "PRIVATE" ? "" : undefined}
      data-mine={mine ? "" : undefined}
      style={{ "--author": annotation.author.color, ...hints.markStyle } as React.CSSProperties}
      title={`${hints.name} — ${annotation.author.name}`}
    >
      {first && (
        // The keyboard handle: an empty, focusable button at the annotation's start. The mark itself is not
        // focusable, because Chromium will not start a mouse selection on a focusable element's first letter.
        <span tabIndex={0} role="button" data-annotation-focus="" aria-label={`${hints.name} by ${annotation.author.name}: ${annotation.exact}`} />
      )}
      {children}
    </mark>
  );
}
