"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { api } from "@/lib/client/api";
import { updateArticleSchema } from "@/lib/validations/article";

type Values = { title: string; source: string; sourceUrl: string; author: string; publishedAt: string; language: string };

const inputClass = "w-full rounded-md border border-[var(--rule)] bg-transparent px-3 py-2 outline-none focus:border-[var(--accent)] aria-[invalid=true]:border-red-500";

/** Edits an article's metadata; the text changes only by importing a new revision. */
export function ArticleMetadataForm({ articleId, initial, readOnly }: { articleId: string; initial: Values; readOnly?: boolean }) {
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [message, setMessage] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [saving, startSaving] = useTransition();
  const dirty = (Object.keys(values) as (keyof Values)[]).some((key) => values[key] !== initial[key]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateArticleSchema.safeParse(values);
    if (!parsed.success) {
      const next: Partial<Record<keyof Values, string>> = {};
      for (const issue of parsed.error.issues) {
        const name = issue.path[0] as keyof Values | undefined;
        if (name && !next[name]) next[name] = issue.message;
      }
      setErrors(next);
      return;
    }
    setMessage(null);
    startSaving(async () => {
      const result = await api("PATCH", `/api/admin/articles/${encodeURIComponent(articleId)}`, values);
      if (!result.ok) {
        setMessage({ kind: "error", text: result.message });
        return;
      }
      setMessage({ kind: "saved", text: "Saved." });
      router.refresh();
    });
  }

  const field = (name: keyof Values, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        value={values[name]}
        readOnly={readOnly}
        onChange={(event) => {
          setValues((current) => ({ ...current, [name]: event.target.value }));
          setErrors((current) => ({ ...current, [name]: undefined }));
          setMessage(null);
        }}
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
    <form onSubmit={submit} className="space-y-4" noValidate aria-label="Article details">
      {field("title", "Title", { required: true, maxLength: 500, dir: "auto" })}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("source", "Source", { maxLength: 200 })}
        {field("sourceUrl", "Source URL", { type: "url", maxLength: 2000 }, "Re-imports from this address become new revisions of this article.")}
        {field("author", "Author", { maxLength: 300 })}
        {field("publishedAt", "Published", { type: "date" })}
        {field("language", "Language", { required: true, maxLength: 35 }, "BCP-47, e.g. ru, en, pt-BR; und if unknown.")}
      </div>
      {!readOnly && (
        <div className="flex items-center gap-3">
          <button type="submit" disabled={saving || !dirty} aria-busy={saving || undefined} className="rounded-md bg-[var(--ink)] px-4 py-2 text-sm font-medium text-[var(--page)] disabled:opacity-50">
            Save changes
          </button>
          {dirty && (
            <button
              type="button"
              onClick={() => {
                setValues(initial);
                setErrors({});
              }}
              className="rounded-md border border-[var(--rule)] px-4 py-2 text-sm hover:bg-[var(--rule)]"
            >
              Discard changes
            </button>
          )}
          <p role={message?.kind === "error" ? "alert" : "status"} className={`text-sm ${message?.kind === "error" ? "text-red-700 dark:text-red-300" : "text-[var(--muted)]"}`}>
            {message?.text}
          </p>
        </div>
      )}
    </form>
  );
}
