import "server-only";
import { headers } from "next/headers";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { eventCursorSchema } from "@/lib/live/protocol";
import { canRead, canReadLibrary, type ReadPolicy } from "@/lib/permissions";
import { auth } from "@/lib/auth";
import { getActor } from "@/lib/server/auth/get-actor";
import { AppError, notFound, unauthenticated } from "@/lib/server/errors";
import { subscribeToArticle } from "@/lib/server/live/article-event-hub";
import { eventStreamResponse } from "@/lib/server/live/event-stream";

/**
 * The article's live feed for this request, as a Server-Sent Events
 * response: what changed after `Last-Event-ID` (or `?after=`) in its current
 * state, then every change as it commits, each checked with canRead for this
 * reader when sent, `presence` lists and a heartbeat. Throws AppError (401,
 * 404 — archived articles too, for all but admins — or 400 for a bad cursor)
 * before anything is streamed.
 */
export async function openArticleFeed(request: Request, articleId: string): Promise<Response> {
  const after = parseCursor(request.headers.get("last-event-id") || new URL(request.url).searchParams.get("after"));
  const policy: ReadPolicy = { requireSignIn: config().GLOSSA_REQUIRE_SIGN_IN };
  const actor = await getActor();
  if (!canReadLibrary(actor, policy)) throw unauthenticated("follow this article");
  const article = await db().article.findUnique({ where: { id: articleId }, select: { archivedAt: true } });
  if (!article || !canRead(actor, { type: "article", article }, policy)) throw notFound("The article");
  // The session, so that signing it out (in another tab) closes this feed.
  const sessionId = actor ? ((await auth().api.getSession({ headers: await headers() }))?.session.id ?? null) : null;
  return eventStreamResponse(request.signal, (sink) => subscribeToArticle({ articleId, viewer: { actor, policy }, sessionId, after, sink }));
}

function parseCursor(value: string | null): bigint | null {
  if (value === null || value.trim() === "") return null;
  const parsed = eventCursorSchema.safeParse(value);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Bad event id.");
  return parsed.data;
}
