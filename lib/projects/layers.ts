/**
 * Which project layer of an article a person reads and writes in. Pure: the caller loads the
 * article's projects with the actor's facts; the rules (may they read or annotate there) come
 * from lib/permissions. An article in two projects shows one layer at a time (the reader's
 * **Project layer** box), so two desks do not see each other's work on a shared story.
 */
import { canRead, canWrite, type Actor, type ArticleFacts, type ProjectFacts } from "@/lib/permissions";

export interface LayerCandidate {
  id: string;
  facts: ProjectFacts;
}

export type LayerChoice = { ok: true; projectId: string | null } | { ok: false; reason: "not-in-project" | "may-not-annotate" };

/** Project rules alone: whether the article is open at all (sign-in policy, archiving) is the caller's gate. */
const PROJECT_ONLY = { requireSignIn: false };

/** The article's layers this person may read, in the article's order. */
export function readableLayers<T extends LayerCandidate>(actor: Actor | null, candidates: readonly T[]): T[] {
  return candidates.filter((candidate) => canRead(actor, { type: "project", project: candidate.facts }, PROJECT_ONLY));
}

/**
 * The layer this person reads the article in (null: it is in no project they may read, or in
 * none at all). The first of `preferred` (their recent choices, newest first) that is one of its
 * readable layers; else their own team's layer: one they may annotate in before one they only
 * read, a project they are a member of before one they visit, Closed before Open (so a desk's
 * work does not land in an Open layer by default), then the order the article joined them.
 */
export function chooseViewLayer(actor: Actor | null, candidates: readonly LayerCandidate[], preferred: readonly string[] = []): string | null {
  const readable = readableLayers(actor, candidates);
  for (const id of preferred) if (readable.some((candidate) => candidate.id === id)) return id;
  const article: ArticleFacts = { archivedAt: null, projects: candidates.map((candidate) => candidate.facts) };
  const rank = (candidate: LayerCandidate) =>
    (canWrite(actor, { type: "new-work", article, project: candidate.facts }) ? 0 : 4) + (candidate.facts.memberRole ? 0 : 2) + (candidate.facts.access === "CLOSED" ? 0 : 1);
  const best = readable.map((candidate, order) => ({ candidate, order })).sort((a, b) => rank(a.candidate) - rank(b.candidate) || a.order - b.order)[0];
  return best?.candidate.id ?? null;
}

/**
 * The layer new work goes into: the one asked for (a reply's thread, a highlight's note), else
 * the layer the actor reads the article in (chooseViewLayer), if they may annotate there. Work is
 * never put in a layer other than the one on screen: a person reading a layer they may only read
 * is refused, not silently moved to another. An article in no project takes work outside
 * projects (`projectId: null`), as before projects.
 */
export function chooseWriteLayer(actor: Actor, article: ArticleFacts, candidates: readonly LayerCandidate[], requested?: string, preferred: readonly string[] = []): LayerChoice {
  if (candidates.length === 0) {
    if (requested) return { ok: false, reason: "not-in-project" };
    // Outside projects the site role decides, as before projects.
    return canWrite(actor, { type: "new-work", article }) ? { ok: true, projectId: null } : { ok: false, reason: "may-not-annotate" };
  }
  const target = requested ?? chooseViewLayer(actor, candidates, preferred);
  const candidate = target === null ? undefined : candidates.find((item) => item.id === target);
  if (!candidate) return { ok: false, reason: target === null ? "may-not-annotate" : "not-in-project" };
  return canWrite(actor, { type: "new-work", article, project: candidate.facts }) ? { ok: true, projectId: candidate.id } : { ok: false, reason: "may-not-annotate" };
}
