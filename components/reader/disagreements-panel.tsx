"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { AGREEMENT_LAYERS, type AgreementLayer, type CuratedAnnotationDTO, type Disagreement, type DisagreementReason, type Span } from "@/lib/agreement";
import type { AnnotationDTO } from "@/lib/annotations/types";
import { api } from "@/lib/client/api";
import { canCurate } from "@/lib/permissions";
import { useReader, type ReaderParagraph } from "@/components/reader/reader-context";

const REASON: Record<DisagreementReason, string> = {
  missing: "one marked it, another did not",
  span: "different span",
  label: "different type",
  link: "different entity",
};
/** The name of the CSS highlight (CSS Custom Highlight API) that marks disputed stretches in the text. */
const HIGHLIGHT = "glossa-disagreement";

/**
 * Region Disagreements: every stretch where the annotators' versions differ, in reading order,
 * marked in the text itself (a CSS highlight over the disputed characters, which leaves the text's
 * DOM alone) and listed here with each annotator's version side by side. Curators and admins
 * Adopt a version into the curated layer (a version that marked nothing adopts "nothing here");
 * the layer downloads in every format from the Export menu's Curated (gold) group (not repeated here).
 */
export function DisagreementsPanel({
  layer,
  disagreements,
  names,
  paragraphs,
}: {
  layer: AgreementLayer;
  disagreements: Disagreement[];
  names: ReadonlyMap<string, string>;
  paragraphs: ReaderParagraph[];
}) {
  const { articleId, actor, store, notify } = useReader();
  const [curated, setCurated] = useState<CuratedAnnotationDTO[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const curates = canCurate(actor);
  const kind = AGREEMENT_LAYERS[layer].kind;

  // Read again after each adoption here (`reloads`) and each one heard on the live feed (another curator's).
  const [reloads, setReloads] = useState(0);
  const heard = useSyncExternalStore(store.subscribe, store.getCuratedVersion, store.getCuratedVersion);
  useEffect(() => {
    let current = true;
    void api<CuratedAnnotationDTO[]>("GET", `/api/articles/${encodeURIComponent(articleId)}/curated`).then((result) => {
      if (current && result.ok) setCurated(result.data);
    });
    return () => {
      current = false;
    };
  }, [articleId, reloads, heard]);

  useDisagreementHighlight(disagreements);

  const byId = new Map(paragraphs.map((paragraph) => [paragraph.id, paragraph]));
  const name = (id: string) => names.get(id) ?? "Someone";

  const adopt = async (disagreement: Disagreement, annotator: string, spans: Span[]) => {
    setBusy(disagreement.key);
    const result = await api<CuratedAnnotationDTO[]>("POST", `/api/articles/${encodeURIComponent(articleId)}/curated`, {
      paragraphId: disagreement.paragraphId,
      kind,
      start: disagreement.start,
      end: disagreement.end,
      annotationIds: spans.map((span) => span.id),
    });
    setBusy(null);
    if (!result.ok) {
      notify(result.message);
      return;
    }
    notify(`Adopted ${name(annotator)}'s version into the curated layer.`);
    setReloads((count) => count + 1);
  };

  return (
    <section aria-label="Disagreements" aria-busy={busy !== null} className="space-y-3 rounded-lg border border-[var(--rule)] p-4">
      <style>{`::highlight(${HIGHLIGHT}) { background-color: rgb(220 38 38 / 0.16); text-decoration: underline wavy rgb(220 38 38); text-decoration-skip-ink: none; }`}</style>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">Disagreements</h2>
        <p className="text-[var(--muted)]">
          {disagreements.length === 0 ? `No disagreements on ${AGREEMENT_LAYERS[layer].label.toLowerCase()}.` : disagreements.length === 1 ? "1 stretch differs" : `${disagreements.length} stretches differ`}
          {disagreements.length > 0 && ", underlined in red in the text."}
        </p>
      </div>
      <ol className="space-y-3">
        {disagreements.map((disagreement) => {
          const paragraph = byId.get(disagreement.paragraphId);
          const adoptedHere = curated?.filter((entry) => entry.annotation.kind === kind && entry.annotation.paragraphId === disagreement.paragraphId && entry.annotation.start < disagreement.end && entry.annotation.end > disagreement.start) ?? [];
          return (
            <li key={disagreement.key} aria-label={`Paragraph ${paragraph?.position ?? "?"}: ${disagreement.reasons.map((reason) => REASON[reason]).join(", ")}`} className="space-y-2 rounded border border-[var(--rule)] p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="text-xs text-[var(--muted)]">
                  Paragraph {paragraph?.position} · <span className="font-medium text-[var(--ink)]">{disagreement.reasons.map((reason) => REASON[reason]).join(" · ")}</span>
                </p>
                <button type="button" onClick={() => reveal(disagreement.paragraphId)} className="text-xs text-[var(--accent)] underline">
                  Show in text
                </button>
              </div>
              {paragraph && <Excerpt text={paragraph.text} start={disagreement.start} end={disagreement.end} />}
              <div className="grid gap-2" style={{ gridTemplateColumns: `repeat(${Math.min(disagreement.versions.length, 3)}, minmax(0, 1fr))` }}>
                {disagreement.versions.map((version) => {
                  const adopted = curated !== null && adoptedHere.length > 0 && sameVersion(version.spans, adoptedHere, store.annotation);
                  const labelId = `version-${disagreement.key}-${version.annotator}`.replace(/[^\w-]/g, "_");
                  return (
                    <div key={version.annotator} className={`space-y-1 rounded border p-2 ${adopted ? "border-emerald-600" : "border-[var(--rule)]"}`}>
                      <p id={labelId} className="font-medium">
                        {name(version.annotator)}&apos;s version
                      </p>
                      {version.spans.length === 0 ? (
                        <p className="text-[var(--muted)]">Nothing marked</p>
                      ) : (
                        <ul className="space-y-0.5">
                          {version.spans.map((span) => (
                            <li key={span.id} dir="auto">
                              <SpanText annotation={store.annotation(span.id)} />
                            </li>
                          ))}
                        </ul>
                      )}
                      {adopted && <p className="text-xs font-medium text-emerald-700 dark:text-emerald-400">In the curated layer</p>}
                      {curates && (
                        <button
                          type="button"
                          aria-describedby={labelId}
                          disabled={busy !== null}
                          onClick={() => void adopt(disagreement, version.annotator, version.spans)}
                          className="rounded bg-[var(--ink)] px-3 py-1 text-xs text-[var(--page)] disabled:opacity-50"
                        >
                          Adopt
                        </button>
                      )}
                    </div>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="text-xs text-[var(--muted)]">
        Curated layer: {curated === null ? "…" : curated.length === 1 ? "1 annotation" : `${curated.length} annotations`}, the team&apos;s gold data. Download it from{" "}
        <span className="font-medium text-[var(--ink)]">Export › Curated (gold)</span>.
      </p>
    </section>
  );
}

/** Scrolls the paragraph into the middle of the view (its disputed words are already marked there). */
function reveal(paragraphId: string) {
  const element = document.querySelector(`[data-paragraph-id="${CSS.escape(paragraphId)}"]`);
  element?.scrollIntoView({ block: "center", behavior: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
}

/** Whether the curated annotations of a stretch are exactly this version (same boundaries, label and link). */
function sameVersion(spans: readonly Span[], curated: readonly CuratedAnnotationDTO[], annotationOf: (id: string) => AnnotationDTO | undefined): boolean {
  if (spans.length !== curated.length) return false;
  const key = (annotation: AnnotationDTO) => `${annotation.start}:${annotation.end}:${annotation.entityType?.id ?? ""}:${annotation.entity?.id ?? ""}:${annotation.speaker?.id ?? ""}`;
  const mine = spans.map((span) => annotationOf(span.id)).filter((annotation): annotation is AnnotationDTO => annotation !== undefined).map(key).sort();
  const gold = curated.map((entry) => key(entry.annotation)).sort();
  return mine.length === gold.length && mine.every((value, index) => value === gold[index]);
}

/** A version's span: its words and what it says about them (type and entity, or speaker). */
function SpanText({ annotation }: { annotation: AnnotationDTO | undefined }) {
  const detail =
    annotation?.kind === "ENTITY" ? `${annotation.entityType.label}${annotation.entity ? ` → ${annotation.entity.name}` : ""}` : annotation?.kind === "QUOTE" ? `said by ${annotation.speaker?.name ?? "unknown speaker"}` : null;
  return (
    <>
      “{annotation?.exact ?? ""}”{detail && <span className="text-[var(--muted)]"> · {detail}</span>}
    </>
  );
}

/** The disputed stretch with a few words around it. */
function Excerpt({ text, start, end }: { text: string; start: number; end: number }) {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 60);
  return (
    <p dir="auto" className="font-serif text-[0.95rem] leading-relaxed">
      {start > 60 && "…"}
      {before}
      <mark className="rounded-sm bg-red-600/15 px-0.5 text-inherit underline decoration-red-600 decoration-wavy">{text.slice(start, end)}</mark>
      {after}
      {end + 60 < text.length && "…"}
    </p>
  );
}

/**
 * Marks the disputed stretches in the article text with a CSS highlight, redrawn whenever the
 * text's DOM changes (marks re-render as people annotate) and removed when the view closes.
 * Browsers without the Custom Highlight API show the list alone.
 */
function useDisagreementHighlight(disagreements: readonly Disagreement[]) {
  useEffect(() => {
    if (typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const root = document.querySelector("[data-article-id]");
    if (!root) return;
    let frame = 0;
    const draw = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const ranges = disagreements.flatMap((disagreement) => {
          const element = root.querySelector(`[data-paragraph-id="${CSS.escape(disagreement.paragraphId)}"]`);
          const range = element ? rangeAt(element, disagreement.start, disagreement.end) : null;
          return range ? [range] : [];
        });
        CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
      });
    };
    draw();
    const observer = new MutationObserver(draw);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      CSS.highlights.delete(HIGHLIGHT);
    };
  }, [disagreements]);
}

/** A DOM Range over [start, end) of a paragraph's text (offsets in UTF-16 code units of its text content). */
function rangeAt(paragraph: Element, start: number, end: number): Range | null {
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const range = paragraph.ownerDocument.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start < offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}
