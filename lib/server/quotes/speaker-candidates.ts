import "server-only";
import { SPEAKER_TYPE_KEYS } from "@/lib/annotations/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { readableEntityWhere } from "@/lib/permissions/where";
import { linkSpeaker } from "@/lib/quotes";
import { visibleAliases } from "@/lib/server/entities/visible-aliases";
import { readableMentionWhere } from "@/lib/permissions/where";

export interface SpeakerCandidate {
  id: string;
  name: string;
  aliases: string[];
  kind: "person" | "organisation";
}

/**
 * The people and organisations the actor may know of, with the names readable mentions give
 * them: what a suggested speaker's words are linked against (linkSpeaker), so a suggestion never
 * names an entity the actor could not find by searching.
 */
export async function loadSpeakerCandidates(client: Prisma.TransactionClient, actor: Actor): Promise<SpeakerCandidate[]> {
  const entities = await client.entity.findMany({
    where: { type: { key: { in: [...SPEAKER_TYPE_KEYS] } }, AND: [readableEntityWhere(actor)] },
    select: { id: true, name: true, type: { select: { key: true } }, annotations: { where: readableMentionWhere(actor), select: { exact: true } } },
  });
  return entities.map((entity) => ({
    id: entity.id,
    name: entity.name,
    aliases: visibleAliases(entity.name, entity.annotations.map((mention) => mention.exact)),
    kind: entity.type.key === "ORG" ? "organisation" : "person",
  }));
}

/** The known speaker the finder's words name, if exactly one matches. */
export function linkSpeakerText(text: string | null, candidates: readonly SpeakerCandidate[]): SpeakerCandidate | null {
  return text ? (linkSpeaker(text, candidates) ?? null) : null;
}
