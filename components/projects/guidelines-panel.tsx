"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { labelClass, primaryButtonClass } from "@/components/projects/form-styles";
import { StatusLine, type Status } from "@/components/projects/status-line";
import { Markdown } from "@/components/notes/markdown";
import { api } from "@/lib/client/api";
import { updateProjectSchema } from "@/lib/validations/project";

/** The Guidelines tab: Markdown the annotators read in the reader's side panel, with its preview. */
export function GuidelinesPanel({ projectId, guidelines }: { projectId: string; guidelines: string }) {
  const router = useRouter();
  const [text, setText] = useState(guidelines);
  const [status, setStatus] = useState<Status>(null);
  const [saving, startSaving] = useTransition();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateProjectSchema.safeParse({ guidelines: text });
    if (!parsed.success) return setStatus({ kind: "error", text: parsed.error.issues[0]?.message ?? "Check the guidelines." });
    startSaving(async () => {
      const result = await api("PATCH", `/api/projects/${projectId}`, parsed.data);
      if (!result.ok) return setStatus({ kind: "error", text: result.message });
      setStatus({ kind: "saved", text: "Guidelines saved" });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-2">
        <label htmlFor="project-guidelines" className={labelClass}>
          Annotation guidelines (Markdown)
        </label>
        <textarea id="project-guidelines" value={text} onChange={(event) => setText(event.target.value)} rows={14} maxLength={50_000} className="w-full rounded-md border border-[var(--rule)] bg-[var(--page)] p-2 font-mono text-sm outline-none focus:border-[var(--accent)]" />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={saving} className={primaryButtonClass}>
            Save guidelines
          </button>
          <StatusLine status={status} />
        </div>
      </div>
      <section aria-label="Preview" className="rounded-lg border border-[var(--rule)] p-4">
        <h3 className="mb-2 text-sm font-medium text-[var(--muted)]">Preview</h3>
        {text.trim() ? <Markdown>{text}</Markdown> : <p className="text-sm text-[var(--muted)]">No guidelines yet.</p>}
      </section>
    </form>
  );
}
