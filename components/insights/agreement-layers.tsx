"use client";

import { useId, useState } from "react";
import { AgreementNotes, AgreementNumbers } from "@/components/insights/agreement-numbers";
import { SpeakerAgreementNotes, SpeakerAgreementNumbers } from "@/components/insights/agreement-speakers";
import type { LayerAgreement } from "@/lib/agreement";

/** Each view of the region: a layer's spans, or the quotes' speakers (the quotes layer's links). */
const VIEWS = {
  entities: { label: "Entity tags", of: "entity tags", verb: "tagged" },
  highlights: { label: "Highlights", of: "highlights", verb: "highlighted" },
  quotes: { label: "Quotes", of: "quotes", verb: "marked quotes in" },
  speakers: { label: "Quote speakers", of: "quote speakers", verb: "marked quotes in" },
} as const;
type View = keyof typeof VIEWS;

const articlesPhrase = (count: number) => (count === 1 ? "the one article" : `the ${count} articles`);

/**
 * The region Agreement's body on /insights: a choice of entity tags, highlights, quotes or quote
 * speakers, and for it a table whose rows are annotator pairs (and Overall), with what it pools
 * and what each measure leaves out. One table at a time: with eight annotators each has 29 rows.
 */
export function AgreementLayers({ layers, names, limit }: { layers: readonly LayerAgreement[]; names: Record<string, string>; limit: number }) {
  const [view, setView] = useState<View>("entities");
  const id = useId();
  const nameOf = new Map(Object.entries(names));
  const measured = layers.find((layer) => layer.layer === (view === "speakers" ? "quotes" : view))!;
  const spec = VIEWS[view];
  const limited = measured.limited ? ` (the ${limit} most marked; the others are left out)` : "";

  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <legend className="sr-only">Layer</legend>
        {(Object.keys(VIEWS) as View[]).map((key) => (
          <label key={key} className="flex items-center gap-1.5">
            <input type="radio" name={`${id}-view`} value={key} checked={view === key} onChange={() => setView(key)} />
            {VIEWS[key].label}
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-[var(--muted)]">
        {measured.articles === 0
          ? `No article here has ${view === "speakers" ? "quotes" : spec.of} by two or more people yet: agreement needs two annotators on the same text.`
          : view === "speakers"
            ? `Speakers of the quotes two people both marked, in ${articlesPhrase(measured.articles)} that two or more people ${spec.verb}${limited}: each pair over the articles both of them ${spec.verb}. A quote only one of them marked is not compared here (the Quotes table counts it).`
            : `${spec.label} in ${articlesPhrase(measured.articles)} that two or more people ${spec.verb}${limited}, pooled: each pair is compared only on the articles both of them ${spec.verb} (the Articles column), so what one marked on an article the other never touched is not counted as a miss. Each article's own numbers, and its disagreements, are in its reader under Agreement.`}
      </p>
      {measured.table.raters.length >= 2 &&
        (view === "speakers" ? (
          <SpeakerAgreementNumbers table={measured.table} names={nameOf} caption="Agreement on quote speakers between each pair of annotators, and overall, over the quotes both marked in these articles" />
        ) : (
          <>
            <AgreementNumbers table={measured.table} names={nameOf} links={null} articles caption={`Agreement on ${spec.of} between each pair of annotators, and overall, over these articles`} />
            {measured.table.overall.alphaOver === "pairs" && <p className="text-xs text-[var(--muted)]">Overall αU is the mean of the pairs&apos; αU: not everyone marked every article, and αU needs all its annotators on the same text.</p>}
          </>
        ))}
      {view === "speakers" ? <SpeakerAgreementNotes /> : <AgreementNotes links={view === "entities" ? "entity" : null} articles />}
    </div>
  );
}
