"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { api } from "@/lib/client/api";

/** Archive (leaves the library, keeps everything) or unarchive an article. */
export function ArchiveButton({ articleId, title, archived }: { articleId: string; title: string; archived: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const action = archived ? "Unarchive" : "Archive";
  const errorId = `archive-error-${articleId}`;

  function toggle() {
    setError(null);
    startTransition(async () => {
      const result = await api("POST", `/api/admin/articles/${encodeURIComponent(articleId)}/${archived ? "unarchive" : "archive"}`);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      router.refresh();
    });
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-label={`${action} ${title}`}
        aria-describedby={error ? errorId : undefined}
        aria-busy={pending || undefined}
        className="min-w-24 rounded-md border border-[var(--rule)] px-3 py-1 text-sm hover:bg-[var(--rule)] disabled:opacity-60"
      >
        {action}
      </button>
      {error && (
        <span id={errorId} role="alert" className="max-w-56 text-right text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </span>
  );
}
