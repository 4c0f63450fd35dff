import "server-only";
import { projectFacts, projectFactsSelect } from "@/lib/permissions/where";
import type { ArticleEventDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { inViewerLayer, planReplay, replayDelivery, type LoggedChange, type ReplayItem, type Viewer } from "@/lib/live/replay";
import { annotationSelect, noteSelect, toAnnotationDTO, toNoteDTO } from "@/lib/server/annotations/annotation-dto";
import { prunedThrough } from "@/lib/server/live/compact-event-log";

/** What a subscriber gets for the events between its cursor and the horizon. */
export type CatchUp = { kind: "reset"; reason: "gap" | "revised" } | { kind: "events"; events: ArticleEventDTO[] };

/** Log rows read for one catch-up before giving up on replaying (the client refetches instead). */
const MAX_SCAN = 5000;

/**
 * The catch-up of one reader from `after` to `upTo`: the events in between
 * collapsed to one item per annotation or note, each sent as its current
 * row (through the one DTO mapper) when this reader may read it now, else as
 * a bare deletion — never the log's old payloads. A cursor older than what
 * the log still holds, a new revision, or too much, is a reset.
 */
export async function readCatchUp({ articleId, after, upTo, viewer }: { articleId: string; after: bigint; upTo: bigint; viewer: Viewer }): Promise<CatchUp> {
  // Only ids, types and audiences: the payloads (old bodies) are never read back.
  const [pruned, rows] = await Promise.all([
    prunedThrough(articleId),
    db().$queryRawUnsafe<{ id: string; type: LoggedChange["type"]; entityId: string | null; audienceId: string | null }[]>(
      // Ordered by the bigint column, not by the text alias ("10" < "9").
      `SELECT e.id::text AS id, type, "audienceId",
              COALESCE(payload->'annotation'->>'id', payload->>'annotationId', payload->'note'->>'id', payload->>'noteId', payload->>'suggestionId') AS "entityId"
         FROM "ArticleEvent" e
        WHERE "articleId" = $1 AND e.id > $2::bigint AND e.id <= $3::bigint
        ORDER BY e.id LIMIT ${MAX_SCAN + 1}`,
      articleId,
      after.toString(),
      upTo.toString(),
    ),
  ]);
  if (after < pruned || rows.length > MAX_SCAN) return { kind: "reset", reason: "gap" };
  const plan = planReplay(rows.map((row) => ({ ...row, id: BigInt(row.id) })));
  if (plan.kind === "reset") return plan;
  if (plan.items.length === 0) return { kind: "events", events: [] };
  return { kind: "events", events: await currentStateOf(articleId, plan.items, viewer) };
}

async function currentStateOf(articleId: string, items: ReplayItem[], viewer: Viewer): Promise<ArticleEventDTO[]> {
  const idsOf = (entity: ReplayItem["entity"]) => items.filter((item) => item.entity === entity).map((item) => item.entityId);
  const [article, annotations, notes, suggestions] = await Promise.all([
    db().article.findUnique({ where: { id: articleId }, select: { archivedAt: true, projects: { select: { project: { select: projectFactsSelect(viewer.actor) } } } } }),
    db().annotation.findMany({ where: { id: { in: idsOf("annotation") }, articleId }, select: { ...annotationSelect, deletedAt: true, project: { select: projectFactsSelect(viewer.actor) } } }),
    db().note.findMany({
      where: { id: { in: idsOf("note") }, articleId },
      select: { ...noteSelect, deletedAt: true, project: { select: projectFactsSelect(viewer.actor) }, annotation: { select: { authorId: true, visibility: true, deletedAt: true } } },
    }),
    // Decisions are final: a suggestion decided in the window is sent as it stands.
    db().suggestion.findMany({ where: { id: { in: idsOf("suggestion") }, articleId, status: { not: "OPEN" } }, select: { id: true, status: true } }),
  ]);
  // The projects as they are now, with the viewer's membership: a Closed layer's work reaches its members only.
  const facts = { archivedAt: article?.archivedAt ?? null, projects: article?.projects.map(({ project }) => projectFacts(project)) ?? [] };
  const layerOf = (row: { project: Parameters<typeof projectFacts>[0] | null }) => (row.project ? projectFacts(row.project) : null);
  const annotationById = new Map(annotations.map((row) => [row.id, row]));
  const noteById = new Map(notes.map((row) => [row.id, row]));
  const suggestionById = new Map(suggestions.map((row) => [row.id, row]));

  const events: ArticleEventDTO[] = [];
  for (const item of items) {
    const id = item.eventId.toString();
    if (item.entity === "suggestion") {
      const row = suggestionById.get(item.entityId);
      if (row && row.status !== "OPEN") events.push({ id, type: "suggestion.decided", suggestionId: row.id, status: row.status });
    } else if (item.entity === "annotation") {
      const row = annotationById.get(item.entityId);
      const readable = row && { type: "annotation" as const, article: facts, annotation: { authorId: row.author.id, visibility: row.visibility, deletedAt: row.deletedAt, project: layerOf(row) } };
      // Work in another layer than the one on screen is not this reader's to hear of.
      const delivery = row && !inViewerLayer(viewer, row.projectId) ? "skip" : replayDelivery(viewer, readable ?? null, item);
      if (delivery === "send" && row) {
        const { deletedAt: _deleted, project: _project, ...dto } = row;
        events.push({ id, type: "annotation.upserted", annotation: toAnnotationDTO(dto) });
      } else if (delivery === "delete") events.push({ id, type: "annotation.deleted", annotationId: item.entityId });
    } else {
      const row = noteById.get(item.entityId);
      const readable = row && {
        type: "note" as const,
        article: facts,
        note: { authorId: row.author.id, visibility: row.visibility, deletedAt: row.deletedAt, project: layerOf(row) },
        annotation: row.annotation,
      };
      const delivery = row && !inViewerLayer(viewer, row.projectId) ? "skip" : replayDelivery(viewer, readable ?? null, item);
      if (delivery === "send" && row) {
        const { deletedAt: _deleted, annotation: _annotation, project: _project, ...dto } = row;
        events.push({ id, type: "note.upserted", note: toNoteDTO(dto) });
      } else if (delivery === "delete") events.push({ id, type: "note.deleted", noteId: item.entityId });
    }
  }
  return events;
}
