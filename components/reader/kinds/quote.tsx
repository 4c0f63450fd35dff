"use client";

import { SpeakerCombobox } from "@/components/reader/kinds/speaker-combobox";
import type { KindUI, ToolbarPieceProps } from "@/components/reader/kinds/types";
import { useAnnotationActions } from "@/components/reader/use-annotation-actions";

/** Quote in the toolbar; its panel is the Speaker combobox, and choosing a speaker creates the quote. */
function QuoteToolbar({ show, openPanel, create, cancel }: ToolbarPieceProps<null>) {
  if (show === "hidden") return null;
  if (show === "buttons") {
    return (
      <button type="button" onClick={openPanel} aria-haspopup="dialog" className="rounded px-2 py-1 font-medium hover:bg-[var(--rule)]">
        Quote
      </button>
    );
  }
  return (
    <div className="w-72 space-y-2 p-1">
      <SpeakerCombobox current={null} disabled={false} autoFocus onChoose={(speaker) => create({ kind: "QUOTE", ...speaker })} />
      <div className="flex justify-end">
        <button type="button" onClick={cancel} className="rounded px-2 py-1 font-medium hover:bg-[var(--rule)]">
          Cancel
        </button>
      </div>
    </div>
  );
}

export const quoteUI: KindUI<"QUOTE", null> = {
  initialDraft: null,
  Toolbar: QuoteToolbar,
  Editor: function QuoteEditor({ annotation, editable }) {
    const { update } = useAnnotationActions();
    return <SpeakerCombobox current={annotation.speaker} disabled={!editable} onChoose={(speaker) => void update(annotation, speaker)} />;
  },
};
