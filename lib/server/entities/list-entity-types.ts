import "server-only";
import type { EntityTypeDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";
import { DEFAULT_PROJECT_ID } from "@/lib/projects/default-project";

/** A project's entity types (the default project's unless named) in menu order (their hotkeys follow it). */
export async function listEntityTypes(projectId: string = DEFAULT_PROJECT_ID): Promise<EntityTypeDTO[]> {
  return db().entityType.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, key: true, label: true, color: true, hotkey: true, description: true } });
}
