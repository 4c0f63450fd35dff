"use client";

import type { ReactNode } from "react";
import { Drawer } from "@/components/reader/drawer";

/**
 * The reader's one Suggestions region, whatever proposes them (Find quotes, other mentions of an
 * entity just tagged): a side sheet named for what it suggests, with region Suggestions inside.
 * The workspace opens one at a time, so there is never a second region of that name.
 */
export function SuggestionsSheet({ label, busy, onClose, children }: { label: string; busy: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Drawer label={label} title={label} onClose={onClose}>
      <section aria-label="Suggestions" aria-busy={busy} className="space-y-3">
        {children}
      </section>
    </Drawer>
  );
}
