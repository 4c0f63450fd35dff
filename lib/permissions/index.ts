/**
 * Who may read and write what: the one home for Glossa's access rules. Pure (no database, no
 * framework), so pages, routes, the live feed and tests share one answer. Queries that filter many
 * rows at once use the `where` builders in `./where`, which encode these same rules for SQL;
 * `index.test.ts` checks both against one table.
 */
/** A Curator annotates like an Annotator and may also adopt versions into the curated layer (`canCurate`). */
export type Role = "ADMIN" | "ANNOTATOR" | "READER" | "CURATOR";
export type Visibility = "SHARED" | "PRIVATE";
export type ProjectAccess = "OPEN" | "CLOSED";
export type ProjectRole = "MANAGER" | "ANNOTATOR" | "READER";

/**
 * A project as the rules see it, for one actor: Open or Closed, and the actor's role in it as a
 * member (null: not a member, or nobody signed in). Loaders read the membership of the actor asking
 * (see `projectFactsSelect` in `./where`).
 */
export interface ProjectFacts {
  access: ProjectAccess;
  memberRole: ProjectRole | null;
}

/**
 * A project as read once for many readers (the live feed's fan-out): its access and, for a Closed
 * one, who its members are. `readerFacts` turns it into one reader's ProjectFacts.
 */
export interface ProjectAudience {
  access: ProjectAccess;
  /** Every member's user id (for Open projects it is not needed and may be empty). */
  memberIds: readonly string[];
}

/** One reader's view of a project read for many: a member reads it as one (the role only matters for writing). */
export function readerFacts(actor: Actor | null, project: ProjectAudience): ProjectFacts {
  return { access: project.access, memberRole: actor && project.memberIds.includes(actor.id) ? "READER" : null };
}

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
  /**
   * The projects the article is in. An article in projects is open only through one the actor may
   * read (Closed ones: members only); one in none (made outside projects) is open as before.
   * Loaders that filter with `readableArticleWhere` have already applied this and may leave it out.
   */
  projects?: readonly ProjectFacts[];
}

/** An annotation or a note: something one person wrote, Shared or Private. */
export interface WorkFacts {
  authorId: string;
  visibility: Visibility;
  deletedAt?: Date | string | null;
  /** The project layer it was made in: a Closed project's work reaches its members only. */
  project?: ProjectFacts | null;
}

export type Readable =
  | { type: "article"; article: ArticleFacts }
  | { type: "annotation"; article: ArticleFacts; annotation: WorkFacts }
  /** `annotation`: the highlight the note is on, when it is on one — a note is no more visible than it. */
  | { type: "note"; article: ArticleFacts; note: WorkFacts; annotation?: WorkFacts | null }
  /** An entity is known through its mentions: readable by whoever can read one of them, or made it. */
  | { type: "entity"; createdById: string | null; readableMentions: number }
  /** A project's page, guidelines and label set. */
  | { type: "project"; project: ProjectFacts };

export type Writable =
  | { type: "article" }
  | { type: "annotation"; article: ArticleFacts; annotation: WorkFacts }
  | { type: "note"; article: ArticleFacts; note: WorkFacts }
  /** `project`: the layer the work goes into; without one, the actor's global role decides. */
  | { type: "new-work"; article: ArticleFacts; project?: ProjectFacts | null }
  /** A project's settings, members and label set. */
  | { type: "project"; project: ProjectFacts }
  /** Adding an article to, or removing it from, a project (importing into it too). */
  | { type: "project-articles"; project: ProjectFacts };

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
    case "project":
      return projectOpenTo(actor, resource.project);
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
      return (
        resource.article.archivedAt === null &&
        articleOpenTo(actor, resource.article) &&
        (resource.project ? roleAnnotates(projectRole(actor, resource.project)) : canAnnotate(actor))
      );
    case "annotation":
      return resource.article.archivedAt === null && !resource.annotation.deletedAt && mayModify(actor, resource.annotation);
    case "note":
      return resource.article.archivedAt === null && !resource.note.deletedAt && mayModify(actor, resource.note);
    case "project":
      return projectRole(actor, resource.project) === "MANAGER";
    case "project-articles":
      return projectRole(actor, resource.project) === "MANAGER";
  }
}

