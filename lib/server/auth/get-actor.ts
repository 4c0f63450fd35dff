import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth";
import type { Actor } from "@/lib/permissions";
import { db } from "@/lib/db";

/** The signed-in user of this request, or null (no session, expired, or disabled account). Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = await db().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, name: true, email: true, role: true, color: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, color: user.color };
});
