"use client";

import { useId, useState, type FormEvent } from "react";
import { PASTE_FORMAT_LABELS, PASTE_FORMATS, pasteSourceSchema, type PasteFormat } from "@/lib/validations/import";
import { ArticleMetadataFields, inputClass, LabelledField, type MetadataFieldOptions } from "@/components/article-metadata-fields";
import { ArticleCards } from "@/components/import/article-cards";
import { ImportBar, PreviewButton, useCommit } from "@/components/import/import-buttons";
import type { ArticleOption } from "@/components/import/target-picker";
import { useArticleItems } from "@/components/import/use-article-items";
import { fieldErrors } from "@/lib/validations/field-errors";

type Fields = { format: PasteFormat; text: string; title: string; source: string; sourceUrl: string; author: string; publishedAt: string; language: string };
const EMPTY: Fields = { format: "text", text: "", title: "", source: "", sourceUrl: "", author: "", publishedAt: "", language: "" };

const FIELD_OPTIONS: MetadataFieldOptions = {
  title: { props: { maxLength: 500 }, hint: "Leave empty to use the headline found in the text." },
  source: { props: { maxLength: 200, placeholder: "e.g. TASS" } },
  sourceUrl: { props: { type: "url", inputMode: "url", maxLength: 2000, placeholder: "https://" }, hint: "Importing again from the same source URL makes a new revision." },
  author: { props: { maxLength: 300 } },
  publishedAt: { props: { type: "date" } },
  language: { props: { maxLength: 35, placeholder: "Detect automatically", autoComplete: "off" }, hint: "A BCP-47 tag such as ru, en or pt-BR; empty to detect it." },
};

/** Paste: the text plus optional metadata; the format decides the parser. */
export function PastePanel({ preset }: { preset: ArticleOption | null }) {
  const id = useId();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const articleItems = useArticleItems(preset);
  const { items, setItems, previewOne, commitAll } = articleItems;
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
      setErrors(fieldErrors<keyof Fields>(parsed.error.issues));
      return;
    }
    commit.reset();
    await previewOne(`paste-${Date.now()}`, "Pasted text", { kind: "json", body: { kind: "paste", ...fields } });
  }

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
        <LabelledField
          id={`${id}-text`}
          label="Text"
          hint={
            fields.format === "text"
              ? "Paragraphs are separated by blank lines. A short last (or first) line without final punctuation is taken as the headline, as in the sample corpus."
              : fields.format === "markdown"
                ? "CommonMark with tables; the first # heading is the title. Raw HTML blocks are skipped."
                : "The article is extracted from the page; scripts, styles, frames and event handlers are dropped."
          }
        >
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
        </LabelledField>
        <ArticleMetadataFields id={id} values={fields} errors={errors} options={FIELD_OPTIONS} named onChange={set} />
        <PreviewButton busy={busy} disabled={commit.running} />
      </form>
      <ArticleCards articles={articleItems} />
      {items.length > 0 && <ImportBar commit={commit} items={items} busy={busy} />}
    </div>
  );
}
