"use client";

import { useState } from "react";
import { HIGHLIGHT_COLORS, HIGHLIGHT_SWATCH, type HighlightColor } from "@/lib/annotations/kinds";
import { useAnnotationActions } from "@/components/reader/use-annotation-actions";
import type { KindUI, ToolbarPieceProps } from "@/components/reader/kinds/types";

const label = (color: HighlightColor) => color[0]!.toUpperCase() + color.slice(1);

/** Colour, Highlight and Add note (a highlight with a note) in the toolbar; the note form as its panel. */
function HighlightToolbar({ show, openPanel, create, cancel, draft: color, setDraft: setColor }: ToolbarPieceProps<HighlightColor>) {
  const [note, setNote] = useState("");
  if (show === "hidden") return null;
  if (show === "panel") {
    const save = () => {
      if (note.trim()) create({ kind: "HIGHLIGHT", color, note: note.trim() });
    };
    return (
      <form
        className="space-y-2 p-1"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label htmlFor="selection-note" className="block text-xs font-medium">
          Note
        </label>
        <textarea
          id="selection-note"
          autoFocus
          value={note}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) save();
          }}
          rows={3}
          maxLength={20_000}
          className="w-full rounded border border-[var(--rule)] bg-transparent p-2"
          placeholder="Markdown welcome"
        />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={cancel} className="rounded px-2 py-1 font-medium hover:bg-[var(--rule)]">
            Cancel
          </button>
          <button type="submit" disabled={!note.trim()} className="rounded bg-[var(--ink)] px-3 py-1 text-[var(--page)] disabled:opacity-50">
            Save note
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      <div role="radiogroup" aria-label="Highlight colour" className="flex items-center gap-1 px-1">
        {HIGHLIGHT_COLORS.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={color === option}
            aria-label={label(option)}
            title={label(option)}
            onClick={() => setColor(option)}
            className={`size-5 rounded-full border-2 ${color === option ? "border-[var(--ink)]" : "border-transparent"}`}
            style={{ background: HIGHLIGHT_SWATCH[option] }}
          />
        ))}
      </div>
      <button type="button" onClick={() => create({ kind: "HIGHLIGHT", color })} className="rounded px-2 py-1 font-medium hover:bg-[var(--rule)]">
        Highlight
      </button>
      <button type="button" onClick={openPanel} className="rounded px-2 py-1 font-medium hover:bg-[var(--rule)]">
        Add note
      </button>
    </>
  );
}

export const highlightUI: KindUI<"HIGHLIGHT", HighlightColor> = {
  initialDraft: "yellow",
  Toolbar: HighlightToolbar,
  Editor: function HighlightEditor({ annotation, editable }) {
    const { update } = useAnnotationActions();
    return (
      <fieldset disabled={!editable}>
        <legend className="mb-1 text-xs font-medium">Colour</legend>
        <div role="radiogroup" aria-label="Colour" className="flex gap-2">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={annotation.color === color}
              aria-label={label(color)}
              onClick={() => annotation.color !== color && void update(annotation, { color })}
              className={`size-7 rounded-full border-2 disabled:opacity-50 ${annotation.color === color ? "border-[var(--ink)]" : "border-transparent"}`}
              style={{ background: HIGHLIGHT_SWATCH[color] }}
            />
          ))}
        </div>
      </fieldset>
    );
  },
};