/**
 * The actor's role in a project: admins manage every project; a member has their project role; in an
 * Open project a non-member's global role applies (Admin aside); a Closed project gives non-members none.
 */
export function projectRole(actor: Actor | null, project: ProjectFacts): ProjectRole | null {
  if (!actor) return null;
  if (actor.role === "ADMIN") return "MANAGER";
  if (project.memberRole) return project.memberRole;
  return project.access === "OPEN" ? (actor.role === "CURATOR" ? "ANNOTATOR" : actor.role) : null;
}

/** Create projects: admins. */
export function canCreateProject(actor: Actor | null): actor is Actor {
  return isAdmin(actor);
}

/** Create annotations and notes. */
export function canAnnotate(actor: Actor | null): actor is Actor {
  return actor?.role === "ADMIN" || actor?.role === "ANNOTATOR" || actor?.role === "CURATOR";
}

/**
 * Whether the actor annotates anywhere: by their site role, or as a Manager or Annotator of a
 * project (`memberRoles`: the roles of their project memberships) — a site Reader may annotate in
 * their project. The annotator route gate asks this; which article's layer they may write in is
 * the use case's check (`canWrite` new-work, with that layer's project).
 */
export function canAnnotateSomewhere(actor: Actor | null, memberRoles: readonly ProjectRole[]): actor is Actor {
  return canAnnotate(actor) || (actor !== null && memberRoles.some(roleAnnotates));
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

/**
 * Merge an entity into another (its mentions, quotes and names move to the other, it goes): admins;
 * an annotator only when every annotation naming the merged-away entity is their own (private ones
 * included), so no one else's tag changes meaning under them. Undoing a merge: whoever merged, or an admin.
 */
export function canMergeEntities(actor: Actor | null, merged: { workAuthorIds: readonly string[] }): boolean {
  if (!actor) return false;
  if (actor.role === "ADMIN") return true;
  return canAnnotate(actor) && merged.workAuthorIds.every((authorId) => authorId === actor.id);
}

/**
 * Archived articles are gone for everyone but admins (who see them with a banner); an article in
 * projects is open through one the actor may read (a Closed project's article is a 404 to others).
 */
function articleOpenTo(actor: Actor | null, article: ArticleFacts): boolean {
  if (article.archivedAt !== null && !isAdmin(actor)) return false;
  return !article.projects?.length || article.projects.some((project) => projectOpenTo(actor, project));
}

/** Open projects are read by whoever may read the library; Closed ones by their members and admins. */
function projectOpenTo(actor: Actor | null, project: ProjectFacts): boolean {
  return project.access === "OPEN" || isAdmin(actor) || (actor !== null && project.memberRole !== null);
}

/**
 * Private work reaches no one but its author — not even an admin. Deleted work reaches no one, nor
 * work in a project layer the actor may not read.
 */
function workVisibleTo(actor: Actor | null, work: WorkFacts): boolean {
  if (work.deletedAt) return false;
  if (work.project && !projectOpenTo(actor, work.project)) return false;
  return work.visibility === "SHARED" || (actor !== null && actor.id === work.authorId);
}

/**
 * An admin may change anyone's shared work but never another person's private work (they cannot
 * see it); in a project layer, an author whose role there no longer annotates may not change it.
 */
function mayModify(actor: Actor, work: WorkFacts): boolean {
  if (!workVisibleTo(actor, work)) return false;
  if (work.project && actor.role !== "ADMIN") return actor.id === work.authorId && roleAnnotates(projectRole(actor, work.project));
  return canModify(actor, work.authorId);
}

function roleAnnotates(role: ProjectRole | Role | null): boolean {
  return role === "MANAGER" || role === "ANNOTATOR" || role === "ADMIN";
}
