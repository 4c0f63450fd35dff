"use client";

import { useEffect, useId, useState } from "react";
import { api } from "@/lib/client/api";
import type { ArticlePage } from "@/lib/server/articles/search-articles";
import type { ArticleMatch } from "@/lib/server/import/preview-article";

/** What Import will do with one previewed article. */
export type TargetChoice = { mode: "new" } | { mode: "replace"; articleId: string; title: string };

export interface ArticleOption {
  id: string;
  title: string;
  why?: string;
}

/**
 * "New article" or "Replace article" (a new revision of an existing one, annotations
 * re-anchored), with the likely candidates offered first and a search for any other.
 */
export function TargetPicker({
  value,
  onChange,
  suggestions,
  disabled,
}: {
  value: TargetChoice;
  onChange: (choice: TargetChoice) => void;
  suggestions: ArticleOption[];
  disabled?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<ArticleOption[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) return;
    const timer = setTimeout(async () => {
      setSearching(true);
      const result = await api<ArticlePage>("GET", `/api/admin/articles?status=all&q=${encodeURIComponent(text)}`);
      setSearching(false);
      if (!result.ok) {
        setSearchError(result.message);
        return;
      }
      setSearchError(null);
      setResults(result.data.items.slice(0, 8).map((item) => ({ id: item.id, title: item.title, why: item.archivedAt ? "archived" : undefined })));
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  const replacing = value.mode === "replace";
  const options = query.trim().length >= 2 && results ? results : suggestions;

  return (
    <fieldset className="mt-4 rounded-md border border-[var(--rule)] px-3 pb-3 pt-1 text-sm" disabled={disabled}>
      <legend className="px-1 text-xs font-medium uppercase tracking-wide text-[var(--muted)]">On import</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        <label className="flex items-center gap-2">
          <input type="radio" name={`${id}-mode`} checked={!replacing} onChange={() => onChange({ mode: "new" })} />
          New article
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={replacing}
            onChange={() => {
              const first = suggestions[0];
              onChange(first ? { mode: "replace", articleId: first.id, title: first.title } : { mode: "replace", articleId: "", title: "" });
            }}
          />
          Replace article
        </label>
      </div>
      {replacing && (
        <div className="mt-2 space-y-2">
          <p aria-live="polite">
            {value.articleId ? (
              <>
                A new revision of <strong dir="auto">“{value.title}”</strong>: its highlights, entity tags and notes are moved onto the new text; what cannot be placed is listed under Needs review.
              </>
            ) : (
              <span className="text-[var(--muted)]">Choose the article this text replaces.</span>
            )}
          </p>
          <label htmlFor={`${id}-search`} className="block text-xs text-[var(--muted)]">
            Find the article to replace
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Title, source or URL"
            className="w-full max-w-md rounded-md border border-[var(--rule)] bg-transparent px-2 py-1 outline-none focus:border-[var(--accent)]"
          />
          {searching && <p className="text-xs text-[var(--muted)]">Searching…</p>}
          {searchError && (
            <p role="alert" className="text-xs text-red-700 dark:text-red-300">
              {searchError}
            </p>
          )}
          {options.length > 0 ? (
            <ul className="space-y-1" aria-label="Articles to replace">
              {options.map((option) => {
                const chosen = value.mode === "replace" && value.articleId === option.id;
                return (
                  <li key={option.id}>
                    <button
                      type="button"
                      aria-pressed={chosen}
                      onClick={() => onChange({ mode: "replace", articleId: option.id, title: option.title })}
                      className={`w-full max-w-xl rounded-md border px-2 py-1 text-left ${chosen ? "border-[var(--accent)] bg-[var(--accent)]/10" : "border-[var(--rule)] hover:bg-[var(--rule)]/50"}`}
                    >
                      <span aria-hidden className="mr-1">{chosen ? "✓" : "○"}</span>
                      <span dir="auto">{option.title}</span>
                      {option.why && <span className="ml-2 text-xs text-[var(--muted)]">({option.why})</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : (
            query.trim().length >= 2 && !searching && <p className="text-xs text-[var(--muted)]">No article matches.</p>
          )}
        </div>
      )}
    </fieldset>
  );
}

/** The candidates a preview suggests, most likely first. */
export function suggestionsFrom(matches: { sameSource: ArticleMatch | null; sameTitle: ArticleMatch[]; identical: ArticleMatch | null }, preset?: ArticleOption | null): ArticleOption[] {
  const list: ArticleOption[] = [];
  const add = (option: ArticleOption) => {
    if (!list.some((existing) => existing.id === option.id)) list.push(option);
  };
  if (preset) add(preset);
  if (matches.sameSource) add({ id: matches.sameSource.id, title: matches.sameSource.title, why: "same source URL" });
  for (const match of matches.sameTitle) add({ id: match.id, title: match.title, why: match.archived ? "same title, archived" : "same title" });
  if (matches.identical) add({ id: matches.identical.id, title: matches.identical.title, why: "identical content" });
  return list;
}

/** The default: the article named in the page's ?replace=, else the one from the same source URL, else a new one. */
export function defaultTarget(matches: { sameSource: ArticleMatch | null }, preset?: ArticleOption | null): TargetChoice {
  if (preset) return { mode: "replace", articleId: preset.id, title: preset.title };
  if (matches.sameSource) return { mode: "replace", articleId: matches.sameSource.id, title: matches.sameSource.title };
  return { mode: "new" };
}
