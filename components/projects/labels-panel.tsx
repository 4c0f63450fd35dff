"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass, inputClass, labelClass, primaryButtonClass } from "@/components/projects/form-styles";
import { StatusLine, type Status } from "@/components/projects/status-line";
import { HIGHLIGHT_COLORS, HIGHLIGHT_SWATCH, type HighlightColor } from "@/lib/annotations/kinds";
import { api } from "@/lib/client/api";
import { themeContrast } from "@/lib/projects/contrast";
import { entityTypeSchema, updateProjectSchema } from "@/lib/validations/project";

export interface EntityTypeView {
  id: string;
  key: string;
  label: string;
  color: string;
  hotkey: string | null;
  description: string;
  tagCount: number;
}

export interface LabelsPanelProps {
  projectId: string;
  entityTypes: EntityTypeView[];
  colorNames: Partial<Record<HighlightColor, string>>;
}

const HOTKEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
const COLOR_LABEL: Record<HighlightColor, string> = { yellow: "Yellow", green: "Green", blue: "Blue", pink: "Pink" };

/** The Labels tab: the project's entity types (edit, add, delete moving their tags) and the names of its highlight colours. */
export function LabelsPanel({ projectId, entityTypes, colorNames }: LabelsPanelProps) {
  const [status, setStatus] = useState<Status>(null);
  const free = (except: string | null) => HOTKEYS.filter((key) => !entityTypes.some((type) => type.hotkey === key && type.id !== except));
  return (
    <div className="space-y-8">
      <section aria-labelledby="types-heading" className="space-y-3">
        <h2 id="types-heading" className="font-serif text-xl font-semibold">
          Entity types
        </h2>
        <p className="text-sm text-[var(--muted)]">
          The Tag entity menu lists them in this order; a digit tags the selection at once. Renaming keeps every tag. Colours must show against the page in the light and the dark theme (3:1).
        </p>
        <StatusLine status={status} />
        <ul className="space-y-3" aria-label="Entity types">
          {entityTypes.map((type) => (
            <li key={type.id}>
              <TypeEditor projectId={projectId} type={type} hotkeys={free(type.id)} others={entityTypes.filter((other) => other.id !== type.id)} onStatus={setStatus} />
            </li>
          ))}
        </ul>
        <NewTypeForm projectId={projectId} hotkeys={free(null)} onStatus={setStatus} />
      </section>
      <ColorNamesForm projectId={projectId} colorNames={colorNames} />
    </div>
  );
}

type Draft = { label: string; key: string; color: string; hotkey: string | null; description: string };

function TypeFields({ draft, setDraft, hotkeys, idPrefix }: { draft: Draft; setDraft: (draft: Draft) => void; hotkeys: string[]; idPrefix: string }) {
  const contrast = /^#[0-9a-f]{6}$/i.test(draft.color) ? themeContrast(draft.color) : [];
  const contrastId = `${idPrefix}-contrast`;
  return (
    <div className="grid gap-3 sm:grid-cols-[1.2fr_0.7fr_1fr_0.6fr]">
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-label`} className={labelClass}>
          Label
        </label>
        <input id={`${idPrefix}-label`} value={draft.label} onChange={(event) => setDraft({ ...draft, label: event.target.value })} maxLength={40} required className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-key`} className={labelClass}>
          Key
        </label>
        <input id={`${idPrefix}-key`} value={draft.key} onChange={(event) => setDraft({ ...draft, key: event.target.value.toUpperCase() })} maxLength={16} required className={`${inputClass} font-mono`} />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-color`} className={labelClass}>
          Colour
        </label>
        <div className="flex items-center gap-2">
          <input id={`${idPrefix}-color`} type="color" value={draft.color} onChange={(event) => setDraft({ ...draft, color: event.target.value })} aria-describedby={contrastId} className="h-8 w-10 cursor-pointer rounded border border-[var(--rule)] bg-transparent" />
          <span id={contrastId} className="text-xs text-[var(--muted)]">
            {contrast.map((result) => (
              <span key={result.theme} className={`mr-2 whitespace-nowrap ${result.passes ? "" : "font-semibold text-red-700 dark:text-red-400"}`}>
                {result.theme === "light" ? "Light" : "Dark"} {result.ratio}:1{result.passes ? "" : " (too faint)"}
              </span>
            ))}
          </span>
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-hotkey`} className={labelClass}>
          Hotkey
        </label>
        <select id={`${idPrefix}-hotkey`} value={draft.hotkey ?? ""} onChange={(event) => setDraft({ ...draft, hotkey: event.target.value || null })} className={inputClass}>
          <option value="">None</option>
          {hotkeys.map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1 sm:col-span-4">
        <label htmlFor={`${idPrefix}-description`} className={labelClass}>
          Description <span className="font-normal text-[var(--muted)]">(the tooltip in the Tag entity menu)</span>
        </label>
        <input id={`${idPrefix}-description`} value={draft.description} onChange={(event) => setDraft({ ...draft, description: event.target.value })} maxLength={200} className={inputClass} />
      </div>
    </div>
  );
}

