"use client";

import Link from "next/link";
import { useId, type ReactNode } from "react";
import { languageName } from "@/lib/format";
import type { ImportArticleResult } from "@/lib/server/articles/import-article";
import type { ArticlePreview } from "@/lib/server/import/preview-article";
import type { EncodingSuggestion } from "@/lib/server/import/encoding";
import { ENCODING_IDS, ENCODING_LABELS, type EncodingId, type RepairId } from "@/lib/validations/import";
import { plural } from "@/components/import/transport";
import { TargetPicker, type ArticleOption, type TargetChoice } from "@/components/import/target-picker";

/** One article's progress through preview and import. */
export type ItemState =
  | { phase: "idle" }
  | { phase: "previewing" }
  | { phase: "error"; message: string; code: string; encodingSuggestion?: EncodingSuggestion | null }
  | { phase: "preview"; preview: ArticlePreview }
  | { phase: "importing"; preview: ArticlePreview }
  | { phase: "done"; preview: ArticlePreview; result: ImportArticleResult }
  | { phase: "failed"; preview: ArticlePreview; message: string };

const KIND_LABEL = { PARAGRAPH: "", HEADING: "Heading", BLOCKQUOTE: "Quote", LIST_ITEM: "List item" } as const;

/**
 * A previewed article: what was detected (title, language, paragraphs, metadata), the first
 * paragraphs, warnings with the fixes on offer, what Import will do, and then what it did.
 */
export function ArticleCard({
  label,
  state,
  target,
  onTargetChange,
  suggestions,
  encoding,
  onEncoding,
  onRepair,
  onRemove,
}: {
  /** Where it comes from: a file name, "Pasted text" or the URL. */
  label: string;
  state: ItemState;
  target: TargetChoice;
  onTargetChange: (choice: TargetChoice) => void;
  suggestions: ArticleOption[];
  /** Files only: the chosen encoding, and how to change it. */
  encoding?: EncodingId;
  onEncoding?: (encoding: EncodingId | undefined) => void;
  onRepair: (repair: RepairId | undefined) => void;
  onRemove?: () => void;
}) {
  const headingId = useId();
  const preview = "preview" in state ? state.preview : null;
  const locked = state.phase === "importing" || state.phase === "done";

  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-[var(--rule)] p-4" aria-busy={state.phase === "previewing" || state.phase === "importing"}>
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <p className="text-xs font-medium uppercase tracking-wide text-[var(--muted)]" dir="auto">
          {label}
        </p>
        {onRemove && !locked && (
          <button type="button" onClick={onRemove} className="ml-auto text-xs text-[var(--muted)] underline hover:text-[var(--ink)]" aria-label={`Remove ${label}`}>
            Remove
          </button>
        )}
      </header>
      {state.phase === "idle" && <p className="mt-2 text-sm text-[var(--muted)]">Ready for preview.</p>}
      {state.phase === "previewing" && <p className="mt-2 text-sm text-[var(--muted)]">Reading…</p>}
      {state.phase === "error" && (
        <div className="mt-2 space-y-2">
          <h3 id={headingId} className="sr-only">
            {label}: cannot be imported
          </h3>
          <Problem>{state.message}</Problem>
          {onEncoding && state.code === "UNPROCESSABLE" && state.encodingSuggestion !== undefined && (
            <EncodingOffer suggestion={state.encodingSuggestion ?? null} current={encoding} onEncoding={onEncoding} />
          )}
        </div>
      )}
      {preview && (
        <>
          <h3 id={headingId} dir="auto" lang={preview.language === "und" ? undefined : preview.language} className="mt-1 font-serif text-xl font-semibold leading-snug">
            {preview.title}
          </h3>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
            <Fact term="Language">{preview.language === "und" ? "Not detected (und)" : `${languageName(preview.language)} (${preview.language})`}</Fact>
            <Fact term="Paragraphs">{plural(preview.paragraphCount, "paragraph")}</Fact>
            {preview.metadata.source && <Fact term="Source">{preview.metadata.source}</Fact>}
            {preview.metadata.author && <Fact term="Author">{preview.metadata.author}</Fact>}
            {preview.metadata.publishedAt && <Fact term="Published">{preview.metadata.publishedAt.slice(0, 10)}</Fact>}
            {preview.metadata.sourceUrl && (
              <Fact term="Source URL">
                <span className="break-all">{preview.metadata.sourceUrl}</span>
              </Fact>
            )}
            {preview.encoding && preview.encoding.id !== "utf-8" && <Fact term="Encoding">{preview.encoding.label}</Fact>}
          </dl>
          <ol className="mt-3 space-y-2 border-l-2 border-[var(--rule)] pl-3 font-serif text-[0.95rem] leading-relaxed" aria-label="First paragraphs" lang={preview.language === "und" ? undefined : preview.language}>
            {preview.paragraphs.map((paragraph, index) => (
              <li key={index} dir="auto">
                {KIND_LABEL[paragraph.kind] && <span className="mr-2 font-sans text-xs uppercase text-[var(--muted)]">{KIND_LABEL[paragraph.kind]}</span>}
                {paragraph.text}
              </li>
            ))}
            {preview.paragraphCount > preview.paragraphs.length && (
              <li className="font-sans text-xs text-[var(--muted)]">… and {plural(preview.paragraphCount - preview.paragraphs.length, "more paragraph")}</li>
            )}
          </ol>
          <Warnings preview={preview} target={target} onRepair={onRepair} locked={locked} />
          {state.phase !== "done" && (
            <TargetPicker value={target} onChange={onTargetChange} suggestions={suggestions} disabled={state.phase === "importing"} />
          )}
          {state.phase === "importing" && <p className="mt-3 text-sm text-[var(--muted)]">Importing…</p>}
          {state.phase === "failed" && (
            <div className="mt-3">
              <Problem>{state.message}</Problem>
            </div>
          )}
          {state.phase === "done" && <ResultSummary result={state.result} />}
        </>
      )}
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-[var(--muted)]">{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function Problem({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="flex gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <span aria-hidden className="font-bold">!</span>
      <span>
        <span className="sr-only">Error: </span>
        {children}
      </span>
    </p>
  );
}

