"use client";

import { useCallback, useId, useMemo, useState, useSyncExternalStore } from "react";
import { AGREEMENT_LAYER_KEYS, AGREEMENT_LAYERS, agreementTable, findDisagreements, layerSpans, type AgreementLayer, type Measure } from "@/lib/agreement";
import { PENDING } from "@/lib/client/annotation-store";
import { DisagreementsPanel } from "@/components/reader/disagreements-panel";
import { useReader, type ReaderParagraph } from "@/components/reader/reader-context";

/** What each measure leaves out, said next to the numbers (a measure that silently drops cases can look too good). */
const NOTES: { measure: string; note: string }[] = [
  { measure: "Precision, recall", note: "take the first-named annotator as the reference: precision is the share of the second one's spans the first also marked, recall the share of the first one's the second found." },
  { measure: "F1 exact", note: "counts a span only when both marked the very same characters with the same label; a span one word longer is a miss." },
  { measure: "F1 overlap", note: "counts overlapping spans with the same label as agreeing, one to one; how far their boundaries differ is dropped." },
  {
    measure: "Cohen's κ",
    note: "compares the label of every word (untagged words count as O); only punctuation and spaces are left out. A word one annotator tagged and the other did not counts as a disagreement, not dropped (INCEpTION drops such positions, which flatters κ).",
  },
  { measure: "Krippendorff's αU", note: "compares the marked stretches character by character, with partial credit for overlapping ones; links (entity, speaker) are ignored, and one person's overlapping spans of one label count as one." },
  { measure: "Overall", note: "the mean over pairs (κ: Light's κ); αU with everyone at once; same speaker pooled over pairs." },
];

const format = (value: Measure) => (value === null ? "—" : value.toFixed(2));

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
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-right tabular-nums">
              <caption className="sr-only">Agreement on {AGREEMENT_LAYERS[layer].label.toLowerCase()} between each pair of annotators, and overall</caption>
              <thead>
                <tr className="border-b border-[var(--rule)] text-xs text-[var(--muted)]">
                  <th scope="col" className="py-1 pr-3 text-left font-medium">Annotators</th>
                  <th scope="col" className="px-2 py-1 font-medium">Precision</th>
                  <th scope="col" className="px-2 py-1 font-medium">Recall</th>
                  <th scope="col" className="px-2 py-1 font-medium">F1 exact</th>
                  <th scope="col" className="px-2 py-1 font-medium">F1 overlap</th>
                  <th scope="col" className="px-2 py-1 font-medium">Cohen&apos;s κ</th>
                  <th scope="col" className="px-2 py-1 font-medium">Krippendorff&apos;s αU</th>
                  {links === "speaker" && <th scope="col" className="px-2 py-1 font-medium">Same speaker</th>}
                </tr>
              </thead>
              <tbody>
                {table.pairs.map((pair) => (
                  <tr key={`${pair.first}:${pair.second}`} className="border-b border-[var(--rule)]">
                    <th scope="row" className="py-1 pr-3 text-left font-medium">
                      {name(pair.first)} ↔ {name(pair.second)}
                    </th>
                    <td className="px-2 py-1">{format(pair.exact.precision)}</td>
                    <td className="px-2 py-1">{format(pair.exact.recall)}</td>
                    <td className="px-2 py-1">{format(pair.exact.f1)}</td>
                    <td className="px-2 py-1">{format(pair.overlap.f1)}</td>
                    <td className="px-2 py-1">{format(pair.kappa.kappa)}</td>
                    <td className="px-2 py-1">{format(pair.alpha)}</td>
                    {links === "speaker" && <td className="px-2 py-1">{pair.links.compared === 0 ? "—" : `${pair.links.same} of ${pair.links.compared}`}</td>}
                  </tr>
                ))}
                <tr className="font-semibold">
                  <th scope="row" className="py-1 pr-3 text-left">
                    Overall ({table.raters.length} annotators)
                  </th>
                  <td className="px-2 py-1">—</td>
                  <td className="px-2 py-1">—</td>
                  <td className="px-2 py-1">{format(table.overall.f1Exact)}</td>
                  <td className="px-2 py-1">{format(table.overall.f1Overlap)}</td>
                  <td className="px-2 py-1">{format(table.overall.kappa)}</td>
                  <td className="px-2 py-1">{format(table.overall.alpha)}</td>
                  {links === "speaker" && <td className="px-2 py-1">{table.overall.links.compared === 0 ? "—" : `${table.overall.links.same} of ${table.overall.links.compared}`}</td>}
                </tr>
              </tbody>
            </table>
          </div>
        )}
        <details className="text-xs text-[var(--muted)]">
          <summary className="cursor-pointer">What each measure leaves out</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {NOTES.map(({ measure, note }) => (
              <li key={measure}>
                <span className="font-medium text-[var(--ink)]">{measure}</span> {note}
              </li>
            ))}
            <li>
              Only annotations you can read count (other people&apos;s private work never does), each annotator&apos;s own as they made it; annotations waiting under Needs review are left out.
              {links === "entity" && " Which entity a tag links to is not in these numbers: Disagreements lists tags that differ only in it."}
            </li>
          </ul>
        </details>
        <button type="button" aria-expanded={showDisagreements} onClick={() => setShowDisagreements((value) => !value)} className="rounded border border-[var(--rule)] px-3 py-1 hover:bg-[var(--rule)]">
          Disagreements
        </button>
      </section>
      {showDisagreements && <DisagreementsPanel layer={layer} disagreements={disagreements} names={names} paragraphs={paragraphs} />}
    </div>
  );
}
