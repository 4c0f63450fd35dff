"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { Combobox, useComboboxState } from "@/components/reader/combobox";
import { SPEAKER_TYPE_KEYS } from "@/lib/annotations/kinds";
import type { EntityTypeDTO } from "@/lib/annotations/types";
import { api } from "@/lib/client/api";
import { useReader } from "@/components/reader/reader-context";

/** A speaker as the quote input names it: an existing entity, or a new one's name and type. */
export type SpeakerChoice = { speakerId: string } | { speakerName: string; speakerTypeId: string };

interface SpeakerOption {
  key: string;
  label: string;
  detail: string;
  choice: SpeakerChoice;
}

/**
 * Combobox **Speaker**: type-ahead over the people and organisations the user may know of (the
 * entity search API, which applies the read rules), plus "New person / organisation: <typed name>"
 * options, so a speaker not yet in the library ("пресс-служба Кремля") is created with the quote.
 * Arrow keys move, Enter chooses, Escape closes: the whole flow works without a mouse.
 */
export function SpeakerCombobox({ current, disabled, autoFocus, onChoose }: { current: { id: string; name: string } | null; disabled: boolean; autoFocus?: boolean; onChoose: (choice: SpeakerChoice) => void }) {
  const { entityTypes } = useReader();
  const speakerTypes = useMemo(() => entityTypes.filter((type) => (SPEAKER_TYPE_KEYS as readonly string[]).includes(type.key)), [entityTypes]);
  const [found, setFound] = useState<{ type: EntityTypeDTO; id: string; name: string }[]>([]);
  const combobox = useComboboxState(current?.name);
  const { query, setQuery, open, setActive } = combobox;

  useEffect(() => {
    if (!open) return;
    // An answer to an older query (typed over meanwhile) must not replace the newer one's.
    let stale = false;
    const timer = setTimeout(async () => {
      const results = await Promise.all(
        speakerTypes.map(async (type) => {
          const result = await api<{ id: string; name: string }[]>("GET", `/api/entities?typeId=${encodeURIComponent(type.id)}&q=${encodeURIComponent(query)}`);
          return result.ok ? result.data.map((entity) => ({ type, id: entity.id, name: entity.name })) : [];
        }),
      );
      if (stale) return;
      setFound(results.flat());
      setActive(0);
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [open, query, speakerTypes, setActive]);

  const typed = query.replace(/\s+/g, " ").trim();
  const options: SpeakerOption[] = [
    ...found.map((entity) => ({ key: entity.id, label: entity.name, detail: entity.type.label, choice: { speakerId: entity.id } })),
    // Offer to create the typed name unless an entity of that type already has it.
    ...(typed
      ? speakerTypes
          .filter((type) => !found.some((entity) => entity.type.id === type.id && entity.name.toLowerCase() === typed.toLowerCase()))
          .map((type) => ({ key: `new-${type.id}`, label: `New ${type.label.toLowerCase()}: ${typed}`, detail: "", choice: { speakerName: typed, speakerTypeId: type.id } }))
      : []),
  ];

  const choose = (option: SpeakerOption) => {
    if ("speakerId" in option.choice) {
      setQuery(option.label);
      if (option.choice.speakerId === current?.id) return;
    }
    onChoose(option.choice);
  };

  return (
    <Combobox
      state={combobox}
      label="Speaker"
      listLabel="Speakers"
      options={options}
      optionKey={(option) => option.key}
      renderOption={(option) => (
        <>
          <span className="font-medium">{option.label}</span>
          {option.detail && <span className="ml-2 text-xs text-[var(--muted)]">{option.detail}</span>}
        </>
      )}
      emptyText="Type a person or an organisation"
      onChoose={choose}
      disabled={disabled}
      autoFocus={autoFocus}
      placeholder="Who said it?"
      listClassName="min-w-64"
      // Closing the list must not also close the selection toolbar or dialog it sits in.
      containEscape
    >
      {current && (
        <Link href={`/entities/${current.id}`} className="inline-block text-xs text-[var(--accent)] underline">
          Everything {current.name} said
        </Link>
      )}
    </Combobox>
  );
}
