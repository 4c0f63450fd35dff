"use client";

import { useId, useState, type FormEvent } from "react";
import { ArticleChooser, useArticleSearch } from "@/components/import/article-chooser";
import type { AnnotationImportReport } from "@/lib/server/import-annotations/import-annotations";
import { AnnotationsReport } from "./annotations-report";
import type { ArticleOption } from "./target-picker";
import { formatBytes } from "./transport";

interface ChosenArticle {
  id: string;
  title: string;
  slug: string;
}

interface ImportFailure {
  message: string;
  items: { index: number; id: string | null; message: string }[];
}

/** The largest file the server takes (lib/server/import-annotations/annotation-file-body.ts), checked here first to save the upload. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The Annotations tab: a W3C JSON-LD file (Glossa's export, or another Web Annotation client's)
 * imported onto an article chosen here, as Shared or Private work. The server anchors each
 * annotation by its quote and position and answers a report, shown below; a file it refuses is
 * explained (with the items at fault) and nothing is imported.
 */
export function AnnotationsPanel({ preset }: { preset: ArticleOption | null }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<ChosenArticle | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [visibility, setVisibility] = useState<"SHARED" | "PRIVATE">("SHARED");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [result, setResult] = useState<{ report: AnnotationImportReport; article: ChosenArticle } | null>(null);

  const search = useArticleSearch(query.trim() || preset?.title || "", "active");
  const options: ChosenArticle[] = (search.results ?? []).map((item) => ({ id: item.id, title: item.title, slug: item.slug }));
  // The article named in the page's ?replace= is chosen once the search lists it (React's "adjust state while rendering").
  const presetFound = !chosen && preset ? options.find((option) => option.id === preset.id) : undefined;
  if (presetFound) setChosen(presetFound);
  const article = chosen ?? presetFound ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!article || !file) return;
    setFailure(null);
    setResult(null);
    if (file.size > MAX_FILE_BYTES) {
      setFailure({ message: `The file is ${formatBytes(file.size)}: the limit is ${formatBytes(MAX_FILE_BYTES)}.`, items: [] });
      return;
    }
    setBusy(true);
    try {
      const response = await fetch(`/api/articles/${encodeURIComponent(article.id)}/annotation-imports?visibility=${visibility}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "application/ld+json" },
        credentials: "same-origin",
      });
      const json = (await response.json().catch(() => null)) as { data?: AnnotationImportReport; error?: { message?: string; details?: { items?: ImportFailure["items"] } } } | null;
      if (response.ok && json?.data) setResult({ report: json.data, article });
      else setFailure({ message: json?.error?.message ?? `The server answered ${response.status}. Nothing was imported.`, items: json?.error?.details?.items ?? [] });
    } catch {
      setFailure({ message: "Glossa could not reach the server. Nothing was imported.", items: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-5 text-sm">
      <p className="text-[var(--muted)]">
        Bring annotations back from a W3C Web Annotation file — Glossa&apos;s own JSON-LD export, or another annotation client&apos;s — onto an article. Each one is anchored by its quote and
        position; what no longer fits the text is listed as orphaned, with why. Importing the same file again adds nothing.
      </p>
      <fieldset className="space-y-2">
        <legend className="font-medium">Article</legend>
        <ArticleChooser
          inputId={`${id}-search`}
          searchLabel="Find the article"
          listLabel="Articles to annotate"
          query={query}
          onQuery={setQuery}
          options={options}
          chosenId={article?.id ?? null}
          onChoose={(option) => setChosen(options.find((candidate) => candidate.id === option.id) ?? null)}
          searching={search.searching}
          error={search.error}
          showEmpty={search.results !== null}
        />
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${id}-file`} className="block font-medium">
          W3C JSON-LD file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          className="block text-sm file:mr-3 file:rounded-md file:border file:border-[var(--rule)] file:bg-transparent file:px-3 file:py-1 file:text-[var(--ink)]"
        />
        {file && <p className="text-xs text-[var(--muted)]">{`${file.name}, ${formatBytes(file.size)}`}</p>}
      </div>
      <fieldset className="flex flex-wrap gap-x-6 gap-y-1">
        <legend className="mb-1 font-medium">Import as</legend>
        {(["SHARED", "PRIVATE"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name={`${id}-visibility`} checked={visibility === value} onChange={() => setVisibility(value)} />
            {value === "SHARED" ? "Shared" : "Private (only you)"}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        disabled={!article || !file || busy}
        className="rounded-md bg-[var(--accent)] px-4 py-1.5 font-medium text-white disabled:cursor-not-allowed disabled:opacity-50"
      >
        {busy ? "Importing…" : "Import annotations"}
      </button>
      {!article && <p className="text-xs text-[var(--muted)]">Choose an article, then a file.</p>}
      {failure && (
        <div role="alert" className="rounded-md border border-red-700/50 px-4 py-3 text-red-800 dark:text-red-200">
          <p className="font-medium">{failure.message}</p>
          {failure.items.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {failure.items.slice(0, 20).map((item) => (
                <li key={`${item.index}-${item.message}`}>
                  {item.index >= 0 ? `Item ${item.index + 1}${item.id ? ` (${item.id})` : ""}: ` : ""}
                  {item.message}
                </li>
              ))}
              {failure.items.length > 20 && <li>…and {failure.items.length - 20} more.</li>}
            </ul>
          )}
        </div>
      )}
      {result && <AnnotationsReport report={result.report} article={result.article} />}
    </form>
  );
}
