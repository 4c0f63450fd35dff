"use client";

import { useCallback, useState } from "react";
import { plural } from "@/components/import/transport";
import { importable, type ArticleItem } from "@/components/import/use-article-items";

/** What one Import did, counted by outcome. */
export interface CommitOutcome {
  created: number;
  revised: number;
  unchanged: number;
  failed: number;
  /** Bulk files whose import started in the background. */
  started?: number;
}

function describe(outcome: CommitOutcome): string {
  const parts = [];
  if (outcome.created) parts.push(`${plural(outcome.created, "new article")} imported`);
  if (outcome.revised) parts.push(`${plural(outcome.revised, "article")} revised`);
  if (outcome.unchanged) parts.push(`${formatUnchanged(outcome.unchanged)}`);
  if (outcome.started) parts.push(`${plural(outcome.started, "bulk file")} importing in the background`);
  if (outcome.failed) parts.push(`${plural(outcome.failed, "failure")}: see below`);
  return parts.length ? `${parts.join(", ")}.` : "Nothing to import.";
}

function formatUnchanged(n: number): string {
  return n === 1 ? "1 unchanged (identical content)" : `${n} unchanged (identical content)`;
}

/** The Import action of a panel: runs once at a time and says what happened. */
export function useCommit(commitAll: (items: ArticleItem[]) => Promise<CommitOutcome>) {
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const run = useCallback(
    async (items: ArticleItem[], more?: () => Promise<CommitOutcome>) => {
      setRunning(true);
      setSummary(null);
      const outcome = await commitAll(items);
      if (more) {
        const extra = await more();
        for (const key of ["created", "revised", "unchanged", "failed"] as const) outcome[key] += extra[key];
        outcome.started = (outcome.started ?? 0) + (extra.started ?? 0);
      }
      setRunning(false);
      setSummary(describe(outcome));
    },
    [commitAll],
  );
  const reset = useCallback(() => setSummary(null), []);
  return { running, summary, run, reset };
}

/** The form's submit: reads and shows the input without writing anything. */
export function PreviewButton({ form, busy, disabled }: { form?: string; busy: boolean; disabled?: boolean }) {
  return (
    <button
      type="submit"
      form={form}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
      className="rounded-md border border-[var(--ink)] px-4 py-2 text-sm font-medium hover:bg-[var(--rule)] disabled:opacity-60"
    >
      Preview
    </button>
  );
}

/** Import, under the previews it commits, with the outcome announced politely. */
export function ImportBar({
  commit,
  items,
  busy,
  extraImportable = 0,
  onImport,
}: {
  commit: ReturnType<typeof useCommit>;
  items: ArticleItem[];
  busy: boolean;
  /** Importable things the items do not cover (bulk files). */
  extraImportable?: number;
  onImport?: () => void;
}) {
  const ready = importable(items) + extraImportable;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-[var(--rule)] bg-[var(--rule)]/20 px-4 py-3">
      <button
        type="button"
        disabled={ready === 0 || commit.running || busy}
        aria-busy={commit.running || undefined}
        onClick={onImport ?? (() => void commit.run(items))}
        className="rounded-md bg-[var(--ink)] px-5 py-2 text-sm font-medium text-[var(--page)] disabled:opacity-50"
      >
        Import
      </button>
      <p role="status" className="text-sm text-[var(--muted)]">
        {commit.running
          ? "Importing…"
          : (commit.summary ?? (ready > 0 ? `${plural(ready, "item")} ready: nothing is saved until you press Import.` : busy ? "Reading…" : "Nothing to import yet."))}
      </p>
    </div>
  );
}
