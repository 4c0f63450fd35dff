"use client";

import { useCallback, useSyncExternalStore } from "react";
import { kindOf, renderHints } from "@/lib/annotations/kinds";
import { PENDING } from "@/lib/client/annotation-store";
import { canModify } from "@/lib/permissions";
import { NoteThreads } from "@/components/notes/note-threads";
import { AuthorLine } from "@/components/reader/author-line";
import { Drawer } from "@/components/reader/drawer";
import { KindEditor } from "@/components/reader/kinds";
import { useReader } from "@/components/reader/reader-context";
import { useAnnotationActions } from "@/components/reader/use-annotation-actions";
import { VisibilitySelect } from "@/components/reader/visibility-select";

/** The dialog for one annotation: who and when, its quote, its kind's own controls (colour, entity…), its notes, and Delete. */
export function AnnotationDetails({ annotationId, onClose }: { annotationId: string; onClose: () => void }) {
  const { store, actor } = useReader();
  const { update, remove } = useAnnotationActions();
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const annotation = useSyncExternalStore(subscribe, () => store.annotation(annotationId), () => store.annotation(annotationId));

  if (!annotation) {
    return (
      <Drawer label="Annotation" title="Annotation" onClose={onClose}>
        <p className="text-[var(--muted)]">This annotation no longer exists.</p>
      </Drawer>
    );
  }
  const editable = canModify(actor, annotation.author.id) && !annotation.id.startsWith(PENDING);
  const hints = renderHints(annotation);

  return (
    <Drawer label="Annotation" title={hints.title} onClose={onClose}>
      <blockquote dir="auto" className="border-l-4 pl-3 font-serif text-base" style={{ borderColor: hints.accent }}>
        {annotation.exact}
      </blockquote>
      <AuthorLine author={annotation.author} at={annotation.createdAt} edited={annotation.version > 1} />
      {annotation.anchorStatus === "REANCHORED" && <p className="text-xs text-[var(--muted)]">Moved onto the article&apos;s new text after a re-import.</p>}

      <KindEditor annotation={annotation} editable={editable} />

      {editable && (
        <div className="text-xs">
          <VisibilitySelect value={annotation.visibility} onChange={(visibility) => void update(annotation, { visibility })} />
        </div>
      )}

      {kindOf(annotation.kind).notes && (
        <section aria-label={`Notes on this ${kindOf(annotation.kind).label.toLowerCase()}`} className="space-y-2">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-[var(--muted)]">Notes</h3>
          <NoteThreads paragraphId={annotation.paragraphId} annotationId={annotation.id} />
        </section>
      )}

      {editable && (
        <button
          type="button"
          onClick={() => {
            onClose();
            void remove(annotation);
          }}
          className="rounded border border-red-300 px-3 py-1.5 text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
        >
          Delete annotation
        </button>
      )}
    </Drawer>
  );
}
