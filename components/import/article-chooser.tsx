"use client";

import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";
import type { AdminArticleRow, ArticlePage } from "@/lib/server/articles/search-articles";

/**
 * The admin article list's first eight matches for `text` (after a pause in typing; "" lists the
 * newest), or null while `text` is null (nothing to search for). `status` is the list's filter:
 * "all" also finds archived articles.
 */
export function useArticleSearch(text: string | null, status: "active" | "all"): { results: AdminArticleRow[] | null; searching: boolean; error: string | null } {
  const [results, setResults] = useState<AdminArticleRow[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(async () => {
      setSearching(true);
      const found = await api<ArticlePage>("GET", `/api/admin/articles?status=${status}${text ? `&q=${encodeURIComponent(text)}` : ""}`);
      setSearching(false);
      if (!found.ok) return setError(found.message);
      setError(null);
      setResults(found.data.items.slice(0, 8));
    }, 250);
    return () => clearTimeout(timer);
  }, [text, status]);

  return { results: text === null ? null : results, searching, error };
}

export interface ChooserOption {
  id: string;
  title: string;
  why?: string;
}

/** A search box over the articles and the matches as toggle buttons, the chosen one pressed (✓, not colour alone). */
export function ArticleChooser({
  inputId,
  searchLabel,
  listLabel,
  query,
  onQuery,
  options,
  chosenId,
  onChoose,
  searching,
  error,
  showEmpty,
}: {
  inputId: string;
  searchLabel: string;
  listLabel: string;
  query: string;
  onQuery: (query: string) => void;
  options: ChooserOption[];
  chosenId: string | null;
  onChoose: (option: ChooserOption) => void;
  searching: boolean;
  error: string | null;
  showEmpty: boolean;
}) {
  return (
    <>
      <label htmlFor={inputId} className="block text-xs text-[var(--muted)]">
        {searchLabel}
      </label>
      <input
        id={inputId}
        type="search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        placeholder="Title, source or URL"
        className="w-full max-w-md rounded-md border border-[var(--rule)] bg-transparent px-2 py-1 outline-none focus:border-[var(--accent)]"
      />
      {searching && <p className="text-xs text-[var(--muted)]">Searching…</p>}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {options.length > 0 ? (
        <ul className="space-y-1" aria-label={listLabel}>
          {options.map((option) => {
            const chosen = option.id === chosenId;
            return (
              <li key={option.id}>
                <button
                  type="button"
                  aria-pressed={chosen}
                  onClick={() => onChoose(option)}
                  className={`w-full max-w-xl rounded-md border px-2 py-1 text-left ${chosen ? "border-[var(--accent)] bg-[var(--accent)]/10" : "border-[var(--rule)] hover:bg-[var(--rule)]/50"}`}
                >
                  <span aria-hidden className="mr-1">
                    {chosen ? "✓" : "○"}
                  </span>
                  <span dir="auto">{option.title}</span>
                  {option.why && <span className="ml-2 text-xs text-[var(--muted)]">({option.why})</span>}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        showEmpty && !searching && <p className="text-xs text-[var(--muted)]">No article matches.</p>
      )}
    </>
  );
}
