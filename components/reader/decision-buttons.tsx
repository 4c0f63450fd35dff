import type { ReactNode } from "react";

/**
 * Accept and Reject for one suggestion, with any other choice (Change speaker) between them: the
 * same pair, in the same order and style, wherever suggestions are decided.
 */
export function DecisionButtons({ busy, onAccept, onReject, children }: { busy: boolean; onAccept: () => void; onReject: () => void; children?: ReactNode }) {
  return (
    <div className="flex gap-2">
      <button type="button" disabled={busy} onClick={onAccept} className="rounded bg-[var(--ink)] px-3 py-1 text-[var(--page)] disabled:opacity-50">
        Accept
      </button>
      {children}
      <button type="button" disabled={busy} onClick={onReject} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
        Reject
      </button>
    </div>
  );
}
