"use client";

import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface TabDefinition<Id extends string> {
  id: Id;
  label: string;
  panel: ReactNode;
}

/**
 * Tabs by the WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs (moving focus with
 * the selection), and every panel stays mounted, so switching tabs never loses what a panel holds.
 * `idPrefix` keeps tab and panel ids unique on the page; `onChange` lets a page mirror the tab in its URL.
 */
export function Tabs<Id extends string>({ label, idPrefix, tabs, initialTab, onChange }: { label: string; idPrefix: string; tabs: readonly TabDefinition<Id>[]; initialTab: Id; onChange?: (tab: Id) => void }) {
  const [selectedTab, setSelectedTab] = useState<Id>(initialTab);
  const refs = useRef(new Map<Id, HTMLButtonElement>());

  function choose(next: Id) {
    setSelectedTab(next);
    refs.current.get(next)?.focus();
    onChange?.(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((candidate) => candidate.id === selectedTab);
    const move = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (move !== undefined) choose(tabs[(index + move + tabs.length) % tabs.length]!.id);
    else if (event.key === "Home") choose(tabs[0]!.id);
    else if (event.key === "End") choose(tabs[tabs.length - 1]!.id);
    else return;
    event.preventDefault();
  }

  return (
    <div>
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex gap-1 border-b border-[var(--rule)]">
        {tabs.map((candidate) => {
          const selected = candidate.id === selectedTab;
          return (
            <button
              key={candidate.id}
              ref={(element) => {
                if (element) refs.current.set(candidate.id, element);
                else refs.current.delete(candidate.id);
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${candidate.id}`}
              aria-selected={selected}
              aria-controls={`${idPrefix}-panel-${candidate.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => choose(candidate.id)}
              className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${selected ? "border-[var(--accent)] text-[var(--ink)]" : "border-transparent text-[var(--muted)] hover:text-[var(--ink)]"}`}
            >
              {candidate.label}
            </button>
          );
        })}
      </div>
      {tabs.map((candidate) => (
        <div key={candidate.id} role="tabpanel" id={`${idPrefix}-panel-${candidate.id}`} aria-labelledby={`${idPrefix}-tab-${candidate.id}`} hidden={candidate.id !== selectedTab} tabIndex={0} className="pt-6 outline-none">
          {candidate.panel}
        </div>
      ))}
    </div>
  );
}
