import type { Span } from "./types";

/** Why annotators' versions of one stretch differ. */
export type DisagreementReason = "missing" | "span" | "label" | "link";

/** One annotator's version of a disputed stretch: their spans in it (none: they marked nothing there). */
export interface Version {
  annotator: string;
  spans: Span[];
}

/** A stretch of one paragraph where the annotators' spans overlap and are not all the same. */
export interface Disagreement {
  /** Stable while the stretch stays the same: paragraph and extent. */
  key: string;
  paragraphId: string;
  /** The extent: from the first span's start to the last one's end. */
  start: number;
  end: number;
  /** In a fixed order: missing, span, label, link. */
  reasons: DisagreementReason[];
  /** One per rater, in rater order, identical versions included (each can be adopted). */
  versions: Version[];
}

/**
 * Where `raters` disagree: spans of one paragraph are grouped into stretches of overlapping spans
 * (whoever made them), and a stretch is a disagreement unless every rater has the very same spans
 * there (same boundaries, label and link). Reasons: a rater marked nothing (`missing`), boundaries
 * differ (`span`), types differ (`label`), or the same span and type link to different entities or
 * speakers (`link`). Sorted by paragraph order (`paragraphOrder`), then position.
 */
export function findDisagreements(spans: readonly Span[], raters: readonly string[], paragraphOrder: readonly string[]): Disagreement[] {
  const order = new Map(paragraphOrder.map((id, index) => [id, index]));
  const byParagraph = new Map<string, Span[]>();
  for (const span of spans) {
    if (!order.has(span.paragraphId) || !raters.includes(span.annotator)) continue;
    byParagraph.set(span.paragraphId, [...(byParagraph.get(span.paragraphId) ?? []), span]);
  }
  const found: Disagreement[] = [];
  for (const paragraphId of [...byParagraph.keys()].sort((a, b) => order.get(a)! - order.get(b)!)) {
    for (const cluster of overlapClusters(byParagraph.get(paragraphId)!)) {
      const versions = raters.map((annotator) => ({ annotator, spans: cluster.filter((span) => span.annotator === annotator).sort(byPosition) }));
      const reasons = reasonsFor(versions);
      if (reasons.length === 0) continue;
      const start = Math.min(...cluster.map((span) => span.start));
      const end = Math.max(...cluster.map((span) => span.end));
      found.push({ key: `${paragraphId}:${start}-${end}`, paragraphId, start, end, reasons, versions });
    }
  }
  return found;
}

function byPosition(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || a.label.localeCompare(b.label);
}

/** Spans sorted and grouped so that each group is a chain of overlaps. */
function overlapClusters(spans: readonly Span[]): Span[][] {
  const sorted = [...spans].sort(byPosition);
  const clusters: Span[][] = [];
  let end = -1;
  for (const span of sorted) {
    if (clusters.length > 0 && span.start < end) {
      clusters.at(-1)!.push(span);
      end = Math.max(end, span.end);
    } else {
      clusters.push([span]);
      end = span.end;
    }
  }
  return clusters;
}

function reasonsFor(versions: readonly Version[]): DisagreementReason[] {
  const signature = (spans: readonly Span[], parts: (span: Span) => unknown[]) => JSON.stringify(spans.map(parts));
  const present = versions.filter((version) => version.spans.length > 0);
  const differ = (parts: (span: Span) => unknown[]) => new Set(present.map((version) => signature(version.spans, parts))).size > 1;
  const reasons: DisagreementReason[] = [];
  if (present.length < versions.length) reasons.push("missing");
  const boundaries = differ((span) => [span.start, span.end]);
  if (boundaries) reasons.push("span");
  // Types are compared as sets when boundaries differ (a longer and a shorter PER agree on the type).
  if (boundaries ? new Set(present.map((version) => [...new Set(version.spans.map((span) => span.label))].sort().join("\u0000"))).size > 1 : differ((span) => [span.label])) reasons.push("label");
  if (!boundaries && !reasons.includes("label") && differ((span) => [span.link])) reasons.push("link");
  return reasons;
}
