/**
 * Which project layer new work on an article goes into. Pure: the caller loads the article's
 * projects with the actor's facts; the rules (may they annotate there) come from lib/permissions.
 */
import { canWrite, type Actor, type ArticleFacts, type ProjectFacts } from "@/lib/permissions";

export interface LayerCandidate {
  id: string;
  facts: ProjectFacts;
}

export type LayerChoice = { ok: true; projectId: string | null } | { ok: false; reason: "not-in-project" | "may-not-annotate" };

/**
 * The layer for new work: the one asked for, if the article is in it and the actor may annotate
 * there; else, with none asked for, the actor's own team first (a project they are a member of,
 * Closed before Open, so a desk's work does not land in an Open layer by default), then any Open
 * project their site role lets them annotate in, in the order the article joined them.
 * An article in no project takes work outside projects (`projectId: null`), as before projects.
 */
export function chooseWriteLayer(actor: Actor, article: ArticleFacts, candidates: readonly LayerCandidate[], requested?: string): LayerChoice {
  if (candidates.length === 0) return requested ? { ok: false, reason: "not-in-project" } : { ok: true, projectId: null };
  const writable = (candidate: LayerCandidate) => canWrite(actor, { type: "new-work", article, project: candidate.facts });
  if (requested) {
    const candidate = candidates.find((item) => item.id === requested);
    if (!candidate) return { ok: false, reason: "not-in-project" };
    return writable(candidate) ? { ok: true, projectId: candidate.id } : { ok: false, reason: "may-not-annotate" };
  }
  const rank = (candidate: LayerCandidate) => (candidate.facts.memberRole ? 0 : 2) + (candidate.facts.access === "CLOSED" ? 0 : 1);
  const best = candidates
    .map((candidate, order) => ({ candidate, order }))
    .filter(({ candidate }) => writable(candidate))
    .sort((a, b) => rank(a.candidate) - rank(b.candidate) || a.order - b.order)[0];
  return best ? { ok: true, projectId: best.candidate.id } : { ok: false, reason: "may-not-annotate" };
}
