"use client";

import { useId, useState } from "react";
import { ArticleChooser, useArticleSearch } from "@/components/import/article-chooser";
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
  const text = query.trim();
  const search = useArticleSearch(text.length >= 2 ? text : null, "all");
  const results = search.results?.map((item) => ({ id: item.id, title: item.title, why: item.archivedAt ? "archived" : undefined }));

  const replacing = value.mode === "replace";
  const options = results ?? suggestions;

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
          <ArticleChooser
            inputId={`${id}-search`}
            searchLabel="Find the article to replace"
            listLabel="Articles to replace"
            query={query}
            onQuery={setQuery}
            options={options}
            chosenId={value.mode === "replace" ? value.articleId : null}
            onChoose={(option) => onChange({ mode: "replace", articleId: option.id, title: option.title })}
            searching={search.searching}
            error={search.error}
            showEmpty={results !== undefined}
          />
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
