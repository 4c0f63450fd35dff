"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Combobox, useComboboxState } from "@/components/reader/combobox";
import { api } from "@/lib/client/api";

interface EntityOption {
  id: string;
  name: string;
  aliases: string[];
  mentions: number;
}

/** The create option: a new entity under the name as typed (the proposed canonical name, edited). */
interface NewEntityOption {
  create: string;
}

/**
 * Type-ahead over existing entities of one type; choosing one relinks the tag. A name no entity has
 * yet is offered as "New entity: …", which creates it under that name and relinks the tag to it.
 */
export function EntityCombobox({ typeId, current, disabled, onChoose }: { typeId: string; current: { id: string; name: string } | null; disabled: boolean; onChoose: (entityId: string) => void }) {
  const [options, setOptions] = useState<EntityOption[]>([]);
  const combobox = useComboboxState(current?.name);
  const { query, setQuery, open, setActive } = combobox;

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
  }, [open, query, typeId, setActive]);

  const typed = query.replace(/\s+/g, " ").trim();
  const offerNew = typed.length > 0 && typed.length <= 200 && !options.some((option) => option.name.toLowerCase() === typed.toLowerCase());
  const choices: (EntityOption | NewEntityOption)[] = offerNew ? [...options, { create: typed }] : options;

  const choose = async (option: EntityOption | NewEntityOption) => {
    if ("create" in option) {
      const result = await api<{ id: string; name: string }>("POST", "/api/entities", { typeId, name: option.create });
      if (!result.ok) return;
      setQuery(result.data.name);
      if (result.data.id !== current?.id) onChoose(result.data.id);
      return;
    }
    setQuery(option.name);
    if (option.id !== current?.id) onChoose(option.id);
  };

  return (
    <Combobox
      state={combobox}
      label="Entity"
      listLabel="Entities"
      options={choices}
      optionKey={(option) => ("create" in option ? "new" : option.id)}
      renderOption={(option) =>
        "create" in option ? (
          <span>
            New entity: <span className="font-medium">{option.create}</span>
          </span>
        ) : (
          <>
            <span className="font-medium">{option.name}</span>
            {option.aliases.length > 0 && <span className="ml-2 text-xs text-[var(--muted)]">{option.aliases.slice(0, 3).join(", ")}</span>}
            <span className="ml-2 text-xs text-[var(--muted)]">{option.mentions} mentions</span>
          </>
        )
      }
      emptyText="No matching entity"
      onChoose={(option) => void choose(option)}
      disabled={disabled}
    >
      {current && (
        <Link href={`/entities/${current.id}`} className="inline-block text-xs text-[var(--accent)] underline">
          All mentions of {current.name}
        </Link>
      )}
    </Combobox>
  );
}
