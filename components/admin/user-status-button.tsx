"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { patchUser } from "@/components/admin/patch-user";

/** Disables a user (signing them out at once) or enables them again. */
export function UserStatusButton({ userId, name, disabled, locked, describedBy }: { userId: string; name: string; disabled: boolean; locked?: boolean; describedBy?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();
  const action = disabled ? "Enable" : "Disable";
  const errorId = `status-error-${userId}`;

  function toggle() {
    if (saving) return;
    setError(null);
    startSaving(async () => {
      const result = await patchUser(userId, { disabled: !disabled });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        aria-label={`${action} ${name}`}
        aria-describedby={[describedBy, error ? errorId : undefined].filter(Boolean).join(" ") || undefined}
        aria-busy={saving || undefined}
        disabled={locked}
        onClick={toggle}
        className={
          "min-w-20 rounded-md border px-3 py-1 text-sm aria-busy:opacity-60 disabled:cursor-not-allowed disabled:opacity-50 " +
          (disabled
            ? "border-[var(--accent)] text-[var(--accent)] hover:bg-[var(--accent)]/10"
            : "border-[var(--rule)] hover:border-red-400 hover:text-red-700 dark:hover:text-red-300")
        }
      >
        {action}
      </button>
      <p id={errorId} role="alert" className="max-w-56 text-right text-xs text-red-700 empty:hidden dark:text-red-300">
        {error}
      </p>
    </div>
  );
}
