"use client";

import { useCallback, useId, useState, type DragEvent, type FormEvent } from "react";
import { api } from "@/lib/client/api";
import type { ImportJobDTO } from "@/lib/server/import/import-job-dto";
import { ARTICLE_FILE_EXTENSIONS, BULK_FILE_EXTENSIONS, fileKind } from "@/lib/validations/import";
import { Problem } from "@/components/import/article-card";
import { ArticleCards } from "@/components/import/article-cards";
import { ImportBar, PreviewButton, useCommit, type CommitOutcome } from "@/components/import/import-buttons";
import { JobCard } from "@/components/import/job-card";
import type { ArticleOption } from "@/components/import/target-picker";
import { formatBytes, plural, uploadFile } from "@/components/import/transport";
import { useArticleItems, type ArticleItem } from "@/components/import/use-article-items";

export interface ImportLimitsView {
  maxArticleBytes: number;
  maxBulkBytes: number;
  maxParagraphs: number;
}

type BulkState = { phase: "idle" } | { phase: "uploading"; sent: number; total: number } | { phase: "error"; message: string } | { phase: "job"; job: ImportJobDTO };
interface BulkItem {
  key: string;
  file: File;
  state: BulkState;
}

const ACCEPT = [...ARTICLE_FILE_EXTENSIONS, ...BULK_FILE_EXTENSIONS].join(",");
let counter = 0;

