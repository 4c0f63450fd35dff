import "server-only";
import { kindColumnsFromInput } from "@/lib/annotations/annotation-row";
import type { AnnotationKind, KindColumns } from "@/lib/annotations/kinds";
import type { Visibility } from "@/lib/annotations/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";
import { linkEntity } from "@/lib/server/entities/link-entity";
import { namesSpeaker, resolveSpeaker } from "@/lib/server/quotes/resolve-speaker";
import type { CreateAnnotationInput, UpdateAnnotationInput } from "@/lib/validations/annotation";

/** An annotation being changed, as find-annotation-for-write reads it. */
interface CurrentAnnotation extends KindColumns {
  kind: AnnotationKind;
  exact: string;
  visibility: Visibility;
}

/**
 * The part of a kind's write that needs the database: the kind columns a create stores and an
 * update changes (undefined: unchanged), from the parsed input. The registry (lib/annotations/kinds.ts)
 * says which columns a kind has and how its input is validated; this says how their values are
 * resolved, e.g. an entity tag's words linked to a canonical entity. One entry per kind, so a new
 * kind does not compile until it says how it is written.
 */
interface KindWrite<K extends AnnotationKind> {
  create(tx: Prisma.TransactionClient, write: { actor: Actor; input: Extract<CreateAnnotationInput, { kind: K }> }): Promise<KindColumns>;
  update(tx: Prisma.TransactionClient, write: { actor: Actor; current: CurrentAnnotation; input: UpdateAnnotationInput }): Promise<Partial<KindColumns>>;
}

const KIND_WRITES = {
  HIGHLIGHT: {
    create: async (_tx, { input }) => kindColumnsFromInput(input),
    update: async (_tx, { input }) => ({ color: input.color }),
  },
  ENTITY: {
    create: async (tx, { actor, input }) => ({
      ...kindColumnsFromInput(input),
      entityId: await linkEntity(tx, { actor, entityTypeId: input.entityTypeId, mention: input.exact, entityId: input.entityId, visibility: input.visibility }),
    }),
    update: async (tx, { actor, current, input }) => {
      const retyped = input.entityTypeId !== undefined && input.entityTypeId !== current.entityTypeId;
      if (!input.entityId && !retyped) return {};
      const entityTypeId = input.entityTypeId ?? current.entityTypeId!;
      const entityId = await linkEntity(tx, { actor, entityTypeId, mention: current.exact, entityId: input.entityId, visibility: input.visibility ?? current.visibility });
      return { entityTypeId: input.entityTypeId, entityId };
    },
  },
  QUOTE: {
    create: async (tx, { actor, input }) => ({ ...kindColumnsFromInput(input), speakerId: await resolveSpeaker(tx, { actor, input, visibility: input.visibility }) }),
    update: async (tx, { actor, current, input }) =>
      namesSpeaker(input) ? { speakerId: await resolveSpeaker(tx, { actor, input, visibility: input.visibility ?? current.visibility }) } : {},
  },
} satisfies { [K in AnnotationKind]: KindWrite<K> };

/** The kind columns to store for a new annotation (after linking what needs linking). */
export function kindColumnsForCreate(tx: Prisma.TransactionClient, write: { actor: Actor; input: CreateAnnotationInput }): Promise<KindColumns> {
  // Each entry takes its own kind's input, which TypeScript cannot correlate with the lookup by kind.
  return (KIND_WRITES[write.input.kind] as KindWrite<AnnotationKind>).create(tx, write);
}

/** The kind columns an update changes; the caller has refused fields of other kinds (refusedUpdateFields). */
export function kindColumnsForUpdate(tx: Prisma.TransactionClient, write: { actor: Actor; current: CurrentAnnotation; input: UpdateAnnotationInput }): Promise<Partial<KindColumns>> {
  return KIND_WRITES[write.current.kind].update(tx, write);
}
