"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { AnnotationsPanel } from "@/components/import/annotations-panel";
import { FilesPanel, type ImportLimitsView } from "@/components/import/files-panel";
import { PastePanel } from "@/components/import/paste-panel";
import type { ArticleOption } from "@/components/import/target-picker";
import { UrlPanel } from "@/components/import/url-panel";

const TABS = [
  { id: "paste", label: "Paste" },
  { id: "files", label: "Files" },
  { id: "url", label: "URL" },
  { id: "annotations", label: "Annotations" },
] as const;
type TabId = (typeof TABS)[number]["id"];

/**
 * The ways in, as tabs (articles three ways, and annotations onto an article) (WAI-ARIA tabs pattern: arrow keys, Home and End move between
 * them). Every panel stays mounted, so switching tabs never loses a preview.
 */
export function ImportWorkbench({ initialTab, preset, limits }: { initialTab: TabId; preset: ArticleOption | null; limits: ImportLimitsView }) {
  const [tab, setTab] = useState<TabId>(initialTab);
  const refs = useRef<Record<TabId, HTMLButtonElement | null>>({ paste: null, files: null, url: null, annotations: null });

  function choose(next: TabId) {
    setTab(next);
    refs.current[next]?.focus();
    const url = new URL(window.location.href);
    url.searchParams.set("tab", next);
    window.history.replaceState(null, "", url);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const move = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (move !== undefined) choose(TABS[(index + move + TABS.length) % TABS.length]!.id);
    else if (event.key === "Home") choose(TABS[0].id);
    else if (event.key === "End") choose(TABS[TABS.length - 1]!.id);
    else return;
    event.preventDefault();
  }

  return (
    <div>
      <div role="tablist" aria-label="Ways to import" onKeyDown={onKeyDown} className="flex gap-1 border-b border-[var(--rule)]">
        {TABS.map((candidate) => {
          const selected = candidate.id === tab;
          return (
            <button
              key={candidate.id}
              ref={(element) => {
                refs.current[candidate.id] = element;
              }}
              type="button"
              role="tab"
              id={`import-tab-${candidate.id}`}
              aria-selected={selected}
              aria-controls={`import-panel-${candidate.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => choose(candidate.id)}
              className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${selected ? "border-[var(--accent)] text-[var(--ink)]" : "border-transparent text-[var(--muted)] hover:text-[var(--ink)]"}`}
            >
              {candidate.label}
            </button>
          );
        })}
      </div>
      {TABS.map((candidate) => (
        <div key={candidate.id} role="tabpanel" id={`import-panel-${candidate.id}`} aria-labelledby={`import-tab-${candidate.id}`} hidden={candidate.id !== tab} tabIndex={0} className="pt-6 outline-none">
          {candidate.id === "paste" && <PastePanel preset={preset} />}
          {candidate.id === "files" && <FilesPanel preset={preset} limits={limits} />}
          {candidate.id === "url" && <UrlPanel preset={preset} />}
          {candidate.id === "annotations" && <AnnotationsPanel preset={preset} />}
        </div>
      ))}
    </div>
  );
}
