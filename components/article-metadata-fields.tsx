"use client";

import type { InputHTMLAttributes, ReactNode } from "react";

/** The metadata an article carries besides its text, as form strings. */
export type ArticleMetadataValues = { title: string; source: string; sourceUrl: string; author: string; publishedAt: string; language: string };
type MetadataName = keyof ArticleMetadataValues;

export const inputClass =
  "w-full rounded-md border border-[var(--rule)] bg-transparent px-3 py-2 outline-none focus:border-[var(--accent)] aria-[invalid=true]:border-red-500";

/** The `aria-describedby` of a control in a {@link LabelledField} with this `id`. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** A control (`children`, whose id is `id`) with its visible label, an optional hint and error. */
export function LabelledField({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-[var(--muted)]">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

const LABELS: Record<MetadataName, string> = {
  title: "Title",
  source: "Source",
  sourceUrl: "Source URL",
  author: "Author",
  publishedAt: "Published",
  language: "Language",
};

/** What differs between forms: the input's attributes and the hint under it. */
export type MetadataFieldOptions = Record<MetadataName, { props?: InputHTMLAttributes<HTMLInputElement>; hint?: string }>;

/**
 * Title, Source, Source URL, Author, Published and Language, as the admin's edit form and the
 * paste import both show them. `titleAbove` puts the title on its own row above the grid.
 */
export function ArticleMetadataFields({
  id,
  values,
  errors,
  onChange,
  options,
  readOnly,
  named = false,
  titleAbove = false,
}: {
  id: string;
  values: ArticleMetadataValues;
  errors: Partial<Record<MetadataName, string>>;
  onChange: (name: MetadataName, value: string) => void;
  options: MetadataFieldOptions;
  readOnly?: boolean;
  /** Give each input a `name` (for forms that may be read as FormData). */
  named?: boolean;
  titleAbove?: boolean;
}) {
  const field = (name: MetadataName) => {
    const { props, hint } = options[name];
    const fieldId = `${id}-${name}`;
    return (
      <LabelledField id={fieldId} label={LABELS[name]} hint={hint} error={errors[name]}>
        <input
          id={fieldId}
          name={named ? name : undefined}
          value={values[name]}
          readOnly={readOnly}
          onChange={(event) => onChange(name, event.target.value)}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy(fieldId, hint, errors[name])}
          className={inputClass}
          {...props}
        />
      </LabelledField>
    );
  };
  const grid = (
    <div className="grid gap-4 sm:grid-cols-2">
      {!titleAbove && field("title")}
      {field("source")}
      {field("sourceUrl")}
      {field("author")}
      {field("publishedAt")}
      {field("language")}
    </div>
  );
  return titleAbove ? (
    <>
      {field("title")}
      {grid}
    </>
  ) : (
    grid
  );
}
