"use client";

import { useCallback, useId, useMemo, useState, useSyncExternalStore } from "react";
import { AGREEMENT_LAYER_KEYS, AGREEMENT_LAYERS, agreementTable, findDisagreements, layerSpans, type AgreementLayer } from "@/lib/agreement";
import { PENDING } from "@/lib/client/annotation-store";
import { AgreementNotes, AgreementNumbers } from "@/components/insights/agreement-numbers";
import { DisagreementsPanel } from "@/components/reader/disagreements-panel";
import { useReader, type ReaderParagraph } from "@/components/reader/reader-context";

/**
 * Region Agreement: how far the annotators of this article agree, per pair and overall, on one
 * layer (entity tags, highlights or quotes), computed in the browser from the annotations the
 * reader holds, so the numbers are over what this viewer may read and change live as anyone
 * annotates (the live feed updates the store). Button Disagreements opens region Disagreements.
 */
export function AgreementPanel({ paragraphs, complete }: { paragraphs: ReaderParagraph[]; complete: boolean }) {
  const { store } = useReader();
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const version = useSyncExternalStore(subscribe, store.getVersion, store.getVersion);
  const [layer, setLayer] = useState<AgreementLayer>("entities");
  const [showDisagreements, setShowDisagreements] = useState(false);
  const layerLabelId = useId();

  const { table, names, disagreements } = useMemo(() => {
    void version;
    // Optimistic annotations wait for the server's answer: they have no id to adopt yet.
    const annotations = store.allAnnotations().filter((annotation) => !annotation.id.startsWith(PENDING));
    const spans = layerSpans(annotations, layer);
    const table = agreementTable({ spans, paragraphs });
    return {
      table,
      names: new Map(annotations.map((annotation) => [annotation.author.id, annotation.author.name])),
      disagreements: findDisagreements(spans, table.raters, paragraphs.map((paragraph) => paragraph.id)),
    };
  }, [store, version, layer, paragraphs]);
  const name = (id: string) => names.get(id) ?? "Someone";
  const links = AGREEMENT_LAYERS[layer].link;

  return (
    <div className="mb-8 space-y-4 font-sans text-sm" lang="en">
      <section aria-labelledby={`${layerLabelId}-title`} className="space-y-3 rounded-lg border border-[var(--rule)] p-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id={`${layerLabelId}-title`} className="text-base font-semibold">
            Agreement
          </h2>
          <fieldset className="flex flex-wrap items-center gap-3">
            <legend className="sr-only">Layer</legend>
            {AGREEMENT_LAYER_KEYS.map((key) => (
              <label key={key} className="flex items-center gap-1.5">
                <input type="radio" name={`${layerLabelId}-layer`} value={key} checked={layer === key} onChange={() => setLayer(key)} />
                {AGREEMENT_LAYERS[key].label}
              </label>
            ))}
          </fieldset>
        </div>
        {!complete && <p className="text-[var(--muted)]">The rest of the article is still loading: these numbers cover the paragraphs loaded so far.</p>}
        {table.raters.length < 2 ? (
          <p className="text-[var(--muted)]">
            {table.raters.length === 0 ? "Nobody has marked any" : `Only ${name(table.raters[0]!)} has marked`} {AGREEMENT_LAYERS[layer].label.toLowerCase()} here yet: agreement needs two annotators.
          </p>
        ) : (
          <AgreementNumbers table={table} names={names} links={links} caption={`Agreement on ${AGREEMENT_LAYERS[layer].label.toLowerCase()} between each pair of annotators, and overall`} />
        )}
        <AgreementNotes links={links} />
        <button type="button" aria-expanded={showDisagreements} onClick={() => setShowDisagreements((value) => !value)} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
          Disagreements
        </button>
      </section>
      {showDisagreements && <DisagreementsPanel layer={layer} disagreements={disagreements} names={names} paragraphs={paragraphs} />}
    </div>
  );
}
