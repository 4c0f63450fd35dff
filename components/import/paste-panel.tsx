"use client";

import { useId, useState, type FormEvent } from "react";
import { PASTE_FORMAT_LABELS, PASTE_FORMATS, pasteSourceSchema, type PasteFormat } from "@/lib/validations/import";
import { ArticleCards } from "@/components/import/article-cards";
import { ImportBar, PreviewButton, useCommit } from "@/components/import/import-buttons";
import type { ArticleOption } from "@/components/import/target-picker";
import { useArticleItems, type ArticleItem } from "@/components/import/use-article-items";

type Fields = { format: PasteFormat; text: string; title: string; source: string; sourceUrl: string; author: string; publishedAt: string; language: string };
const EMPTY: Fields = { format: "text", text: "", title: "", source: "", sourceUrl: "", author: "", publishedAt: "", language: "" };

const inputClass =
  "w-full rounded-md border border-[var(--rule)] bg-transparent px-3 py-2 outline-none focus:border-[var(--accent)] aria-[invalid=true]:border-red-500";

/** Paste: the text plus optional metadata; the format decides the parser. */
export function PastePanel({ preset }: { preset: ArticleOption | null }) {
  const id = useId();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const articleItems = useArticleItems(preset);
  const { items, setItems, preview, commitAll } = articleItems;
  const commit = useCommit(commitAll);
  const busy = items.some((item) => item.state.phase === "previewing");

  function set<K extends keyof Fields>(name: K, value: Fields[K]) {
    setFields((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
    // A preview of other text would be misleading; an import that is done stays on screen.
    setItems((current) => current.filter((item) => item.state.phase === "done"));
    commit.reset();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = pasteSourceSchema.safeParse({ kind: "paste", ...fields });
    if (!parsed.success) {
      const next: Partial<Record<keyof Fields, string>> = {};
      for (const issue of parsed.error.issues) {
        const name = issue.path[0] as keyof Fields | undefined;
        if (name && !next[name]) next[name] = issue.message;
      }
      setErrors(next);
      return;
    }
    commit.reset();
    const item: ArticleItem = {
      key: `paste-${Date.now()}`,
      label: "Pasted text",
      source: { kind: "json", body: { kind: "paste", ...fields } },
      state: { phase: "idle" },
      target: preset ? { mode: "replace", articleId: preset.id, title: preset.title } : { mode: "new" },
      targetTouched: false,
    };
    setItems([item]);
    await preview(item);
  }

  const field = (name: Exclude<keyof Fields, "format" | "text">, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        name={name}
        value={fields[name]}
        onChange={(event) => set(name, event.target.value)}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint ? `${id}-${name}-hint` : "", errors[name] ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined}
        className={inputClass}
        {...props}
      />
      {hint && (
        <p id={`${id}-${name}-hint`} className="text-xs text-[var(--muted)]">
          {hint}
        </p>
      )}
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="text-xs text-red-700 dark:text-red-300">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-5" noValidate>
        <fieldset className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
          <legend className="mb-1 text-sm font-medium">Format</legend>
          {PASTE_FORMATS.map((format) => (
            <label key={format} className="flex items-center gap-2">
              <input type="radio" name="format" value={format} checked={fields.format === format} onChange={() => set("format", format)} />
              {PASTE_FORMAT_LABELS[format]}
            </label>
          ))}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor={`${id}-text`} className="block text-sm font-medium">
            Text
          </label>
          <textarea
            id={`${id}-text`}
            name="text"
            rows={12}
            value={fields.text}
            onChange={(event) => set("text", event.target.value)}
            aria-describedby={`${id}-text-hint`}
            className={`${inputClass} font-serif leading-relaxed`}
            spellCheck={false}
          />
          <p id={`${id}-text-hint`} className="text-xs text-[var(--muted)]">
            {fields.format === "text"
              ? "Paragraphs are separated by blank lines. A short last (or first) line without final punctuation is taken as the headline, as in the sample corpus."
              : fields.format === "markdown"
                ? "CommonMark with tables; the first # heading is the title. Raw HTML blocks are skipped."
                : "The article is extracted from the page; scripts, styles, frames and event handlers are dropped."}
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {field("title", "Title", { maxLength: 500 }, "Leave empty to use the headline found in the text.")}
          {field("source", "Source", { maxLength: 200, placeholder: "e.g. TASS" })}
          {field("sourceUrl", "Source URL", { type: "url", inputMode: "url", maxLength: 2000, placeholder: "https://" }, "Importing again from the same source URL makes a new revision.")}
          {field("author", "Author", { maxLength: 300 })}
          {field("publishedAt", "Published", { type: "date" })}
          {field("language", "Language", { maxLength: 35, placeholder: "Detect automatically", autoComplete: "off" }, "A BCP-47 tag such as ru, en or pt-BR; empty to detect it.")}
        </div>
        <PreviewButton busy={busy} disabled={commit.running} />
      </form>
      <ArticleCards articles={articleItems} />
      {items.length > 0 && <ImportBar commit={commit} items={items} busy={busy} />}
    </div>
  );
}
