"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/lib/client/api";
import type { EntityMentionSuggestions } from "@/lib/server/mentions/find-entity-mention-suggestions";
import type { MentionSuggestionDTO } from "@/lib/server/mentions/mention-suggestion-dto";
import { DecisionButtons } from "@/components/reader/decision-buttons";

/**
 * Find mentions (entity page): the entity's untagged mentions in every article the viewer may read,
 * by article, in region Suggestions: Accept or Reject each, Accept all per article. Readers see
 * them and are told only annotators decide (the server refuses them too).
 */
export function FindMentions({ entityId, entityName, color }: { entityId: string; entityName: string; color: string }) {
  const router = useRouter();
  const [found, setFound] = useState<EntityMentionSuggestions | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const find = async () => {
    setBusy(true);
    setMessage(null);
    const result = await api<EntityMentionSuggestions>("POST", `/api/entities/${entityId}/mention-suggestions`);
    setBusy(false);
    if (result.ok) setFound(result.data);
    else setMessage(result.message);
  };

  const drop = (articleId: string, ids: readonly string[] | "all") =>
    setFound((current) =>
      current && {
        ...current,
        articles: current.articles
          .map((article) => (article.id === articleId ? { ...article, suggestions: ids === "all" ? [] : article.suggestions.filter((suggestion) => !ids.includes(suggestion.id)) } : article))
          .filter((article) => article.suggestions.length > 0),
      },
    );

  const decide = async (suggestion: MentionSuggestionDTO, action: "accept" | "reject") => {
    setBusy(true);
    const result = await api("POST", `/api/articles/${suggestion.articleId}/mention-suggestions/${suggestion.id}/${action}`, action === "accept" ? {} : undefined);
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    drop(suggestion.articleId, [suggestion.id]);
    if (action === "accept") router.refresh();
  };

  const acceptAll = async (articleId: string, title: string) => {
    setBusy(true);
    const result = await api<unknown[]>("POST", `/api/articles/${articleId}/mention-suggestions/accept-all`, { entityId });
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    drop(articleId, "all");
    setMessage(`${result.data.length === 1 ? "1 mention" : `${result.data.length} mentions`} tagged in “${title}”.`);
    router.refresh();
  };

  const total = found?.articles.reduce((sum, article) => sum + article.suggestions.length, 0) ?? 0;

  return (
    <div className="mt-8 font-sans text-sm">
      <button type="button" onClick={() => void find()} disabled={busy} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)] disabled:opacity-50">
        Find mentions
      </button>
      <p role="status" className="mt-2 text-[var(--muted)]">
        {message}
      </p>
      {found && (
        <section aria-label="Suggestions" aria-busy={busy} className="mt-3 space-y-5">
          {total === 0 ? (
            <p className="text-[var(--muted)]">No untagged mentions of {entityName} in the articles you may read.</p>
          ) : (
            <p className="text-[var(--muted)]">
              {total === 1 ? "1 untagged mention" : `${total} untagged mentions`} in {found.articles.length === 1 ? "1 article" : `${found.articles.length} articles`}
              {found.truncated && " (the newest articles only: tag these to see more)"}.
              {!found.canDecide && " Only annotators can accept or reject them."}
            </p>
          )}
          {found.articles.map((article) => (
            <section key={article.id} aria-label={`Mentions in ${article.title}`} className="rounded border border-[var(--rule)] p-3">
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-serif text-base font-semibold">
                  <Link href={`/articles/${article.slug}`} className="hover:underline">
                    {article.title}
                  </Link>
                </h3>
                {found.canDecide && (
                  <button type="button" disabled={busy} onClick={() => void acceptAll(article.id, article.title)} className="shrink-0 rounded bg-[var(--ink)] px-3 py-1 text-[var(--page)] disabled:opacity-50">
                    Accept all
                  </button>
                )}
              </div>
              <ul className="mt-2 divide-y divide-[var(--rule)]">
                {article.suggestions.map((suggestion) => (
                  <li key={suggestion.id} aria-label={`Mention “${suggestion.exact}” in paragraph ${suggestion.paragraphPosition}`} className="flex flex-wrap items-start justify-between gap-2 py-2">
                    <p dir="auto" className="min-w-0 flex-1 font-serif leading-relaxed">
                      {suggestion.before}
                      <mark className="rounded-sm px-0.5 text-inherit" style={{ background: `color-mix(in srgb, ${color} 22%, transparent)` }}>
                        {suggestion.exact}
                      </mark>
                      {suggestion.after}
                      <span className="ml-2 font-sans text-xs text-[var(--muted)]">paragraph {suggestion.paragraphPosition}</span>
                    </p>
                    {found.canDecide && (
                      <DecisionButtons busy={busy} onAccept={() => void decide(suggestion, "accept")} onReject={() => void decide(suggestion, "reject")} />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}
    </div>
  );
}
