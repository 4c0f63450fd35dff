"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { curatedExportHref } from "@/lib/agreement/curated";
import { exportHref, EXPORT_FORMATS, type ExportScope } from "@/lib/exporting/formats";
import { ExportProgress } from "./export-progress";
import { useStreamedExport } from "./use-streamed-export";

/** What a corpus scope's export is called while it runs ("Exporting the library…"). */
function scopeLabel(scope: Exclude<ExportScope, { kind: "article" }>): string {
  if (scope.kind === "search") return "the search results";
  return scope.project ? `the project ${scope.project.name}` : "the library";
}

/**
 * Export: a menu button (WAI-ARIA menu button pattern) whose items download the scope (an
 * article, the library, a search result), with what this reader may see, in each format. Arrow
 * keys, Home and End move between items, Escape closes and gives focus back to the button; a
 * click elsewhere or Tab away closes it. An article is small: its items are plain download
 * links. The library or a search result can be thousands of articles: its items stream the file
 * with a progress bar and Cancel (see useStreamedExport). An article's menu also has the group
 * Curated: its curated (gold) layer in each format, readable by whoever may read the article.
 */
export function ExportMenu(props: { articleId: string; layer?: string | null } | { scope: ExportScope }) {
  // An article's items name the project layer on screen, so the file is what this tab shows even when another tab chose another layer since.
  const scope: ExportScope = "scope" in props ? props.scope : { kind: "article", articleId: props.articleId, layer: props.layer ?? null };
  const streamed = useStreamedExport();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  // Which item takes focus when the menu opens: the first, or the last (opened with ArrowUp).
  const focusOnOpen = useRef<"first" | "last">("first");

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];

  useEffect(() => {
    if (!open) return;
    const all = items();
    (focusOnOpen.current === "last" ? all.at(-1) : all[0])?.focus();
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const openWith = (focus: "first" | "last") => {
    focusOnOpen.current = focus;
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      openWith(event.key === "ArrowUp" ? "last" : "first");
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const moveTo = (next: number) => {
      event.preventDefault();
      all[(next + all.length) % all.length]?.focus();
    };
    if (event.key === "ArrowDown") moveTo(index + 1);
    else if (event.key === "ArrowUp") moveTo(index - 1);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(all.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") close(false);
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openWith("first"))}
        onKeyDown={onButtonKeyDown}
        className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]"
      >
        Export
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Export"
          onKeyDown={onMenuKeyDown}
          className="absolute left-0 z-20 mt-1 flex min-w-44 flex-col rounded border border-[var(--rule)] bg-[var(--page)] py-1 shadow-lg"
        >
          {EXPORT_FORMATS.map(({ format, label }) =>
            scope.kind === "article" ? (
              <a
                key={format}
                role="menuitem"
                tabIndex={-1}
                href={exportHref(scope, format)}
                download
                // Closed after the click has run its course: a link taken out of the page before then downloads nothing.
                onClick={() => setTimeout(() => close(true))}
                className={ITEM_CLASS}
              >
                {label}
              </a>
            ) : (
              <button
                key={format}
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(true);
                  void streamed.start(exportHref(scope, format), format, `${scopeLabel(scope)} as ${label}`);
                }}
                className={`${ITEM_CLASS} text-left`}
              >
                {label}
              </button>
            ),
          )}
          {scope.kind === "article" && (
            <div role="group" aria-labelledby={`${menuId}-curated`} className="mt-1 flex flex-col border-t border-[var(--rule)] pt-1">
              <span id={`${menuId}-curated`} role="presentation" className="px-3 py-1 text-xs font-medium text-[var(--muted)]">
                Curated (gold)
              </span>
              {EXPORT_FORMATS.map(({ format, label }) => (
                <a
                  key={format}
                  role="menuitem"
                  tabIndex={-1}
                  href={curatedExportHref(scope.articleId, format)}
                  download
                  aria-label={`Curated ${label}`}
                  onClick={() => setTimeout(() => close(true))}
                  className={ITEM_CLASS}
                >
                  {label}
                </a>
              ))}
            </div>
          )}
        </div>
      )}
      <ExportProgress status={streamed.status} onCancel={streamed.cancel} onDismiss={streamed.dismiss} />
    </div>
  );
}

const ITEM_CLASS = "px-3 py-1.5 hover:bg-[var(--rule)] focus:bg-[var(--rule)] focus:outline-none";
