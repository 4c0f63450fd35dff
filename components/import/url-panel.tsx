"use client";

import { useId, useState, type FormEvent } from "react";
import { urlSourceSchema } from "@/lib/validations/import";
import { describedBy, inputClass, LabelledField } from "@/components/article-metadata-fields";
import { ArticleCards } from "@/components/import/article-cards";
import { ImportBar, PreviewButton, useCommit } from "@/components/import/import-buttons";
import type { ArticleOption } from "@/components/import/target-picker";
import { useArticleItems } from "@/components/import/use-article-items";

/** URL: the server fetches the page (safely) and extracts the article as for HTML. */
export function UrlPanel({ preset }: { preset: ArticleOption | null }) {
  const id = useId();
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const articleItems = useArticleItems(preset);
  const { items, setItems, previewOne, commitAll } = articleItems;
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
    await previewOne(`url-${Date.now()}`, parsed.data.url, { kind: "json", body: { kind: "url", url: parsed.data.url } });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-5" noValidate>
        <LabelledField
          id={`${id}-url`}
          label="URL"
          hint="The server downloads the page (http or https, public addresses only) and keeps the article's text. Importing the same URL again makes a new revision."
          error={error ?? undefined}
        >
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
            aria-describedby={describedBy(`${id}-url`, true, error)}
            className={inputClass}
          />
        </LabelledField>
        <PreviewButton busy={busy} disabled={commit.running} />
      </form>
      <ArticleCards articles={articleItems} />
      {items.length > 0 && <ImportBar commit={commit} items={items} busy={busy} />}
    </div>
  );
}
