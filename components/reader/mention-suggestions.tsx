"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { api } from "@/lib/client/api";
import type { MentionSuggestionDTO } from "@/lib/server/mentions/mention-suggestion-dto";
import { useReader } from "@/components/reader/reader-context";
import { DecisionButtons } from "@/components/reader/decision-buttons";
import { SuggestionsSheet } from "@/components/reader/suggestions-sheet";

/** The other mentions of an entity just tagged: offered first, listed once the user reviews them. */
export interface MentionSuggestionsState {
  entity: { id: string; name: string };
  suggestions: MentionSuggestionDTO[];
  reviewing: boolean;
}

/**
 * After a tag: asks for the entity's other mentions in the article and, when there are any, hands
 * them to `open` (the workspace shows them in its Suggestions region). Nothing is tagged until the
 * user accepts.
 */
export function useSuggestMentions(articleId: string, open: (state: MentionSuggestionsState) => void) {
  return useCallback(
    async (entity: { id: string; name: string }) => {
      const result = await api<MentionSuggestionDTO[]>("POST", `/api/articles/${articleId}/mention-suggestions`, { entityId: entity.id });
      if (result.ok && result.data.length > 0) open({ entity, suggestions: result.data, reviewing: false });
    },
    [articleId, open],
  );
}

/**
 * The offer, right after a tag: a small note in the corner that does not take focus or cover the
 * text (the user may be tagging on), with Review (opens region Suggestions) and Dismiss.
 */
export function MentionSuggestionsOffer({ state, onReview, onDismiss }: { state: MentionSuggestionsState; onReview: () => void; onDismiss: () => void }) {
  const count = state.suggestions.length;
  return (
    <div role="status" aria-label="Other mentions" className="fixed bottom-4 left-4 z-40 flex max-w-xs items-center gap-3 rounded-lg border border-[var(--rule)] bg-[var(--page)] px-3 py-2 font-sans text-sm shadow-lg">
      <span>
        {count === 1 ? "1 other mention" : `${count} other mentions`} of <span className="font-medium">{state.entity.name}</span> here
      </span>
      <button type="button" onClick={onReview} className="shrink-0 rounded bg-[var(--ink)] px-2.5 py-1 text-[var(--page)]">
        Review
      </button>
      <button type="button" onClick={onDismiss} aria-label="Dismiss" className="shrink-0 rounded px-1.5 py-1 text-[var(--muted)] hover:bg-[var(--rule)]">
        ✕
      </button>
    </div>
  );
}

/**
 * Region Suggestions for the other mentions of an entity in the article, each in its context:
 * Accept tags it (linked to the same entity, with the reader's visibility), Reject drops it for good
 * (remembered for the article), Accept all tags every one left.
 */
export function MentionSuggestions({ state, onClose }: { state: MentionSuggestionsState; onClose: () => void }) {
  const { articleId, store, visibility, notify } = useReader();
  const [listed, setSuggestions] = useState(state.suggestions);
  // One decided by someone else meanwhile leaves as they decide it (suggestion.decided, heard live).
  useSyncExternalStore(store.subscribe, store.getSuggestionsVersion, store.getSuggestionsVersion);
  const suggestions = listed.filter((suggestion) => !store.isSuggestionDecided(suggestion.id));
  const [busy, setBusy] = useState(false);
  const { entity } = state;

  const decide = async (suggestion: MentionSuggestionDTO, action: "accept" | "reject") => {
    setBusy(true);
    const result = await api<AnnotationDTO | { id: string }>("POST", `/api/articles/${articleId}/mention-suggestions/${suggestion.id}/${action}`, action === "accept" ? { visibility } : undefined);
    setBusy(false);
    if (!result.ok) return notify(result.message);
    if (action === "accept") store.upsertAnnotation(result.data as AnnotationDTO);
    setSuggestions((list) => list.filter((item) => item.id !== suggestion.id));
  };

  const acceptAll = async () => {
    setBusy(true);
    const result = await api<AnnotationDTO[]>("POST", `/api/articles/${articleId}/mention-suggestions/accept-all`, { entityId: entity.id, visibility });
    setBusy(false);
    if (!result.ok) return notify(result.message);
    result.data.forEach((annotation) => store.upsertAnnotation(annotation));
    setSuggestions([]);
    notify(result.data.length === 1 ? `1 more mention of ${entity.name} tagged.` : `${result.data.length} more mentions of ${entity.name} tagged.`);
  };

  return (
    <SuggestionsSheet label={`Other mentions of ${entity.name}`} busy={busy} onClose={onClose}>
      {suggestions.length === 0 ? (
        <p className="text-[var(--muted)]">No other untagged mentions of {entity.name} left in this article.</p>
      ) : (
        <>
          <div className="flex items-center justify-between gap-2">
            <p className="text-[var(--muted)]">
              {suggestions.length === 1 ? "1 more mention" : `${suggestions.length} more mentions`} of <span className="font-medium text-[var(--ink)]">{entity.name}</span>, not tagged yet.
            </p>
            <button type="button" disabled={busy} onClick={() => void acceptAll()} className="shrink-0 rounded bg-[var(--ink)] px-3 py-1 text-[var(--page)] disabled:opacity-50">
              Accept all
            </button>
          </div>
          <ul className="space-y-3">
            {suggestions.map((suggestion) => (
              <li key={suggestion.id} aria-label={`Mention “${suggestion.exact}” in paragraph ${suggestion.paragraphPosition}`} className="space-y-2 rounded border border-[var(--rule)] p-3">
                <p dir="auto" className="font-serif leading-relaxed">
                  {suggestion.before}
                  <mark className="rounded-sm bg-[var(--accent)]/20 px-0.5 font-semibold text-inherit">{suggestion.exact}</mark>
                  {suggestion.after}
                </p>
                <p className="text-xs text-[var(--muted)]">
                  Paragraph {suggestion.paragraphPosition} · {entity.name}
                  {suggestion.score < 1 && " · surname only"}
                </p>
                <DecisionButtons busy={busy} onAccept={() => void decide(suggestion, "accept")} onReject={() => void decide(suggestion, "reject")} />
              </li>
            ))}
          </ul>
        </>
      )}
    </SuggestionsSheet>
  );
}
