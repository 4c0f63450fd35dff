import "server-only";
import { canAnnotate, canAnnotateSomewhere, type Actor } from "@/lib/permissions";
import { listMemberRoles } from "@/lib/server/projects/list-member-roles";

/**
 * Whether `actor` annotates anywhere (canAnnotateSomewhere): by their site role, else as a
 * project's Manager or Annotator, whose memberships are read only then (site Readers).
 */
export async function annotatesSomewhere(actor: Actor): Promise<boolean> {
  // Read before canAnnotate narrows `actor` (it is a type guard).
  const userId = actor.id;
  return canAnnotate(actor) || canAnnotateSomewhere(actor, await listMemberRoles(userId));
}
