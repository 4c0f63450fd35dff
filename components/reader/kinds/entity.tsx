"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import { EntityCombobox } from "@/components/reader/entity-combobox";
import { useReader } from "@/components/reader/reader-context";
import { useAnnotationActions } from "@/components/reader/use-annotation-actions";
import type { KindUI, ToolbarPieceProps } from "@/components/reader/kinds/types";

/** Tag entity in the toolbar; its panel is the entity type menu (arrow keys, digit hotkeys). */
function EntityToolbar({ show, openPanel, create }: ToolbarPieceProps<null>) {
  const { entityTypes } = useReader();
  const menuRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (show === "panel") menuRef.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, [show]);
  if (show === "hidden") return null;
  if (show === "buttons") {
    return (
      <button type="button" onClick={openPanel} aria-haspopup="menu" className="rounded px-2 py-1 font-medium hover:bg-[var(--rule)]">
        Tag entity
      </button>
    );
  }
  const tag = (entityTypeId: string) => create({ kind: "ENTITY", entityTypeId });
  const onKeyDown = (event: KeyboardEvent) => {
    const type = entityTypes.find((candidate) => candidate.hotkey === event.key);
    if (type) {
      event.preventDefault();
      tag(type.id);
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const items = [...(menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
      const index = items.indexOf(document.activeElement as HTMLElement);
      items[(index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };
  return (
    <div ref={menuRef} role="menu" aria-label="Entity type" onKeyDown={onKeyDown} className="flex flex-col">
      {entityTypes.map((type) => (
        <button
          key={type.id}
          type="button"
          role="menuitem"
          aria-label={type.label}
          aria-keyshortcuts={type.hotkey ?? undefined}
          title={type.description || undefined}
          onClick={() => tag(type.id)}
          className="flex items-center gap-2 rounded px-2 py-1.5 text-left hover:bg-[var(--rule)] focus:bg-[var(--rule)] focus:outline-none"
        >
          <span aria-hidden className="size-3 rounded-sm" style={{ background: type.color }} />
          <span className="flex-1">{type.label}</span>
          {type.hotkey && <kbd className="rounded border border-[var(--rule)] px-1 text-xs text-[var(--muted)]">{type.hotkey}</kbd>}
        </button>
      ))}
    </div>
  );
}

export const entityUI: KindUI<"ENTITY", null> = {
  initialDraft: null,
  Toolbar: EntityToolbar,
  Editor: function EntityEditor({ annotation, editable }) {
    const { entityTypes } = useReader();
    const { update } = useAnnotationActions();
    return (
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
    );
  },
};