/** Files: several at once, by drag-and-drop or the picker; JSON/JSONL files are bulk imports. */
export function FilesPanel({ preset, limits }: { preset: ArticleOption | null; limits: ImportLimitsView }) {
  const id = useId();
  const articleItems = useArticleItems(preset);
  const { items, setItems, preview, commitAll } = articleItems;
  const [bulks, setBulks] = useState<BulkItem[]>([]);
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const commit = useCommit(commitAll);

  function add(files: File[]) {
    commit.reset();
    const articles: ArticleItem[] = [];
    const bulk: BulkItem[] = [];
    for (const file of files) {
      const key = `file-${++counter}`;
      const kind = fileKind(file.name);
      if (kind === "json" || kind === "jsonl") {
        bulk.push({
          key,
          file,
          state: file.size > limits.maxBulkBytes ? { phase: "error", message: `${file.name} (${formatBytes(file.size)}) is larger than the ${formatBytes(limits.maxBulkBytes)} limit for a bulk file.` } : { phase: "idle" },
        });
        continue;
      }
      const problem =
        kind === null
          ? `${file.name}: unsupported file type. Glossa imports .txt, .md, .html, .json and .jsonl files.`
          : file.size > limits.maxArticleBytes
            ? `${file.name} (${formatBytes(file.size)}) is larger than the ${formatBytes(limits.maxArticleBytes)} limit for one article. Split it, or import it as JSON Lines.`
            : file.size === 0
              ? `${file.name} is empty.`
              : null;
      articles.push({
        key,
        label: `${file.name} · ${formatBytes(file.size)}`,
        source: { kind: "file", file },
        state: problem ? { phase: "error", message: problem, code: "REJECTED" } : { phase: "idle" },
        target: preset ? { mode: "replace", articleId: preset.id, title: preset.title } : { mode: "new" },
        targetTouched: false,
      });
    }
    setItems((current) => [...current, ...articles]);
    setBulks((current) => [...current, ...bulk]);
    setNote(`${plural(files.length, "file")} added. Press Preview to read ${files.length === 1 ? "it" : "them"}.`);
  }

  const upload = useCallback(async (item: BulkItem) => {
    const set = (state: BulkState) => setBulks((current) => current.map((bulk) => (bulk.key === item.key ? { ...bulk, state } : bulk)));
    set({ phase: "uploading", sent: 0, total: item.file.size });
    const result = await uploadFile<ImportJobDTO>(`/api/admin/import/jobs?name=${encodeURIComponent(item.file.name)}`, item.file, (sent, total) =>
      set({ phase: "uploading", sent, total }),
    );
    set(result.ok ? { phase: "job", job: result.data } : { phase: "error", message: result.message });
  }, []);

  async function previewAll(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    commit.reset();
    setNote(null);
    const pending = [
      ...items.filter((item) => item.state.phase === "idle" || (item.state.phase === "error" && item.state.code !== "REJECTED")).map((item) => () => preview(item)),
      ...bulks.filter((bulk) => bulk.state.phase === "idle").map((bulk) => () => upload(bulk)),
    ];
    if (pending.length === 0) {
      setNote(items.length + bulks.length === 0 ? "Add files first: drop them here or choose them." : "Everything is previewed.");
      return;
    }
    // A few at a time: the server parses each one.
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(3, pending.length) }, async () => {
        while (next < pending.length) await pending[next++]!();
      }),
    );
  }

  const startBulk = useCallback(async (): Promise<CommitOutcome> => {
    const outcome: CommitOutcome = { created: 0, revised: 0, unchanged: 0, failed: 0, started: 0 };
    for (const bulk of bulks) {
      if (bulk.state.phase !== "job" || bulk.state.job.status !== "READY" || bulk.state.job.valid === 0) continue;
      const started = await api<{ id: string }>("POST", `/api/admin/import/jobs/${encodeURIComponent(bulk.state.job.id)}/start`);
      const fresh = await api<ImportJobDTO>("GET", `/api/admin/import/jobs/${encodeURIComponent(bulk.state.job.id)}`);
      if (started.ok) outcome.started!++;
      else outcome.failed++;
      setBulks((current) =>
        current.map((candidate) =>
          candidate.key === bulk.key ? { ...candidate, state: fresh.ok ? { phase: "job", job: fresh.data } : started.ok ? candidate.state : { phase: "error", message: started.message } } : candidate,
        ),
      );
    }
    return outcome;
  }, [bulks]);

  const onJob = useCallback((job: ImportJobDTO) => {
    setBulks((current) => current.map((bulk) => (bulk.state.phase === "job" && bulk.state.job.id === job.id ? { ...bulk, state: { phase: "job", job } } : bulk)));
  }, []);

  const readyBulks = bulks.filter((bulk) => bulk.state.phase === "job" && bulk.state.job.status === "READY" && bulk.state.job.valid > 0).length;
  const busy = items.some((item) => item.state.phase === "previewing") || bulks.some((bulk) => bulk.state.phase === "uploading");

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length) add(files);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={previewAll} className="space-y-5" noValidate>
        <div
          onDragEnter={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragOver={(event) => event.preventDefault()}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition ${dragging ? "border-[var(--accent)] bg-[var(--accent)]/5" : "border-[var(--rule)]"}`}
        >
          <p className="font-medium">Drop files here</p>
          <p className="text-sm text-[var(--muted)]">or</p>
          <label className="cursor-pointer rounded-md border border-[var(--ink)] px-4 py-2 text-sm font-medium hover:bg-[var(--rule)] focus-within:outline focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-[var(--accent)]">
            Choose files
            <input
              type="file"
              multiple
              accept={ACCEPT}
              className="sr-only"
              aria-describedby={`${id}-hint`}
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                if (files.length) add(files);
                event.target.value = "";
              }}
            />
          </label>
          <p id={`${id}-hint`} className="max-w-xl text-xs text-[var(--muted)]">
            .txt, .md and .html files are single articles (up to {formatBytes(limits.maxArticleBytes)} and {limits.maxParagraphs.toLocaleString("en-US")} paragraphs each). .jsonl and .json files are bulk imports (up to {formatBytes(limits.maxBulkBytes)}), one object per article:{" "}
            <code>title</code>, then <code>text</code>, <code>html</code> or <code>markdown</code>, and optionally <code>source</code>, <code>sourceUrl</code>, <code>author</code>, <code>publishedAt</code>, <code>language</code>.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <PreviewButton busy={busy} disabled={commit.running} />
          <p className="text-sm text-[var(--muted)]" aria-live="polite">
            {note}
          </p>
        </div>
      </form>

      {bulks.map((bulk) => (
        <div key={bulk.key}>
          {bulk.state.phase === "job" ? (
            <JobCard job={bulk.state.job} onJob={onJob} />
          ) : (
            <article aria-label={bulk.file.name} className="rounded-lg border border-[var(--rule)] p-4">
              <header className="flex flex-wrap items-baseline gap-x-3">
                <h3 className="font-medium" dir="auto">
                  {bulk.file.name}
                </h3>
                <span className="text-sm text-[var(--muted)]">{formatBytes(bulk.file.size)} · bulk file</span>
                {bulk.state.phase !== "uploading" && (
                  <button type="button" className="ml-auto text-xs text-[var(--muted)] underline" aria-label={`Remove ${bulk.file.name}`} onClick={() => setBulks((current) => current.filter((other) => other.key !== bulk.key))}>
                    Remove
                  </button>
                )}
              </header>
              {bulk.state.phase === "idle" && <p className="mt-2 text-sm text-[var(--muted)]">Ready for preview: every line will be checked.</p>}
              {bulk.state.phase === "uploading" && (
                <div className="mt-2 space-y-1 text-sm">
                  <progress aria-label={`Uploading ${bulk.file.name}`} max={bulk.state.total || 1} value={bulk.state.sent} className="h-2 w-full" />
                  <p className="text-[var(--muted)]">
                    {bulk.state.sent < bulk.state.total ? `Uploading: ${formatBytes(bulk.state.sent)} of ${formatBytes(bulk.state.total)}` : "Uploaded; checking every line…"}
                  </p>
                </div>
              )}
              {bulk.state.phase === "error" && (
                <div className="mt-2">
                  <Problem>{bulk.state.message}</Problem>
                </div>
              )}
            </article>
          )}
        </div>
      ))}

      <ArticleCards articles={articleItems} files />

      {items.length + bulks.length > 0 && (
        <ImportBar commit={commit} items={items} busy={busy} extraImportable={readyBulks} onImport={() => void commit.run(items, startBulk)} />
      )}
    </div>
  );
}
