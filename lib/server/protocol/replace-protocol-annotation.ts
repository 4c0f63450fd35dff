import "server-only";
import { kindOf } from "@/lib/annotations/kinds";
import type { Actor } from "@/lib/permissions";
import { ifMatchHolds } from "@/lib/protocol/etag";
import { updateAnnotation } from "@/lib/server/annotations/update-annotation";
import { AppError } from "@/lib/server/errors";
import { createNote } from "@/lib/server/notes/create-note";
import { updateNote } from "@/lib/server/notes/update-note";
import { findContainedAnnotation } from "@/lib/server/protocol/get-protocol-annotation";
import { currentEtag, documentResponse } from "@/lib/server/protocol/protocol-response";
import { w3cCreateInput } from "@/lib/server/protocol/w3c-create-input";

const refused = (message: string) => new AppError("UNPROCESSABLE", message);

/**
 * PUT of an annotation in an article's container: the new description replaces the old one.
 * If-Match is required (428 without, 412 when stale), so two clients never overwrite each other.
 * What may change is what the reader lets one change: the kind's fields (colour, entity type and
 * entity, speaker) and the comment; the target, the kind and `canonical` may not (422/409: delete
 * and create instead). Permission and live events are the reader's (updateAnnotation, updateNote).
 */
export async function replaceProtocolAnnotation({ actor, slug, annotationId, body, request }: { actor: Actor | null; slug: string; annotationId: string; body: unknown; request: Request }): Promise<Response> {
  const { container, annotation } = await findContainedAnnotation({ actor, slug, annotationId });
  const ifMatch = request.headers.get("if-match");
  if (ifMatch === null) throw new AppError("PRECONDITION_REQUIRED", "Send If-Match with the ETag you read, so that a change made meanwhile is not overwritten.");
  if (!ifMatchHolds(ifMatch, currentEtag(annotation.document))) {
    throw new AppError("PRECONDITION_FAILED", "This annotation changed since you read it (If-Match does not hold): GET it again and apply your change to it.");
  }
  const record = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  if (record.id !== undefined && record.id !== annotation.id) throw new AppError("INVALID_INPUT", `id must be this annotation's IRI, ${annotation.id}.`);
  const { data, canonical } = await w3cCreateInput(body, container);
  if ((annotation.document.canonical ?? null) !== canonical) throw new AppError("CONFLICT", "canonical may not change (nor be added or removed).");
  const current = annotation.dto;
  if (data.kind !== current.kind) throw refused(`The kind cannot change (this is a ${kindOf(current.kind).label.toLowerCase()}): delete it and create another.`);
  if (data.paragraphId !== current.paragraphId || data.start !== current.start || data.end !== current.end) {
    throw refused("The target cannot change: delete this annotation and create another on the new words.");
  }

  const changes = changedFields(data as unknown as Record<string, unknown>, current as unknown as Record<string, unknown>, current.kind);
  const note = "note" in data ? data.note : undefined;
  const existing = annotation.notes[0];
  if (existing && note === undefined) throw refused("To remove the comment, delete it in the reader: a PUT may change it, not drop it.");
  if (Object.keys(changes).length > 0) await updateAnnotation({ actor, annotationId, input: { version: current.version, ...changes } });
  if (note !== undefined && existing && existing.body !== note) await updateNote({ actor, noteId: existing.id, input: { version: existing.version, body: note } });
  if (note !== undefined && !existing) await createNote({ actor, articleId: container.article.id, input: { paragraphId: current.paragraphId, annotationId, body: note, visibility: current.visibility } });

  const { annotation: replaced } = await findContainedAnnotation({ actor, slug, annotationId });
  return documentResponse(request, { kind: "annotation", document: replaced.document });
}

/** The kind's inputs whose value differs from the annotation's (ids compared with the referenced rows' ids). */
function changedFields(data: Record<string, unknown>, current: Record<string, unknown>, kind: Parameters<typeof kindOf>[0]): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const [name, spec] of Object.entries(kindOf(kind).fields)) {
    const next = data[spec.column];
    if (typeof next !== "string") continue;
    const value = current[name];
    const now = "ref" in spec ? ((value as { id?: string } | null)?.id ?? null) : value;
    if (now !== next) changes[spec.column] = next;
  }
  return changes;
}
