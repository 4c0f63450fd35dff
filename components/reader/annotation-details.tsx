"use client";

import { useCallback, useSyncExternalStore } from "react";
import { HIGHLIGHT_COLORS } from "@/lib/annotations/types";
import { PENDING } from "@/lib/client/annotation-store";
import { canModify } from "@/lib/permissions";
import { NoteThreads } from "@/components/notes/note-threads";
import { AuthorLine } from "@/components/reader/author-line";
import { Drawer } from "@/components/reader/drawer";
import { EntityCombobox } from "@/components/reader/entity-combobox";
import { useReader } from "@/components/reader/reader-context";
import { COLOR_SWATCH } from "@/components/reader/selection-toolbar";
import { useAnnotationActions } from "@/components/reader/use-annotation-actions";
import { VisibilitySelect } from "@/components/reader/visibility-select";

/** The dialog for one annotation: who and when, its quote, colour or entity, its notes, and Delete. */
export function AnnotationDetails({ annotationId, onClose }: { annotationId: string; onClose: () => void }) {
  const { store, actor, entityTypes } = useReader();
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
  const isEntity = annotation.kind === "ENTITY";

  return (
    <Drawer label="Annotation" title={isEntity ? `Entity · ${annotation.entityType?.label ?? ""}` : "Highlight"} onClose={onClose}>
      <blockquote dir="auto" className="border-l-4 pl-3 font-serif text-base" style={{ borderColor: isEntity ? annotation.entityType?.color : COLOR_SWATCH[annotation.color ?? "yellow"] }}>
        {annotation.exact}
      </blockquote>
      <AuthorLine author={annotation.author} at={annotation.createdAt} edited={annotation.version > 1} />
      {annotation.anchorStatus === "REANCHORED" && <p className="text-xs text-[var(--muted)]">Moved onto the article&apos;s new text after a re-import.</p>}

      {!isEntity && (
        <fieldset disabled={!editable}>
          <legend className="mb-1 text-xs font-medium">Colour</legend>
          <div role="radiogroup" aria-label="Colour" className="flex gap-2">
            {HIGHLIGHT_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                role="radio"
                aria-checked={annotation.color === color}
                aria-label={color[0]!.toUpperCase() + color.slice(1)}
                onClick={() => annotation.color !== color && void update(annotation, { color })}
                className={`size-7 rounded-full border-2 disabled:opacity-50 ${annotation.color === color ? "border-[var(--ink)]" : "border-transparent"}`}
                style={{ background: COLOR_SWATCH[color] }}
              />
            ))}
          </div>
        </fieldset>
      )}

      {isEntity && annotation.entityType && (
        <div className="space-y-3">
          <div className="space-y-1">
            <label htmlFor="annotation-type" className="block text-xs font-medium">
              Type
            </label>
            <select
              id="annotation-type"
              disabled={!editable}
              value={annotation.entityType.id}
              onChange={(event) => void update(annotation, { entityTypeId: event.target.value })}
              className="w-full rounded border border-[var(--rule)] bg-[var(--page)] px-2 py-1.5"
            >
              {entityTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.label}
                </option>
              ))}
            </select>
          </div>
          <EntityCombobox typeId={annotation.entityType.id} current={annotation.entity} disabled={!editable} onChoose={(entityId) => void update(annotation, { entityId })} />
        </div>
      )}

      {editable && (
        <div className="text-xs">
          <VisibilitySelect value={annotation.visibility} onChange={(visibility) => void update(annotation, { visibility })} />
        </div>
      )}

      {!isEntity && (
        <section aria-label="Notes on this highlight" className="space-y-2">
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
