"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { AccessRadios, type AccessValue } from "@/components/projects/access-radios";
import { buttonClass, inputClass, labelClass, primaryButtonClass } from "@/components/projects/form-styles";
import { StatusLine, type Status } from "@/components/projects/status-line";
import { api } from "@/lib/client/api";
import { createProjectSchema } from "@/lib/validations/project";

/** The button New project and the form it opens (admins): name, description, access; then the new project's settings. */
export function NewProjectForm() {
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [access, setAccess] = useState<AccessValue>("OPEN");
  const [status, setStatus] = useState<Status>(null);
  const [saving, startSaving] = useTransition();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createProjectSchema.safeParse({ name, description, access });
    if (!parsed.success) return setStatus({ kind: "error", text: parsed.error.issues[0]?.message ?? "Check the form." });
    startSaving(async () => {
      const result = await api<{ slug: string }>("POST", "/api/projects", parsed.data);
      if (!result.ok) return setStatus({ kind: "error", text: result.message });
      router.push(`/projects/${result.data.slug}/settings`);
    });
  }

  return (
    <div>
      <button type="button" aria-expanded={open} aria-controls={`${id}-form`} onClick={() => setOpen(!open)} className={primaryButtonClass}>
        New project
      </button>
      <form id={`${id}-form`} hidden={!open} onSubmit={submit} aria-label="New project" className="mt-4 space-y-4 rounded-lg border border-[var(--rule)] p-4">
        <div className="space-y-1">
          <label htmlFor={`${id}-name`} className={labelClass}>
            Name
          </label>
          <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} maxLength={80} required className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-description`} className={labelClass}>
            Description
          </label>
          <input id={`${id}-description`} value={description} onChange={(event) => setDescription(event.target.value)} maxLength={500} className={inputClass} />
        </div>
        <AccessRadios name={`${id}-access`} value={access} onChange={setAccess} />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={saving} className={primaryButtonClass}>
            Create project
          </button>
          <button type="button" onClick={() => setOpen(false)} className={buttonClass}>
            Cancel
          </button>
          <StatusLine status={status} />
        </div>
      </form>
    </div>
  );
}
