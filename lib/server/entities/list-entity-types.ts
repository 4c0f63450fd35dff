import "server-only";
import type { EntityTypeDTO } from "@/lib/annotations/types";
import { db } from "@/lib/db";

/** Entity types in menu order (their hotkeys follow it). */
export async function listEntityTypes(): Promise<EntityTypeDTO[]> {
  return db().entityType.findMany({ orderBy: { position: "asc" }, select: { id: true, key: true, label: true, color: true, hotkey: true } });
}
