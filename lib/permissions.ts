/** Glossa's roles and what each may do; pure so that pages, routes and tests share one answer. */
export type Role = "ADMIN" | "ANNOTATOR" | "READER";

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  color: string;
}

/** Create annotations and notes. */
export function canAnnotate(actor: Actor | null): actor is Actor {
  return actor?.role === "ADMIN" || actor?.role === "ANNOTATOR";
}

/** Edit or delete something authored by `authorId`: its author (still allowed to write), or any admin. */
export function canModify(actor: Actor | null, authorId: string): boolean {
  if (!actor) return false;
  return actor.role === "ADMIN" || (actor.role === "ANNOTATOR" && actor.id === authorId);
}

/** Import and manage articles, users and entity types. */
export function isAdmin(actor: Actor | null): actor is Actor {
  return actor?.role === "ADMIN";
}
