"use client";

import { useId } from "react";
import type { Visibility } from "@/lib/annotations/types";
import { useReader } from "@/components/reader/reader-context";

/** Shared (everyone on this article) or Private (only you) for what you create next. */
export function VisibilitySelect({ value, onChange }: { value?: Visibility; onChange?: (visibility: Visibility) => void }) {
  const reader = useReader();
  const id = useId();
  const current = value ?? reader.visibility;
  return (
    <span className="flex items-center gap-1.5">
      <label htmlFor={id}>Visibility</label>
      <select
        id={id}
        value={current}
        onChange={(event) => (onChange ?? reader.setVisibility)(event.target.value as Visibility)}
        className="rounded border border-[var(--rule)] bg-[var(--page)] px-1 py-0.5 text-[var(--ink)]"
      >
        <option value="SHARED">Shared</option>
        <option value="PRIVATE">Private</option>
      </select>
    </span>
  );
}
