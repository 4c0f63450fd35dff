"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export interface ToastMessage {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

/** One transient message at a time, announced politely; an action (Undo) keeps it up for 6 seconds. */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const counter = useRef(0);
  const notify = useCallback((message: string, action?: ToastMessage["action"]) => {
    setToast({ id: ++counter.current, message, action });
  }, []);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, notify, dismiss };
}

export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, toast.action ? 6000 : 4000);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-6 z-[60] flex justify-center px-4">
      {toast && (
        <div key={toast.id} className="pointer-events-auto flex items-center gap-4 rounded-lg bg-[var(--ink)] px-4 py-2.5 font-sans text-sm text-[var(--page)] shadow-xl">
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="font-semibold underline"
              onClick={() => {
                toast.action!.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
