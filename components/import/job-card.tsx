"use client";

import { useEffect, useId, useState } from "react";
import { api } from "@/lib/client/api";
import { languageName } from "@/lib/format";
import type { ImportJobDTO } from "@/lib/server/import/import-job-dto";
import { Problem } from "@/components/import/article-card";
import { formatBytes, formatCount, plural } from "@/components/import/transport";

const STATUS_LABEL: Record<ImportJobDTO["status"], string> = {
  UPLOADING: "Checking",
  READY: "Ready to import",
  RUNNING: "Importing",
  DONE: "Done",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

const ACTIVE = new Set<ImportJobDTO["status"]>(["UPLOADING", "RUNNING"]);
const POLL_MS = 1000;

/**
 * A bulk import: its preview before the admin commits it, then a live progress bar (the job
 * runs on the server; this only polls, so the page can be left and revisited), then the
 * outcome with every failed line.
 */
export function JobCard({ job: initial, showStart = false, onJob }: { job: ImportJobDTO; showStart?: boolean; onJob?: (job: ImportJobDTO) => void }) {
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  // The parent may hand over a newer state (e.g. after it started the job).
  const [seen, setSeen] = useState(initial);
  if (initial !== seen) {
    setSeen(initial);
    setJob(initial);
  }

  const active = ACTIVE.has(job.status);
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const result = await api<ImportJobDTO>("GET", `/api/admin/import/jobs/${encodeURIComponent(job.id)}`);
      if (stopped) return;
      if (result.ok) {
        setJob(result.data);
        onJob?.(result.data);
        setError(null);
      } else setError(result.message);
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, job.id, onJob]);

  async function act(action: "start" | "cancel") {
    setBusy(true);
    const result = await api<{ id: string }>("POST", `/api/admin/import/jobs/${encodeURIComponent(job.id)}/${action}`);
    if (!result.ok) setError(result.message);
    const fresh = await api<ImportJobDTO>("GET", `/api/admin/import/jobs/${encodeURIComponent(job.id)}`);
    if (fresh.ok) {
      setJob(fresh.data);
      onJob?.(fresh.data);
    }
    setBusy(false);
  }

  const invalid = job.total - job.valid;
  const done = job.status === "DONE";

  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-[var(--rule)] p-4">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={headingId} className="font-medium" dir="auto">
          {job.fileName}
        </h3>
        <span className="text-sm text-[var(--muted)]">
          {formatBytes(job.bytes)}
          {job.createdBy && ` · uploaded by ${job.createdBy}`}
        </span>
        <span className={`ml-auto rounded border px-2 py-0.5 text-xs ${job.status === "FAILED" ? "border-red-400 text-red-700 dark:text-red-300" : done ? "border-emerald-500 text-emerald-800 dark:text-emerald-200" : "border-[var(--rule)] text-[var(--muted)]"}`}>
          {STATUS_LABEL[job.status]}
          {job.stale && " (resuming)"}
        </span>
      </header>

      {job.message && (
        <div className="mt-2">
          {job.status === "FAILED" ? <Problem>{job.message}</Problem> : <p className="text-sm text-[var(--muted)]">{job.message}</p>}
        </div>
      )}

      {job.status === "UPLOADING" && <p className="mt-2 text-sm text-[var(--muted)]">Checking the file: {plural(job.total, "article")} read so far…</p>}

      {job.status === "READY" && (
        <div className="mt-2 space-y-3 text-sm">
          <p>
            {plural(job.total, "article")} found: <strong>{formatCount(job.valid)} ready to import</strong>
            {invalid > 0 && <>, {plural(invalid, "line")} with errors (skipped)</>}.
            {job.preview && job.preview.identical > 0 && <> {plural(job.preview.identical, "article")} already stored unchanged (no-op).</>}
            {job.preview && job.preview.revisions > 0 && <> {plural(job.preview.revisions, "article")} share a source URL with a stored article and will become new revisions of it.</>}
            {job.preview && job.preview.withWarnings > 0 && <> {plural(job.preview.withWarnings, "article")} with warnings.</>}
          </p>
          {job.preview && job.preview.articles.length > 0 && (
            <details open={job.preview.articles.length <= 3}>
              <summary className="cursor-pointer text-[var(--muted)]">First {plural(job.preview.articles.length, "article")}</summary>
              <ol className="mt-2 space-y-2">
                {job.preview.articles.map((article) => (
                  <li key={article.line} className="border-l-2 border-[var(--rule)] pl-3">
                    <p className="font-serif font-semibold" dir="auto">
                      {article.title}
                    </p>
                    <p className="text-xs text-[var(--muted)]">
                      Line {article.line} · {article.language === "und" ? "language not detected" : languageName(article.language)} · {plural(article.paragraphCount, "paragraph")}
                    </p>
                    {article.paragraphs[0] && (
                      <p className="line-clamp-2 font-serif text-[var(--muted)]" dir="auto">
                        {article.paragraphs[0].text}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            </details>
          )}
          {job.preview && job.preview.warnings.length > 0 && (
            <details>
              <summary className="cursor-pointer text-[var(--muted)]">Warnings</summary>
              <ul className="mt-1 space-y-1">
                {job.preview.warnings.map((warning) => (
                  <li key={warning.line}>
                    Line {warning.line}: {warning.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {job.errors.length > 0 && <LineErrors job={job} caption="Lines that will be skipped" />}
        </div>
      )}

      {(job.status === "RUNNING" || done || ((job.status === "CANCELLED" || job.status === "FAILED") && job.processed > 0)) && <Progress job={job} />}

      {done && job.errors.length > 0 && <LineErrors job={job} caption="Errors by line" />}

      {error && (
        <div className="mt-2">
          <Problem>{error}</Problem>
        </div>
      )}

      {(job.status === "READY" || job.status === "RUNNING" || job.status === "UPLOADING") && (
        <div className="mt-3 flex flex-wrap gap-2">
          {showStart && job.status === "READY" && job.valid > 0 && (
            <button type="button" disabled={busy} onClick={() => act("start")} aria-describedby={headingId} className="rounded-md bg-[var(--ink)] px-3 py-1.5 text-sm font-medium text-[var(--page)] disabled:opacity-60">
              Start
            </button>
          )}
          {/* Named without "Import", so the panel's Import button stays the only one. */}
          <button type="button" disabled={busy} onClick={() => act("cancel")} aria-describedby={headingId} className="rounded-md border border-[var(--rule)] px-3 py-1.5 text-sm hover:bg-[var(--rule)] disabled:opacity-60">
            {job.status === "RUNNING" ? "Stop" : "Discard"}
          </button>
        </div>
      )}
    </article>
  );
}

function Progress({ job }: { job: ImportJobDTO }) {
  const total = Math.max(job.total, 1);
  const percent = Math.min(100, Math.round((job.processed / total) * 100));
  const text = `${formatCount(job.processed)} of ${plural(job.total, "article")} done, ${formatCount(job.failed)} failed`;
  return (
    <div className="mt-3 space-y-1.5 text-sm">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={job.processed}
        aria-valuetext={text}
        className="h-2.5 w-full overflow-hidden rounded-full bg-[var(--rule)]"
      >
        <div className="h-full rounded-full bg-[var(--accent)] transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
      <p aria-live="polite" className="flex flex-wrap gap-x-4 gap-y-0.5">
        <span className="font-medium">
          {formatCount(job.processed)} / {formatCount(job.total)} ({percent}%)
        </span>
        <span>{formatCount(job.created)} new</span>
        <span>{formatCount(job.revised)} revised</span>
        <span>{formatCount(job.unchanged)} unchanged</span>
        <span className={job.failed > 0 ? "font-medium text-red-700 dark:text-red-300" : undefined}>{formatCount(job.failed)} failed</span>
      </p>
    </div>
  );
}

function LineErrors({ job, caption }: { job: ImportJobDTO; caption: string }) {
  return (
    <div className="mt-3 max-h-80 overflow-auto rounded-md border border-[var(--rule)]">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="px-3 py-2 text-left font-medium">
          {caption} ({formatCount(job.errorCount)}
          {job.errorCount > job.errors.length && `, the first ${formatCount(job.errors.length)} shown`})
        </caption>
        <thead>
          <tr className="border-y border-[var(--rule)] text-xs uppercase tracking-wide text-[var(--muted)]">
            <th scope="col" className="px-3 py-1 font-medium">
              Line
            </th>
            <th scope="col" className="px-3 py-1 font-medium">
              Reason
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-[var(--rule)]">
          {job.errors.map((error, index) => (
            <tr key={`${error.line}-${index}`}>
              <td className="px-3 py-1 align-top tabular-nums">{error.line}</td>
              <td className="px-3 py-1">{error.message.replace(/^(Line|Item) [^:]*: /, "")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
