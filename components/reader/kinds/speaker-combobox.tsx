"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useState } from "react";
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
  const [query, setQuery] = useState(current?.name ?? "");
  const [found, setFound] = useState<{ type: EntityTypeDTO; id: string; name: string }[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputId = useId();

  // When the speaker changes (here or live by someone else), show the new name.
  const [shownName, setShownName] = useState(current?.name);
  if (shownName !== current?.name) {
    setShownName(current?.name);
    setQuery(current?.name ?? "");
  }

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
  }, [open, query, speakerTypes]);

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
    setOpen(false);
    if ("speakerId" in option.choice) {
      setQuery(option.label);
      if (option.choice.speakerId === current?.id) return;
    }
    onChoose(option.choice);
  };

  return (
    <div className="relative space-y-1">
      <label htmlFor={inputId} className="block text-xs font-medium">
        Speaker
      </label>
      <input
        id={inputId}
        role="combobox"
        autoFocus={autoFocus}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].key}` : undefined}
        disabled={disabled}
        value={query}
        placeholder="Who said it?"
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
            setActive((index) => Math.min(index + 1, options.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === "Enter" && open && options[active]) {
            event.preventDefault();
            choose(options[active]);
          } else if (event.key === "Escape" && open) {
            event.preventDefault();
            event.stopPropagation();
            setOpen(false);
          }
        }}
        className="w-full rounded border border-[var(--rule)] bg-transparent px-2 py-1.5"
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Speakers" className="absolute z-10 mt-1 max-h-60 w-full min-w-64 overflow-y-auto rounded border border-[var(--rule)] bg-[var(--page)] shadow-lg">
          {options.length === 0 && <li className="px-2 py-1.5 text-[var(--muted)]">Type a person or an organisation</li>}
          {options.map((option, index) => (
            <li
              key={option.key}
              id={`${listId}-${option.key}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              className={`cursor-pointer px-2 py-1.5 ${index === active ? "bg-[var(--rule)]" : ""}`}
            >
              <span className="font-medium">{option.label}</span>
              {option.detail && <span className="ml-2 text-xs text-[var(--muted)]">{option.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {current && (
        <Link href={`/entities/${current.id}`} className="inline-block text-xs text-[var(--accent)] underline">
          Everything {current.name} said
        </Link>
      )}
    </div>
  );
}
