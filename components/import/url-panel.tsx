"use client";

import { useId, useState, type FormEvent } from "react";
import { urlSourceSchema } from "@/lib/validations/import";
import { ArticleCards } from "@/components/import/article-cards";
import { ImportBar, PreviewButton, useCommit } from "@/components/import/import-buttons";
import type { ArticleOption } from "@/components/import/target-picker";
import { useArticleItems, type ArticleItem } from "@/components/import/use-article-items";

/** URL: the server fetches the page (safely) and extracts the article as for HTML. */
export function UrlPanel({ preset }: { preset: ArticleOption | null }) {
  const id = useId();
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const articleItems = useArticleItems(preset);
  const { items, setItems, preview, commitAll } = articleItems;
  const commit = useCommit(commitAll);
  const busy = items.some((item) => item.state.phase === "previewing");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = urlSourceSchema.safeParse({ kind: "url", url });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Enter an http(s) address.");
      return;
    }
    commit.reset();
    const item: ArticleItem = {
      key: `url-${Date.now()}`,
      label: parsed.data.url,
      source: { kind: "json", body: { kind: "url", url: parsed.data.url } },
      state: { phase: "idle" },
      target: preset ? { mode: "replace", articleId: preset.id, title: preset.title } : { mode: "new" },
      targetTouched: false,
    };
    setItems([item]);
    await preview(item);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-5" noValidate>
        <div className="space-y-1">
          <label htmlFor={`${id}-url`} className="block text-sm font-medium">
            URL
          </label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
              setError(null);
              setItems((current) => current.filter((item) => item.state.phase === "done"));
              commit.reset();
            }}
            placeholder="https://example.com/news/story"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-url-hint${error ? ` ${id}-url-error` : ""}`}
            className="w-full rounded-md border border-[var(--rule)] bg-transparent px-3 py-2 outline-none focus:border-[var(--accent)] aria-[invalid=true]:border-red-500"
          />
          <p id={`${id}-url-hint`} className="text-xs text-[var(--muted)]">
            The server downloads the page (http or https, public addresses only) and keeps the article&apos;s text. Importing the same URL again makes a new revision.
          </p>
          {error && (
            <p id={`${id}-url-error`} className="text-xs text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
        </div>
        <PreviewButton busy={busy} disabled={commit.running} />
      </form>
      <ArticleCards articles={articleItems} />
      {items.length > 0 && <ImportBar commit={commit} items={items} busy={busy} />}
    </div>
  );
}
