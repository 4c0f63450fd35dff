import "server-only";
import { kindOf, type AnnotationKind } from "@/lib/annotations/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";
import { AppError } from "@/lib/server/errors";

/**
 * A create or update input of a `kind` with its entity types taken from the label set of the layer the work goes into
 * (`projectId`; the default project's for work outside projects). A type is named by id, but the
 * id may be another project's type with the same key: Web Annotation clients and imported files
 * name types by key (…/entity-types/PER), which means the same thing in every label set (see
 * lib/server/entities/same-key-entity.ts). Each is replaced by the layer's own type with that key,
 * so a desk's tag shows the desk's label and colour; a key the layer's label set lacks, or a type
 * that does not exist, is refused (422) and nothing is written.
 */
export async function inLayerLabelSet<T extends object>(tx: Prisma.TransactionClient, kind: AnnotationKind, data: T, projectId: string | null): Promise<T> {
  const columns = Object.values(kindOf(kind).fields).flatMap((spec) => ("ref" in spec && spec.ref === "entityTypes" ? [spec.column] : []));
  const record = data as unknown as Record<string, unknown>;
  const layer = projectId ?? DEFAULT_PROJECT_ID;
  const replaced: Record<string, string> = {};
  for (const column of columns) {
    const typeId = record[column];
    if (typeof typeId !== "string") continue;
    const type = await tx.entityType.findUnique({ where: { id: typeId }, select: { projectId: true, key: true } });
    if (!type) throw new AppError("UNPROCESSABLE", "That entity type does not exist.");
    if (type.projectId === layer) continue;
    const own = await tx.entityType.findFirst({ where: { projectId: layer, key: type.key }, select: { id: true } });
    if (!own) throw new AppError("UNPROCESSABLE", `This project's label set has no entity type ${type.key}: a Manager may add it on the project's Labels tab.`);
    replaced[column] = own.id;
  }
  return Object.keys(replaced).length ? { ...data, ...replaced } : data;
}
