"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { buttonClass, inputClass, labelClass, primaryButtonClass } from "@/components/projects/form-styles";
import { StatusLine, type Status } from "@/components/projects/status-line";
import { api } from "@/lib/client/api";

interface ArticleOption {
  id: string;
  title: string;
}

/** For a project's Managers and admins: add a library article to the project, or remove one (its work in this layer is kept). */
export function AddProjectArticle({ projectId, candidates }: { projectId: string; candidates: ArticleOption[] }) {
  const router = useRouter();
  const [articleId, setArticleId] = useState(candidates[0]?.id ?? "");
  const [status, setStatus] = useState<Status>(null);
  const [saving, startSaving] = useTransition();

  function add(event: FormEvent) {
    event.preventDefault();
    if (!articleId) return;
    startSaving(async () => {
      const result = await api("PUT", `/api/projects/${projectId}/articles/${articleId}`);
      if (!result.ok) return setStatus({ kind: "error", text: result.message });
      setStatus({ kind: "saved", text: `Added “${candidates.find((candidate) => candidate.id === articleId)?.title ?? "the article"}”.` });
      router.refresh();
    });
  }

  if (candidates.length === 0) return null;
  return (
    <form onSubmit={add} aria-label="Add an article" className="mt-4 flex flex-wrap items-end gap-3">
      <div className="min-w-[16rem] flex-1 space-y-1">
        <label htmlFor="project-add-article" className={labelClass}>
          Article
        </label>
        <select id="project-add-article" value={articleId} onChange={(event) => setArticleId(event.target.value)} className={inputClass}>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={saving} className={primaryButtonClass}>
        Add article
      </button>
      <StatusLine status={status} />
    </form>
  );
}

/** Removes one article from the project (refused for an article's only project). */
export function RemoveProjectArticle({ projectId, article }: { projectId: string; article: ArticleOption }) {
  const router = useRouter();
  const [status, setStatus] = useState<Status>(null);
  const [saving, startSaving] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={saving}
        aria-label={`Remove “${article.title}” from the project`}
        onClick={() =>
          startSaving(async () => {
            const result = await api("DELETE", `/api/projects/${projectId}/articles/${article.id}`);
            if (!result.ok) return setStatus({ kind: "error", text: result.message });
            router.refresh();
          })
        }
        className={buttonClass}
      >
        Remove
      </button>
      <StatusLine status={status} />
    </span>
  );
}
