"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { AccessRadios, type AccessValue } from "@/components/projects/access-radios";
import { inputClass, labelClass, primaryButtonClass } from "@/components/projects/form-styles";
import { GuidelinesPanel } from "@/components/projects/guidelines-panel";
import { LabelsPanel, type LabelsPanelProps } from "@/components/projects/labels-panel";
import { MembersPanel, type MemberView } from "@/components/projects/members-panel";
import { StatusLine, type Status } from "@/components/projects/status-line";
import { api } from "@/lib/client/api";
import { updateProjectSchema } from "@/lib/validations/project";

const TABS = [
  { id: "members", label: "Members" },
  { id: "labels", label: "Labels" },
  { id: "guidelines", label: "Guidelines" },
] as const;
type TabId = (typeof TABS)[number]["id"];

export interface ProjectSettingsProps {
  project: { id: string; name: string; slug: string; description: string; guidelines: string; access: AccessValue };
  members: MemberView[];
  actorId: string;
  labels: Omit<LabelsPanelProps, "projectId">;
}

/** A project's settings: its name, description and Access, then the tabs Members, Labels and Guidelines (WAI-ARIA tabs). */
export function ProjectSettings({ project, members, actorId, labels }: ProjectSettingsProps) {
  const [tab, setTab] = useState<TabId>("members");
  const refs = useRef<Record<TabId, HTMLButtonElement | null>>({ members: null, labels: null, guidelines: null });

  function choose(next: TabId) {
    setTab(next);
    refs.current[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const move = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (move !== undefined) choose(TABS[(index + move + TABS.length) % TABS.length]!.id);
    else if (event.key === "Home") choose(TABS[0].id);
    else if (event.key === "End") choose(TABS[TABS.length - 1]!.id);
    else return;
    event.preventDefault();
  }

  return (
    <div className="space-y-8">
      <GeneralForm project={project} />
      <div>
        <div role="tablist" aria-label="Project settings" onKeyDown={onKeyDown} className="flex gap-1 border-b border-[var(--rule)]">
          {TABS.map((candidate) => {
            const selected = candidate.id === tab;
            return (
              <button
                key={candidate.id}
                ref={(element) => {
                  refs.current[candidate.id] = element;
                }}
                type="button"
                role="tab"
                id={`project-tab-${candidate.id}`}
                aria-selected={selected}
                aria-controls={`project-panel-${candidate.id}`}
                tabIndex={selected ? 0 : -1}
                onClick={() => choose(candidate.id)}
                className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${selected ? "border-[var(--accent)] text-[var(--ink)]" : "border-transparent text-[var(--muted)] hover:text-[var(--ink)]"}`}
              >
                {candidate.label}
              </button>
            );
          })}
        </div>
        {TABS.map((candidate) => (
          <div key={candidate.id} role="tabpanel" id={`project-panel-${candidate.id}`} aria-labelledby={`project-tab-${candidate.id}`} hidden={candidate.id !== tab} tabIndex={0} className="pt-6 outline-none">
            {candidate.id === "members" && <MembersPanel projectId={project.id} members={members} actorId={actorId} />}
            {candidate.id === "labels" && <LabelsPanel projectId={project.id} {...labels} />}
            {candidate.id === "guidelines" && <GuidelinesPanel projectId={project.id} guidelines={project.guidelines} />}
          </div>
        ))}
      </div>
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