function Notice({ tone = "warn", children }: { tone?: "warn" | "info"; children: ReactNode }) {
  return (
    <li
      className={`flex gap-2 rounded-md border px-3 py-1.5 ${
        tone === "warn"
          ? "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
          : "border-[var(--rule)] bg-[var(--rule)]/30"
      }`}
    >
      <span aria-hidden className="font-bold">{tone === "warn" ? "⚠" : "i"}</span>
      <span className="min-w-0">
        <span className="sr-only">{tone === "warn" ? "Warning: " : "Note: "}</span>
        {children}
      </span>
    </li>
  );
}

function Warnings({ preview, target, onRepair, locked }: { preview: ArticlePreview; target: TargetChoice; onRepair: (repair: RepairId | undefined) => void; locked: boolean }) {
  const identicalToTarget = preview.identical && (target.mode === "new" || target.articleId === preview.identical.id);
  const items: ReactNode[] = [];
  if (identicalToTarget && preview.identical) {
    items.push(
      <Notice key="identical" tone="info">
        Duplicate: identical to{" "}
        <Link href={`/articles/${preview.identical.slug}`} className="underline" dir="auto">
          {preview.identical.title}
        </Link>
        {preview.identical.archived ? " (archived)" : ""}. Importing it changes nothing.
      </Notice>,
    );
  } else if (target.mode === "replace" && target.articleId && preview.sameSource?.id === target.articleId) {
    items.push(
      <Notice key="source" tone="info">
        Same source URL as{" "}
        <Link href={`/articles/${preview.sameSource.slug}`} className="underline" dir="auto">
          {preview.sameSource.title}
        </Link>{" "}
        (revision {preview.sameSource.revision}): importing makes revision {preview.sameSource.revision + 1} of it.
      </Notice>,
    );
  }
  if (target.mode === "new" && preview.sameTitle.length > 0) {
    items.push(
      <Notice key="title">
        Possible duplicate: {preview.sameTitle.length === 1 ? "an article" : `${preview.sameTitle.length} articles`} with this title already exist
        {preview.sameTitle.length === 1 ? "s" : ""} (
        {preview.sameTitle.map((match, index) => (
          <span key={match.id}>
            {index > 0 && ", "}
            <Link href={`/articles/${match.slug}`} className="underline" dir="auto">
              {match.title}
            </Link>
            {match.archived ? " — archived" : ""}
          </span>
        ))}
        ). Choose Replace article to make this a new revision instead.
      </Notice>,
    );
  }
  for (const [index, warning] of preview.warnings.entries()) {
    const garbled = warning.startsWith("The text looks garbled");
    items.push(
      <Notice key={`w${index}`}>
        {warning}
        {garbled && preview.repairSuggestion && !locked && (
          <span className="mt-1 block">
            It looks like {preview.repairSuggestion.label}: <q dir="auto">{preview.repairSuggestion.sample}</q>{" "}
            <button type="button" onClick={() => onRepair(preview.repairSuggestion!.repair)} className="ml-1 rounded border border-current px-2 py-0.5 text-xs font-medium">
              Decode it
            </button>
          </span>
        )}
      </Notice>,
    );
  }
  if (preview.repaired) {
    items.push(
      <Notice key="repaired" tone="info">
        Decoded: the text was {preview.repaired.label}.
        {!locked && (
          <button type="button" onClick={() => onRepair(undefined)} className="ml-2 rounded border border-current px-2 py-0.5 text-xs">
            Undo
          </button>
        )}
      </Notice>,
    );
  }
  if (items.length === 0) return null;
  return <ul className="mt-3 space-y-1.5 text-sm" aria-label="Warnings">{items}</ul>;
}

