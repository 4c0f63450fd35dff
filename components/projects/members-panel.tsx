"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass, inputClass, labelClass, primaryButtonClass } from "@/components/projects/form-styles";
import { StatusLine, type Status } from "@/components/projects/status-line";
import { api } from "@/lib/client/api";
import type { ProjectRole } from "@/lib/permissions";
import { addMemberSchema, PROJECT_ROLES } from "@/lib/validations/project";

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: ProjectRole;
  annotationCount: number;
}

const ROLE_LABEL: Record<ProjectRole, string> = { MANAGER: "Manager", ANNOTATOR: "Annotator", READER: "Reader" };
const ROLE_HINT = "Managers edit the project, its members and labels; Annotators annotate; Readers read.";

/** The Members tab: add someone by email with a project role, change roles, remove (their annotations stay). */
export function MembersPanel({ projectId, members, actorId }: { projectId: string; members: MemberView[]; actorId: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ProjectRole>("ANNOTATOR");
  const [status, setStatus] = useState<Status>(null);
  const [saving, startSaving] = useTransition();

  function run(request: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string) {
    startSaving(async () => {
      const result = await request();
      if (!result.ok) return setStatus({ kind: "error", text: result.message });
      setStatus({ kind: "saved", text: done });
      router.refresh();
    });
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const parsed = addMemberSchema.safeParse({ email, role });
    if (!parsed.success) return setStatus({ kind: "error", text: parsed.error.issues[0]?.message ?? "Check the form." });
    run(async () => {
      const result = await api("POST", `/api/projects/${projectId}/members`, parsed.data);
      if (result.ok) setEmail("");
      return result;
    }, `Added ${parsed.data.email}.`);
  }

  return (
    <div className="space-y-6">
      <form onSubmit={add} aria-label="Add a member" className="flex flex-wrap items-end gap-3">
        <div className="min-w-[16rem] flex-1 space-y-1">
          <label htmlFor="member-email" className={labelClass}>
            Email
          </label>
          <input id="member-email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} required maxLength={254} placeholder="name@newsroom.org" className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="member-role" className={labelClass}>
            Project role
          </label>
          <select id="member-role" value={role} onChange={(event) => setRole(event.target.value as ProjectRole)} aria-describedby="member-role-hint" className={inputClass}>
            {PROJECT_ROLES.map((value) => (
              <option key={value} value={value}>
                {ROLE_LABEL[value]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={saving} className={primaryButtonClass}>
          Add member
        </button>
        <p id="member-role-hint" className="w-full text-sm text-[var(--muted)]">
          {ROLE_HINT}
        </p>
      </form>
      <StatusLine status={status} />
      <table className="w-full text-sm">
        <caption className="sr-only">Members, with their project role</caption>
        <thead className="text-left text-[var(--muted)]">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Member
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Role
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Annotations
            </th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-[var(--rule)] border-y border-[var(--rule)]">
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row" className="py-3 pr-4 text-left font-normal">
                <span className="font-medium">{member.name}</span>
                {member.userId === actorId && <span className="ml-2 rounded border border-[var(--rule)] px-1.5 text-xs text-[var(--muted)]">You</span>}
                <span className="block text-[var(--muted)]">{member.email}</span>
              </th>
              <td className="py-3 pr-4">
                <select
                  aria-label={`Project role of ${member.name}`}
                  value={member.role}
                  disabled={saving}
                  onChange={(event) => run(() => api("PATCH", `/api/projects/${projectId}/members/${member.userId}`, { role: event.target.value }), `${member.name} is now ${ROLE_LABEL[event.target.value as ProjectRole]}.`)}
                  className={`${inputClass} w-36`}
                >
                  {PROJECT_ROLES.map((value) => (
                    <option key={value} value={value}>
                      {ROLE_LABEL[value]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-3 pr-4 text-right tabular-nums">{member.annotationCount}</td>
              <td className="py-3 text-right">
                <button
                  type="button"
                  disabled={saving}
                  aria-describedby={`member-${member.userId}`}
                  onClick={() => run(() => api("DELETE", `/api/projects/${projectId}/members/${member.userId}`), `Removed ${member.name}; their annotations stay.`)}
                  className={buttonClass}
                >
                  Remove
                </button>
                <span id={`member-${member.userId}`} className="sr-only">
                  {member.name} from the project
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
