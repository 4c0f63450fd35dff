"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";
import type { MergeResult } from "@/lib/server/entities/merge-entities";
import { Combobox, useComboboxState } from "@/components/reader/combobox";
import { Toast, useToast } from "@/components/reader/toast";

interface EntityOption {
  id: string;
  name: string;
  aliases: string[];
  mentions: number;
}

/**
 * Merge entities (entity page): choose in Merge into the entity this one is the same as, confirm,
 * and every mention and quote moves there; a toast offers Undo, which brings this entity back as it was.
 */
export function MergeEntities({ entityId, entityName, typeId }: { entityId: string; entityName: string; typeId: string }) {
  const router = useRouter();
  const [opened, setOpened] = useState(false);
  const [options, setOptions] = useState<EntityOption[]>([]);
  const [chosen, setChosen] = useState<EntityOption | null>(null);
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const combobox = useComboboxState();
  const { query, open, setActive } = combobox;
  const { toast, notify, dismiss } = useToast();

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(async () => {
      const result = await api<EntityOption[]>("GET", `/api/entities?typeId=${encodeURIComponent(typeId)}&q=${encodeURIComponent(query)}`);
      if (result.ok) {
        setOptions(result.data.filter((option) => option.id !== entityId));
        setActive(0);
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [open, query, typeId, entityId, setActive]);

  const merge = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    const result = await api<MergeResult>("POST", `/api/entities/${entityId}/merge`, { targetId: chosen.id });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setMerged(result.data);
    notify(`Merged ${entityName} into ${result.data.target.name}.`, { label: "Undo", run: () => void undo(result.data.mergeId) });
  };

  const undo = async (mergeId: string) => {
    const result = await api("POST", `/api/entities/merges/${mergeId}/undo`);
    if (!result.ok) return notify(result.message);
    setMerged(null);
    setChosen(null);
    setOpened(false);
    notify(`${entityName} is back, with its mentions.`);
    router.refresh();
  };

  if (merged) {
    return (
      <div className="mt-6 rounded border border-[var(--rule)] p-3 font-sans text-sm">
        <p>
          {entityName} was merged into{" "}
          <Link href={`/entities/${merged.target.id}`} className="font-medium text-[var(--accent)] underline">
            {merged.target.name}
          </Link>{" "}
          ({merged.relinked === 1 ? "1 mention or quote" : `${merged.relinked} mentions and quotes`} moved).
        </p>
        <button type="button" onClick={() => void undo(merged.mergeId)} className="mt-2 rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
          Undo merge
        </button>
        <Toast toast={toast} onDismiss={dismiss} />
      </div>
    );
  }

  return (
    <div className="mt-6 font-sans text-sm">
      <button type="button" aria-expanded={opened} onClick={() => setOpened((value) => !value)} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
        Merge entities
      </button>
      {opened && (
        <div className="mt-3 max-w-md space-y-3 rounded border border-[var(--rule)] p-3">
          <p className="text-[var(--muted)]">The same one under another name? Its mentions, quotes and names move there and {entityName} goes (Undo brings it back).</p>
          <Combobox
            state={combobox}
            label="Merge into"
            listLabel="Entities to merge into"
            options={options}
            optionKey={(option) => option.id}
            renderOption={(option) => (
              <>
                <span className="font-medium">{option.name}</span>
                {option.aliases.length > 0 && <span className="ml-2 text-xs text-[var(--muted)]">{option.aliases.slice(0, 3).join(", ")}</span>}
                <span className="ml-2 text-xs text-[var(--muted)]">{option.mentions} mentions</span>
              </>
            )}
            emptyText="No other entity of this type matches"
            onChoose={(option) => {
              combobox.setQuery(option.name);
              setChosen(option);
            }}
            disabled={busy}
          />
          {chosen && (
            <button type="button" disabled={busy} onClick={() => void merge()} className="rounded bg-[var(--ink)] px-3 py-1 text-[var(--page)] disabled:opacity-50">
              Merge {entityName} into {chosen.name}
            </button>
          )}
          {error && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {error}
            </p>
          )}
        </div>
      )}
      <Toast toast={toast} onDismiss={dismiss} />
    </div>
  );
}
