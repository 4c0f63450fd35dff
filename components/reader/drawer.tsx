"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * The reader's side sheet for details and threads: a non-modal dialog that
 * takes focus when it opens, gives it back when it closes, and closes on Escape.
 */
export function Drawer({ label, title, onClose, children }: { label: string; title: ReactNode; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Escape closes it wherever focus is (a focused inner control that uses Escape itself stops the event first).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onClose]);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={label}
      data-drawer=""
      tabIndex={-1}
      className="fixed inset-y-0 right-0 z-50 flex w-full max-w-md flex-col border-l border-[var(--rule)] bg-[var(--page)] font-sans text-sm shadow-2xl outline-none"
    >
      <div className="flex items-center justify-between border-b border-[var(--rule)] px-4 py-3">
        <h2 className="text-base font-semibold">{title}</h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-[var(--muted)] hover:bg-[var(--rule)]" aria-label="Close">
          ✕
        </button>
      </div>
      <div className="flex-1 space-y-5 overflow-y-auto px-4 py-4">{children}</div>
    </div>
  );
}
