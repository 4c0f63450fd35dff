"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LAYER_COOKIE, layerCookie, parseLayerPreference, preferLayer } from "@/lib/projects/layer-preference";

export interface LayerOption {
  id: string;
  name: string;
  access: "OPEN" | "CLOSED";
  /** Whether this reader may annotate in it (else they read it only). */
  annotates: boolean;
}

/** The current value of the layer cookie in this browser. */
function currentPreference(): string[] {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${LAYER_COOKIE}=`));
  return parseLayerPreference(entry ? decodeURIComponent(entry.slice(LAYER_COOKIE.length + 1)) : null);
}

/**
 * The reader's combobox **Project layer**, on an article in more than one project the reader may
 * read: which project's annotations and notes they see and annotate into. The choice is remembered
 * (a cookie, newest first, for every article: a desk member who picks their desk reads every shared
 * story in it) and the page reloads its work for that layer from the server, which decides what
 * each layer holds for this reader.
 */
export function ProjectLayerSelect({ layers, selected }: { layers: LayerOption[]; selected: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const current = layers.find((layer) => layer.id === selected);
  return (
    <div lang="en" className="mt-3 flex flex-wrap items-center gap-2 font-sans text-sm">
      <label htmlFor="project-layer" className="font-medium">
        Project layer
      </label>
      <select
        id="project-layer"
        value={selected}
        disabled={pending}
        aria-describedby="project-layer-note"
        onChange={(event) => {
          document.cookie = layerCookie(preferLayer(currentPreference(), event.target.value));
          startTransition(() => router.refresh());
        }}
        className="rounded-md border border-[var(--rule)] bg-[var(--page)] px-2 py-1 outline-none focus:border-[var(--accent)]"
      >
        {layers.map((layer) => (
          <option key={layer.id} value={layer.id}>
            {layer.name}
          </option>
        ))}
      </select>
      <span id="project-layer-note" role="status" className="text-[var(--muted)]">
        {pending
          ? "Loading this layer…"
          : current &&
            `${current.access === "CLOSED" ? "Closed: its members' work" : "Open: everyone's work in this project"}${current.annotates ? "; your new work goes here." : "; you can read it, not annotate."}`}
      </span>
    </div>
  );
}