function EncodingOffer({ suggestion, current, onEncoding }: { suggestion: EncodingSuggestion | null; current?: EncodingId; onEncoding: (encoding: EncodingId | undefined) => void }) {
  const id = useId();
  return (
    <div className="space-y-2 rounded-md border border-[var(--rule)] px-3 py-2 text-sm">
      {suggestion && (
        <p>
          Decoded as {suggestion.label} it reads: <q dir="auto">{suggestion.sample}</q>{" "}
          <button type="button" onClick={() => onEncoding(suggestion.encoding)} className="ml-1 rounded-md border border-[var(--ink)] px-2 py-0.5 font-medium">
            Decode as {suggestion.label}
          </button>
        </p>
      )}
      <p className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="text-[var(--muted)]">
          Or choose the encoding
        </label>
        <select
          id={id}
          value={current ?? ""}
          onChange={(event) => onEncoding((event.target.value || undefined) as EncodingId | undefined)}
          className="rounded-md border border-[var(--rule)] bg-[var(--page)] px-2 py-1"
        >
          <option value="">Detect (UTF-8)</option>
          {ENCODING_IDS.map((encoding) => (
            <option key={encoding} value={encoding}>
              {ENCODING_LABELS[encoding]}
            </option>
          ))}
        </select>
      </p>
    </div>
  );
}

/** What an import did, in words, with links to the article. */
export function ResultSummary({ result }: { result: ImportArticleResult }) {
  const link = (
    <Link href={`/articles/${result.slug}`} className="font-medium underline" dir="auto">
      {result.title}
    </Link>
  );
  return (
    <div role="status" className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
      {result.status === "created" && (
        <p>
          <span aria-hidden className="mr-1">✓</span>Imported as a new article: {link}.
        </p>
      )}
      {result.status === "unchanged" && (
        <p>
          <span aria-hidden className="mr-1">=</span>Unchanged: identical to {link}. Nothing was written.
        </p>
      )}
      {result.status === "revised" && (
        <>
          <p>
            <span aria-hidden className="mr-1">✓</span>Revision {result.report.revision} of {link}.
          </p>
          <p className="mt-1">
            Annotations: {formatReport(result.report.annotations)}.{" "}
            {result.report.annotations.orphaned > 0 && (
              <>
                <Link href={`/admin/articles/${result.articleId}#needs-review`} className="underline">
                  Review the orphans
                </Link>{" "}
                (listed under Needs review).
              </>
            )}
          </p>
          {notesTotal(result.report.notes) > 0 && (
            <p className="mt-1">
              Notes: {result.report.notes.kept} kept, {result.report.notes.moved} moved
              {result.report.notes.toNearest > 0 && `, ${result.report.notes.toNearest} attached to the nearest paragraph (theirs was removed)`}
              {result.report.notes.withOrphans > 0 && `, ${result.report.notes.withOrphans} with orphaned highlights`}.
            </p>
          )}
          {result.report.orphans.length > 0 && (
            <ul className="mt-1 list-inside list-disc" aria-label="Orphaned annotations">
              {result.report.orphans.slice(0, 10).map((orphan) => (
                <li key={orphan.id} dir="auto">
                  <q>{orphan.exact}</q>
                </li>
              ))}
            </ul>
          )}
          {result.report.curated.kept + result.report.curated.moved + result.report.curated.orphaned + result.report.curated.recovered > 0 && (
            <div className="mt-1">
              Curated layer: {formatReport(result.report.curated)}; an orphaned gold annotation stays on the text it was adopted on.
              {result.report.curated.orphans.length > 0 && (
                <ul className="mt-1 list-inside list-disc" aria-label="Orphaned curated annotations">
                  {result.report.curated.orphans.slice(0, 10).map((orphan) => (
                    <li key={orphan.id} dir="auto">
                      <q>{orphan.exact}</q>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function formatReport(counts: { kept: number; moved: number; orphaned: number; recovered: number }): string {
  const parts = [`${counts.kept} kept`, `${counts.moved} moved`, `${counts.orphaned} orphaned`];
  if (counts.recovered > 0) parts.push(`${counts.recovered} earlier orphans placed again`);
  return parts.join(", ");
}

function notesTotal(notes: { kept: number; moved: number; toNearest: number; withOrphans: number }): number {
  return notes.kept + notes.moved + notes.toNearest + notes.withOrphans;
}
