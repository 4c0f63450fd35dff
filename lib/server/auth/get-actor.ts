import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth";
import type { Actor, Role } from "@/lib/permissions";
import { colorForUser } from "@/lib/user-colors";

/**
 * The signed-in user of this request, or null (no session, expired, or disabled account). Cached per request.
 * better-auth reads the session and its user (role, colour, disabled flag included) from the
 * database in one query on every call, so a role change or a disabled account counts at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const { user } = session;
  if (user.disabledAt) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role as Role, color: user.color ?? colorForUser(user.email) };
});
