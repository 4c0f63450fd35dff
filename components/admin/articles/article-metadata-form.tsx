"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { api } from "@/lib/client/api";
import { updateArticleSchema } from "@/lib/validations/article";
import { ArticleMetadataFields, type ArticleMetadataValues, type MetadataFieldOptions } from "@/components/article-metadata-fields";
import { fieldErrors } from "@/lib/validations/field-errors";

type Values = ArticleMetadataValues;

const FIELD_OPTIONS: MetadataFieldOptions = {
  title: { props: { required: true, maxLength: 500, dir: "auto" } },
  source: { props: { maxLength: 200 } },
  sourceUrl: { props: { type: "url", maxLength: 2000 }, hint: "Re-imports from this address become new revisions of this article." },
  author: { props: { maxLength: 300 } },
  publishedAt: { props: { type: "date" } },
  language: { props: { required: true, maxLength: 35 }, hint: "BCP-47, e.g. ru, en, pt-BR; und if unknown." },
};

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
      setErrors(fieldErrors<keyof Values>(parsed.error.issues));
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

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label="Article details">
      <ArticleMetadataFields
        id={id}
        values={values}
        errors={errors}
        readOnly={readOnly}
        options={FIELD_OPTIONS}
        titleAbove
        onChange={(name, value) => {
          setValues((current) => ({ ...current, [name]: value }));
          setErrors((current) => ({ ...current, [name]: undefined }));
          setMessage(null);
        }}
      />
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
