"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { Role } from "@/lib/permissions";
import { roleSchema, ROLES } from "@/lib/validations/user";
import { patchUser } from "@/components/admin/patch-user";

const ROLE_LABEL: Record<Role, string> = { ADMIN: "Admin", CURATOR: "Curator", ANNOTATOR: "Annotator", READER: "Reader" };

/** A user's role on the admin users page; saves as soon as it changes. */
export function UserRoleSelect({ userId, name, role, locked, describedBy }: { userId: string; name: string; role: Role; locked?: boolean; describedBy?: string }) {
  const router = useRouter();
  const [selected, setSelected] = useState(role);
  const [shownRole, setShownRole] = useState(role);
  const [message, setMessage] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [saving, startSaving] = useTransition();
  const messageId = `role-message-${userId}`;

  // A refreshed page brings the saved role; take it without remounting (which would drop focus).
  if (role !== shownRole) {
    setShownRole(role);
    setSelected(role);
  }

  function change(value: string) {
    const parsed = roleSchema.safeParse(value);
    if (!parsed.success || saving) return;
    const next = parsed.data;
    setSelected(next);
    setMessage(null);
    startSaving(async () => {
      const result = await patchUser(userId, { role: next });
      if (!result.ok) {
        setSelected(role);
        setMessage({ kind: "error", text: result.error });
        return;
      }
      setMessage({ kind: "saved", text: "Saved" });
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={`Role for ${name}`}
        aria-describedby={[describedBy, message ? messageId : undefined].filter(Boolean).join(" ") || undefined}
        aria-busy={saving || undefined}
        disabled={locked}
        value={selected}
        onChange={(event) => change(event.target.value)}
        className="w-32 rounded-md border border-[var(--rule)] bg-[var(--page)] px-2 py-1 text-sm outline-none focus:border-[var(--accent)] disabled:cursor-not-allowed disabled:opacity-60"
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {ROLE_LABEL[value]}
          </option>
        ))}
      </select>
      <p
        id={messageId}
        role={message?.kind === "error" ? "alert" : "status"}
        className={message?.kind === "error" ? "max-w-56 text-xs text-red-700 dark:text-red-300" : "text-xs text-[var(--muted)]"}
      >
        {saving ? "Saving…" : message?.text}
      </p>
    </div>
  );
}
