"use client";

import { memo, useCallback, useSyncExternalStore } from "react";
import { ParagraphText } from "@/components/reader/paragraph-text";
import { useReader, type ReaderParagraph } from "@/components/reader/reader-context";

const NO_ANNOTATIONS: never[] = [];
const TAG = { PARAGRAPH: "p", HEADING: "h2", BLOCKQUOTE: "blockquote", LIST_ITEM: "p" } as const;
/*
 * Off-screen paragraphs skip style, layout and paint (content-visibility: auto) until they near the
 * viewport, so a 2,000-paragraph article lays out a screenful, not the whole text, on load and
 * after every change. The whole block skips, margin button included: with the skip on the text
 * alone, the 2,000 notes buttons (positioned, translucent, each with its icon) still cost ~0.8 s of
 * style, layout and pre-paint when the rest of the text arrived (Chromium trace, 2,000 paragraphs).
 * Everything stays in the DOM: find in page, selection, Tab and deep links reach it.
 * Paint containment clips at the padding box: 4px of inline padding (given back by a negative
 * margin) keeps a mark's focus ring and flash at a line's edge visible, and on wide screens 4rem
 * on the right holds the margin button (at 3.5rem, as before, with room for its focus ring).
 */
const SKIPPED_OFFSCREEN = "[content-visibility:auto] -mx-1 px-1 lg:-mr-16 lg:pr-16";
const KIND_CLASS = {
  PARAGRAPH: "",
  HEADING: "font-semibold text-[1.3rem]",
  BLOCKQUOTE: "border-l-2 border-[var(--rule)] pl-4 italic",
  LIST_ITEM: "pl-5 before:-ml-4 before:mr-2 before:content-['•']",
} as const;

/** A skipped paragraph's height until it has been rendered once (then its real one is remembered): lines of a desktop column. */
function estimatedLines(text: string): number {
  return Math.max(1, Math.ceil(text.length / 70));
}

/** One paragraph: its text (exactly, with annotation marks) and, beside it, the margin's notes control. */
export const ParagraphView = memo(function ParagraphView({ paragraph }: { paragraph: ReaderParagraph }) {
  const { store, openNotes, actor } = useReader();
  const subscribe = useCallback((listener: () => void) => store.subscribeParagraph(paragraph.id, listener), [store, paragraph.id]);
  const annotations = useSyncExternalStore(subscribe, () => store.paragraphAnnotations(paragraph.id), () => store.paragraphAnnotations(paragraph.id));
  const notes = useSyncExternalStore(subscribe, () => store.paragraphNotes(paragraph.id), () => store.paragraphNotes(paragraph.id));
  const painted = useSyncExternalStore(subscribe, () => store.isPainted(paragraph.id), () => store.isPainted(paragraph.id));
  const Tag = TAG[paragraph.kind];
  const threadCount = notes.filter((note) => !note.annotationId).length;

  return (
    <div
      className={`group relative ${SKIPPED_OFFSCREEN}`}
      style={{ containIntrinsicBlockSize: `auto ${estimatedLines(paragraph.text)}lh` }}
      data-paint-id={painted ? undefined : paragraph.id}
    >
      <Tag id={`p-${paragraph.position}`} data-paragraph-id={paragraph.id} data-position={paragraph.position} dir="auto" className={KIND_CLASS[paragraph.kind] || undefined}>
        <ParagraphText text={paragraph.text} annotations={painted ? annotations : NO_ANNOTATIONS} actorId={actor?.id ?? null} />
      </Tag>
      <button
        type="button"
        aria-label={`Notes on paragraph ${paragraph.position}`}
        aria-describedby={threadCount > 0 ? `threads-of-p-${paragraph.position}` : undefined}
        onClick={() => openNotes(paragraph.id)}
        className={`absolute right-2 top-0 flex h-7 min-w-9 items-center justify-center gap-1 rounded-full border px-2 font-sans text-xs transition max-lg:static max-lg:mt-1 max-lg:inline-flex ${
          threadCount > 0
            ? "border-[var(--accent)] text-[var(--accent)]"
            : "border-transparent text-[var(--muted)] opacity-40 group-hover:opacity-100 focus-visible:opacity-100"
        }`}
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-3.5 fill-current">
          <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H6l-3 3v-3h.5A1.5 1.5 0 0 1 2 9.5z" />
        </svg>
        {/* The name stays exactly "Notes on paragraph N" (other tools drive the app by it), so the count is
            drawn by CSS, not text that would belong in the name, and said by the description. */}
        {threadCount > 0 && <span aria-hidden data-count={threadCount} className="after:content-[attr(data-count)]" />}
      </button>
      {threadCount > 0 && (
        <span id={`threads-of-p-${paragraph.position}`} hidden>
          {threadCount === 1 ? "1 thread" : `${threadCount} threads`}
        </span>
      )}
    </div>
  );
});
