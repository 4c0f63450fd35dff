/**
 * The rules of `./index` as row filters, for queries that read many rows at once (lists, counts,
 * search). Plain objects in Prisma's `where` shape, without importing Prisma, so this stays pure;
 * `index.test.ts` evaluates each against the same table as `canRead` and expects the same answers.
 */
import type { Actor, ArticleFacts, ProjectAccess, ProjectFacts, ProjectRole } from "./index";

/** Who is reading: the fields the filters need (a loader that knows only the id can pass `{ id }`). */
type Reader = Pick<Actor, "id" | "role"> | null;
/** A reader whose role may be unknown: without it, they are not taken for an admin (they see less, never more). */
type Someone = (Pick<Actor, "id"> & Partial<Pick<Actor, "role">>) | null;

/** Projects this reader may read: Open ones, and Closed ones they are a member of (admins: all). */
export function readableProjectWhere(actor: Someone) {
  if (actor?.role === "ADMIN") return {};
  return actor ? { OR: [{ access: "OPEN" as const }, { members: { some: { userId: actor.id } } }] } : { access: "OPEN" as const };
}

/**
 * What `ProjectFacts` (./index) needs of a project for this actor, as a Prisma select: its access
 * and this actor's membership (at most one row). Map a loaded row with `projectFacts`.
 */
export function projectFactsSelect(actor: Pick<Actor, "id"> | null) {
  // Nobody signed in is a member of nothing: an id no user has keeps the shape of the result.
  return { access: true, members: { where: { userId: actor?.id ?? "" }, select: { role: true }, take: 1 } } as const;
}

/** A project row loaded with `projectFactsSelect`, as `ProjectFacts`. */
export function projectFacts(row: { access: ProjectAccess; members: readonly { role: ProjectRole }[] }): ProjectFacts {
  return { access: row.access, memberRole: row.members[0]?.role ?? null };
}

/**
 * What `ArticleFacts` (./index) needs of an article for this actor, as a Prisma select: whether it
 * is archived and the projects it is in with this actor's membership. Map a loaded row with `articleFacts`.
 */
export function articleFactsSelect(actor: Pick<Actor, "id"> | null) {
  return { archivedAt: true, projects: { select: { project: { select: projectFactsSelect(actor) } } } } as const;
}

/** An article row loaded with `articleFactsSelect`, as `ArticleFacts`. */
export function articleFacts(row: { archivedAt: Date | null; projects: readonly { project: Parameters<typeof projectFacts>[0] }[] }): ArticleFacts {
  return { archivedAt: row.archivedAt, projects: row.projects.map((link) => projectFacts(link.project)) };
}

/** A piece of work's layer, loaded with `projectFactsSelect` (null: made outside projects), as `WorkFacts.project`. */
export function layerFacts(project: Parameters<typeof projectFacts>[0] | null): ProjectFacts | null {
  return project ? projectFacts(project) : null;
}

/**
 * Work in a project layer this reader may read (work made outside any project: as before). Under
 * `AND`, so callers may spread it beside an `OR` of their own.
 */
export function readableLayerWhere(actor: Someone) {
  // Admins read every layer. Not `{ project: {} }`: Prisma drops an empty relation filter from an OR,
  // which left admins only the work made outside any project.
  if (actor?.role === "ADMIN") return {};
  return { OR: [{ projectId: null }, { project: readableProjectWhere(actor) }] };
}

/**
 * Annotations or notes this reader may see: shared, or their own private work; never deleted ones,
 * nor work in a Closed project layer they are not a member of.
 */
export function readableWorkWhere(actor: Someone) {
  return {
    deletedAt: null,
    ...(actor ? { OR: [{ visibility: "SHARED" as const }, { authorId: actor.id }] } : { visibility: "SHARED" as const }),
    AND: [readableLayerWhere(actor)],
  };
}

/**
 * One project layer's work (`projectId` null: work made outside any project) that every reader of
 * the layer may see: shared and not deleted. For a layer the reader may read (chooseViewLayer,
 * lib/projects/layers.ts, picks among those): the reading cache holds it per article and layer.
 */
export function sharedLayerWorkWhere(projectId: string | null) {
  return { deletedAt: null, visibility: "SHARED" as const, projectId };
}

/** The layer's shared notes, but never one on a highlight others may not see (private or deleted). */
export function sharedLayerNoteWhere(projectId: string | null) {
  return { AND: [sharedLayerWorkWhere(projectId), { OR: [{ annotationId: null }, { annotation: { is: { deletedAt: null, visibility: "SHARED" as const } } }] }] };
}

/** The reader's own private work in one layer: what they see there beyond its shared part. Never cached. */
export function ownLayerWorkWhere(actor: Pick<Actor, "id">, projectId: string | null) {
  return { deletedAt: null, visibility: "PRIVATE" as const, authorId: actor.id, projectId };
}

/** The reader's private notes in one layer, on no highlight or on one they may see (a note shares its highlight's layer). */
export function ownLayerNoteWhere(actor: Pick<Actor, "id">, projectId: string | null) {
  const visibleHighlight = { deletedAt: null, OR: [{ visibility: "SHARED" as const }, { authorId: actor.id }] };
  return { AND: [ownLayerWorkWhere(actor, projectId), { OR: [{ annotationId: null }, { annotation: { is: visibleHighlight } }] }] };
}

/**
 * Articles this reader may open: archived ones only for admins; an article in projects only through
 * one they may read (in none: open as before). The project rule sits under `AND`, so a caller's own
 * `OR` beside it stays its own.
 */
export function readableArticleWhere(actor: (Pick<Actor, "role"> & Partial<Pick<Actor, "id">>) | null) {
  if (actor?.role === "ADMIN") return {};
  const reader = actor?.id ? { id: actor.id, role: actor.role } : null;
  return { archivedAt: null, AND: [{ OR: [{ projects: { none: {} } }, { projects: { some: { project: readableProjectWhere(reader) } } }] }] };
}

/** Annotations this reader may see across articles (an entity's mentions, counts): readable work on an article they may open. */
export function readableAnnotationWhere(actor: Reader) {
  return { ...readableWorkWhere(actor), article: readableArticleWhere(actor) };
}

/**
 * Notes this reader may see on an article they may open: readable work that is not on a highlight
 * they may not see (a note never reveals a private or deleted highlight).
 */
export function readableNoteWhere(actor: Pick<Actor, "id"> | null) {
  return {
    AND: [readableWorkWhere(actor), { OR: [{ annotationId: null }, { annotation: { is: readableWorkWhere(actor) } }] }],
  };
}

/**
 * The mentions of entities that count for this reader: readable annotations still placed on the
 * text (an orphan waits under Needs review and is listed nowhere else).
 */
export function readableMentionWhere(actor: Reader) {
  return { ...readableAnnotationWhere(actor), anchorStatus: { not: "ORPHANED" as const } };
}

/**
 * Entities this reader may know of: one of whose mentions they can read, the speaker of a quote
 * they can read (its label names the speaker, as the entity page does), or one they created.
 */
export function readableEntityWhere(actor: Reader) {
  const known = [{ annotations: { some: readableMentionWhere(actor) } }, { quotes: { some: readableMentionWhere(actor) } }];
  return { OR: actor ? [...known, { createdById: actor.id }] : known };
}
