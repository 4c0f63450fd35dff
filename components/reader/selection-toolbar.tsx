"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { ANNOTATION_KIND_KEYS, type AnnotationKind, type KindData } from "@/lib/annotations/kinds";
import { paragraphSelectionsToRange, rangeToParagraphSelections, sameSelections, type ParagraphSelection } from "@/lib/client/selection";
import { kindUI } from "@/components/reader/kinds";
import { useAnnotationActions } from "@/components/reader/use-annotation-actions";
import { VisibilitySelect } from "@/components/reader/visibility-select";

interface Shown {
  selections: ParagraphSelection[];
  range: Range;
}

/** Where the toolbar goes, in document coordinates: above the selection when there is room, else below it. */
function placeFor(range: Range): { top: number; left: number } {
  const rect = range.getBoundingClientRect();
  const above = rect.top - TOOLBAR_HEIGHT - 8;
  const top = (above >= 8 ? above : rect.bottom + 8) + window.scrollY;
  const left = Math.min(Math.max(8, rect.left + rect.width / 2 - 190), window.innerWidth - 388) + window.scrollX;
  return { top, left };
}

const TOOLBAR_HEIGHT = 76;

function sameBoundaries(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;
}

/**
 * The toolbar that follows a text selection in the article, with each kind's piece in registry
 * order (components/reader/kinds: Highlight with a colour and Add note, Tag entity with its type
 * menu and digit hotkeys). Works with mouse, touch and keyboard selections; Tab moves from the
 * selection into it.
 */
export function SelectionToolbar({ articleRef }: { articleRef: RefObject<HTMLElement | null> }) {
  const { create } = useAnnotationActions();
  const [shown, setShown] = useState<Shown | null>(null);
  /** The kind whose panel is open, or null for the main row. */
  const [panel, setPanel] = useState<AnnotationKind | null>(null);
  const [drafts, setDrafts] = useState(() => new Map(ANNOTATION_KIND_KEYS.map((kind) => [kind, kindUI(kind).initialDraft])));
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  const close = useCallback(() => {
    setShown(null);
    setPanel(null);
  }, []);

  /** Takes the document's selection as the one to act on, or closes when it is not in the article. */
  const takeSelection = useCallback(() => {
    const selection = document.getSelection();
    const root = articleRef.current;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !root) return close();
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return close();
    const selections = rangeToParagraphSelections(range, root);
    if (selections.length === 0) return close();
    setPanel(null);
    setShown({ selections, range: range.cloneRange() });
    setPlace(placeFor(range));
  }, [articleRef, close]);

  // Follow the document selection, once a frame; ignore changes made while using the toolbar itself.
  useEffect(() => {
    let frame = 0;
    const onSelectionChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!toolbarRef.current?.contains(document.activeElement)) takeSelection();
      });
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", onSelectionChange);
    };
  }, [takeSelection]);

  // Annotations arriving (live, or with more of the text) render a paragraph's marks anew, replacing the
  // text nodes the browser's selection is in, which collapses it: the toolbar would close under the
  // reader's hand. `shown.range` is a copy the same mutation moves in the same way, so when it no longer
  // holds the words and the document's selection is still where it went, the reader changed nothing:
  // the selection is put back on its words, and the toolbar stays on them.
  useEffect(() => {
    const root = articleRef.current;
    if (!shown || !root) return;
    const observer = new MutationObserver(() => {
      if (sameSelections(rangeToParagraphSelections(shown.range, root), shown.selections)) return;
      const selection = document.getSelection();
      const current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      if (!current || !sameBoundaries(current, shown.range)) return;
      const restored = paragraphSelectionsToRange(shown.selections, root);
      if (!restored) return;
      selection!.removeAllRanges();
      selection!.addRange(restored);
      setShown({ selections: shown.selections, range: restored.cloneRange() });
      setPlace(placeFor(restored));
    });
    observer.observe(root, { childList: true, characterData: true, subtree: true });
    return () => observer.disconnect();
  }, [shown, articleRef]);

  // Keyboard path from the selection into the toolbar, and Escape out of it.
  useEffect(() => {
    if (!shown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const inToolbar = toolbarRef.current?.contains(document.activeElement);
      if (event.key === "Escape") {
        close();
        if (inToolbar) (document.activeElement as HTMLElement | null)?.blur();
      } else if (event.key === "Tab" && !event.shiftKey && !inToolbar) {
        event.preventDefault();
        // A key pressed just before Tab may have changed the selection since the last frame: take it now,
        // as the toolbar ignores selection changes once it has the focus.
        takeSelection();
        toolbarRef.current?.querySelector<HTMLElement>("button")?.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [shown, close, takeSelection]);

  // Stay next to the words while the page reflows (long articles lay out paragraphs as they scroll in).
  useEffect(() => {
    if (!shown) return;
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPlace(placeFor(shown.range)));
    };
    window.addEventListener("scroll", follow, { passive: true });
    window.addEventListener("resize", follow);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", follow);
      window.removeEventListener("resize", follow);
    };
  }, [shown]);

  if (!shown || !place) return null;

  const act = (input: KindData) => {
    void create(shown.selections, input);
    document.getSelection()?.removeAllRanges();
    close();
  };

  const split = shown.selections.length > 1;

  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label="Annotate selection"
      style={place}
      className="absolute z-50 w-[380px] rounded-lg border border-[var(--rule)] bg-[var(--page)] p-1.5 font-sans text-sm shadow-lg"
      // Keep the text selection while pressing toolbar buttons.
      onMouseDown={(event) => {
        if ((event.target as HTMLElement).closest("button")) event.preventDefault();
      }}
    >
      {/* The same element in every mode, so that each kind's piece keeps its state while another's panel is open. */}
      <div className={panel ? undefined : "flex items-center gap-1.5"}>
        {ANNOTATION_KIND_KEYS.map((kind) => {
          const { Toolbar } = kindUI(kind);
          return (
            <Toolbar
              key={kind}
              show={panel === null ? "buttons" : panel === kind ? "panel" : "hidden"}
              openPanel={() => setPanel(kind)}
              create={act}
              cancel={close}
              draft={drafts.get(kind)}
              setDraft={(draft) => setDrafts((current) => new Map(current).set(kind, draft))}
            />
          );
        })}
      </div>
      <div className="mt-1 flex items-center justify-between gap-2 border-t border-[var(--rule)] px-1 pt-1 text-xs text-[var(--muted)]">
        <VisibilitySelect />
        {split && <span>Spans {shown.selections.length} paragraphs: one annotation each.</span>}
      </div>
    </div>
  );
}
