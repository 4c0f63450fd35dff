"use client";

import type { StreamedExport } from "./use-streamed-export";

const UNIT_NAMES = { articles: ["article", "articles"], rows: ["row", "rows"], annotations: ["annotation", "annotations"] } as const;
const number = new Intl.NumberFormat("en");

function amount(count: number, unit: keyof typeof UNIT_NAMES | null): string {
  if (!unit) return number.format(count);
  return `${number.format(count)} ${UNIT_NAMES[unit][count === 1 ? 0 : 1]}`;
}

/**
 * Where a long export shows how far it is: a labelled progress bar (determinate once the server
 * has said how much is coming) with Cancel, then what became of it (a status, or an alert when it failed).
 */
export function ExportProgress({ status, onCancel, onDismiss }: { status: StreamedExport | null; onCancel: () => void; onDismiss: () => void }) {
  if (!status) return null;
  if (status.state !== "running") {
    const message =
      status.state === "saved" ? `Export saved as ${status.filename}.` : status.state === "cancelled" ? "Export cancelled." : status.message;
    return (
      <div role={status.state === "failed" ? "alert" : "status"} className="mt-2 flex items-center gap-3 text-sm">
        <span>{message}</span>
        <button type="button" onClick={onDismiss} className="rounded border border-[var(--rule)] px-2 py-0.5 hover:bg-[var(--rule)]">
          Dismiss
        </button>
      </div>
    );
  }
  const { done, total, unit, label } = status;
  const shown = total === null ? done : Math.min(done, total);
  const text = total === null ? (shown === 0 ? "Starting…" : `${amount(shown, unit)} so far`) : `${number.format(shown)} of ${amount(total, unit)}`;
  const share = total ? Math.round((shown / total) * 100) : null;
  return (
    // No live region here: the bar's value is read when focused; announcing every chunk would drown the reader.
    <div className="mt-2 w-72 max-w-full text-sm">
      <div className="flex items-baseline justify-between gap-2">
        <span>Exporting {label}…</span>
        <span className="tabular-nums text-[var(--muted)]">{text}</span>
      </div>
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total === null ? undefined : shown}
        aria-valuetext={text}
        className="mt-1 h-2 overflow-hidden rounded bg-[var(--rule)]"
      >
        <div className={`h-full bg-[var(--accent)] transition-[width] ${share === null ? "w-1/3 animate-pulse" : ""}`} style={share === null ? undefined : { width: `${share}%` }} />
      </div>
      <button type="button" onClick={onCancel} className="mt-2 rounded border border-[var(--rule)] px-2 py-0.5 hover:bg-[var(--rule)]">
        Cancel export
      </button>
    </div>
  );
}
