"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { api } from "@/lib/client/api";
import type { QuoteSuggestionDTO } from "@/lib/server/quotes/suggestion-dto";
import { SpeakerCombobox, type SpeakerChoice } from "@/components/reader/kinds/speaker-combobox";
import { useReader, type ReaderParagraph } from "@/components/reader/reader-context";
import { DecisionButtons } from "@/components/reader/decision-buttons";
import { SuggestionsSheet } from "@/components/reader/suggestions-sheet";

/**
 * Find quotes: the quotations the finder sees in the article that are not marked yet, each with
 * its suggested speaker, in region Suggestions. Accept makes the quote (with the suggested or a
 * changed speaker), Reject drops it for good, Accept all takes the confident ones. A suggestion
 * someone else decides meanwhile leaves the list as they do (suggestion.decided on the live feed).
 */
export function QuoteSuggestions({ paragraphs, onClose }: { paragraphs: ReaderParagraph[]; onClose: () => void }) {
  const { articleId, store, visibility, notify } = useReader();
  const [found, setFound] = useState<QuoteSuggestionDTO[] | null>(null);
  // Decisions, this reader's and those heard live, are kept by the store: the list leaves them out.
  useSyncExternalStore(store.subscribe, store.getSuggestionsVersion, store.getSuggestionsVersion);
  const suggestions = found?.filter((suggestion) => !store.isSuggestionDecided(suggestion.id)) ?? null;
  const [changing, setChanging] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void api<QuoteSuggestionDTO[]>("POST", `/api/articles/${articleId}/quote-suggestions`).then((result) => {
      if (!current) return;
      if (result.ok) setFound(result.data);
      else {
        notify(result.message);
        setFound([]);
      }
    });
    return () => {
      current = false;
    };
  }, [articleId, notify]);

  const drop = (ids: readonly string[]) => ids.forEach((id) => store.suggestionDecided(id));

  const decide = async (suggestion: QuoteSuggestionDTO, action: "accept" | "reject", speaker?: SpeakerChoice) => {
    setBusy(true);
    const result = await api<AnnotationDTO | { id: string }>("POST", `/api/suggestions/${suggestion.id}/${action}`, action === "accept" ? { visibility, ...speaker } : undefined);
    setBusy(false);
    if (!result.ok) return notify(result.message);
    if (action === "accept") store.upsertAnnotation(result.data as AnnotationDTO);
    setChanging(null);
    drop([suggestion.id]);
  };

  const acceptAll = async () => {
    setBusy(true);
    const result = await api<AnnotationDTO[]>("POST", `/api/articles/${articleId}/quote-suggestions/accept-all`, { visibility });
    setBusy(false);
    if (!result.ok) return notify(result.message);
    result.data.forEach((annotation) => store.upsertAnnotation(annotation));
    drop(suggestions?.filter((suggestion) => suggestion.confident).map((suggestion) => suggestion.id) ?? []);
    notify(result.data.length === 1 ? "1 quote marked." : `${result.data.length} quotes marked.`);
  };

  const position = (paragraphId: string) => paragraphs.find((paragraph) => paragraph.id === paragraphId)?.position;
  const confident = suggestions?.filter((suggestion) => suggestion.confident).length ?? 0;

  return (
    <SuggestionsSheet label="Find quotes" busy={suggestions === null || busy} onClose={onClose}>
      {suggestions === null ? (
        <p className="text-[var(--muted)]">Looking for quotations…</p>
      ) : suggestions.length === 0 ? (
        <p className="text-[var(--muted)]">No unmarked quotations found.</p>
      ) : (
        <>
          <div className="flex items-center justify-between gap-2">
            <p className="text-[var(--muted)]">{suggestions.length === 1 ? "1 quotation" : `${suggestions.length} quotations`} not marked yet.</p>
            <button type="button" disabled={busy || confident === 0} onClick={() => void acceptAll()} className="rounded bg-[var(--ink)] px-3 py-1 text-[var(--page)] disabled:opacity-50">
              Accept all
            </button>
          </div>
          <ul className="space-y-3">
            {suggestions.map((suggestion) => (
              <li key={suggestion.id} aria-label={`Quote in paragraph ${position(suggestion.paragraphId) ?? "?"}`} className="space-y-2 rounded border border-[var(--rule)] p-3">
                <blockquote dir="auto" className="line-clamp-4 border-l-2 border-[var(--rule)] pl-3 font-serif">
                  “{suggestion.exact}”
                </blockquote>
                <p className="text-xs text-[var(--muted)]">
                  Paragraph {position(suggestion.paragraphId)} · said by{" "}
                  <span className="font-medium text-[var(--ink)]">{suggestion.speaker?.name ?? suggestion.speakerText ?? "unknown"}</span>
                  {!suggestion.speaker && suggestion.speakerText && " (new)"}
                  {!suggestion.confident && " · unsure"}
                </p>
                {changing === suggestion.id && (
                  <SpeakerCombobox current={null} disabled={busy} autoFocus onChoose={(speaker) => void decide(suggestion, "accept", speaker)} />
                )}
                <DecisionButtons busy={busy} onAccept={() => void decide(suggestion, "accept")} onReject={() => void decide(suggestion, "reject")}>
                  <button type="button" disabled={busy} aria-expanded={changing === suggestion.id} onClick={() => setChanging(changing === suggestion.id ? null : suggestion.id)} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
                    Change speaker
                  </button>
                </DecisionButtons>
              </li>
            ))}
          </ul>
        </>
      )}
    </SuggestionsSheet>
  );
}
