/**
 * What a reader may be sent from the live feed, pure: every event — replayed
 * from the log or live — goes through `canRead` for this reader at send
 * time, and a catch-up sends the current state of what changed, never a
 * past version (an old body, work since made private, a deleted note).
 */
import type { ArticleEventDTO } from "@/lib/annotations/types";
import { canRead, readerFacts, type Actor, type ArticleFacts, type ProjectAudience, type ReadPolicy, type Readable, type WorkFacts } from "@/lib/permissions";

/** Who receives: the subscriber's actor (role matters: archived articles are admin-only) and the site's read policy. */
export interface Viewer {
  actor: Actor | null;
  policy: ReadPolicy;
  /**
   * The project layer the reader has on screen (lib/projects/layers.ts `chooseViewLayer`; null: an
   * article in no project): work in another layer is not sent, even one they may read. Undefined:
   * every layer they may read.
   */
  layer?: string | null;
}

/**
 * Whether work in the layer of `projectId` goes to this viewer (see Viewer.layer). Undefined:
 * an event logged before events named their layer, decided by the read rules alone.
 */
export function inViewerLayer(viewer: Viewer, projectId: string | null | undefined): boolean {
  return viewer.layer === undefined || projectId === undefined || projectId === viewer.layer;
}

/** What to send a viewer for one event or one replayed item. */
export type Delivery = "send" | "delete" | "skip";

/** A catch-up sends no more items than this; beyond it the client refetches (a reset). */
export const MAX_REPLAY = 500;

/** One row of the event log, without its payload: enough to plan a catch-up. */
export interface LoggedChange {
  id: bigint;
  type: ArticleEventDTO["type"];
  /** The annotation, note or suggestion the event is about (null for article.revised). */
  entityId: string | null;
  /** Set on private changes: only this user was told of it. */
  audienceId: string | null;
}

/** One annotation, note or suggestion that changed after the cursor, to be sent in its current state. */
export interface ReplayItem {
  entity: "annotation" | "note" | "suggestion";
  entityId: string;
  /** The newest event about it in the window: the id the replayed message carries. */
  eventId: bigint;
  /** Who its events in the window were addressed to (null: everyone). */
  audienceIds: (string | null)[];
}

export type ReplayPlan =
  | { kind: "reset"; reason: "gap" | "revised" }
  /** `cursor`: the newest event id of the window, where the subscriber stands once the items are sent. */
  | { kind: "replay"; items: ReplayItem[]; cursor: bigint | null };

/**
 * Collapses the events after a cursor to one item per annotation or note,
 * ordered by their newest event. A new revision of the text, or more items
 * than `maxItems`, make the client refetch instead. `changes` must be in id order.
 */
export function planReplay(changes: readonly LoggedChange[], maxItems = MAX_REPLAY): ReplayPlan {
  const items = new Map<string, ReplayItem>();
  for (const change of changes) {
    if (change.type === "article.revised") return { kind: "reset", reason: "revised" };
    // A label set changed meanwhile: the page (its Tag entity menu) is read again, as after a revision.
    if (change.type === "labels.changed") return { kind: "reset", reason: "revised" };
    if (change.entityId === null) continue;
    const entity = change.type.startsWith("annotation.") ? "annotation" : change.type.startsWith("suggestion.") ? "suggestion" : "note";
    const key = `${entity}:${change.entityId}`;
    const existing = items.get(key);
    // Map order is first insertion: delete and re-add so the items end up ordered by their newest event.
    if (existing) items.delete(key);
    items.set(key, {
      entity,
      entityId: change.entityId,
      eventId: change.id,
      audienceIds: existing?.audienceIds.includes(change.audienceId) ? existing.audienceIds : [...(existing?.audienceIds ?? []), change.audienceId],
    });
    if (items.size > maxItems) return { kind: "reset", reason: "gap" };
  }
  return { kind: "replay", items: [...items.values()], cursor: changes.at(-1)?.id ?? null };
}

/**
 * A replayed item in its current state: sent when the viewer may read it now,
 * otherwise a bare deletion (deleted, made private, article archived) —
 * unless every change in the window was someone else's private one (live,
 * they would have heard nothing of it either). `current` is null when the
 * row no longer exists.
 */
export function replayDelivery(viewer: Viewer, current: Readable | null, item: Pick<ReplayItem, "audienceIds">): Delivery {
  if (!item.audienceIds.some((audienceId) => addressedTo(viewer, audienceId))) return "skip";
  return current && canRead(viewer.actor, current, viewer.policy) ? "send" : "delete";
}

/** Was an event with this audience told to this viewer? Private changes reach their author only. */
function addressedTo(viewer: Viewer, audienceId: string | null): boolean {
  return audienceId === null || audienceId === viewer.actor?.id;
}

/** A stored event as the hub reads it: its payload plus what decides who may read it now. */
export interface LiveEventFacts {
  event: ArticleEventDTO;
  /** Set on private changes: only this user hears of them (deletions carry nothing else to check). */
  audienceId: string | null;
  article: ArticleFacts;
  /** A note's annotation as it is now, when the note is on one. */
  noteAnnotation: WorkFacts | null;
  /** The projects the article is in, as they are now (membership read at send time: a removed member hears nothing more). */
  articleProjects?: readonly ProjectAudience[];
  /** The project layer of the annotation or note the event is about, as it is now. */
  layer?: ProjectAudience | null;
}

/**
 * A live event for one viewer. Someone else's private change is never sent.
 * An upsert they may read is sent; one they may not read (its annotation was
 * made private since, say) becomes a bare deletion, so that a copy they saw
 * before goes away.
 */
export function liveDelivery(viewer: Viewer, facts: LiveEventFacts): Delivery {
  const { event } = facts;
  const article: ArticleFacts = { ...facts.article, projects: facts.articleProjects?.map((project) => readerFacts(viewer.actor, project)) };
  const project = facts.layer ? readerFacts(viewer.actor, facts.layer) : null;
  if (!canRead(viewer.actor, { type: "article", article }, viewer.policy)) return "skip";
  if (!addressedTo(viewer, facts.audienceId)) return "skip";
  switch (event.type) {
    case "article.revised":
    case "curated.changed":
    // A decision names only a suggestion of an article the viewer may read (suggestions have no layer).
    case "suggestion.decided":
    case "annotation.deleted":
    case "note.deleted":
      return "send";
    case "annotation.upserted": {
      const { annotation } = event;
      if (!inViewerLayer(viewer, annotation.projectId)) return "skip";
      const readable: Readable = { type: "annotation", article, annotation: { authorId: annotation.author.id, visibility: annotation.visibility, project } };
      return canRead(viewer.actor, readable, viewer.policy) ? "send" : "delete";
    }
    case "labels.changed":
      // Only readers of that project's layer use its labels.
      return inViewerLayer(viewer, event.projectId) ? "send" : "skip";
    case "note.upserted": {
      const { note } = event;
      if (!inViewerLayer(viewer, note.projectId)) return "skip";
      const readable: Readable = { type: "note", article, note: { authorId: note.author.id, visibility: note.visibility, project }, annotation: facts.noteAnnotation };
      return canRead(viewer.actor, readable, viewer.policy) ? "send" : "delete";
    }
  }
}

/** The bare deletion an upsert becomes for a viewer who may no longer read it (same id, no content). */
export function asDeletion(event: ArticleEventDTO): ArticleEventDTO {
  switch (event.type) {
    case "annotation.upserted":
      return { id: event.id, type: "annotation.deleted", annotationId: event.annotation.id };
    case "note.upserted":
      return { id: event.id, type: "note.deleted", noteId: event.note.id };
    default:
      return event;
  }
}
