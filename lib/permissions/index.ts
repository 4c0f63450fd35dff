/**
 * Who may read and write what: the one home for Glossa's access rules. Pure (no database, no
 * framework), so pages, routes, the live feed and tests share one answer. Queries that filter many
 * rows at once use the `where` builders in `./where`, which encode these same rules for SQL;
 * `index.test.ts` checks both against one table.
 */
/** A Curator annotates like an Annotator and may also adopt versions into the curated layer (`canCurate`). */
export type Role = "ADMIN" | "ANNOTATOR" | "READER" | "CURATOR";
export type Visibility = "SHARED" | "PRIVATE";

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  color: string;
}

/** The site-wide setting that hides everything from anonymous visitors (GLOSSA_REQUIRE_SIGN_IN). */
export interface ReadPolicy {
  requireSignIn: boolean;
}

export interface ArticleFacts {
  archivedAt: Date | string | null;
}

/** An annotation or a note: something one person wrote, Shared or Private. */
export interface WorkFacts {
  authorId: string;
  visibility: Visibility;
  deletedAt?: Date | string | null;
}

export type Readable =
  | { type: "article"; article: ArticleFacts }
  | { type: "annotation"; article: ArticleFacts; annotation: WorkFacts }
  /** `annotation`: the highlight the note is on, when it is on one — a note is no more visible than it. */
  | { type: "note"; article: ArticleFacts; note: WorkFacts; annotation?: WorkFacts | null }
  /** An entity is known through its mentions: readable by whoever can read one of them, or made it. */
  | { type: "entity"; createdById: string | null; readableMentions: number };

export type Writable =
  | { type: "article" }
  | { type: "annotation"; article: ArticleFacts; annotation: WorkFacts }
  | { type: "note"; article: ArticleFacts; note: WorkFacts }
  | { type: "new-work"; article: ArticleFacts };

/** Whether the library and its articles are open to this visitor at all. */
export function canReadLibrary(actor: Actor | null, policy: ReadPolicy): boolean {
  return actor !== null || !policy.requireSignIn;
}

/** Read access to an article, a piece of work on it, or an entity. */
export function canRead(actor: Actor | null, resource: Readable, policy: ReadPolicy): boolean {
  if (!canReadLibrary(actor, policy)) return false;
  switch (resource.type) {
    case "article":
      return articleOpenTo(actor, resource.article);
    case "annotation":
      return articleOpenTo(actor, resource.article) && workVisibleTo(actor, resource.annotation);
    case "note":
      return (
        articleOpenTo(actor, resource.article) &&
        workVisibleTo(actor, resource.note) &&
        (!resource.annotation || workVisibleTo(actor, resource.annotation))
      );
    case "entity":
      return resource.readableMentions > 0 || (actor !== null && resource.createdById === actor.id);
  }
}

/**
 * `canRead` for someone signed in, as write paths check what they write on: the site's read
 * policy (GLOSSA_REQUIRE_SIGN_IN) only ever closes the library to anonymous visitors.
 */
export function canReadSignedIn(actor: Actor, resource: Readable): boolean {
  return canRead(actor, resource, { requireSignIn: true });
}

/** Write access: create work on an article, change or delete one's own (admins: anyone's shared work), import. */
export function canWrite(actor: Actor | null, resource: Writable): boolean {
  if (!actor) return false;
  switch (resource.type) {
    case "article":
      return actor.role === "ADMIN";
    case "new-work":
      return canAnnotate(actor) && resource.article.archivedAt === null;
    case "annotation":
      return resource.article.archivedAt === null && !resource.annotation.deletedAt && mayModify(actor, resource.annotation);
    case "note":
      return resource.article.archivedAt === null && !resource.note.deletedAt && mayModify(actor, resource.note);
  }
}

/** Create annotations and notes. */
export function canAnnotate(actor: Actor | null): actor is Actor {
  return actor?.role === "ADMIN" || actor?.role === "ANNOTATOR" || actor?.role === "CURATOR";
}

/**
 * Adopt one annotator's version into the article's curated (gold) layer, or clear a stretch of it:
 * admins and curators. What may be adopted (shared work the curator can read) is checked by the use case.
 */
export function canCurate(actor: Actor | null): actor is Actor {
  return actor?.role === "ADMIN" || actor?.role === "CURATOR";
}

/** Edit or delete something authored by `authorId`: its author (still allowed to write), or any admin. */
export function canModify(actor: Actor | null, authorId: string): boolean {
  if (!actor) return false;
  return actor.role === "ADMIN" || ((actor.role === "ANNOTATOR" || actor.role === "CURATOR") && actor.id === authorId);
}

/** Import and manage articles, users and entity types. */
export function isAdmin(actor: Actor | null): actor is Actor {
  return actor?.role === "ADMIN";
}

/** Archived articles are gone for everyone but admins (who see them with a banner). */
function articleOpenTo(actor: Actor | null, article: ArticleFacts): boolean {
  return article.archivedAt === null || isAdmin(actor);
}

/** Private work reaches no one but its author — not even an admin. Deleted work reaches no one. */
function workVisibleTo(actor: Actor | null, work: WorkFacts): boolean {
  if (work.deletedAt) return false;
  return work.visibility === "SHARED" || (actor !== null && actor.id === work.authorId);
}

/** An admin may change anyone's shared work but never another person's private work (they cannot see it). */
function mayModify(actor: Actor, work: WorkFacts): boolean {
  if (!workVisibleTo(actor, work)) return false;
  return canModify(actor, work.authorId);
}
