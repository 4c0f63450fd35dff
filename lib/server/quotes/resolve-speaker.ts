import "server-only";
import { SPEAKER_TYPE_KEYS } from "@/lib/annotations/kinds";
import type { Visibility } from "@/lib/annotations/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { linkEntity } from "@/lib/server/entities/link-entity";
import { AppError } from "@/lib/server/errors";

/** A quote's speaker as a request names it: an existing entity, or a name and type to link or create. */
export interface SpeakerInput {
  speakerId?: string;
  speakerName?: string;
  speakerTypeId?: string;
}

const NOT_A_SPEAKER = "A speaker is a person or an organisation.";

/**
 * The entity a quote is attributed to: the chosen one (which the actor must be able to know of,
 * as for an entity tag), else the person or organisation of that name (by name or alias), else a
 * new one created by the actor — what linkEntity does for an entity tag's words, so a speaker
 * typed as "пресс-служба Кремля" twice is one entity. Throws a 422 when none is named.
 */
export async function resolveSpeaker(tx: Prisma.TransactionClient, { actor, input, visibility }: { actor: Actor; input: SpeakerInput; visibility: Visibility }): Promise<string> {
  if (input.speakerId) {
    const entity = await tx.entity.findUnique({ where: { id: input.speakerId }, select: { name: true, typeId: true, type: { select: { key: true } } } });
    if (!entity) throw new AppError("UNPROCESSABLE", "That entity does not exist.");
    // linkEntity first: an entity the actor may not know of reads as missing, whatever its type.
    const speakerId = await linkEntity(tx, { actor, entityTypeId: entity.typeId, mention: entity.name, entityId: input.speakerId, visibility });
    if (!isSpeakerType(entity.type.key)) throw new AppError("UNPROCESSABLE", NOT_A_SPEAKER);
    return speakerId;
  }
  if (input.speakerName && input.speakerTypeId) {
    const type = await tx.entityType.findUnique({ where: { id: input.speakerTypeId }, select: { key: true } });
    if (!type) throw new AppError("UNPROCESSABLE", "That entity type does not exist.");
    if (!isSpeakerType(type.key)) throw new AppError("UNPROCESSABLE", NOT_A_SPEAKER);
    return linkEntity(tx, { actor, entityTypeId: input.speakerTypeId, mention: input.speakerName, visibility });
  }
  throw new AppError("UNPROCESSABLE", "Choose who said it: a speaker (speakerId), or a new one's name and type (speakerName and speakerTypeId).");
}

/** Whether an update names a new speaker. */
export function namesSpeaker(input: SpeakerInput): boolean {
  return input.speakerId !== undefined || input.speakerName !== undefined || input.speakerTypeId !== undefined;
}

function isSpeakerType(key: string): boolean {
  return (SPEAKER_TYPE_KEYS as readonly string[]).includes(key);
}
