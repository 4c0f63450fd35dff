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

/** Type-ahead over existing entities of one type; choosing one relinks the tag. */
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

  const choose = (option: EntityOption) => {
    setQuery(option.name);
    if (option.id !== current?.id) onChoose(option.id);
  };

  return (
    <Combobox
      state={combobox}
      label="Entity"
      listLabel="Entities"
      options={options}
      optionKey={(option) => option.id}
      renderOption={(option) => (
        <>
          <span className="font-medium">{option.name}</span>
          {option.aliases.length > 0 && <span className="ml-2 text-xs text-[var(--muted)]">{option.aliases.slice(0, 3).join(", ")}</span>}
          <span className="ml-2 text-xs text-[var(--muted)]">{option.mentions} mentions</span>
        </>
      )}
      emptyText="No matching entity"
      onChoose={choose}
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
