"use client";

import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { ANNOTATION_KIND_KEYS, kindOf, renderHints, type AnnotationKind } from "@/lib/annotations/kinds";
import type { AnnotationDTO, NoteDTO } from "@/lib/annotations/types";
import { useReader, type ReaderParagraph } from "@/components/reader/reader-context";

type Kind = "all" | AnnotationKind | "NOTE";
type Item = { type: "annotation"; position: number; offset: number; value: AnnotationDTO } | { type: "note"; position: number; offset: number; value: NoteDTO };

/**
 * Every annotation and note of the article in reading order, filterable by
 * kind, entity type, author and a quote's speaker; choosing one scrolls to it and flashes it.
 * Lists what lies on `paragraphs`, the text loaded so far (`complete` once it is all there).
 */
export function AnnotationsPanel({
  paragraphs,
  complete,
  onClose,
  onChoose,
}: {
  paragraphs: ReaderParagraph[];
  complete: boolean;
  onClose: () => void;
  onChoose: (item: { annotationId?: string; paragraphId: string }) => boolean;
}) {
  const { store, entityTypes, actor } = useReader();
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const version = useSyncExternalStore(subscribe, store.getVersion, store.getVersion);
  const [kind, setKind] = useState<Kind>("all");
  const [entityTypeId, setEntityTypeId] = useState("");
  const [authorId, setAuthorId] = useState("");
  const [speakerId, setSpeakerId] = useState("");

  const positionOf = useMemo(() => new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph.position])), [paragraphs]);
  const { items, authors, speakers } = useMemo(() => {
    void version;
    const all: Item[] = [
      ...store
        .allAnnotations()
        .filter((annotation) => positionOf.has(annotation.paragraphId))
        .map((value) => ({ type: "annotation" as const, position: positionOf.get(value.paragraphId)!, offset: value.start, value })),
      ...store
        .allNotes()
        .filter((note) => !note.parentId && !note.annotationId && positionOf.has(note.paragraphId))
        .map((value) => ({ type: "note" as const, position: positionOf.get(value.paragraphId)!, offset: Number.MAX_SAFE_INTEGER, value })),
    ];
    all.sort((a, b) => a.position - b.position || a.offset - b.offset);
    const authorMap = new Map(all.map((item) => [item.value.author.id, item.value.author]));
    const speakerMap = new Map(all.flatMap((item) => (item.type === "annotation" && item.value.speaker ? [[item.value.speaker.id, item.value.speaker] as const] : [])));
    return {
      items: all,
      authors: [...authorMap.values()].sort((a, b) => a.name.localeCompare(b.name)),
      speakers: [...speakerMap.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }, [store, version, positionOf]);

  const shown = items.filter((item) => {
    if (authorId && item.value.author.id !== authorId) return false;
    if (kind === "NOTE") return item.type === "note";
    if (kind !== "all" && (item.type !== "annotation" || item.value.kind !== kind)) return false;
    if (entityTypeId && (item.type !== "annotation" || item.value.entityType?.id !== entityTypeId)) return false;
    if (speakerId && (item.type !== "annotation" || item.value.speaker?.id !== speakerId)) return false;
    return true;
  });

  return (
    <aside role="region" aria-label="Annotations" className="fixed inset-y-0 left-0 z-40 flex w-full max-w-sm flex-col border-r border-[var(--rule)] bg-[var(--page)] font-sans text-sm shadow-xl">
      <div className="flex items-center justify-between border-b border-[var(--rule)] px-4 py-3">
        <h2 className="text-base font-semibold">Annotations</h2>
        <button type="button" onClick={onClose} aria-label="Close annotations" className="rounded px-2 py-1 text-[var(--muted)] hover:bg-[var(--rule)]">
          ✕
        </button>
      </div>
      <div className="grid grid-cols-2 gap-2 border-b border-[var(--rule)] px-4 py-3 text-xs">
        <label className="space-y-1">
          <span className="block font-medium">Kind</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as Kind)} className="w-full rounded border border-[var(--rule)] bg-[var(--page)] px-1 py-1">
            <option value="all">All</option>
            {ANNOTATION_KIND_KEYS.map((key) => (
              <option key={key} value={key}>
                {kindOf(key).plural}
              </option>
            ))}
            <option value="NOTE">Notes</option>
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">Entity type</span>
          <select value={entityTypeId} onChange={(event) => setEntityTypeId(event.target.value)} className="w-full rounded border border-[var(--rule)] bg-[var(--page)] px-1 py-1">
            <option value="">Any</option>
            {entityTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {type.label}
              </option>
            ))}
          </select>
        </label>
        <label className="col-span-2 space-y-1">
          <span className="block font-medium">Author</span>
          <select value={authorId} onChange={(event) => setAuthorId(event.target.value)} className="w-full rounded border border-[var(--rule)] bg-[var(--page)] px-1 py-1">
            <option value="">Everyone</option>
            {actor && <option value={actor.id}>Only mine</option>}
            {authors
              .filter((author) => author.id !== actor?.id)
              .map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
          </select>
        </label>
        {(speakers.length > 0 || speakerId) && (
          <label className="col-span-2 space-y-1">
            <span className="block font-medium">Speaker</span>
            <select value={speakerId} onChange={(event) => setSpeakerId(event.target.value)} className="w-full rounded border border-[var(--rule)] bg-[var(--page)] px-1 py-1">
              <option value="">Anyone</option>
              {speakers.map((speaker) => (
                <option key={speaker.id} value={speaker.id}>
                  {speaker.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="px-4 pt-3 text-xs text-[var(--muted)]" aria-live="polite">
        {shown.length === items.length ? `${items.length} in this article` : `${shown.length} of ${items.length} shown`}
        {!complete && " so far — loading the rest of the text…"}
      </p>
      <ol className="flex-1 space-y-1 overflow-y-auto px-2 py-2">
        {shown.map((item) => (
          <li key={item.value.id}>
            <button
              type="button"
              onClick={() => onChoose(item.type === "annotation" ? { annotationId: item.value.id, paragraphId: item.value.paragraphId } : { paragraphId: item.value.paragraphId })}
              className="w-full rounded px-2 py-2 text-left hover:bg-[var(--rule)]"
            >
              <span className="flex items-center gap-2 text-xs text-[var(--muted)]">
                <span aria-hidden className="size-2 rounded-full" style={{ background: item.value.author.color }} />
                {item.value.author.name} · ¶{item.position} ·{" "}
                {item.type === "note" ? "Note" : renderHints(item.value).panelLabel}
                {item.value.visibility === "PRIVATE" && " · Private"}
              </span>
              <span dir="auto" className="mt-0.5 line-clamp-2 block">
                {item.type === "note" ? item.value.body : renderHints(item.value).summary}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
