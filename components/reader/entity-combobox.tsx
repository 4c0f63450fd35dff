"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import { api } from "@/lib/client/api";

interface EntityOption {
  id: string;
  name: string;
  aliases: string[];
  mentions: number;
}

/** Type-ahead over existing entities of one type; choosing one relinks the tag. */
export function EntityCombobox({ typeId, current, disabled, onChoose }: { typeId: string; current: { id: string; name: string } | null; disabled: boolean; onChoose: (entityId: string) => void }) {
  const [query, setQuery] = useState(current?.name ?? "");
  const [options, setOptions] = useState<EntityOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputId = useId();

  // When the tag is relinked (here or live by someone else), show the new entity's name.
  const [shownName, setShownName] = useState(current?.name);
  if (shownName !== current?.name) {
    setShownName(current?.name);
    setQuery(current?.name ?? "");
  }

  useEffect(() => {
    if (!open) return;
    const controller = setTimeout(async () => {
      const result = await api<EntityOption[]>("GET", `/api/entities?typeId=${encodeURIComponent(typeId)}&q=${encodeURIComponent(query)}`);
      if (result.ok) {
        setOptions(result.data);
        setActive(0);
      }
    }, 120);
    return () => clearTimeout(controller);
  }, [open, query, typeId]);

  const choose = (option: EntityOption) => {
    setQuery(option.name);
    setOpen(false);
    if (option.id !== current?.id) onChoose(option.id);
  };

  return (
    <div className="relative space-y-1">
      <label htmlFor={inputId} className="block text-xs font-medium">
        Entity
      </label>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        disabled={disabled}
        value={query}
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
            setOpen(false);
          }
        }}
        className="w-full rounded border border-[var(--rule)] bg-transparent px-2 py-1.5"
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Entities" className="absolute z-10 mt-1 max-h-60 w-full overflow-y-auto rounded border border-[var(--rule)] bg-[var(--page)] shadow-lg">
          {options.length === 0 && <li className="px-2 py-1.5 text-[var(--muted)]">No matching entity</li>}
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listId}-${option.id}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              className={`cursor-pointer px-2 py-1.5 ${index === active ? "bg-[var(--rule)]" : ""}`}
            >
              <span className="font-medium">{option.name}</span>
              {option.aliases.length > 0 && <span className="ml-2 text-xs text-[var(--muted)]">{option.aliases.slice(0, 3).join(", ")}</span>}
              <span className="ml-2 text-xs text-[var(--muted)]">{option.mentions} mentions</span>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <Link href={`/entities/${current.id}`} className="inline-block text-xs text-[var(--accent)] underline">
          All mentions of {current.name}
        </Link>
      )}
    </div>
  );
}
