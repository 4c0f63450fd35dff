"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from "react";
import { HIGHLIGHT_COLORS, type HighlightColor } from "@/lib/annotations/types";
import { rangeToParagraphSelections, type ParagraphSelection } from "@/lib/client/selection";
import { useReader } from "@/components/reader/reader-context";
import { useAnnotationActions } from "@/components/reader/use-annotation-actions";
import { VisibilitySelect } from "@/components/reader/visibility-select";

const COLOR_LABEL: Record<HighlightColor, string> = { yellow: "Yellow", green: "Green", blue: "Blue", pink: "Pink" };
export const COLOR_SWATCH: Record<HighlightColor, string> = { yellow: "#facc15", green: "#4ade80", blue: "#60a5fa", pink: "#f472b6" };

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

/**
 * The toolbar that follows a text selection in the article: Highlight (with a
 * colour), Tag entity (type menu, digit hotkeys), Add note. Works with mouse,
 * touch and keyboard selections; Tab moves from the selection into it.
 */
export function SelectionToolbar({ articleRef }: { articleRef: RefObject<HTMLElement | null> }) {
  const { entityTypes } = useReader();
  const { create } = useAnnotationActions();
  const [shown, setShown] = useState<Shown | null>(null);
  const [color, setColor] = useState<HighlightColor>("yellow");
  const [mode, setMode] = useState<"main" | "entity" | "note">("main");
  const [note, setNote] = useState("");
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  const close = useCallback(() => {
    setShown(null);
    setMode("main");
    setNote("");
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
    setMode("main");
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

  useEffect(() => {
    if (mode === "entity") toolbarRef.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    if (mode === "note") toolbarRef.current?.querySelector<HTMLElement>("textarea")?.focus();
  }, [mode]);

  if (!shown || !place) return null;

  const finish = () => {
    document.getSelection()?.removeAllRanges();
    close();
  };
  const highlight = () => {
    void create(shown.selections, { kind: "HIGHLIGHT", color });
    finish();
  };
  const tag = (entityTypeId: string) => {
    void create(shown.selections, { kind: "ENTITY", entityTypeId });
    finish();
  };
  const saveNote = () => {
    if (!note.trim()) return;
    void create(shown.selections, { kind: "HIGHLIGHT", color, note: note.trim() });
    finish();
  };
  const onMenuKeyDown = (event: ReactKeyboardEvent) => {
    const type = entityTypes.find((candidate) => candidate.hotkey === event.key);
    if (type) {
      event.preventDefault();
      tag(type.id);
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const items = [...(toolbarRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
      const index = items.indexOf(document.activeElement as HTMLElement);
      items[(index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
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
      {mode === "main" && (
        <div className="flex items-center gap-1.5">
          <div role="radiogroup" aria-label="Highlight colour" className="flex items-center gap-1 px-1">
            {HIGHLIGHT_COLORS.map((option) => (
              <button
                key={option}
                type="button"
                role="radio"
                aria-checked={color === option}
                aria-label={COLOR_LABEL[option]}
                title={COLOR_LABEL[option]}
                onClick={() => setColor(option)}
                className={`size-5 rounded-full border-2 ${color === option ? "border-[var(--ink)]" : "border-transparent"}`}
                style={{ background: COLOR_SWATCH[option] }}
              />
            ))}
          </div>
          <ToolbarButton onClick={highlight}>Highlight</ToolbarButton>
          <ToolbarButton onClick={() => setMode("entity")} aria-haspopup="menu">
            Tag entity
          </ToolbarButton>
          <ToolbarButton onClick={() => setMode("note")}>Add note</ToolbarButton>
        </div>
      )}
      {mode === "entity" && (
        <div role="menu" aria-label="Entity type" onKeyDown={onMenuKeyDown} className="flex flex-col">
          {entityTypes.map((type) => (
            <button
              key={type.id}
              type="button"
              role="menuitem"
              aria-label={type.label}
              aria-keyshortcuts={type.hotkey ?? undefined}
              onClick={() => tag(type.id)}
              className="flex items-center gap-2 rounded px-2 py-1.5 text-left hover:bg-[var(--rule)] focus:bg-[var(--rule)] focus:outline-none"
            >
              <span aria-hidden className="size-3 rounded-sm" style={{ background: type.color }} />
              <span className="flex-1">{type.label}</span>
              {type.hotkey && <kbd className="rounded border border-[var(--rule)] px-1 text-xs text-[var(--muted)]">{type.hotkey}</kbd>}
            </button>
          ))}
        </div>
      )}
      {mode === "note" && (
        <form
          className="space-y-2 p-1"
          onSubmit={(event) => {
            event.preventDefault();
            saveNote();
          }}
        >
          <label htmlFor="selection-note" className="block text-xs font-medium">
            Note
          </label>
          <textarea
            id="selection-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) saveNote();
            }}
            rows={3}
            maxLength={20_000}
            className="w-full rounded border border-[var(--rule)] bg-transparent p-2"
            placeholder="Markdown welcome"
          />
          <div className="flex justify-end gap-2">
            <ToolbarButton onClick={close}>Cancel</ToolbarButton>
            <button type="submit" disabled={!note.trim()} className="rounded bg-[var(--ink)] px-3 py-1 text-[var(--page)] disabled:opacity-50">
              Save note
            </button>
          </div>
        </form>
      )}
      <div className="mt-1 flex items-center justify-between gap-2 border-t border-[var(--rule)] px-1 pt-1 text-xs text-[var(--muted)]">
        <VisibilitySelect />
        {split && <span>Spans {shown.selections.length} paragraphs: one annotation each.</span>}
      </div>
    </div>
  );
}

function ToolbarButton(props: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="button" className="rounded px-2 py-1 font-medium hover:bg-[var(--rule)]" {...props} />;
}