function TypeEditor({ projectId, type, hotkeys, others, onStatus }: { projectId: string; type: EntityTypeView; hotkeys: string[]; others: EntityTypeView[]; onStatus: (status: Status) => void }) {
  const router = useRouter();
  const idPrefix = useId();
  const [draft, setDraft] = useState<Draft>({ label: type.label, key: type.key, color: type.color, hotkey: type.hotkey, description: type.description });
  const [deleting, setDeleting] = useState(false);
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? "");
  const [saving, startSaving] = useTransition();

  function save(event: FormEvent) {
    event.preventDefault();
    const parsed = entityTypeSchema.safeParse(draft);
    if (!parsed.success) return onStatus({ kind: "error", text: `${type.label}: ${parsed.error.issues[0]?.message ?? "check the fields."}` });
    startSaving(async () => {
      const result = await api("PATCH", `/api/projects/${projectId}/entity-types/${type.id}`, parsed.data);
      if (!result.ok) return onStatus({ kind: "error", text: result.message });
      onStatus({ kind: "saved", text: `${parsed.data.label} saved.` });
      router.refresh();
    });
  }

  function remove() {
    startSaving(async () => {
      const query = type.tagCount > 0 ? `?moveTo=${encodeURIComponent(moveTo)}` : "";
      const result = await api<{ moved: number }>("DELETE", `/api/projects/${projectId}/entity-types/${type.id}${query}`);
      if (!result.ok) return onStatus({ kind: "error", text: result.message });
      const target = others.find((other) => other.id === moveTo);
      onStatus({ kind: "saved", text: result.data.moved > 0 && target ? `${type.label} deleted; ${result.data.moved} tags moved to ${target.label}.` : `${type.label} deleted.` });
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} aria-label={`Entity type ${type.label}`} className="space-y-3 rounded-lg border border-[var(--rule)] p-4" style={{ borderLeft: `4px solid ${type.color}` }}>
      <TypeFields draft={draft} setDraft={setDraft} hotkeys={hotkeys} idPrefix={idPrefix} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={saving} className={primaryButtonClass}>
          Save
        </button>
        <span className="text-sm text-[var(--muted)]">{type.tagCount === 1 ? "1 tag" : `${type.tagCount} tags`}</span>
        {!deleting ? (
          <button type="button" onClick={() => setDeleting(true)} className={`${buttonClass} ml-auto`}>
            Delete
          </button>
        ) : (
          <div role="group" aria-label={`Delete ${type.label}`} className="ml-auto flex flex-wrap items-center gap-2">
            {type.tagCount > 0 && (
              <>
                <label htmlFor={`${idPrefix}-move`} className="text-sm">
                  Move its {type.tagCount === 1 ? "tag" : `${type.tagCount} tags`} to
                </label>
                <select id={`${idPrefix}-move`} value={moveTo} onChange={(event) => setMoveTo(event.target.value)} className={`${inputClass} w-44`}>
                  {others.map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.label}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button type="button" disabled={saving || (type.tagCount > 0 && !moveTo)} onClick={remove} className={buttonClass}>
              {type.tagCount > 0 ? "Delete and move tags" : `Delete ${type.label}`}
            </button>
            <button type="button" onClick={() => setDeleting(false)} className={buttonClass}>
              Cancel
            </button>
          </div>
        )}
      </div>
    </form>
  );
}

function NewTypeForm({ projectId, hotkeys, onStatus }: { projectId: string; hotkeys: string[]; onStatus: (status: Status) => void }) {
  const router = useRouter();
  const idPrefix = useId();
  const empty: Draft = { label: "", key: "", color: "#0f766e", hotkey: hotkeys[0] ?? null, description: "" };
  const [draft, setDraft] = useState<Draft>(empty);
  const [saving, startSaving] = useTransition();

  function add(event: FormEvent) {
    event.preventDefault();
    const parsed = entityTypeSchema.safeParse(draft);
    if (!parsed.success) return onStatus({ kind: "error", text: `New type: ${parsed.error.issues[0]?.message ?? "check the fields."}` });
    startSaving(async () => {
      const result = await api("POST", `/api/projects/${projectId}/entity-types`, parsed.data);
      if (!result.ok) return onStatus({ kind: "error", text: result.message });
      onStatus({ kind: "saved", text: `${parsed.data.label} added.` });
      setDraft({ ...empty, hotkey: null });
      router.refresh();
    });
  }

  return (
    <form onSubmit={add} aria-label="New entity type" className="space-y-3 rounded-lg border border-dashed border-[var(--rule)] p-4">
      <h3 className="text-sm font-medium">New entity type</h3>
      <TypeFields draft={draft} setDraft={setDraft} hotkeys={hotkeys} idPrefix={idPrefix} />
      <button type="submit" disabled={saving} className={primaryButtonClass}>
        Add entity type
      </button>
    </form>
  );
}

function ColorNamesForm({ projectId, colorNames }: { projectId: string; colorNames: LabelsPanelProps["colorNames"] }) {
  const router = useRouter();
  const [names, setNames] = useState(colorNames);
  const [status, setStatus] = useState<Status>(null);
  const [saving, startSaving] = useTransition();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = updateProjectSchema.safeParse({ colorNames: names });
    if (!parsed.success) return setStatus({ kind: "error", text: parsed.error.issues[0]?.message ?? "Check the names." });
    startSaving(async () => {
      const result = await api("PATCH", `/api/projects/${projectId}`, parsed.data);
      if (!result.ok) return setStatus({ kind: "error", text: result.message });
      setStatus({ kind: "saved", text: "Colour names saved" });
      router.refresh();
    });
  }

  return (
    <section aria-labelledby="colours-heading" className="space-y-3">
      <h2 id="colours-heading" className="font-serif text-xl font-semibold">
        Highlight colours
      </h2>
      <p className="text-sm text-[var(--muted)]">What each colour means in this project, e.g. Yellow = “claim”, Pink = “needs checking”.</p>
      <form onSubmit={submit} className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          {HIGHLIGHT_COLORS.map((color) => (
            <div key={color} className="flex items-center gap-2">
              <span aria-hidden className="size-5 shrink-0 rounded" style={{ background: HIGHLIGHT_SWATCH[color] }} />
              <label htmlFor={`colour-${color}`} className="w-16 text-sm font-medium">
                {COLOR_LABEL[color]}
              </label>
              <input id={`colour-${color}`} value={names[color] ?? ""} onChange={(event) => setNames({ ...names, [color]: event.target.value })} maxLength={40} placeholder="Unnamed" className={inputClass} />
            </div>
          ))}
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={saving} className={primaryButtonClass}>
            Save colour names
          </button>
          <StatusLine status={status} />
        </div>
      </form>
    </section>
  );
}
