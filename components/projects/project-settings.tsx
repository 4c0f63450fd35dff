"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { AccessRadios, type AccessValue } from "@/components/projects/access-radios";
import { inputClass, labelClass, primaryButtonClass } from "@/components/projects/form-styles";
import { GuidelinesPanel } from "@/components/projects/guidelines-panel";
import { LabelsPanel, type LabelsPanelProps } from "@/components/projects/labels-panel";
import { MembersPanel, type MemberView } from "@/components/projects/members-panel";
import { StatusLine, type Status } from "@/components/projects/status-line";
import { Tabs } from "@/components/tabs";
import { api } from "@/lib/client/api";
import { updateProjectSchema } from "@/lib/validations/project";

export interface ProjectSettingsProps {
  project: { id: string; name: string; slug: string; description: string; guidelines: string; access: AccessValue };
  members: MemberView[];
  actorId: string;
  labels: Omit<LabelsPanelProps, "projectId">;
}

/** A project's settings: its name, description and Access, then the tabs Members, Labels and Guidelines (WAI-ARIA tabs). */
export function ProjectSettings({ project, members, actorId, labels }: ProjectSettingsProps) {
  return (
    <div className="space-y-8">
      <GeneralForm project={project} />
      <Tabs
        label="Project settings"
        idPrefix="project"
        initialTab="members"
        tabs={[
          { id: "members", label: "Members", panel: <MembersPanel projectId={project.id} members={members} actorId={actorId} /> },
          { id: "labels", label: "Labels", panel: <LabelsPanel projectId={project.id} {...labels} /> },
          { id: "guidelines", label: "Guidelines", panel: <GuidelinesPanel projectId={project.id} guidelines={project.guidelines} /> },
        ]}
      />
    </div>
  );
}

function GeneralForm({ project }: { project: ProjectSettingsProps["project"] }) {
  const router = useRouter();
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [access, setAccess] = useState<AccessValue>(project.access);
  const [status, setStatus] = useState<Status>(null);
  const [saving, startSaving] = useTransition();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateProjectSchema.safeParse({ name, description, access });
    if (!parsed.success) return setStatus({ kind: "error", text: parsed.error.issues[0]?.message ?? "Check the form." });
    startSaving(async () => {
      const result = await api("PATCH", `/api/projects/${project.id}`, parsed.data);
      if (!result.ok) return setStatus({ kind: "error", text: result.message });
      setStatus({ kind: "saved", text: "Saved" });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} aria-label="Project" className="grid gap-4 rounded-lg border border-[var(--rule)] p-4 sm:grid-cols-2">
      <div className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="project-name" className={labelClass}>
            Name
          </label>
          <input id="project-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={80} required className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="project-description" className={labelClass}>
            Description
          </label>
          <input id="project-description" value={description} onChange={(event) => setDescription(event.target.value)} maxLength={500} className={inputClass} />
        </div>
      </div>
      <AccessRadios name="project-access" value={access} onChange={setAccess} />
      <div className="flex items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={saving} className={primaryButtonClass}>
          Save project
        </button>
        <StatusLine status={status} />
      </div>
    </form>
  );
}
