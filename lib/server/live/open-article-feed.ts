import "server-only";
import { db } from "@/lib/db";
import { eventCursorSchema } from "@/lib/validations/event-cursor";
import { canRead, type Actor } from "@/lib/permissions";
import { readPolicy } from "@/lib/permissions/policy";
import { projectFacts, projectFactsSelect } from "@/lib/permissions/where";
import { AppError, notFound } from "@/lib/server/errors";
import { subscribeToArticle } from "@/lib/server/live/article-event-hub";
import { eventStreamResponse } from "@/lib/server/live/event-stream";
import { layerCookieValueOf, parseLayerPreference } from "@/lib/projects/layer-preference";
import { chooseViewLayer } from "@/lib/projects/layers";

/**
 * The article's live feed for this request, as a Server-Sent Events
 * response: what changed after `Last-Event-ID` (or `?after=`) in its current
 * state, then every change as it commits, each checked with canRead for this
 * reader when sent, `presence` lists and a heartbeat. `actor` has passed the
 * reader gate, which found `sessionId` (signing that session out, in another tab,
 * closes this feed); throws AppError before anything is streamed: 404 for a
 * missing article (or an archived one, for all but admins), 400 for a bad cursor.
 */
export async function openArticleFeed({ request, actor, sessionId, articleId }: { request: Request; actor: Actor | null; sessionId: string | null; articleId: string }): Promise<Response> {
  const after = parseCursor(request.headers.get("last-event-id") || new URL(request.url).searchParams.get("after"));
  const policy = readPolicy();
  // From the request itself, not next/headers: the feed is also served outside Next's request scope (./live-feed-hook.ts).
  const preference = parseLayerPreference(layerCookieValueOf(request.headers.get("cookie")));
  const row = await db().article.findUnique({
    where: { id: articleId },
    select: { archivedAt: true, projects: { orderBy: [{ addedAt: "asc" }, { projectId: "asc" }], select: { projectId: true, project: { select: projectFactsSelect(actor) } } } },
  });
  const layers = row?.projects.map(({ projectId, project }) => ({ id: projectId, facts: projectFacts(project) })) ?? [];
  const article = row && { archivedAt: row.archivedAt, projects: layers.map((layer) => layer.facts) };
  if (!article || !canRead(actor, { type: "article", article }, policy)) throw notFound("The article");
  // The layer the reader has on screen, chosen as the page chose it: another layer's work is not sent.
  const layer = chooseViewLayer(actor, layers, preference);
  return eventStreamResponse(request.signal, (sink) => subscribeToArticle({ articleId, viewer: { actor, policy, layer }, sessionId, after, sink }));
}

function parseCursor(value: string | null): bigint | null {
  if (value === null || value.trim() === "") return null;
  const parsed = eventCursorSchema.safeParse(value);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Bad event id.");
  return parsed.data;
}
