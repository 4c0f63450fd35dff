"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { renderHints } from "@/lib/annotations/kinds";
import { api } from "@/lib/client/api";
import { rangeToParagraphSelections, type ParagraphSelection } from "@/lib/client/selection";
import type { OrphanDTO } from "@/lib/server/articles/list-orphans";

/**
 * The interactive part of Needs review: each orphan's original quote in its old context, and
 * for its author or an admin, Re-attach (select the new words in the article, then attach)
 * and Dismiss (kept in the database, off the list).
 */
export function OrphanReview({ orphans, mode, readerHref }: { orphans: OrphanDTO[]; mode: "reader" | "admin"; readerHref: string }) {
  const router = useRouter();
  const [attaching, setAttaching] = useState<string | null>(null);
  const [selection, setSelection] = useState<ParagraphSelection | null>(null);
  const [selectionProblem, setSelectionProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!attaching) return;
    const onChange = () => {
      const range = document.getSelection()?.rangeCount ? document.getSelection()!.getRangeAt(0) : null;
      if (!range || range.collapsed) return;
      const pieces = rangeToParagraphSelections(range, document.body);
      if (pieces.length === 1) {
        setSelection(pieces[0]!);
        setSelectionProblem(null);
      } else if (pieces.length > 1) {
        setSelection(null);
        setSelectionProblem("Select words within a single paragraph.");
      }
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [attaching]);

  function begin(id: string) {
    setAttaching(id);
    setSelection(null);
    setSelectionProblem(null);
    setError(null);
    setStatus(null);
  }

  function attach(orphan: OrphanDTO) {
    if (!selection) return;
    const { paragraphId, start, end, exact, prefix, suffix } = selection;
    startTransition(async () => {
      const result = await api("POST", `/api/annotations/${encodeURIComponent(orphan.id)}/reattach`, { paragraphId, start, end, exact, prefix, suffix });
      if (!result.ok) {
        setError({ id: orphan.id, message: result.message });
        return;
      }
      setAttaching(null);
      setStatus(`Re-attached “${orphan.exact}” to “${exact}” in paragraph ${selection.position}.`);
      document.getSelection()?.removeAllRanges();
      router.refresh();
    });
  }

  function dismiss(orphan: OrphanDTO) {
    startTransition(async () => {
      const result = await api("POST", `/api/annotations/${encodeURIComponent(orphan.id)}/dismiss`);
      if (!result.ok) {
        setError({ id: orphan.id, message: result.message });
        return;
      }
      setStatus(`Dismissed “${orphan.exact}”. It is kept, but no longer listed here.`);
      router.refresh();
    });
  }

  return (
    <>
      <ul className="mt-3 space-y-3">
        {orphans.map((orphan) => {
          const describing = `orphan-${orphan.id}-quote`;
          return (
            <li key={orphan.id} className="rounded-md border border-[var(--rule)] bg-[var(--page)] p-3">
              <blockquote id={describing} className="font-serif leading-relaxed" dir="auto">
                {orphan.prefix && <span className="text-[var(--muted)]">{orphan.prefix.length >= 32 ? "…" : ""}{orphan.prefix}</span>}
                <mark className="rounded-sm bg-amber-200/70 px-0.5 text-[var(--ink)] dark:bg-amber-700/50">{orphan.exact}</mark>
                {orphan.suffix && <span className="text-[var(--muted)]">{orphan.suffix}{orphan.suffix.length >= 32 ? "…" : ""}</span>}
              </blockquote>
              <p className="mt-1 text-xs text-[var(--muted)]">
                {renderHints(orphan).name} · by {orphan.author.name} · from revision {orphan.revision}, paragraph {orphan.position}
                {orphan.notes > 0 && ` · ${orphan.notes === 1 ? "1 note" : `${orphan.notes} notes`}`}
                {orphan.visibility === "PRIVATE" && " · private"}
              </p>
              {orphan.canModify && (
                <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                  {mode === "reader" ? (
                    attaching === orphan.id ? (
                      <>
                        <p className="basis-full" aria-live="polite">
                          {selection ? (
                            <>
                              Attach to <q dir="auto">{selection.exact}</q> (paragraph {selection.position})?
                            </>
                          ) : (
                            selectionProblem ?? "Select the words in the article where this belongs."
                          )}
                        </p>
                        <button type="button" disabled={!selection || pending} onClick={() => attach(orphan)} className="rounded-md bg-[var(--ink)] px-3 py-1 font-medium text-[var(--page)] disabled:opacity-50">
                          Attach to selection
                        </button>
                        <button type="button" onClick={() => setAttaching(null)} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
                          Cancel
                        </button>
                      </>
                    ) : (
                      <button type="button" aria-describedby={describing} onClick={() => begin(orphan.id)} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
                        Re-attach
                      </button>
                    )
                  ) : (
                    <Link href={`${readerHref}#needs-review`} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
                      Re-attach in the reader
                    </Link>
                  )}
                  <button type="button" aria-describedby={describing} disabled={pending} onClick={() => dismiss(orphan)} className="rounded-md border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)] disabled:opacity-50">
                    Dismiss
                  </button>
                </div>
              )}
              {error?.id === orphan.id && (
                <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
                  {error.message}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <p role="status" className="mt-2 text-sm text-[var(--muted)] empty:hidden">
        {status}
      </p>
    </>
  );
}
