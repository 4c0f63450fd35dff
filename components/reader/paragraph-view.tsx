"use client";

import { memo, useCallback, useSyncExternalStore } from "react";
import { ParagraphText } from "@/components/reader/paragraph-text";
import { paragraphMarks, paragraphThreadCount, UNPAINTED } from "@/components/reader/paragraph-snapshot";
import { useReader, type ReaderParagraph } from "@/components/reader/reader-context";

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
  // Two snapshots that change only with what the paragraph shows: an off-screen paragraph ignores
  // the annotations merged into it (its marks wait until it is painted), so the rest of a long
  // article's annotations arriving re-render none of the thousands of paragraphs far from view.
  const marks = () => paragraphMarks(store, paragraph.id);
  const threads = () => paragraphThreadCount(store, paragraph.id);
  const annotations = useSyncExternalStore(subscribe, marks, marks);
  const threadCount = useSyncExternalStore(subscribe, threads, threads);
  const painted = annotations !== UNPAINTED;
  const Tag = TAG[paragraph.kind];

  return (
    <div
      className={`group relative ${SKIPPED_OFFSCREEN}`}
      style={{ containIntrinsicBlockSize: `auto ${estimatedLines(paragraph.text)}lh` }}
      data-paint-id={painted ? undefined : paragraph.id}
    >
      <Tag id={`p-${paragraph.position}`} data-paragraph-id={paragraph.id} data-position={paragraph.position} dir="auto" className={KIND_CLASS[paragraph.kind] || undefined}>
        <ParagraphText text={paragraph.text} annotations={annotations} actorId={actor?.id ?? null} />
      </Tag>
      <button
        type="button"
        aria-label={`Notes on paragraph ${paragraph.position}`}
        aria-describedby={threadCount > 0 ? `threads-of-p-${paragraph.position}` : undefined}
        onClick={() => openNotes(paragraph.id)}
        // The name stays exactly "Notes on paragraph N" (other tools drive the app by it), so the count is
        // drawn by CSS after the icon, not text that would belong in the name, and said by the description.
        data-count={threadCount > 0 ? threadCount : undefined}
        className={`notes-icon data-count:after:content-[attr(data-count)] absolute right-2 top-0 flex h-7 min-w-9 items-center justify-center gap-1 rounded-full border px-2 font-sans text-xs transition max-lg:static max-lg:mt-1 max-lg:inline-flex ${
          threadCount > 0
            ? "border-[var(--accent)] text-[var(--accent)]"
            : "border-transparent text-[var(--muted)] opacity-40 group-hover:opacity-100 focus-visible:opacity-100"
        }`}
      />
      {threadCount > 0 && (
        <span id={`threads-of-p-${paragraph.position}`} hidden>
          {threadCount === 1 ? "1 thread" : `${threadCount} threads`}
        </span>
      )}
    </div>
  );
});
