import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { unauthenticated } from "@/lib/server/errors";
import { resolveWriteLayer } from "@/lib/server/projects/resolve-write-layer";

/** Deciding suggestions needs someone signed in (401); whether they may decide on an article is {@link assertMayDecideOn}. */
export function assertSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw unauthenticated("decide suggestions");
}

/**
 * Whether `actor` may find and decide suggestions on an article: the rule of annotating it, since
 * accepting one makes an annotation — their role in the project layer their work on it goes into
 * (a site Reader who is an Annotator of the article's project may; a site Annotator who only reads
 * a Closed project may not), the site role for an article in no project. 404 for an article they
 * may not read, 403 when they may not annotate it.
 */
export async function assertMayDecideOn(actor: Actor, articleId: string, client: Prisma.TransactionClient | ReturnType<typeof db> = db()): Promise<void> {
  await resolveWriteLayer(actor, articleId, undefined, client);
}
